import ModelChecker
import Testing

/// The result without its wall-clock duration, for comparing runs.
func timeless<M: Model>(_ result: CheckResult<M>) -> CheckResult<M> {
    var copy = result
    copy.duration = .zero
    return copy
}

let exhaustiveStrategies: [CheckOptions.Strategy] = [.breadthFirst, .depthFirst]

@Suite struct SearchTests {
    @Test(
        "Two saturating counters and a toggle have exactly 32 states and 80 transitions",
        arguments: exhaustiveStrategies)
    func countersCount(strategy: CheckOptions.Strategy) {
        let result = Counters().check(options: CheckOptions(strategy: strategy))
        #expect(result.termination == .exhausted)
        #expect(result.states == 32)
        #expect(result.transitions == 80)
        #expect(result.deadlocks.count == 0)
        #expect(result.outcome == .passed)
    }

    @Test("Breadth-first search reports the depth of the farthest state (3, 3, on) as 7")
    func countersDepth() {
        let result = Counters().check()
        #expect(result.maxDepth == 7)
        #expect(result.completedDepth == 7)
    }

    @Test(
        "A token ring of n processes has n × 2^n states in both search orders and both storages",
        arguments: [3, 4, 5], [CheckOptions.Storage.exact, .compact])
    func ringCount(size: Int, storage: CheckOptions.Storage) {
        for strategy in exhaustiveStrategies {
            let result = TokenRing(size: size).check(options: CheckOptions(strategy: strategy, storage: storage))
            #expect(result.states == size << size)
            #expect(result.transitions == 2 * (size << size))
            #expect(result.termination == .exhausted)
        }
    }

    @Test("Repeated runs give identical results", arguments: exhaustiveStrategies)
    func repeatable(strategy: CheckOptions.Strategy) {
        let options = CheckOptions(strategy: strategy)
        let first = timeless(TwoPhase(buggy: true).check(options: options))
        let second = timeless(TwoPhase(buggy: true).check(options: options))
        #expect(first == second)
        #expect(first.states > 0)
    }

    @Test("The synthetic grid has modulus^counters states and counters × states transitions")
    func grid() {
        let result = ModelCheckerBenchmark.exploreGrid(counters: 3, modulus: 8)
        #expect(result.states == 512)
        #expect(result.transitions == 1536)
        #expect(result.termination == .exhausted)
        let compact = ModelCheckerBenchmark.exploreGrid(
            counters: 3, modulus: 8, options: CheckOptions(strategy: .depthFirst, storage: .compact))
        #expect(compact.states == 512)
    }

    @Test("Coverage counts every transition under its keys, sorted by key")
    func coverage() {
        let result = Counters().check()
        #expect(result.sortedCoverage.map(\.key) == ["incrementA", "incrementB", "toggle"])
        #expect(result.sortedCoverage.map(\.count) == [24, 24, 32])
    }

    @Test("The progress hook is called every interval with growing state counts")
    func progress() {
        final class Samples: @unchecked Sendable {
            var states: [Int] = []
        }
        let samples = Samples()
        _ = TokenRing(size: 5).check(options: CheckOptions(progressInterval: 50) { samples.states.append($0.states) })
        #expect(samples.states == [50, 100, 150])
    }
}
