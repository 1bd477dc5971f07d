/// The bytes of a state's canonical encoding: the words a ``StableHasher`` is fed, each written as
/// an unsigned LEB128 varint (seven bits a byte, low bits first, the high bit marking "more").
///
/// Exact storage keeps these bytes instead of the state itself when the model offers them
/// (``Model/encodesStates``): two states are the same exactly when their encodings are, because
/// the word stream is injective (every field, length-prefixed collections, tagged cases) and a
/// varint stream is prefix-free. Most words are tags, counts and small integers, so a state of a few
/// hundred words takes a few hundred bytes instead of its heap structure's kilobytes.
///
/// The buffer is manually managed so that appending a byte is a store and a compare; its owner calls
/// ``release()`` once.
@frozen
public struct StateEncoder {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var storedCount: Int
    /// Bytes written so far.
    @inlinable public var count: Int { storedCount }

    /// An empty encoder with room for `capacity` bytes (it grows as needed).
    @inlinable
    public init(capacity: Int = 4096) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
        storedCount = 0
    }

    /// Frees the buffer; the encoder must not be used afterwards.
    @inlinable
    public func release() { base.deallocate() }

    /// Forgets the bytes, keeping the room.
    @inlinable
    public mutating func removeAll() { storedCount = 0 }

    /// Forgets the bytes after the first `count` (a successor the search took back).
    @inlinable
    public mutating func truncate(to count: Int) { storedCount = min(storedCount, max(0, count)) }

    /// Appends one word as a varint.
    @inlinable @inline(__always)
    public mutating func append(_ word: UInt64) {
        if storedCount &+ 10 > capacity { grow() }
        var value = word
        while value >= 0x80 {
            base[storedCount] = UInt8(truncatingIfNeeded: value) | 0x80
            storedCount &+= 1
            value >>= 7
        }
        base[storedCount] = UInt8(truncatingIfNeeded: value)
        storedCount &+= 1
    }

    @usableFromInline
    mutating func grow() {
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        fresh.update(from: base, count: storedCount)
        base.deallocate()
        base = fresh
        capacity *= 2
    }

    /// The bytes `range` (valid until the next append).
    @inlinable
    public func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// Every byte written (valid until the next append).
    @inlinable
    public var all: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}

/// Where exact storage keeps the encodings of its states: append-only segments (never moved, so
/// growing costs no copy and no doubled peak; 1 MiB first, each as large as all before it, up to
/// 64 MiB) and one 4-byte span per node.
///
/// Nodes fill a segment in order, so a span is only where the node's encoding ends in its segment: it
/// starts where the node before it ends, or at 0 for a segment's first node (``firstNodes``; a node's
/// segment is found by binary search among them). An encoding longer than a segment's worth gets a
/// segment of its own, its span is ``longSpan`` and its length lives in ``longLengths``, and the next
/// encoding starts a fresh segment.
@usableFromInline
struct EncodingArena {
    @usableFromInline static var segmentBytes: Int { 1 << 26 }
    /// The span of an encoding in a segment of its own (ends in a segment are at most `segmentBytes`).
    @usableFromInline static var longSpan: UInt32 { .max }

    @usableFromInline var segments: [UnsafeMutablePointer<UInt8>] = []
    /// The first node of each segment, in increasing order.
    @usableFromInline var firstNodes: [Int] = []
    /// Bytes allocated for all segments.
    @usableFromInline var allocated = 0
    /// The size of the segment being filled, and the bytes of it in use (a long encoding's own
    /// segment is never filled further: it leaves both equal).
    @usableFromInline var fillSize = 0
    @usableFromInline var fillUsed = 0
    @usableFromInline var spans = RawBuffer<UInt32>(capacity: 1024)
    @usableFromInline var longLengths: [Int: Int] = [:]
    @usableFromInline var storedBytes = 0

    @usableFromInline
    init() {}

    /// Bytes held: the segments, the spans and the segments' first nodes.
    @usableFromInline
    var bytes: Int { allocated + spans.bytes + firstNodes.capacity * MemoryLayout<Int>.stride }

