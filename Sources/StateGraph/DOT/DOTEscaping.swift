/// How text is quoted in DOT output.
///
/// DOT's lexer turns `\"` into `"` and keeps every other backslash pair as it is; label-like
/// attributes are then read as *escString*s, where `\\` is a backslash, `\n` a centred line break
/// and `\N`, `\G` stand for the node or graph name. HTML-like labels (`<...>`) are XML.
enum DOTEscaping {
    /// A quoted DOT id. Injective: `\` is doubled, `"` becomes `\"`, line breaks and tabs become
    /// `\n`, `\r`, `\t`, other control characters `\xHH`; nothing else changes, so ordinary ids
    /// stay readable. The string never ends the quote early and never contains a raw line break.
    static func id(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isControl(scalar) {
                    out += "\\x" + hex(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A quoted escString (label, tooltip): the text reads back exactly as given. Line breaks
    /// become `\n` (centred lines); control characters other than tab become U+FFFD.
    static func escString(_ text: String) -> String {
        var out = "\""
        for scalar in normalizedLineBreaks(text).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out + "\""
    }

    /// Text for the inside of an HTML-like label: XML entities for `&<>"`, `<BR/>` for line
    /// breaks, `&#160;` for leading spaces (which Graphviz would otherwise drop), U+FFFD for
    /// control characters.
    static func html(_ text: String) -> String {
        var lines: [String] = []
        for line in normalizedLineBreaks(text).split(separator: "\n", omittingEmptySubsequences: false) {
            var out = ""
            var leading = true
            for scalar in line.unicodeScalars {
                if scalar != " " { leading = false }
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case " " where leading: out += "&#160;"
                case "\t": out += "&#160;&#160;&#160;&#160;"
                default:
                    out.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
                }
            }
            lines.append(out)
        }
        return lines.joined(separator: "<BR/>")
    }

    private static func normalizedLineBreaks(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { out.append(scalar) }
            previousWasCR = false
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4) & 0xF], digits[Int(value) & 0xF]])
    }
}
