/// The encodings of a run of consecutive frontier nodes, back to back (``PackedFrontier``).
@usableFromInline
struct PackedSegment {
    /// The node of the first encoding; the others follow in node order.
    @usableFromInline let firstNode: Int
    @usableFromInline let count: Int
    @usableFromInline let bytes: UnsafeMutablePointer<UInt8>
    /// Where each encoding ends in ``bytes``.
    @usableFromInline let ends: UnsafeMutablePointer<UInt32>

    /// A copy of the encodings `encoder` holds, encoding `i` ending at `ends[i]`, for the nodes from
    /// `firstNode` on.
    @usableFromInline
    init(firstNode: Int, encoder: StateEncoder, ends: [Int]) {
        self.firstNode = firstNode
        count = ends.count
        let size = ends.last ?? 0
        bytes = .allocate(capacity: max(1, size))
        if size > 0 { bytes.update(from: encoder.base, count: size) }
        self.ends = .allocate(capacity: max(1, count))
        for (index, end) in ends.enumerated() { self.ends[index] = UInt32(truncatingIfNeeded: end) }
    }

    /// The node after the last.
    @inlinable var endNode: Int { firstNode + count }

    /// Bytes held.
    @inlinable var heldBytes: Int { Int(count > 0 ? ends[count - 1] : 0) + count * 4 }

    /// The encoding of `node` (one of this segment's).
    @inlinable
    func encoding(of node: Int) -> UnsafeBufferPointer<UInt8> {
        let index = node - firstNode
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return UnsafeBufferPointer(start: bytes + start, count: Int(ends[index]) - start)
    }

    @usableFromInline
    func release() {
        bytes.deallocate()
        ends.deallocate()
    }
}

/// One breadth-first level's states kept as their encodings (``Model/decodesStates``) rather than as
/// values: a few hundred bytes a state instead of the heap storage of its arrays, which at the width
/// of a large level is most of the search's memory. The search decodes each state when it expands it
/// and frees the segments of a level as its batches are expanded.
///
/// Segments are appended in node order, one per chunk of a batch, each written by the worker that
/// published its chunk (``BatchContext/publish(_:)``), so no worker copies another's bytes.
/// (Encoded exact storage that keeps each state's own encoding in its ``EncodingArena`` needs no
/// segments: the search decodes from the arena, ``LevelSearch/packsIntoArena``. The arena cannot serve
/// otherwise: it is written sequentially and never freed, and under symmetry it holds representatives.)
@usableFromInline
struct PackedFrontier {
    @usableFromInline var segments: [PackedSegment] = []
    /// Segments before this index are released.
    @usableFromInline var released = 0
    /// Bytes held by the segments not yet released.
    @usableFromInline var heldBytes = 0

    @usableFromInline
    init() {}

    @usableFromInline
    mutating func append(_ segment: PackedSegment) {
        segments.append(segment)
        heldBytes += segment.heldBytes
    }

    /// The index of the segment holding `node`, searched among those not yet released.
    @inlinable
    func segmentIndex(of node: Int) -> Int {
        var low = released
        var high = segments.count
        while low + 1 < high {
            let middle = (low + high) / 2
            if segments[middle].firstNode <= node { low = middle } else { high = middle }
        }
        return low
    }

    /// Releases the segments whose nodes all come before `node` (expanded, never read again).
    @usableFromInline
    mutating func release(before node: Int) {
        while released < segments.count, segments[released].endNode <= node {
            heldBytes -= segments[released].heldBytes
            segments[released].release()
            released += 1
        }
    }

    /// Releases every segment and starts empty.
    @usableFromInline
    mutating func reset() {
        release(before: .max)
        segments.removeAll(keepingCapacity: true)
        released = 0
        heldBytes = 0
    }
}
