#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the visited-state store cost and how far a probabilistic store can be trusted.
///
/// - Hash compaction (``CheckOptions/Storage/compact``): two of the `n` states share a 64-bit
///   fingerprint with probability about n² / 2⁶⁵ (Spin and TLC print the same estimate); one of them
///   is then never explored.
/// - Bitstate (``CheckOptions/Storage/bitstate``): with `m` bits and `k = 3` bits per state, the
///   `i`-th new state looks seen already with probability about (1 − e^(−k·i/m))^k; the sum over the
///   run is the expected number of omitted states, and the coverage is n / (n + omitted).
public struct StoreStatistics: Hashable, Sendable {
    public var storage: CheckOptions.Storage
    /// Bytes held by the checker's own tables at the end: the visited store, parent links, monitors
    /// and (exact storage) the stored states' inline size.
    public var bytes: Int
    /// Of ``bytes``, those of the visited store alone: the fingerprint tables and runs (compact), the
    /// tag table (exact, without the states) or the bit array (bitstate).
    public var visitedBytes = 0
    /// Of ``bytes``, those that hold the stored states themselves (exact storage: the segments their
    /// encodings fill, or the buffer of the values' inline parts); 0 for compact and bitstate storage.
    /// The rest is overhead: the visited store, parent links, monitors, and where each encoding starts.
    public var stateBytes = 0
    /// The bit array's size (bitstate only).
    public var bitstateBits: Int?
    /// Bits set per state (bitstate only).
    public var hashFunctions: Int?
    /// Compact: the estimated probability that two states were merged.
    public var omissionProbability: Double?
    /// Bitstate: the estimated fraction of the reachable states that was explored.
    public var expectedCoverage: Double?
    /// Bitstate: bits per stored state (Spin's "hash factor"; above 100 is comfortable).
    public var hashFactor: Double?
    /// Whether states were folded by the model's symmetry.
    public var symmetryReduced: Bool
    /// Whether only the model's ample sets were explored (partial-order reduction).
    public var partialOrderReduced = false
    /// With merged steps (``CheckOptions/mergesSteps``): the steps taken through states that were not
    /// stored, over every run (a state reached by several runs counts each time); nil without.
    public var mergedSteps: Int?
    /// The first state whose frontier entry was kept as its encoding (``CheckOptions/FrontierPacking``),
    /// counted from 0, or nil when every frontier state was kept as a value.
    public var packedFromState: Int?

    public init(storage: CheckOptions.Storage, states: Int, bytes: Int, bitstateBits: Int?, symmetryReduced: Bool) {
        self.storage = storage
        self.bytes = bytes
        self.symmetryReduced = symmetryReduced
        let count = Double(states)
        switch storage {
        case .exact:
            break
        case .compact:
            omissionProbability = min(1, count * count / 36_893_488_147_419_103_232)  // 2^65
        case .bitstate:
            let bits = Double(bitstateBits ?? 1)
            let hashes = Double(BitArray.hashes)
            self.bitstateBits = bitstateBits
            hashFunctions = BitArray.hashes
            hashFactor = count > 0 ? bits / count : nil
            let omitted = Self.expectedOmissions(states: count, bits: bits, hashes: hashes)
            expectedCoverage = count > 0 ? count / (count + omitted) : 1
        }
    }

    /// ∫₀ⁿ (1 − e^(−k·x/m))^k dx by Simpson's rule.
    static func expectedOmissions(states: Double, bits: Double, hashes: Double) -> Double {
        guard states > 0, bits > 0 else { return 0 }
        let intervals = 512
        let step = states / Double(intervals)
        func rate(_ x: Double) -> Double { pow(1 - exp(-hashes * x / bits), hashes) }
        var sum = rate(0) + rate(states)
        for index in 1..<intervals { sum += (index % 2 == 1 ? 4 : 2) * rate(Double(index) * step) }
        return sum * step / 3
    }

    /// Bytes per stored state.
    public func bytesPerState(states: Int) -> Double { states > 0 ? Double(bytes) / Double(states) : 0 }

    /// Bytes per stored state beyond the states themselves (``bytes`` less ``stateBytes``).
    public func overheadPerState(states: Int) -> Double {
        states > 0 ? Double(bytes - stateBytes) / Double(states) : 0
    }

    /// Bytes of the visited store alone per stored state (``visitedBytes``).
    public func visitedBytesPerState(states: Int) -> Double {
        states > 0 ? Double(visitedBytes) / Double(states) : 0
    }

    /// "probabilistic: hash compaction, probability of an omission ≈ 2.1e-07", or nil for exact
    /// storage.
    public var probabilisticNote: String? {
        switch storage {
        case .exact:
            return nil
        case .compact:
            let probability = Self.scientific(omissionProbability ?? 0)
            return "probabilistic: hash compaction, probability of an omission ≈ \(probability)"
        case .bitstate:
            let coverage = (expectedCoverage ?? 0) * 100
            let factor = Int((hashFactor ?? 0).rounded())
            let bits = bitstateBits ?? 0
            return "probabilistic: bitstate hashing (\(bits) bits, \(hashFunctions ?? 0) per state, hash factor "
                + "\(factor)), expected coverage ≈ \(Self.percent(coverage)) %"
        }
    }

    /// Two significant digits in scientific notation: "2.1e-07"; "0" for zero.
    static func scientific(_ value: Double) -> String {
        guard value > 0, value.isFinite else { return "0" }
        var mantissa = value
        var exponent = 0
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        var tenths = Int((mantissa * 10).rounded())
        if tenths == 100 { tenths = 10; exponent += 1 }
        let sign = exponent < 0 ? "-" : "+"
        let digits = String(abs(exponent))
        return "\(tenths / 10).\(tenths % 10)e\(sign)\(digits.count < 2 ? "0" + digits : digits)"
    }

    /// A percentage with up to five decimals, never rounded up to 100 unless exact.
    static func percent(_ value: Double) -> String {
        guard value < 100 else { return "100" }
        let scaled = Int((value * 100_000).rounded(.down))
        let fraction = String(scaled % 100_000)
        return "\(scaled / 100_000)." + String(repeating: "0", count: 5 - fraction.count) + fraction
    }
}
