/// A field of a ``PackedState``: `width` bits starting at bit `offset`.
@frozen
public struct PackedField: Hashable, Sendable {
    public let offset: Int
    public let width: Int

    /// `width` (clamped to 1...64) bits at bit `offset`.
    @inlinable
    public init(offset: Int, width: Int) {
        self.offset = max(0, offset)
        self.width = min(max(1, width), 64)
    }

    /// The largest value the field holds.
    @inlinable
    public var maximum: UInt64 { width >= 64 ? .max : (1 << UInt64(width)) - 1 }
}

/// Hands out consecutive fields of a ``PackedState``.
///
/// ```swift
/// var layout = PackedLayout()
/// let connection = layout.field(values: 5)      // 3 bits
/// let logouts = layout.field(bits: 1)
/// ```
public struct PackedLayout: Hashable, Sendable {
    /// Bits handed out so far.
    public private(set) var bits = 0

    public init() {}

    /// The next `bits` bits (clamped to 1...64).
    public mutating func field(bits width: Int) -> PackedField {
        let field = PackedField(offset: bits, width: min(max(1, width), 64))
        bits += field.width
        return field
    }

    /// A field wide enough for the values `0..<values`.
    public mutating func field(values: Int) -> PackedField {
        var width = 1
        while width < 64, (1 << width) < values { width += 1 }
        return field(bits: width)
    }

    /// Whether everything handed out fits in a ``PackedState``.
    public var fits: Bool { bits <= PackedState.capacityBits }
}

/// A state of up to 512 bits stored inline (64 bytes, no heap storage): no allocation when a
/// successor is made, no reference counting when it is copied or compared, and an 8-word
/// fingerprint. Models whose composed state is a handful of small enums and counters can encode
/// it here (see ``PackedLayout``) and decode it for their own logic.
///
/// Reading or writing a field outside the 512 bits reads 0 and writes nothing (the core never traps).
@frozen
public struct PackedState: Hashable, Sendable, StableHashable {
    public typealias Words = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The bits, word 0 first; bit `i` is bit `i % 64` of word `i / 64`.
    public var words: Words

    public static var capacityBits: Int { 512 }

    /// All bits zero.
    @inlinable
    public init() { words = (0, 0, 0, 0, 0, 0, 0, 0) }

    /// Word `index` (0...7; others read 0).
    @inlinable
    public func word(_ index: Int) -> UInt64 {
        guard (0..<8).contains(index) else { return 0 }
        return withUnsafeBytes(of: words) { $0.load(fromByteOffset: index * 8, as: UInt64.self) }
    }

    @inlinable
    mutating func setWord(_ index: Int, _ value: UInt64) {
        guard (0..<8).contains(index) else { return }
        withUnsafeMutableBytes(of: &words) { $0.storeBytes(of: value, toByteOffset: index * 8, as: UInt64.self) }
    }

    /// The value of `field` (fields may straddle two words).
    @inlinable
    public subscript(field: PackedField) -> UInt64 {
        get {
            let index = field.offset >> 6
            let shift = UInt64(field.offset & 63)
            var value = word(index) >> shift
            if shift + UInt64(field.width) > 64 { value |= word(index + 1) << (64 - shift) }
            return value & field.maximum
        }
        set {
            let value = newValue & field.maximum
            let index = field.offset >> 6
            let shift = UInt64(field.offset & 63)
            setWord(index, (word(index) & ~(field.maximum << shift)) | (value << shift))
            if shift + UInt64(field.width) > 64 {
                let high = 64 - shift
                let mask = field.maximum >> high
                setWord(index + 1, (word(index + 1) & ~mask) | (value >> high))
            }
        }
    }

    /// A field as an `Int`.
    @inlinable
    public func int(_ field: PackedField) -> Int { Int(truncatingIfNeeded: self[field]) }

    @inlinable
    public static func == (lhs: PackedState, rhs: PackedState) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
            && lhs.words.3 == rhs.words.3 && lhs.words.4 == rhs.words.4 && lhs.words.5 == rhs.words.5
            && lhs.words.6 == rhs.words.6 && lhs.words.7 == rhs.words.7
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        for index in 0..<8 { hasher.combine(word(index)) }
    }

    /// The eight words in order.
    @inlinable
    public func stableHash(into hasher: inout StableHasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
        hasher.combine(words.4)
        hasher.combine(words.5)
        hasher.combine(words.6)
        hasher.combine(words.7)
    }
}
