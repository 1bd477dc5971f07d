import ModelChecker
import Testing

/// Merged single-successor steps (`CheckOptions.mergesSteps`) in the checker, on small models whose
/// runs can be counted by hand.
@Suite struct MergedStepsCheckerTests {
    static var options: CheckOptions {
        var options = CheckOptions()
        options.partialOrder = true
        options.mergesSteps = true
        options.collectCoverage = false
        return options
    }

    @Test("Runs stop where a property decides something, and paths show every step")
    func countersMerge() throws {
        let model = IndependentCounters(count: 3, limit: 3)
        var plain = Self.options
        plain.mergesSteps = false
        let reduced = model.check(options: plain)
        let merged = model.check(options: Self.options)
        // Stored: the initial state; [3, 0, 0], where counter 0 reaches its limit (the `always`
        // fails); and [3, 3, 3], where `all done` holds. The seven states between are passed through.
        #expect(reduced.states == 10)
        #expect(merged.states == 3)
        #expect(merged.store?.mergedSteps == 7)
        #expect(merged.properties.map(\.verdict.name) == reduced.properties.map(\.verdict.name))
        let counterexample = try #require(merged.verdict("counter 0 below limit")?.path)
        #expect(counterexample.steps.map(\.state) == [[1, 0, 0], [2, 0, 0], [3, 0, 0]])
        let witness = try #require(merged.verdict("all done")?.path)
        #expect(witness.steps.count == 9)
        #expect(witness.lastState == [3, 3, 3])
    }

    @Test("Past 64 properties, a run still stops where one of the others decides something")
    func manyProperties() throws {
        let result = ManyChecks().check(options: Self.options)
        let path = try #require(result.verdict("counter 0 below 2")?.path)
        // [2, 0, 0] would be passed through if only the first 64 properties were asked.
        #expect(path.lastState == [2, 0, 0])
        #expect(path.steps.count == 2)
    }

    @Test("A cycle of single steps ends its runs and still reaches the step it would ignore")
    func cycleOfSingleSteps() {
        for storage in [CheckOptions.Storage.exact, .compact, .bitstate] {
            var options = Self.options
            options.storage = storage
            let result = SpinnerAndSwitch().check(options: options)
            #expect(result.verdict("never flipped")?.isFailure == true, "\(storage)")
            #expect((result.store?.mergedSteps ?? 0) > 0, "\(storage)")
        }
    }

    @Test("Deadlocks are never passed through")
    func deadlocksKept() {
        let model = IndependentCounters(count: 3, limit: 3, stuck: true)
        let result = model.check(options: Self.options)
        #expect(result.deadlocks.count == 1)
        #expect(result.deadlocks.path?.lastState == [3, 3, 3])
    }

    @Test("Without partial-order reduction, or with coverage counted, nothing is merged")
    func offWhereItCannotApply() {
        let model = IndependentCounters(count: 3, limit: 3)
        var options = Self.options
        options.partialOrder = false
        #expect(model.check(options: options).store?.mergedSteps == nil)
        options = Self.options
        options.collectCoverage = true
        let counted = model.check(options: options)
        #expect(counted.store?.mergedSteps == nil)
        #expect(counted.states == 10)
    }
}

/// ``IndependentCounters`` with 64 properties that always hold ahead of the one that fails.
struct ManyChecks: Model {
    var inner = IndependentCounters(count: 3, limit: 3)

    var initialStates: [[Int]] { inner.initialStates }
    func actions(_ state: [Int], into actions: inout [Int]) { inner.actions(state, into: &actions) }
    func next(_ state: [Int], _ action: Int) -> [Int]? { inner.next(state, action) }
    func isFinal(_ state: [Int]) -> Bool { inner.isFinal(state) }
    func ampleSets(_ state: [Int], _ actions: [Int], into candidates: inout AmpleCandidates) {
        inner.ampleSets(state, actions, into: &candidates)
    }

    var properties: [Property<ManyChecks>] {
        (0..<64).map { index in .always("holds \(index)") { _, _ in true } }
            + [.always("counter 0 below 2") { _, s in s[0] < 2 }]
    }
}
