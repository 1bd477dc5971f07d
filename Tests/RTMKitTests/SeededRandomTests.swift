import Testing

@testable import RTMKit

@Suite struct SeededRandomTests {
    @Test("SplitMix64 gives the published sequence for seed 0")
    func splitMixKnownAnswer() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    static let xoshiroVectors: [(UInt64, [UInt64])] = [
        (0, [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0]),
        (42, [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1]),
    ]

    @Test("xoshiro256** seeded through SplitMix64 matches an independent implementation", arguments: xoshiroVectors)
    func xoshiroKnownAnswer(seed: UInt64, expected: [UInt64]) {
        var generator = SeededRandom(seed: seed)
        let outputs = (0..<3).map { _ in generator.next() }
        #expect(outputs == expected)
    }

    @Test("bounded draws stay in range and cover it")
    func bounded() {
        var generator = SeededRandom(seed: 9)
        var seen = Set<UInt64>()
        for _ in 0..<1_000 {
            let value = generator.next(in: 3...7)
            #expect((3...7).contains(value))
            seen.insert(value)
        }
        #expect(seen == [3, 4, 5, 6, 7])
        let belowZero = generator.nextBelow(0)
        let single = generator.next(in: 5...5)
        #expect(belowZero == 0)
        #expect(single == 5)
    }

    @Test("a zero probability draws nothing; a probability of one always hits")
    func chanceEdges() {
        var a = SeededRandom(seed: 1)
        var b = SeededRandom(seed: 1)
        let never = a.chance(0)
        #expect(!never)
        let (nextA, nextB) = (a.next(), b.next())
        #expect(nextA == nextB)
        let always = a.chance(1)
        let negative = a.chance(-3)
        #expect(always)
        #expect(!negative)
    }
}
