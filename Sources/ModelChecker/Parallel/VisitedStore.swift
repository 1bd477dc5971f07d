/// One shard of the visited-state table: open addressing with linear probing over 64-bit words
/// (0 marks an empty slot).
///
/// - Compact storage: the word is the fingerprint itself (0 stored as 1); the home slot is its low bits.
/// - Exact storage: the word is a 32-bit tag (fingerprint bits 26...57, which also give the home slot)
///   and the node plus one in the low 32 bits; equal tags are confirmed by comparing the states. One
///   probe touches one word, and a slot costs 8 bytes.
///
/// While a batch is being merged, an exact slot may hold a *pending* node (bit 31 set): an index into
/// ``pendingSlots`` / ``pendingReferences``, which name the candidate that becomes the node once it
/// is numbered.
@usableFromInline
struct Shard {
    @usableFromInline var words: UnsafeMutablePointer<UInt64>
    @usableFromInline let exact: Bool
    @usableFromInline var mask: Int
    @usableFromInline var count: Int
    @usableFromInline var pendingSlots: [Int] = []
    /// `chunk << 32 | candidate` of each pending slot.
    @usableFromInline var pendingReferences: [UInt64] = []

    @usableFromInline static var pendingFlag: UInt32 { 0x8000_0000 }

    @usableFromInline
    init(capacity: Int, exact: Bool) {
        words = .allocate(capacity: capacity)
        words.initialize(repeating: 0, count: capacity)
        self.exact = exact
        mask = capacity - 1
        count = 0
    }

    @usableFromInline
    func release() { words.deallocate() }

    @inlinable var capacity: Int { mask + 1 }

    @inlinable var bytes: Int { capacity * MemoryLayout<UInt64>.stride }

    /// Exact storage: the tag of a fingerprint.
    @inlinable
    static func tag(_ fingerprint: UInt64) -> UInt64 { (fingerprint >> 26) & 0xFFFF_FFFF }

    /// The word compact storage keeps for a fingerprint.
    @inlinable
    static func key(_ fingerprint: UInt64) -> UInt64 { fingerprint == 0 ? 1 : fingerprint }

    /// Where probing for a stored word starts.
    @inlinable
    func home(ofWord word: UInt64) -> Int {
        Int(truncatingIfNeeded: exact ? word >> 32 : word) & mask
    }

    /// The capacity needed to hold `extra` more keys below 3/4 load.
    @inlinable
    func capacityFor(extra: Int) -> Int {
        var capacity = self.capacity
        while (count + extra) * 4 > capacity * 3 { capacity *= 2 }
        return capacity
    }

    /// Grows so that `extra` more keys fit below 3/4 load (no growth happens during a batch).
    @usableFromInline
    mutating func reserve(extra: Int) {
        let newCapacity = capacityFor(extra: extra)
        guard newCapacity > capacity else { return }
        let old = words
        let oldCapacity = capacity
        words = .allocate(capacity: newCapacity)
        words.initialize(repeating: 0, count: newCapacity)
        mask = newCapacity - 1
        for index in 0..<oldCapacity where old[index] != 0 {
            var slot = home(ofWord: old[index])
            while words[slot] != 0 { slot = (slot &+ 1) & mask }
            words[slot] = old[index]
        }
        old.deallocate()
    }
}

/// The bit array of bitstate storage: `shards` equal segments, three bits per state inside the
/// segment its fingerprint's shard selects (a blocked Bloom filter), so shards can be filled in
/// parallel.
@usableFromInline
struct BitArray {
    @usableFromInline let words: UnsafeMutablePointer<UInt64>
    /// Bits per segment minus one (a power of two minus one).
    @usableFromInline let segmentMask: UInt64
    @usableFromInline let segmentWords: Int
    @usableFromInline let bits: Int
    @usableFromInline static var hashes: Int { 3 }

