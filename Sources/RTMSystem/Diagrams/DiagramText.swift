import StateGraph

/// Shortens labels for diagrams: SDK names inside a label lose their family prefix.
///
/// `onConnectionStateChanged(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGE_REASON_LOGIN_SUCCESS)`
/// becomes `onConnectionStateChanged(CONNECTED, LOGIN_SUCCESS)`; names without a family marker
/// (``SDKName/markers``) stay as they are. The full names remain in the JSON export and in node
/// tooltips.
public enum DiagramText {
    /// `label` with every SDK-style word (upper case, digits and `_`) replaced by its short form.
    public static func shorten(_ label: String) -> String {
        var out = ""
        var word = ""
        func flush() {
            if !word.isEmpty {
                out += isSDKWord(word) ? SDKName.shortLabel(word) : word
                word = ""
            }
        }
        for character in label {
            if character.isASCII && (character.isUppercase || character.isNumber || character == "_") {
                word.append(character)
            } else if character.isASCII && character.isLowercase && !word.isEmpty {
                // Part of a camel-case identifier such as `onLoginSuccess`: not an SDK name.
                out += word
                word = ""
                out.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    /// The name before any argument list: `join(loggedIn: true)` gives `join`.
    public static func baseName(_ label: String) -> String {
        guard let index = label.firstIndex(where: { $0 == "(" || $0 == " " }) else { return label }
        return String(label[..<index])
    }

    /// Whether `word` looks like an SDK enumerator: two or more upper-case words joined by `_`.
    static func isSDKWord(_ word: String) -> Bool {
        word.contains("_") && word.first?.isUppercase == true
    }

    /// Joins `items` with `, ` into lines of at most `width` characters, counting the separator
    /// that ends every line but the last (an item longer than `width` gets a line of its own).
    public static func wrap(_ items: [String], width: Int, separator: String = ", ") -> [String] {
        var lines: [String] = []
        var line = ""
        for item in items {
            if line.isEmpty {
                line = item
            } else if line.count + separator.count + item.count + separator.trimmingTrailingSpaces.count <= width {
                line += separator + item
            } else {
                lines.append(line + separator.trimmingTrailingSpaces)
                line = item
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
