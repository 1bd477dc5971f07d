@testable import ModelChecker
import Testing

/// A shard of the visited store: recent words in a table, older ones in a sorted run (compact storage
/// quotients its keys).
@Suite struct ShardRunTests {
    /// Keys of one shard (top six bits 0b101101), from a fixed seed.
    static func keys(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return 0b101101 << 58 | (mixed ^ (mixed >> 31)) & Shard.valueMask
        }
    }

    /// A compact shard filled with `keys` in batches of `batch`, as a search fills it.
    static func filled(_ keys: [UInt64], batch: Int) -> (Shard, fresh: Int) {
        var shard = Shard(capacity: 256, exact: false)
        var fresh = 0
        for start in stride(from: 0, to: keys.count, by: batch) {
            let end = min(keys.count, start + batch)
            shard.reserve(extra: end - start)
            for key in keys[start..<end] where shard.insertCompact(key) { fresh += 1 }
        }
        return (shard, fresh)
    }

    @Test("A shard keeps every key it was given through its merges, and nothing else")
    func keepsEveryKey() {
        let keys = Self.keys(150_000, seed: 7)
        var (shard, fresh) = Self.filled(keys, batch: 700)
        defer { shard.release() }
        #expect(fresh == Set(keys).count)
        #expect(shard.count == fresh)
        #expect(shard.runCount > 100_000)
        #expect(shard.bucketBits > Shard.minimumBucketBits)
        #expect(keys.allSatisfy { shard.containsCompact($0) })
        shard.reserve(extra: 1_000)
        #expect(keys.prefix(1_000).allSatisfy { !shard.insertCompact($0) })
        #expect(shard.count == fresh)
        let stored = Set(keys)
        let others = Self.keys(150_000, seed: 8).filter { !stored.contains($0) }
        #expect(!others.isEmpty)
        #expect(others.allSatisfy { !shard.containsCompact($0) })
    }

    @Test("Keys one bit away from a stored key are not found: in the bucket, the remainder and the seam")
    func nearMisses() {
        let keys = Self.keys(60_000, seed: 11)
        var (shard, _) = Self.filled(keys, batch: 500)
        defer { shard.release() }
        let stored = Set(keys)
        let shift = 58 - shard.bucketBits
        // Bit 0, the top bit of a remainder, the lowest bit of the bucket, the top bit below the shard.
        for bit in [0, 47, shift - 1, shift, 57] {
            for key in keys.prefix(5_000) {
                let neighbour = key ^ (1 << UInt64(bit))
                #expect(shard.containsCompact(neighbour) == stored.contains(neighbour), "bit \(bit)")
            }
        }
    }

    @Test("The smallest and largest keys of a shard survive a merge")
    func extremes() {
        let edges: [UInt64] = [
            0b101101 << 58, 0b101101 << 58 | 1, 0b101101 << 58 | Shard.valueMask,
            0b101101 << 58 | Shard.valueMask - 1, 0b101101 << 58 | 0xFFFF_FFFF_FFFF,
        ]
        var (shard, fresh) = Self.filled(edges + Self.keys(20_000, seed: 3) + edges, batch: 300)
        defer { shard.release() }
        #expect(fresh == 20_005)
        #expect(shard.runCount > 0)
        #expect(edges.allSatisfy { shard.containsCompact($0) })
        #expect(!shard.containsCompact(0b101101 << 58 | 2))
    }

    @Test("A large compact shard costs under 8 bytes a key, and its reserve estimate is what it holds")
    func bytesPerKey() {
        let keys = Self.keys(200_000, seed: 5)
        var (shard, fresh) = Self.filled(keys, batch: 1_000)
        defer { shard.release() }
        let perKey = Double(shard.bytes) / Double(fresh)
        #expect(perKey > 6 && perKey < 7.5, "\(perKey) bytes a key")
        for extra in [10, 5_000, 20_000] {
            var copy = Self.filled(keys, batch: 1_000).0
            let estimate = copy.bytesAfterReserving(extra: extra)
            copy.reserve(extra: extra)
            #expect(copy.bytes == estimate, "extra \(extra)")
            copy.release()
        }
    }

    @Test("Exact and compact storage find the grid's 262,144 states through their runs, on 1 and 2 workers",
          arguments: [CheckOptions.Storage.exact, .compact], [1, 2])
    func gridStates(storage: CheckOptions.Storage, workers: Int) throws {
        let result = CounterGridModel(counters: 3, modulus: 64).check(
            options: CheckOptions(storage: storage, collectCoverage: false, workers: workers))
        #expect(result.states == 262_144)
        #expect(result.transitions == 3 * 262_144)
        let store = try #require(result.store)
        #expect(store.visitedBytes > 0 && store.visitedBytes < store.bytes)
        // 4,096 words a shard: the run's 6 or 8 bytes, about 1 for its directory and 1 for the table.
        #expect(store.visitedBytesPerState(states: result.states) < (storage == .exact ? 10.5 : 8.5))
    }

    @Test("Exact storage keeps states whose fingerprints collide apart in its runs", arguments: [true, false], [1, 2])
    func exactRunCollisions(encodes: Bool, workers: Int) {
        // 36 bits of fingerprint: every state in shard 0, and only 10 bits of the tag vary, so the run's
        // buckets hold many words with the same tag (49,152 states in one shard: runs merged again and again).
        let model = Encoded(base: TokenRing(size: 12), fingerprintBits: 36, encodes: encodes)
        let result = model.check(options: CheckOptions(workers: workers))
        #expect(result.states == 12 << 12)
        #expect(result.transitions == 2 * (12 << 12))
    }
}
