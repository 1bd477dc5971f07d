/// SplitMix64: a tiny 64-bit generator, used here only to expand one seed into the state of
/// ``Xoshiro256StarStar``.
///
/// Reference: Steele, Lea, Flood, "Fast splittable pseudorandom number generators" (2014);
/// constants as in Vigna's public-domain `splitmix64.c`.
public struct SplitMix64: RandomNumberGenerator, Hashable, Sendable {
    /// The generator's whole state.
    public private(set) var state: UInt64

    /// A generator whose output is a pure function of `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 pseudorandom bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256**: the deterministic pseudorandom generator behind every seeded choice in RTMKit
/// (network faults, simulated delays).
///
/// The sequence depends only on the seed, never on the process, the platform or the Swift
/// version: the helpers below (``nextBelow(_:)``, ``nextUnitInterval()``, ``chance(_:)``) are
/// written out here instead of using the standard library's `random(in:using:)`, whose
/// algorithm is an implementation detail. Reference: Blackman and Vigna, `xoshiro256starstar.c`.
///
/// ```swift
/// var rng = SeededRandom(seed: 42)
/// let lost = rng.chance(0.1)
/// ```
public struct SeededRandom: RandomNumberGenerator, Hashable, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator seeded through ``SplitMix64`` (so seed 0 is as good as any other).
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// The next 64 pseudorandom bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A value uniformly distributed in `0..<bound` (0 when `bound` is 0), without modulo bias.
    ///
    /// - Complexity: expected O(1) (rejection sampling; fewer than 2 draws on average).
    public mutating func nextBelow(_ bound: UInt64) -> UInt64 {
        guard bound > 0 else { return 0 }
        let threshold = (0 &- bound) % bound  // 2^64 mod bound
        while true {
            let value = next()
            if value >= threshold { return value % bound }
        }
    }

    /// A value uniformly distributed in `range`.
    public mutating func next(in range: ClosedRange<UInt64>) -> UInt64 {
        let width = range.upperBound - range.lowerBound
        if width == UInt64.max { return next() }
        return range.lowerBound + nextBelow(width + 1)
    }

    /// A double in `[0, 1)` built from the top 53 bits of one draw.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `probability` (clamped to `[0, 1]`). Draws nothing when the
    /// probability is 0 or less, so a fault that is switched off leaves the stream untouched.
    public mutating func chance(_ probability: Double) -> Bool {
        guard probability > 0 else { return false }
        guard probability < 1 else {
            _ = next()
            return true
        }
        return nextUnitInterval() < probability
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
