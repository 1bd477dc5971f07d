/// One shard of the visited-state table.
///
/// - Exact storage: open addressing with linear probing over 64-bit words (0 marks an empty slot). A
///   word is a 32-bit tag (fingerprint bits 26...57, which also give the home slot) and the node plus
///   one in the low 32 bits; equal tags are confirmed by comparing the states. One probe touches one
///   word, and a slot costs 8 bytes.
/// - Compact storage: a key is the fingerprint itself (0 stored as 1). New keys go to a small table of
///   recent keys (the same open addressing, the home slot being the key's low bits); every so often
///   they are merged into the shard's *run*, which holds all older keys sorted and quotiented (see
///   ``Shard/mergeRecentIntoRun(reservingFor:)``): about 6.7 bytes per key in all, against 10.7 to 21
///   for a table that doubles at 3/4 load, with no bit of the fingerprint lost.
///
/// While a batch is being merged, an exact slot may hold a *pending* node (bit 31 set): an index into
/// ``pendingSlots`` / ``pendingReferences``, which name the candidate that becomes the node once it
/// is numbered.
@usableFromInline
struct Shard {
    /// Exact: the table. Compact: the table of recent keys.
    @usableFromInline var words: UnsafeMutablePointer<UInt64>
    @usableFromInline let exact: Bool
    @usableFromInline var mask: Int
    /// Keys stored (compact: in the run and the recent table together).
    @usableFromInline var count: Int
    @usableFromInline var pendingSlots: [Int] = []
    /// `chunk << 32 | candidate` of each pending slot.
    @usableFromInline var pendingReferences: [UInt64] = []
    /// Compact: the run's keys, in order, as 48-bit remainders packed six bytes apart (plus two bytes
    /// of slack, so that every remainder can be read as one unaligned 64-bit load).
    @usableFromInline var run: UnsafeMutablePointer<UInt8>?
    /// Compact: where each bucket of the run starts, and the run's end (`1 << bucketBits` + 1 entries).
    @usableFromInline var directory: UnsafeMutablePointer<UInt32>?
    /// Compact: the run's buckets are the top `bucketBits` of a key's 58 bits below the shard's six.
    @usableFromInline var bucketBits = 0
    /// Compact: keys in the run.
    @usableFromInline var runCount = 0

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
    func release() {
        words.deallocate()
        run?.deallocate()
        directory?.deallocate()
    }

    @inlinable var capacity: Int { mask + 1 }

    /// Keys in the table of words (compact: the recent keys).
    @inlinable var tableCount: Int { count - runCount }

    @inlinable var bytes: Int { capacity * MemoryLayout<UInt64>.stride + Self.runBytes(keys: runCount, bucketBits: bucketBits) }

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
        while (tableCount + extra) * 4 > capacity * 3 { capacity *= 2 }
        return capacity
    }

    /// Grows so that `extra` more keys fit below 3/4 load (no growth happens during a batch). Compact
    /// storage first merges its recent keys into the run when they would pass ``runThreshold``.
    @usableFromInline
    mutating func reserve(extra: Int) {
        if mergesBefore(extra: extra) {
            mergeRecentIntoRun(reservingFor: extra)
            return
        }
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

    /// The bytes this shard would hold after ``reserve(extra:)``.
    @usableFromInline
    func bytesAfterReserving(extra: Int) -> Int {
        guard mergesBefore(extra: extra) else {
            return capacityFor(extra: extra) * MemoryLayout<UInt64>.stride
                + Self.runBytes(keys: runCount, bucketBits: bucketBits)
        }
        return Self.recentCapacity(keys: max(Self.runThreshold(runCount: count), extra)) * MemoryLayout<UInt64>.stride
            + Self.runBytes(keys: count, bucketBits: Self.bucketBits(keys: count))
    }
}

// MARK: Compact storage: the run

extension Shard {
    /// The bits of a key below the shard's six.
    @inlinable static var valueMask: UInt64 { (1 << 58) - 1 }

    /// A run's buckets never number fewer than 2^10, so that a bucket's number and a 48-bit remainder
    /// together hold all 58 bits of a key.
    @inlinable static var minimumBucketBits: Int { 10 }

    /// How many recent keys a shard keeps before it merges them into its run: a 32nd of the run, and at
    /// least 256 (so searches of fewer than about 16,000 states never build one).
    @inlinable
    static func runThreshold(runCount: Int) -> Int { max(256, runCount / 32) }

    /// Bucket bits for a run of `keys`: 8 to 16 keys per bucket on average (10 bits at least).
    @inlinable
    static func bucketBits(keys: Int) -> Int {
        var bits = minimumBucketBits
        while keys >> (bits + 1) >= 8 { bits += 1 }
        return bits
    }

    /// Bytes of a run of `keys` with `bucketBits` (none for an empty run).
    @inlinable
    static func runBytes(keys: Int, bucketBits: Int) -> Int {
        keys == 0 ? 0 : keys * 6 + 2 + ((1 << bucketBits) + 1) * MemoryLayout<UInt32>.stride
    }

    /// The table capacity for `keys` recent keys below 3/4 load (256 at least).
    @inlinable
    static func recentCapacity(keys: Int) -> Int {
        var capacity = 256
        while keys * 4 > capacity * 3 { capacity *= 2 }
        return capacity
    }

