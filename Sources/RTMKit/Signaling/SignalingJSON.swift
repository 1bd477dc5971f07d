/// The little JSON the Signaling facade reads and writes: invitation `extra` (`_require_peer_online`),
/// `invoke` requests and responses, `onUserAttrAllResult` values.
///
/// Writing is deterministic (keys in the order given, minimal escaping). Reading accepts one JSON object
/// and keeps its top-level scalar members; nested objects and arrays are skipped.
public enum SignalingJSON {
    /// A top-level scalar member of a parsed object.
    public enum Scalar: Hashable, Sendable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null

        /// The member read as a flag the way the Signaling SDK writes them: 1, "1" or true.
        public var isTrueFlag: Bool {
            switch self {
            case .string(let s): s == "1" || s == "true"
            case .number(let n): n == 1
            case .bool(let b): b
            case .null: false
            }
        }
    }

    /// `s` as a JSON string literal.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// An object of string members, in the given order.
    public static func object(_ members: [(key: String, value: String)]) -> String {
        "{" + members.map { "\(string($0.key)):\(string($0.value))" }.joined(separator: ",") + "}"
    }

    /// The top-level scalar members of the JSON object `text`, or nil when `text` is not one object.
    public static func parseObject(_ text: String) -> [String: Scalar]? {
        var reader = Reader(Array(text.utf8))
        return reader.topLevelObject()
    }

    private struct Reader {
        let bytes: [UInt8]
        var i = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func topLevelObject() -> [String: Scalar]? {
            skipSpace()
            guard peek == UInt8(ascii: "{") else { return nil }
            var members: [String: Scalar] = [:]
            guard object(into: &members) else { return nil }
            skipSpace()
            return i == bytes.count ? members : nil
        }

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipSpace() {
            while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1 }
        }

        mutating func expect(_ c: Character) -> Bool {
            skipSpace()
            guard let ascii = c.asciiValue, peek == ascii else { return false }
            i += 1
            return true
        }

        /// Reads an object; when `members` is given, records its scalar members.
        mutating func object(into members: inout [String: Scalar]) -> Bool {
            guard expect("{") else { return false }
            if expect("}") { return true }
            repeat {
                skipSpace()
                guard let key = stringLiteral(), expect(":") else { return false }
                var nested: [String: Scalar] = [:]
                guard let value = value(nested: &nested) else { return false }
                if let value { members[key] = value }
            } while expect(",")
            return expect("}")
        }

        /// Reads any value: `.some(scalar)` for a scalar, `.some(nil)` for an object or array, nil on error.
        mutating func value(nested: inout [String: Scalar]) -> Scalar?? {
            skipSpace()
            guard let b = peek else { return nil }
            switch b {
            case UInt8(ascii: "{"): return object(into: &nested) ? .some(nil) : nil
            case UInt8(ascii: "["):
                i += 1
                if expect("]") { return .some(nil) }
                repeat {
                    var ignored: [String: Scalar] = [:]
                    guard value(nested: &ignored) != nil else { return nil }
                } while expect(",")
                return expect("]") ? .some(nil) : nil
            case UInt8(ascii: "\""): return stringLiteral().map { .some(.string($0)) }
            case UInt8(ascii: "t"): return word("true") ? .some(.bool(true)) : nil
            case UInt8(ascii: "f"): return word("false") ? .some(.bool(false)) : nil
            case UInt8(ascii: "n"): return word("null") ? .some(.null) : nil
            default: return number().map { .some(.number($0)) }
            }
        }

        mutating func word(_ w: String) -> Bool {
            let utf8 = Array(w.utf8)
            guard i + utf8.count <= bytes.count, Array(bytes[i..<i + utf8.count]) == utf8 else { return false }
            i += utf8.count
            return true
        }

        mutating func number() -> Double? {
            let start = i
            while let b = peek, (0x30...0x39).contains(b) || [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains(b) { i += 1 }
            return i > start ? Double(String(decoding: bytes[start..<i], as: UTF8.self)) : nil
        }

        mutating func stringLiteral() -> String? {
            guard peek == UInt8(ascii: "\"") else { return nil }
            i += 1
            var out: [UInt8] = []
            while let b = peek {
                i += 1
                switch b {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let e = peek else { return nil }
                    i += 1
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard i + 4 <= bytes.count,
                            let code = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16)
                        else { return nil }
                        i += 4
                        out += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                    default: out.append(e)
                    }
                default: out.append(b)
                }
            }
            return nil
        }
    }
}
