import Foundation
import ModelChecker
import RTMMachines
import Testing

@testable import RTMSystem

/// The fingerprint of a renamed state computed without building it
/// (``ClientPermutation/feedImage(of:into:)``, ``SymmetryPlan/classFingerprint(of:recordingInto:)``),
/// which lets the breadth-first search keep the states it reaches and fold them by their
/// representatives' fingerprints.
@Suite struct SymmetryFeedTests {
    /// Interchangeable clients that exchange peer messages (offline too) and share a channel: free
    /// text naming clients, server lists sorted by user, a logout while joined.
    static let chatty = """
        scenario: chatty
        clients: [carol, alice, bob]
        channels: [lobby]
        calls:
          carol: [login, {call: sendMessageToPeer, to: alice, offline: true}, {call: sendMessageToPeer, to: bob, offline: true}, {join: lobby}, {getMembers: lobby}]
          alice: [login, {join: lobby}, {sendMessageToPeer: carol}, logout]
          bob: [login, {join: lobby}, {sendMessageToPeer: carol}, logout]
        network:
          delay: 1s
        properties: all
        symmetry: [[alice, bob]]
        """

    static var scenarios: [String] {
        get throws {
            let folder = SymmetricScenarios.modelsFolder
            return [SymmetricScenarios.lossy, SymmetricScenarios.callees, SymmetricScenarios.mutual, chatty]
                + (try ["bench-invitation.yaml", "bench-invitation-callers1.yaml"].map {
                    try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)
                })
        }
    }

    /// Scenario `index` of ``scenarios`` and its symmetry plan.
    static func model(_ index: Int) throws -> (RTMSystemModel, SymmetryPlan) {
        let model = try RTMSystemModel(SymmetricScenarios.parse(try scenarios[index]))
        return (model, try #require(model.symmetryPlan))
    }

    /// Two encoders to compare words: what a built state feeds, and what the renaming feed gives.
    static func encoders() -> (StateEncoder, StateEncoder) {
        (StateEncoder(capacity: 1 << 12), StateEncoder(capacity: 1 << 12))
    }

    static func release(_ built: inout StateEncoder, _ fed: inout StateEncoder) {
        built.release()
        fed.release()
    }

    @Test("Feeding an image without building it gives the built image's words, for every renaming", arguments: 0..<6)
    func imageWords(scenario: Int) throws {
        let (model, plan) = try Self.model(scenario)
        var (built, fed) = Self.encoders()
        defer { Self.release(&built, &fed) }
        var mismatches = 0
        var sorted = 0
        for state in SymmetricScenarios.sample(model, limit: 500) {
            for permutation in plan.permutations {
                built.removeAll()
                fed.removeAll()
                let image = state.permuted(by: permutation)
                let expected = StateFingerprint.of(image, recordingInto: &built)
                var hasher = StableHasher(seed: StateFingerprint.seed, recordingInto: &fed)
                permutation.feedImage(of: state, into: &hasher)
                if hasher.finalize() != expected || !built.all.elementsEqual(fed.all) {
                    mismatches += 1
                    if mismatches <= 3 { Issue.record("words differ for \(permutation.source) of a sampled state") }
                }
                // The renaming reordered some list the state keeps sorted (the feed sorted it too).
                if image.timers.map(\.owner) != state.timers.map({ permutation.owner($0.owner) })
                    || image.server.invitations.map(\.key) != state.server.invitations.map({ permutation.key($0.key) })
                    || image.server.sessions.map(\.conn) != state.server.sessions.map({ permutation.conn($0.conn) })
                {
                    sorted += 1
                }
            }
        }
        #expect(mismatches == 0)
        #expect(sorted > 0)
    }

    @Test("The class fingerprint is the representative's fingerprint, with the representative's encoding",
        arguments: 0..<6)
    func classFingerprint(scenario: Int) throws {
        let (model, plan) = try Self.model(scenario)
        var (built, fed) = Self.encoders()
        defer { Self.release(&built, &fed) }
        var mismatches = 0
        var tied = 0
        for state in SymmetricScenarios.sample(model, limit: 500) {
            built.removeAll()
            fed.removeAll()
            let expected = StateFingerprint.of(plan.canonical(state), recordingInto: &built)
            let fingerprint = plan.classFingerprint(of: state, recordingInto: &fed)
            if fingerprint != expected || !built.all.elementsEqual(fed.all)
                || plan.classFingerprint(of: state, recordingInto: nil) != expected
            {
                mismatches += 1
            }
            if plan.choices(for: state).count > 1 { tied += 1 }
        }
        #expect(mismatches == 0)
        #expect(tied > 0)
    }

    @Test("Without ties the class fingerprint takes the one image the signatures choose; a tie has no fast path",
        arguments: 0..<6)
    func untiedImage(scenario: Int) throws {
        let (model, plan) = try Self.model(scenario)
        var untied = 0
        var disagreements = 0
        for state in SymmetricScenarios.sample(model, limit: 500) {
            let sources = plan.choices(for: state)
            let fast = plan.untiedImage(of: state)
            if sources.count == 1 {
                untied += 1
                let expected = plan.permutationIndex(of: sources[0])
                if fast != expected { disagreements += 1 }
                let source = plan.permutations.indices.contains(expected)
                    ? plan.permutations[expected].source : Array(plan.names.indices)
                if source != sources[0] { disagreements += 1 }
            } else if fast != nil {
                disagreements += 1
            }
        }
        #expect(disagreements == 0)
        #expect(untied > 0)
    }

    @Test("Every permutation is found by its source, by rank table and by dictionary alike", arguments: 0..<6)
    func permutationIndex(scenario: Int) throws {
        let (_, plan) = try Self.model(scenario)
        #expect(plan.ranks != nil)
        for (index, permutation) in plan.permutations.enumerated() {
            #expect(plan.permutationIndex(of: permutation.source) == index)
            #expect(plan.bySource[permutation.source] == index)
        }
        #expect(plan.permutationIndex(of: Array(plan.names.indices)) == SymmetryPlan.identity)
    }

    @Test("The search keeps the states it reaches and stores exactly one per class", arguments: [0, 1, 2])
    func oneStatePerClass(scenario: Int) throws {
        let text = try Self.scenarios[scenario]
        let model = try RTMSystemModel(SymmetricScenarios.parse(text))
        let plan = try #require(model.symmetryPlan)
        let reachable = SymmetricScenarios.sample(model, limit: 1_000_000)
        let classes = Set(reachable.map { plan.canonical($0) }).count
        for workers in [1, 2] {
            var options = CheckOptions(checkDeadlocks: true, stopAtFirstViolation: false)
            options.workers = workers
            for storage in [CheckOptions.Storage.exact, .compact] {
                options.storage = storage
                let result = model.check(options: options)
                #expect(result.states == classes, "\(storage), \(workers) workers")
            }
        }
        #expect(classes < reachable.count)
    }
}
