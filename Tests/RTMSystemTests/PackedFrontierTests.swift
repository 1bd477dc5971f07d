import Foundation
import ModelChecker
import RTMSystem
import Testing

/// The breadth-first search keeps its frontier levels as state encodings (``CheckOptions/packsFrontier``)
/// and decodes each state when it expands it: the results must be the ones it gets from values.
@Suite struct PackedFrontierTests {
    /// Scenarios with every kind of part: channels, peer messages, invitations, faults, symmetry.
    static let scenarios = [
        "connection", "channel", "messaging", "invitation", "invitation-race", "bench-invitation-callers1-online",
    ]

    static func load(_ name: String) throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try ScenarioLoader.load(path: root.appendingPathComponent("Models/\(name).yaml").path)
    }

    static func outcome(
        _ check: ScenarioCheck, packs: Bool, storage: CheckOptions.Storage, partialOrder: Bool, workers: Int
    ) -> (ScenarioCheck.Outcome, CheckResult<RTMSystemModel>) {
        var options = ScenarioCheck.Options()
        options.frontierPacking = packs ? .always : .never
        options.storage = storage
        options.partialOrder = partialOrder
        options.workers = workers
        options.maxStates = 15_000
        return check.run(options)
    }

    @Test("Packed and value frontiers give the same counts, verdicts, counterexamples and coverage",
          arguments: scenarios, [false, true])
    func sameResults(name: String, partialOrder: Bool) throws {
        let check = try ScenarioCheck(try Self.load(name))
        for (storage, workers) in [(CheckOptions.Storage.exact, 1), (.compact, 2)] {
            let (values, valuesResult) = Self.outcome(
                check, packs: false, storage: storage, partialOrder: partialOrder, workers: workers)
            let (packed, packedResult) = Self.outcome(
                check, packs: true, storage: storage, partialOrder: partialOrder, workers: workers)
            #expect(packed.states == values.states, "\(name) \(storage)")
            #expect(packed.transitions == values.transitions, "\(name) \(storage)")
            #expect(packed.maxDepth == values.maxDepth, "\(name) \(storage)")
            #expect(packed.entries == values.entries, "\(name) \(storage)")
            #expect(packed.coverage == values.coverage, "\(name) \(storage)")
            #expect(packedResult.deadlocks.count == valuesResult.deadlocks.count, "\(name) \(storage)")
            #expect(
                packedResult.deadlocks.path?.steps.map(\.action) == valuesResult.deadlocks.path?.steps.map(\.action))
        }
    }

    @Test("The system model decodes what it encodes, so the search packs its frontier")
    func modelDecodes() throws {
        let check = try ScenarioCheck(try Self.load("invitation"))
        #expect(check.model.decodesStates)
        let state = check.model.initialStates[0]
        var encoder = StateEncoder()
        defer { encoder.release() }
        _ = check.model.fingerprint(state, recordingInto: &encoder)
        #expect(check.model.decode(encoder.all) == state)
    }
}