    /// Appends the encoding of the next node.
    @usableFromInline
    mutating func append(_ encoding: UnsafeBufferPointer<UInt8>) {
        let length = encoding.count
        storedBytes += length
        if length > Self.segmentBytes {
            let own = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, length))
            if let source = encoding.baseAddress { own.update(from: source, count: length) }
            longLengths[segments.count] = length
            firstNodes.append(spans.count)
            spans.append(Self.longSpan)
            segments.append(own)
            allocated += max(1, length)
            fillUsed = fillSize  // The next encoding starts a fresh segment.
            return
        }
        // A full segment (or none yet) takes nothing more, not even an empty encoding: every encoding
        // ends inside its segment.
        if fillUsed + length > fillSize || fillUsed >= fillSize {
            fillSize = min(Self.segmentBytes, max(1 << 20, allocated, length))
            fillUsed = 0
            firstNodes.append(spans.count)
            segments.append(.allocate(capacity: fillSize))
            allocated += fillSize
        }
        if let source = encoding.baseAddress { (segments[segments.count - 1] + fillUsed).update(from: source, count: length) }
        fillUsed += length
        spans.append(UInt32(truncatingIfNeeded: fillUsed))
    }

    /// The segment that holds `node`'s encoding.
    @inlinable
    func segment(of node: Int) -> Int {
        var low = 0
        var high = firstNodes.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if firstNodes[middle] <= node { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The encoding of `node`.
    @inlinable
    func encoding(of node: Int) -> UnsafeBufferPointer<UInt8> {
        let end = spans[node]
        let segment = segment(of: node)
        if end == Self.longSpan {
            return UnsafeBufferPointer(start: segments[segment], count: longLengths[segment] ?? 0)
        }
        let start = node == firstNodes[segment] ? 0 : Int(spans[node - 1])
        return UnsafeBufferPointer(start: segments[segment] + start, count: Int(end) - start)
    }

    @usableFromInline
    func release() {
        for segment in segments { segment.deallocate() }
        spans.release()
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether two byte ranges hold the same bytes.
    @inlinable
    func sameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard count > 0, let a = baseAddress, let b = other.baseAddress else { return true }
        var index = 0
        let words = count / 8
        let rawA = UnsafeRawPointer(a)
        let rawB = UnsafeRawPointer(b)
        while index < words {
            if rawA.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                != rawB.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            {
                return false
            }
            index += 1
        }
        var byte = words * 8
        while byte < count {
            if a[byte] != b[byte] { return false }
            byte += 1
        }
        return true
    }
}

/// Reads back the words of a ``StateEncoder`` encoding, in order: what a model's decoder
/// (``Model/decode(_:)``) walks to rebuild a state from the bytes its fingerprint wrote.
///
/// Every read checks the bounds: a truncated or overlong varint, or a read past the end, throws
/// ``Failure`` naming the offset, never traps.
///
/// ```swift
/// var decoder = StateDecoder(encoding)
/// let count = try decoder.count()
/// let name = try decoder.string()
/// try decoder.finish()
/// ```
@frozen
public struct StateDecoder {
    /// Why an encoding could not be read: the byte offset and what was expected there.
    public struct Failure: Error, Equatable, CustomStringConvertible, Sendable {
        public var offset: Int
        public var expected: String

        public init(offset: Int, expected: String) {
            self.offset = offset
            self.expected = expected
        }

        public var description: String { "state encoding, byte \(offset): expected \(expected)" }
    }

    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline var position = 0
    /// The offset of the next byte to read.
    @inlinable public var offset: Int { position }

    /// A decoder at the start of `bytes` (which must stay valid while it is used).
    @inlinable
    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Whether every byte has been read.
    @inlinable public var isAtEnd: Bool { offset >= bytes.count }

    /// The next word.
    @inlinable @inline(__always)
    public mutating func word() throws(Failure) -> UInt64 {
        // Most words are tags, counts and small integers: one byte.
        if position < bytes.count, bytes[position] < 0x80 {
            position &+= 1
            return UInt64(bytes[position &- 1])
        }
        return try longWord()
    }

    /// ``word()`` past its one-byte case.
    @inlinable @inline(never)
    mutating func longWord() throws(Failure) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            position &+= 1
            guard shift < 64 else { break }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        position = start
        throw Failure(offset: start, expected: "a word (a varint of at most ten bytes)")
    }

    /// The next word as an `Int` (two's complement, as ``StableHasher/combine(_:)-(Int)`` feeds it).
    @inlinable
    public mutating func int() throws(Failure) -> Int { Int(Int64(bitPattern: try word())) }

    /// The next word as a `Bool` (0 or 1).
    @inlinable
    public mutating func bool() throws(Failure) -> Bool {
        let start = offset
        switch try word() {
        case 0: return false
        case 1: return true
        default: throw Failure(offset: start, expected: "a Bool (0 or 1)")
        }
    }

    /// The next word as a count of at most `limit` (a collection's length).
    @inlinable
    public mutating func count(limit: Int = 1 << 24) throws(Failure) -> Int {
        let start = offset
        let value = try word()
        guard value <= UInt64(max(0, limit)) else {
            throw Failure(offset: start, expected: "a count of at most \(limit), got \(value)")
        }
        return Int(value)
    }

    /// The next word as a case tag below `cases`.
    @inlinable
    public mutating func tag(below cases: Int) throws(Failure) -> Int {
        let start = offset
        let value = try word()
        guard value < UInt64(max(0, cases)) else {
            throw Failure(offset: start, expected: "a case tag below \(cases), got \(value)")
        }
        return Int(value)
    }

    /// The next string: its UTF-8 byte count, then the bytes eight to a word, little-endian
    /// (``StableHasher/combine(_:)-(String)``).
    @inlinable
    public mutating func string() throws(Failure) -> String {
        let start = offset
        let length = try count()
        if length == 0 { return "" }
        var failure: Failure?
        let text = String(unsafeUninitializedCapacity: length) { buffer in
            var written = 0
            while written < length {
                let value: UInt64
                do throws(Failure) { value = try word() } catch {
                    failure = error
                    return 0
                }
                var shift: UInt64 = 0
                while shift < 64, written < length {
                    buffer[written] = UInt8(truncatingIfNeeded: value >> shift)
                    written += 1
                    shift += 8
                }
            }
            return written
        }
        if let failure { throw failure }
        guard text.utf8.count == length else {
            throw Failure(offset: start, expected: "a string of \(length) valid UTF-8 bytes")
        }
        return text
    }

    /// Throws unless every byte has been read.
    @inlinable
    public func finish() throws(Failure) {
        guard isAtEnd else { throw Failure(offset: offset, expected: "the end of the encoding") }
    }
}