    @usableFromInline
    init(bytes: Int, shards: Int) {
        var total = 512
        while total * 2 <= bytes { total *= 2 }
        let wordCount = total / 8
        words = .allocate(capacity: wordCount)
        words.initialize(repeating: 0, count: wordCount)
        segmentWords = max(1, wordCount / shards)
        segmentMask = UInt64(segmentWords * 64 - 1)
        bits = wordCount * 64
    }

    @usableFromInline
    func release() { words.deallocate() }

    @inlinable var bytes: Int { bits / 8 }

    /// Sets the state's bits in `shard`'s segment; returns whether one of them was clear (the state
    /// is new). Double hashing over the fingerprint gives the three positions.
    @inlinable
    func testAndSet(_ fingerprint: UInt64, shard: Int) -> Bool {
        let segment = words + shard * segmentWords
        var mixed = fingerprint ^ (fingerprint >> 29)
        mixed = mixed &* 0xBF58_476D_1CE4_E5B9
        let step = (mixed ^ (mixed >> 32)) | 1
        var position = fingerprint
        var fresh = false
        for _ in 0..<Self.hashes {
            let bit = position & segmentMask
            let word = Int(truncatingIfNeeded: bit >> 6)
            let flag: UInt64 = 1 << (bit & 63)
            if segment[word] & flag == 0 {
                fresh = true
                segment[word] |= flag
            }
            position = position &+ step
        }
        return fresh
    }

    /// Whether every bit of the state is set (it was seen, or looks so).
    @inlinable
    func contains(_ fingerprint: UInt64, shard: Int) -> Bool {
        let segment = words + shard * segmentWords
        var mixed = fingerprint ^ (fingerprint >> 29)
        mixed = mixed &* 0xBF58_476D_1CE4_E5B9
        let step = (mixed ^ (mixed >> 32)) | 1
        var position = fingerprint
        for _ in 0..<Self.hashes {
            let bit = position & segmentMask
            if segment[Int(truncatingIfNeeded: bit >> 6)] & (1 << (bit & 63)) == 0 { return false }
            position = position &+ step
        }
        return true
    }
}

/// The visited-state store of the level-synchronous search: 64 shards selected by the top six bits
/// of the fingerprint, each owned by one worker while a batch is merged.
@usableFromInline
struct VisitedStore {
    @usableFromInline static var shardBits: UInt64 { 6 }
    @usableFromInline static var shardCount: Int { 1 << Int(shardBits) }

    @usableFromInline let storage: CheckOptions.Storage
    @usableFromInline let shards: UnsafeMutablePointer<Shard>
    @usableFromInline let bitArray: BitArray?

    @usableFromInline
    init(storage: CheckOptions.Storage, bitstateBytes: Int) {
        self.storage = storage
        shards = .allocate(capacity: Self.shardCount)
        let tableCapacity = storage == .bitstate ? 1 : 256
        for index in 0..<Self.shardCount {
            (shards + index).initialize(to: Shard(capacity: tableCapacity, exact: storage == .exact))
        }
        bitArray = storage == .bitstate ? BitArray(bytes: bitstateBytes, shards: Self.shardCount) : nil
    }

    @usableFromInline
    func release() {
        for index in 0..<Self.shardCount { shards[index].release() }
        shards.deinitialize(count: Self.shardCount)
        shards.deallocate()
        bitArray?.release()
    }

    @inlinable
    static func shard(of fingerprint: UInt64) -> Int { Int(truncatingIfNeeded: fingerprint >> (64 - shardBits)) }

    /// Bytes held by the tables or the bit array.
    @usableFromInline
    var bytes: Int {
        if let bitArray { return bitArray.bytes }
        var total = 0
        for index in 0..<Self.shardCount { total += shards[index].bytes }
        return total
    }

    /// Bytes the tables would hold after making room for `extra[shard]` more keys.
    @usableFromInline
    func bytesAfterReserving(_ extra: [Int]) -> Int {
        if let bitArray { return bitArray.bytes }
        var total = 0
        for index in 0..<Self.shardCount {
            total += shards[index].capacityFor(extra: extra[index]) * MemoryLayout<UInt64>.stride
        }
        return total
    }
}
