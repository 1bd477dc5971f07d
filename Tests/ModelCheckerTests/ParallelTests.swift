import ModelChecker
import Testing

/// The result without what legitimately depends on the run: wall time, worker count, table sizes.
func comparable<M: Model>(_ result: CheckResult<M>) -> CheckResult<M> {
    var copy = timeless(result)
    copy.workers = 1
    copy.store = nil
    return copy
}

let workerCounts = [1, 2, 4]

@Suite struct ParallelTests {
    @Test("Every fixture gives identical counts, verdicts and paths on 1, 2 and 4 workers", arguments: workerCounts)
    func fixtures(workers: Int) {
        let options = CheckOptions(stopWhenAllDecided: false, workers: workers)
        let single = CheckOptions(stopWhenAllDecided: false)
        #expect(comparable(TwoPhase(buggy: true).check(options: options))
            == comparable(TwoPhase(buggy: true).check(options: single)))
        #expect(comparable(TwoPhase(buggy: false, decidedWithin: 4).check(options: options))
            == comparable(TwoPhase(buggy: false, decidedWithin: 4).check(options: single)))
        #expect(comparable(Locks(sameOrder: false).check(options: options))
            == comparable(Locks(sameOrder: false).check(options: single)))
        #expect(comparable(boundedCounters.check(options: options)) == comparable(boundedCounters.check(options: single)))
        for variant in [Server.Variant.prompt, .stalling, .crashing] {
            let model = Server(variant: variant, steps: 2)
            #expect(comparable(model.check(options: options)) == comparable(model.check(options: single)))
        }
        let ring = TokenRing(size: 9).check(options: options)
        #expect(ring.states == 9 << 9)
        #expect(ring.workers == workers)
    }

    @Test(
        "A level wider than a batch is merged in frontier order: same states, transitions and paths",
        arguments: workerCounts, CheckOptions.Storage.allCases)
    func wide(workers: Int, storage: CheckOptions.Storage) throws {
        let result = Wide().check(options: CheckOptions(storage: storage, stopWhenAllDecided: false, workers: workers))
        #expect(result.states == 60_098)
        // 0 -> 40,000; 1 ... 20,000 -> 2 each; 20,001 ... 60,000 -> 1 each.
        #expect(result.transitions == 40_000 + 40_000 + 40_000)
        let path = try #require(result.verdict("below 59,999")?.path)
        #expect(path.actions == [19_999, 59_999])
        #expect(result.verdict("a fallback")?.path?.actions == [50, 100_050])
        #expect(result.deadlocks.count == 0)
    }

    @Test("Stopping at the first violation stops at the same place for any number of workers", arguments: workerCounts)
    func earlyStop(workers: Int) {
        let options = CheckOptions(stopAtFirstViolation: true, workers: workers)
        let result = comparable(Wide().check(options: options))
        #expect(result == comparable(Wide().check(options: CheckOptions(stopAtFirstViolation: true))))
        #expect(result.termination == .stoppedAtFirstViolation)
    }

    @Test("State and depth bounds cut the search at the same place for any number of workers", arguments: workerCounts)
    func bounds(workers: Int) {
        for bounds in [CheckOptions.Bounds(maxDepth: 1), .init(maxStates: 12_345)] {
            let parallel = Wide().check(options: CheckOptions(bounds: bounds, workers: workers))
            let single = Wide().check(options: CheckOptions(bounds: bounds))
            #expect(comparable(parallel) == comparable(single))
            #expect(parallel.outcome == .incomplete)
        }
    }

    @Test("A memory bound stops the search before the tables outgrow it")
    func memoryBound() throws {
        let limit = 4 << 20
        let result = CounterGridModel(counters: 4, modulus: 24).check(
            options: CheckOptions(bounds: .init(maxMemoryBytes: limit), collectCoverage: false, workers: 2))
        #expect(result.termination == .boundHit(.memory))
        let store = try #require(result.store)
        #expect(store.bytes <= limit)
        #expect(result.states < 24 * 24 * 24 * 24)
    }

    @Test("A bound on the process's resident memory stops the search and says it was the memory bound")
    func residentBound() throws {
        let resident = try #require(SystemInfo.residentBytes, "Linux reads /proc/self/status")
        var bounds = CheckOptions.Bounds()
        bounds.maxResidentBytes = resident / 2
        let result = CounterGridModel(counters: 4, modulus: 24).check(
            options: CheckOptions(bounds: bounds, collectCoverage: false, workers: 2))
        #expect(result.termination == .boundHit(.memory))
        #expect(result.states < 24 * 24 * 24 * 24)
        bounds.maxResidentBytes = resident * 64
        let unbounded = CounterGridModel(counters: 4, modulus: 24).check(
            options: CheckOptions(bounds: bounds, collectCoverage: false, workers: 2))
        #expect(unbounded.termination == .exhausted)
    }
}
