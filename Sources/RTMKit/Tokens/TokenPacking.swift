/// Little-endian packing as the AgoraDynamicKey `Packer`: integers little-endian, a string is a
/// `u16` length then its bytes, a map is a `u16` count then its entries.
struct TokenWriter {
    /// A string or map longer than 65,535 bytes or entries cannot be packed.
    struct Overflow: Error {}

    private(set) var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    mutating func string(_ value: [UInt8]) throws(Overflow) {
        guard let length = UInt16(exactly: value.count) else { throw Overflow() }
        u16(length)
        bytes += value
    }

    /// `u16 count ‖ count × (u16 key ‖ u32 value)`, entries sorted by key.
    mutating func map(_ value: [UInt16: UInt32]) throws(Overflow) {
        guard let count = UInt16(exactly: value.count) else { throw Overflow() }
        u16(count)
        for key in value.keys.sorted() {
            u16(key)
            u32(value[key] ?? 0)
        }
    }
}

/// Reads what ``TokenWriter`` writes; every read checks bounds and throws a
/// ``TokenFormatError`` naming the field instead of trapping.
struct TokenReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }

    mutating func take(_ count: Int, field: String) throws(TokenFormatError) -> ArraySlice<UInt8> {
        guard count <= remaining else {
            throw .truncated(field: field, needed: count, available: remaining)
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func u16(field: String) throws(TokenFormatError) -> UInt16 {
        let slice = try take(2, field: field)
        return slice.reversed().reduce(0) { ($0 << 8) | UInt16($1) }
    }

    mutating func u32(field: String) throws(TokenFormatError) -> UInt32 {
        let slice = try take(4, field: field)
        return slice.reversed().reduce(0) { ($0 << 8) | UInt32($1) }
    }

    mutating func string(field: String) throws(TokenFormatError) -> [UInt8] {
        let length = try u16(field: "the length of \(field)")
        return Array(try take(Int(length), field: field))
    }

    /// Fails when anything is left, naming the section that should have ended.
    func expectEnd(of section: String) throws(TokenFormatError) {
        guard remaining == 0 else { throw .trailingBytes(section: section, count: remaining) }
    }
}

/// Compares two byte strings in time that depends only on their lengths.
func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices {
        difference |= lhs[index] ^ rhs[index]
    }
    return difference == 0
}
