/// zlib's CRC-32 (ISO-HDLC: reflected polynomial `0xEDB88320`, initial value and final XOR
/// `0xFFFFFFFF`), table-driven.
///
/// AccessToken "006" stores `crc32(channelName)` and `crc32(uid)` in the token
/// (rtm-reference §5.1). `crc32("")` is 0 and `crc32("123456789")` is `0xCBF43926`.
///
/// ```swift
/// let crc = CRC32.checksum(Array("hello".utf8))  // 0x3610A686
/// ```
public enum CRC32 {
    /// One entry per byte value: the CRC of that byte through eight shift/XOR rounds.
    static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 {
            crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
        }
        return crc
    }

    /// The CRC-32 of `bytes`.
    ///
    /// - Complexity: O(n).
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        update(0, with: bytes)
    }

    /// The CRC-32 of a string's UTF-8 bytes.
    public static func checksum(_ string: String) -> UInt32 {
        checksum(string.utf8)
    }

    /// Continues a running checksum: `update(checksum(a), with: b) == checksum(a + b)`.
    public static func update<Bytes: Sequence>(_ crc: UInt32, with bytes: Bytes) -> UInt32
    where Bytes.Element == UInt8 {
        var value = ~crc
        for byte in bytes {
            value = table[Int((value ^ UInt32(byte)) & 0xFF)] ^ (value >> 8)
        }
        return ~value
    }
}
