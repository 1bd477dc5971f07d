/// Hexadecimal helpers shared by the token code.
public enum Hex {
    /// Lowercase hex of `bytes`: `[0xAB, 0x01]` becomes `"ab01"`.
    public static func lowercase<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is exactly `count` hex digits (either case), as the C++ token builder's
    /// `isUUID` check requires of App IDs and certificates.
    public static func isHex(_ text: String, count: Int) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == count && bytes.allSatisfy(isHexDigit)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }
}
