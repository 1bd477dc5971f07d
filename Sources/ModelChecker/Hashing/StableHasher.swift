/// A 64-bit fingerprint of a state, identical in every process and on every run.
///
/// The explored-state table is keyed by fingerprints (hash compaction), and fingerprints appear in
/// reports, so they come from ``StableHasher`` (a fixed-seed hash of a canonical encoding), never
/// from Swift's `Hasher`, which is seeded per process.
@frozen
public struct Fingerprint: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The 64 hash bits.
    public var rawValue: UInt64

    @inlinable
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The fingerprint of a value's canonical encoding.
    @inlinable
    public init<T: StableHashable>(of value: T) {
        var hasher = StableHasher()
        value.stableHash(into: &hasher)
        self = hasher.finalize()
    }

    public static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Sixteen lowercase hex digits.
    public var description: String {
        let digits = String(rawValue, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard text.count == 16, let value = UInt64(text, radix: 16) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a fingerprint is 16 hex digits, got \(text)")
        }
        rawValue = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A fixed-seed 64-bit hash over a stream of 64-bit words (xxHash64-style mixing).
///
/// Callers feed a canonical encoding of a value: integers as 64-bit two's complement words, `Bool`
/// as 0 or 1, strings as their UTF-8 byte count followed by the bytes packed eight to a word
/// (little-endian), collections as their count followed by their elements. Each word goes through
/// the xxHash64 lane round and is folded into the accumulator with a bijective step, so no word can
/// erase earlier input; ``finalize()`` applies the xxHash64 avalanche. The output is a pure function
/// of the words fed in: identical in every process, on every platform, in every build.
///
/// ```swift
/// var hasher = StableHasher()
/// hasher.combine(3)
/// hasher.combine("alice")
/// let fingerprint = hasher.finalize()
/// ```
///
/// - Complexity: O(1) per word.
///
/// A hasher made with ``init(seed:recordingInto:)`` also writes every word it is fed to a
/// ``StateEncoder``: one walk over a state gives both its fingerprint and its encoding.
@frozen
public struct StableHasher: @unchecked Sendable {
    @usableFromInline static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    @usableFromInline static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    @usableFromInline static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    @usableFromInline static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    @usableFromInline static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    @usableFromInline var accumulator: UInt64
    @usableFromInline var words: UInt64
    /// Where fed words are also written, if anywhere (set only for the duration of one walk, by the
    /// thread that owns the encoder).
    @usableFromInline var recorder: UnsafeMutablePointer<StateEncoder>?

    /// A hasher with a fixed seed (0 unless you need an independent family of hashes).
    @inlinable
    public init(seed: UInt64 = 0) {
        accumulator = seed &+ Self.prime5
        words = 0
        recorder = nil
    }

    /// A hasher that also appends every word it is fed to `*encoder`, which must stay valid and
    /// unshared while the hasher is used.
    @inlinable
    public init(seed: UInt64 = 0, recordingInto encoder: UnsafeMutablePointer<StateEncoder>) {
        self.init(seed: seed)
        recorder = encoder
    }

    @inlinable @inline(__always)
    static func rotate(_ value: UInt64, _ amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 &- amount))
    }

    /// Feeds one 64-bit word.
    @inlinable @inline(__always)
    public mutating func combine(_ word: UInt64) {
        var lane = word &* Self.prime2
        lane = Self.rotate(lane, 31) &* Self.prime1
        accumulator ^= lane
        accumulator = Self.rotate(accumulator, 27) &* Self.prime1 &+ Self.prime4
        words &+= 1
        if let recorder { recorder.pointee.append(word) }
    }

    /// Feeds an integer as its 64-bit two's complement.
    @inlinable
    public mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    /// Feeds `false` as 0 and `true` as 1.
    @inlinable
    public mutating func combine(_ value: Bool) { combine(value ? 1 as UInt64 : 0) }

    /// Feeds the UTF-8 byte count, then the bytes packed eight to a word, little-endian.
    @inlinable
    public mutating func combine(_ value: String) {
        #if _endian(little) && (arch(x86_64) || arch(arm64))
            // A small string (at most 15 UTF-8 bytes: user IDs, keys, most texts in a model) keeps its
            // bytes in place, in Swift's 64-bit string layout: the first word holds bytes 0-7 and the
            // second bytes 8-14, zero-padded, under a top byte of flags (bit 61: small) and the count.
            // Those are the words ``combine(utf8Of:)`` packs, with no call and no copy.
            let raw = unsafeBitCast(value, to: (UInt64, UInt64).self)
            if raw.1 & 0x2000_0000_0000_0000 != 0 {
                let count = (raw.1 >> 56) & 0x0F
                combine(count)
                if count > 0 { combine(raw.0) }
                if count > 8 { combine(raw.1 & 0x00FF_FFFF_FFFF_FFFF) }
                return
            }
        #endif
        combine(utf8Of: value)
    }

    /// ``combine(_:)-(String)`` by the general path: the string's UTF-8, read through the standard
    /// library (the fast path for small strings must feed the same words; a test compares them).
    @inlinable
    public mutating func combine(utf8Of value: String) {
        // Native strings (small ones included) have contiguous UTF-8: eight bytes per load.
        let fed: Void? = value.utf8.withContiguousStorageIfAvailable { bytes in
            combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        if fed != nil { return }
        combine(UInt64(value.utf8.count))
        var word: UInt64 = 0
        var shift: UInt64 = 0
        for byte in value.utf8 {
            word |= UInt64(byte) << shift
            shift += 8
            if shift == 64 {
                combine(word)
                word = 0
                shift = 0
            }
        }
        if shift > 0 { combine(word) }
    }

    /// Feeds the byte count, then the bytes packed eight to a word, little-endian (what
    /// ``combine(_:)-(String)`` feeds for a string's UTF-8).
    @inlinable
    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        combine(UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
            combine(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        guard offset < bytes.count else { return }
        var word: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            word |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        combine(word)
    }

    /// Feeds a value's canonical encoding.
    @inlinable
    public mutating func combine<T: StableHashable>(_ value: T) { value.stableHash(into: &self) }

    /// The fingerprint of everything fed so far (the hasher stays usable).
    @inlinable
    public func finalize() -> Fingerprint {
        var hash = accumulator ^ (words &* 8)
        hash ^= hash >> 33
        hash = hash &* Self.prime2
        hash ^= hash >> 29
        hash = hash &* Self.prime3
        hash ^= hash >> 32
        return Fingerprint(rawValue: hash)
    }
}
