/// One shard of the visited-state table: a small open-addressing table of recent words, and a *run*
/// that holds all older ones in order.
///
/// - The table: linear probing over 64-bit words, 0 marking an empty slot, grown at 3/4 load.
///   - Exact storage: a word is a 32-bit tag (fingerprint bits 26...57, which also give the home slot)
///     and the node plus one in the low 32 bits; equal tags are confirmed by comparing the states.
///   - Compact storage: a word is the fingerprint itself (0 stored as 1), its low bits the home slot.
/// - The run (``mergeRecentIntoRun(reservingFor:)``): each time the recent words reach a 32nd of the
///   run, they are merged into it. It lists the shard's words in increasing order, in buckets by their
///   top fingerprint bits, with a directory of where each bucket starts.
///   - Exact storage keeps the words themselves: 8 bytes per state (plus about 1 for the directory and
///     the recent table), against 10.7 to 21 for a table that doubles at 3/4 load.
///   - Compact storage keeps what the bucket does not say: a 48-bit remainder in six bytes, with no
///     bit of the fingerprint lost. About 6.6 to 7.2 bytes per state in all.
///
/// While a batch is being merged, an exact slot may hold a *pending* node (bit 31 set): an index into
/// ``pendingSlots`` / ``pendingReferences``, which name the candidate that becomes the node once it
/// is numbered. Pending words stay in the table: every one is numbered before the next merge.
@usableFromInline
struct Shard {
    /// The table of recent words.
    @usableFromInline var words: UnsafeMutablePointer<UInt64>
    @usableFromInline let exact: Bool
    @usableFromInline var mask: Int
    /// Words stored, in the run and the table together.
    @usableFromInline var count: Int
    @usableFromInline var pendingSlots: [Int] = []
    /// `chunk << 32 | candidate` of each pending slot.
    @usableFromInline var pendingReferences: [UInt64] = []
    /// The run: exact words (8 bytes each) or compact remainders (six bytes apart, plus two bytes of
    /// slack so that each can be read as one unaligned 64-bit load), in increasing order.
    @usableFromInline var run: UnsafeMutableRawPointer?
    /// Where each bucket of the run starts, and the run's end (`1 << bucketBits` + 1 entries).
    @usableFromInline var directory: UnsafeMutablePointer<UInt32>?
    /// The run's buckets are the top `bucketBits` of a fingerprint's 58 bits below the shard's six.
    @usableFromInline var bucketBits = 0
    /// Words in the run.
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

    /// Words in the table of recent words.
    @inlinable var tableCount: Int { count - runCount }

    @inlinable var bytes: Int { capacity * MemoryLayout<UInt64>.stride + runBytes(words: runCount, bucketBits: bucketBits) }

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

    /// The capacity needed to hold `extra` more words below 3/4 load.
    @inlinable
    func capacityFor(extra: Int) -> Int {
        var capacity = self.capacity
        while (tableCount + extra) * 4 > capacity * 3 { capacity *= 2 }
        return capacity
    }

    /// Makes room for `extra` more words below 3/4 load (no growth happens during a batch): merges the
    /// recent words into the run when they would pass ``runThreshold(runCount:)``, or grows the table.
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
            return capacityFor(extra: extra) * MemoryLayout<UInt64>.stride + runBytes(words: runCount, bucketBits: bucketBits)
        }
        return Self.recentCapacity(words: max(Self.runThreshold(runCount: count), extra)) * MemoryLayout<UInt64>.stride
            + runBytes(words: count, bucketBits: Self.bucketBits(words: count))
    }
}

// MARK: The run

extension Shard {
    /// The bits of a fingerprint below the shard's six.
    @inlinable static var valueMask: UInt64 { (1 << 58) - 1 }

    /// A run's buckets never number fewer than 2^10, so that a bucket's number and a 48-bit remainder
    /// together hold all 58 bits of a compact key.
    @inlinable static var minimumBucketBits: Int { 10 }

    /// How many recent words a shard keeps before it merges them into its run: a 32nd of the run, and
    /// at least 256 (so searches of fewer than about 16,000 states never build one).
    @inlinable
    static func runThreshold(runCount: Int) -> Int { max(256, runCount / 32) }

    /// Bucket bits for a run of `words`: 8 to 16 words per bucket on average (10 bits at least).
    @inlinable
    static func bucketBits(words: Int) -> Int {
        var bits = minimumBucketBits
        while words >> (bits + 1) >= 8 { bits += 1 }
        return bits
    }

    /// Bytes of a run entry: an exact word, or a compact remainder.
    @inlinable var runStride: Int { exact ? 8 : 6 }

    /// Bytes of a run of `words` with `bucketBits` (none for an empty run).
    @inlinable
    func runBytes(words: Int, bucketBits: Int) -> Int {
        words == 0 ? 0 : words * runStride + 2 + ((1 << bucketBits) + 1) * MemoryLayout<UInt32>.stride
    }

    /// The table capacity for `words` recent words below 3/4 load (256 at least).
    @inlinable
    static func recentCapacity(words: Int) -> Int {
        var capacity = 256
        while words * 4 > capacity * 3 { capacity *= 2 }
        return capacity
    }

    /// Whether ``reserve(extra:)`` merges the recent words into the run first.
    @inlinable
    func mergesBefore(extra: Int) -> Bool {
        tableCount > 0 && tableCount + extra > Self.runThreshold(runCount: runCount)
    }