    /// Compact: whether ``reserve(extra:)`` merges the recent keys into the run first.
    @inlinable
    func mergesBefore(extra: Int) -> Bool {
        !exact && tableCount > 0 && tableCount + extra > Self.runThreshold(runCount: runCount)
    }

    /// The 48-bit remainder at `index` of a run.
    @inlinable @inline(__always)
    static func remainder(_ run: UnsafeMutablePointer<UInt8>, _ index: Int) -> UInt64 {
        UnsafeRawPointer(run + index &* 6).loadUnaligned(as: UInt64.self) & 0xFFFF_FFFF_FFFF
    }

    /// Compact: whether the run holds `key`. A bucket holds its keys' remainders in increasing order.
    @inlinable
    func runContains(_ key: UInt64) -> Bool {
        guard let run, let directory else { return false }
        let shift = UInt64(58 &- bucketBits)
        let value = key & Self.valueMask
        let bucket = Int(truncatingIfNeeded: value >> shift)
        let remainder = value & ((1 << shift) &- 1)
        var index = Int(directory[bucket])
        let end = Int(directory[bucket &+ 1])
        while index < end {
            let stored = Self.remainder(run, index)
            if stored >= remainder { return stored == remainder }
            index &+= 1
        }
        return false
    }

    /// Compact: whether `key` is stored.
    @inlinable
    func containsCompact(_ key: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = words[slot]
            if stored == 0 { return runContains(key) }
            if stored == key { return true }
            slot = (slot &+ 1) & mask
        }
    }

    /// Compact: stores `key` unless it is stored; returns whether it was absent. Room for it must have
    /// been reserved (``reserve(extra:)``).
    @inlinable
    mutating func insertCompact(_ key: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = words[slot]
            if stored == 0 { break }
            if stored == key { return false }
            slot = (slot &+ 1) & mask
        }
        if runContains(key) { return false }
        words[slot] = key
        count &+= 1
        return true
    }

    /// Compact: merges the recent keys into the run and empties the recent table, sized for the next
    /// `extra` keys and for the keys it collects until the next merge.
    ///
    /// The run lists the shard's keys in increasing order. A key's 58 bits below the shard's six split
    /// into a bucket (its top ``bucketBits``) and a remainder (the rest, at most 48 bits, since
    /// `bucketBits` ≥ 10); the directory says where each bucket starts, and a remainder takes six bytes.
    /// So a lookup reads one directory entry and scans 8 to 16 remainders on average (one or two cache
    /// lines), and the run costs 6 bytes per key plus 0.25 to 0.5 for the directory. The merge is
    /// linear in the run; it happens each time the recent keys reach a 32nd of the run, so each key is
    /// rewritten about 32 times over a run that keeps growing (well under 1% of a search's time).
    @usableFromInline
    mutating func mergeRecentIntoRun(reservingFor extra: Int) {
        precondition(!exact, "only compact storage keeps a run")
        var recent: [UInt64] = []
        recent.reserveCapacity(tableCount)
        for slot in 0..<capacity where words[slot] != 0 { recent.append(words[slot] & Self.valueMask) }
        recent.sort()
        let total = count
        let bits = Self.bucketBits(keys: total)
        let shift = UInt64(58 - bits)
        let remainderMask: UInt64 = (1 << shift) - 1
        let buckets = 1 << bits
        let newRun = UnsafeMutablePointer<UInt8>.allocate(capacity: total * 6 + 2)
        let newDirectory = UnsafeMutablePointer<UInt32>.allocate(capacity: buckets + 1)
        newDirectory.initialize(repeating: 0, count: buckets + 1)
        var written = 0
        // Stores are eight bytes wide: the two above a remainder are zero, and the next one overwrites them.
        func put(_ value: UInt64) {
            UnsafeMutableRawPointer(newRun + written * 6).storeBytes(of: value & remainderMask, as: UInt64.self)
            newDirectory[Int(truncatingIfNeeded: value >> shift) + 1] += 1
            written += 1
        }
        var next = 0
        if let run, let directory {
            let oldShift = UInt64(58 - bucketBits)
            for bucket in 0..<(1 << bucketBits) {
                let high = UInt64(bucket) << oldShift
                for index in Int(directory[bucket])..<Int(directory[bucket + 1]) {
                    let value = high | Self.remainder(run, index)
                    while next < recent.count, recent[next] < value {
                        put(recent[next])
                        next += 1
                    }
                    put(value)
                }
            }
            run.deallocate()
            directory.deallocate()
        }
        while next < recent.count {
            put(recent[next])
            next += 1
        }
        precondition(written == total, "a shard's run lost keys while merging")
        if written == 0 { UnsafeMutableRawPointer(newRun).storeBytes(of: 0, as: UInt16.self) }
        for bucket in 0..<buckets { newDirectory[bucket + 1] += newDirectory[bucket] }
        run = newRun
        directory = newDirectory
        bucketBits = bits
        runCount = total
        words.deallocate()
        let newCapacity = Self.recentCapacity(keys: max(Self.runThreshold(runCount: total), extra))
        words = .allocate(capacity: newCapacity)
        words.initialize(repeating: 0, count: newCapacity)
        mask = newCapacity - 1
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
        for index in 0..<Self.shardCount { total += shards[index].bytesAfterReserving(extra: extra[index]) }
        return total
    }
}
