import ModelChecker
import RTMMachines
import Testing

@testable import RTMSystem

/// Merged single-successor steps (`CheckOptions.mergesSteps`) on the composed system: the verdicts of
/// the reduced search, fewer states stored, paths that replay step by step, and the same counts on
/// any number of workers.
@Suite struct MergedStepsTests {
    static func options(merging: Bool) -> ScenarioCheck.Options {
        var options = ScenarioCheck.Options()
        options.partialOrder = true
        options.mergesSteps = merging
        options.collectCoverage = false
        return options
    }

    @Test("Merged runs reach the verdicts of the reduced search on fewer stored states", arguments: ReducibleScenarios.all)
    func verdictsAgree(_ text: String) throws {
        let check = try ScenarioCheck(try ReducibleScenarios.named(text))
        let (reduced, _) = check.run(Self.options(merging: false))
        let (merged, result) = check.run(Self.options(merging: true))
        #expect(reduced.exhausted && merged.exhausted)
        #expect(merged.entries.map(\.property) == reduced.entries.map(\.property))
        #expect(merged.entries.map(\.verdict) == reduced.entries.map(\.verdict))
        #expect(merged.passed == reduced.passed)
        let steps = try #require(result.store?.mergedSteps)
        // Every merged step is a state not stored; a scenario with none stores as many states.
        #expect(steps == 0 ? merged.states == reduced.states : merged.states < reduced.states)
    }

    @Test("The benchmark scenario folds more than half of its states into runs, with the same verdict")
    func benchmarkScenario() throws {
        let check = try ScenarioCheck(PackedFrontierTests.load("bench-invitation-callers1-online"))
        let (reduced, _) = check.run(Self.options(merging: false))
        let (merged, result) = check.run(Self.options(merging: true))
        #expect(reduced.exhausted && merged.exhausted && merged.passed && reduced.passed)
        #expect(merged.states * 2 < reduced.states, "\(merged.states) of \(reduced.states)")
        #expect((result.store?.mergedSteps ?? 0) > 0)
    }

    @Test("A planted server bug is caught with merged runs, and its counterexample replays step by step")
    func plantedBugCaught() throws {
        var scenario = raceScenario
        scenario.network = NetworkFaults()  // no delay: ample sets are offered
        let model = try RTMSystemModel(scenario, serverStep: cancelAlsoWins)
        var options = CheckOptions()
        options.partialOrder = true
        options.collectCoverage = false  // merged runs count no coverage
        let reduced = model.check(options: options)
        options.mergesSteps = true
        let merged = model.check(options: options)
        #expect(reduced.verdict("invitation-agreement")?.isFailure == true)
        #expect((merged.store?.mergedSteps ?? 0) > 0)
        #expect(merged.states < reduced.states)
        let path = try #require(merged.verdict("invitation-agreement")?.path)
        let state = try replayed(path, in: model)
        // The run stopped where the property failed: the last state is the violating one, and no
        // state before it violates.
        #expect(model.invitationDisagreement(state) != nil)
        #expect(path.steps.dropLast().allSatisfy { model.invitationDisagreement($0.state) == nil })
    }

    @Test("Merged runs give the same counts and verdicts on one and two workers, in exact and compact storage")
    func deterministic() throws {
        let check = try ScenarioCheck(try ReducibleScenarios.parse(ReducibleScenarios.callers))
        for storage in [CheckOptions.Storage.exact, .compact] {
            var options = Self.options(merging: true)
            options.storage = storage
            let (one, first) = check.run(options)
            options.workers = 2
            let (two, second) = check.run(options)
            #expect(one.states == two.states && one.transitions == two.transitions && one.maxDepth == two.maxDepth)
            #expect(one.entries == two.entries)
            #expect(first.store?.mergedSteps == second.store?.mergedSteps)
        }
    }

    @Test(
        "The model's single ample action is the first ample candidate when that is one action, else none",
        arguments: ReducibleScenarios.all)
    func singleAmpleActionIsTheFirstCandidate(_ text: String) throws {
        let model = try RTMSystemModel(try ReducibleScenarios.named(text))
        var singles = 0
        for state in SymmetricScenarios.sample(model, limit: 1500) {
            let (actions, candidates) = ReducibleScenarios.candidates(in: state, of: model)
            let first = candidates.count > 0 && candidates[0].count == 1 && actions.count > 1 ? candidates[0].first : nil
            #expect(model.singleAmpleAction(state, actions) == first, "\(model.describe(state: state))")
            if first != nil { singles += 1 }
        }
        if text == ReducibleScenarios.callers { #expect(singles > 20, "\(singles) states with a single ample action") }
    }

    @Test("The report says how many steps were merged, and that coverage was not counted")
    func reportSaysMerged() throws {
        let check = try ScenarioCheck(try ReducibleScenarios.parse(ReducibleScenarios.callers))
        let (merged, _) = check.run(Self.options(merging: true))
        let steps = try #require(merged.mergedSteps)
        #expect(merged.text().contains("(partial-order reduced, \(steps) single-successor steps merged)"))
        #expect(merged.text().contains("coverage: not counted (merged steps)"))
        let (reduced, _) = check.run(Self.options(merging: false))
        #expect(reduced.mergedSteps == nil)
        #expect(reduced.text().contains("(partial-order reduced)") && !reduced.text().contains("not counted"))
    }

    @Test("Coverage collection turns merging off: every transition is counted")
    func offWithCoverage() throws {
        let check = try ScenarioCheck(try ReducibleScenarios.parse(ReducibleScenarios.callers))
        var options = Self.options(merging: true)
        options.collectCoverage = true
        let (counted, result) = check.run(options)
        let (reduced, _) = check.run(Self.options(merging: false))
        #expect(result.store?.mergedSteps == nil)
        #expect(counted.states == reduced.states)
    }
}