    /// The compact remainder at `index` of a run.
    @inlinable @inline(__always)
    static func remainder(_ run: UnsafeRawPointer, _ index: Int) -> UInt64 {
        (run + index &* 6).loadUnaligned(as: UInt64.self) & 0xFFFF_FFFF_FFFF
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

    /// Exact: the run's words with `tag` (a tag's words are adjacent, and ordered by node).
    @inlinable
    func runWords(tag: UInt64) -> UnsafeBufferPointer<UInt64> {
        guard let run, let directory else { return UnsafeBufferPointer(start: nil, count: 0) }
        let words = run.assumingMemoryBound(to: UInt64.self)
        let bucket = Int(truncatingIfNeeded: tag >> UInt64(32 &- bucketBits))
        var index = Int(directory[bucket])
        let end = Int(directory[bucket &+ 1])
        while index < end, words[index] >> 32 < tag { index &+= 1 }
        var last = index
        while last < end, words[last] >> 32 == tag { last &+= 1 }
        return UnsafeBufferPointer(start: words + index, count: last &- index)
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

    /// Gives `put` the values `old` walks (in increasing order) with the sorted `recent` merged in.
    @usableFromInline
    static func merge(
        _ recent: [UInt64], into put: (UInt64) -> Void, old: ((UInt64) -> Void) -> Void
    ) {
        var next = 0
        withoutActuallyEscaping(put) { put in
            old { value in
                while next < recent.count, recent[next] < value {
                    put(recent[next])
                    next += 1
                }
                put(value)
            }
        }
        for index in next..<recent.count { put(recent[index]) }
    }

    /// Merges the recent words into the run and empties the table, sized for the next `extra` words and
    /// for the words it collects until the next merge.
    ///
    /// The run lists the shard's words in increasing order. The top ``bucketBits`` of a fingerprint's
    /// 58 bits below the shard's six are its bucket; the directory says where each bucket starts.
    /// - Exact: a word is kept whole (its tag starts with the bucket bits, so words in order are in
    ///   bucket order). The table's home slots are the tag's low bits, so a tag's words are found by
    ///   scanning its bucket: 8 to 16 words on average.
    /// - Compact: the rest of the key, at most 48 bits since `bucketBits` ≥ 10, in six bytes.
    ///
    /// A lookup reads one directory entry and scans a bucket (one or two cache lines). The merge is
    /// linear in the run; it happens each time the recent words reach a 32nd of the run, so each word is
    /// rewritten about 32 times over a run that keeps growing (about 1% of the time of callers1's first
    /// million states, by perf's samples).
    @usableFromInline
    mutating func mergeRecentIntoRun(reservingFor extra: Int) {
        var recent: [UInt64] = []
        recent.reserveCapacity(tableCount)
        for slot in 0..<capacity where words[slot] != 0 {
            precondition(!exact || UInt32(truncatingIfNeeded: words[slot]) & Self.pendingFlag == 0,
                         "a pending word reached a shard's run")
            recent.append(exact ? words[slot] : words[slot] & Self.valueMask)
        }
        recent.sort()
        let total = count
        let bits = Self.bucketBits(words: total)
        let buckets = 1 << bits
        let newRun = UnsafeMutableRawPointer.allocate(byteCount: total * runStride + 2, alignment: 8)
        let newDirectory = UnsafeMutablePointer<UInt32>.allocate(capacity: buckets + 1)
        newDirectory.initialize(repeating: 0, count: buckets + 1)
        var written = 0
        if exact {
            let target = newRun.assumingMemoryBound(to: UInt64.self)
            let shift = UInt64(64 - bits)
            Self.merge(recent, into: { word in
                target[written] = word
                newDirectory[Int(truncatingIfNeeded: word >> shift) + 1] += 1
                written += 1
            }) { put in
                guard let run else { return }
                let old = run.assumingMemoryBound(to: UInt64.self)
                for index in 0..<runCount { put(old[index]) }
            }
        } else {
            let shift = UInt64(58 - bits)
            let remainderMask: UInt64 = (1 << shift) - 1
            // Stores are eight bytes wide: the two above a remainder are zero, and the next one overwrites them.
            Self.merge(recent, into: { value in
                (newRun + written * 6).storeBytes(of: value & remainderMask, as: UInt64.self)
                newDirectory[Int(truncatingIfNeeded: value >> shift) + 1] += 1
                written += 1
            }) { put in
                guard let run, let directory else { return }
                let oldShift = UInt64(58 - bucketBits)
                for bucket in 0..<(1 << bucketBits) {
                    let high = UInt64(bucket) << oldShift
                    for index in Int(directory[bucket])..<Int(directory[bucket + 1]) {
                        put(high | Self.remainder(run, index))
                    }
                }
            }
        }
        precondition(written == total, "a shard's run lost words while merging")
        for bucket in 0..<buckets { newDirectory[bucket + 1] += newDirectory[bucket] }
        run?.deallocate()
        directory?.deallocate()
        run = newRun
        directory = newDirectory
        bucketBits = bits
        runCount = total
        words.deallocate()
        let newCapacity = Self.recentCapacity(words: max(Self.runThreshold(runCount: total), extra))
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
