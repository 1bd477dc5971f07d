import ModelChecker
import Testing

@Suite struct RandomWalkTests {
    @Test("Random walks with the same seed give identical results")
    func reproducible() {
        let options = CheckOptions(
            strategy: .randomWalks(count: 50, maxLength: 12, seed: 42), stopWhenAllDecided: false)
        let first = timeless(TwoPhase(buggy: true).check(options: options))
        let second = timeless(TwoPhase(buggy: true).check(options: options))
        #expect(first == second)
        #expect(first.termination == .walksCompleted(50))
        #expect(first.transitions > 0)
    }

    @Test("A single walk is a function of its seed and stream")
    func singleWalk() {
        let ring = TokenRing(size: 6)
        let walk = ring.randomWalk(seed: 7, stream: 3, maxLength: 40)
        #expect(walk == ring.randomWalk(seed: 7, stream: 3, maxLength: 40))
        #expect(walk?.count == 40)
        let others = (0..<4).map { ring.randomWalk(seed: UInt64($0), maxLength: 40) }
        #expect(Set(others.compactMap { $0 }).count > 1)
    }

    @Test("Random walks find the planted disagreement and report it as found by simulation")
    func findsBug() throws {
        let options = CheckOptions(strategy: .randomWalks(count: 200, maxLength: 10, seed: 1))
        let result = TwoPhase(buggy: true).check(options: options)
        let path = try #require(result.verdict("agreement")?.path)
        #expect(path.count >= 5)
        #expect(result.verdict("everyone decided") == .noViolationWithinBounds)
        #expect(result.outcome == .failed)
    }

    @Test("Simulation never claims success: a correct model is incomplete")
    func neverPasses() {
        let options = CheckOptions(strategy: .randomWalks(count: 100, maxLength: 10, seed: 3))
        let result = TwoPhase(buggy: false).check(options: options)
        #expect(result.verdict("agreement") == .noViolationWithinBounds)
        #expect(result.outcome == .incomplete)
    }

    @Test("Walks detect deadlocks")
    func deadlock() {
        let options = CheckOptions(strategy: .randomWalks(count: 100, maxLength: 10, seed: 5))
        let result = Locks(sameOrder: false).check(options: options)
        #expect(result.deadlocks.count == 1)
        #expect(result.deadlocks.path?.lastState.pc == [1, 1])
    }

    @Test("SplitMix64 from seed 0 starts with the published value")
    func splitMix() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test("Bounded draws stay below the bound and cover it")
    func below() {
        var generator = Xoshiro256StarStar(seed: 9)
        let draws = (0..<200).map { _ in generator.next(below: 5) }
        #expect(Set(draws) == [0, 1, 2, 3, 4])
        #expect(generator.next(below: 0) == 0)
    }
}
