import ModelChecker
import RTMMachines
import Testing

@testable import RTMSystem

/// Symmetry images drop invitation serial numbers when a scenario lets each client invite each callee at
/// most once (``SymmetryPlan/serialsRedundant(_:)``).
@Suite struct SerialDroppingTests {
    @Test(
        "Serials are dropped only when every client invites every callee at most once",
        arguments: [
            (SymmetricScenarios.callees, true),
            (SymmetricScenarios.mutual, true),
            (
                SymmetricScenarios.callees.replacingOccurrences(
                    of: "{sendLocalInvitation: alice}, {sendLocalInvitation: bob}",
                    with: "{call: sendLocalInvitation, to: alice, times: 2}, "
                        + "{call: sendLocalInvitation, to: bob, times: 2}"),
                false
            ),
            (
                SymmetricScenarios.callees.replacingOccurrences(
                    of: "{sendLocalInvitation: alice}, {sendLocalInvitation: bob}",
                    with: "{sendLocalInvitation: alice}, {sendLocalInvitation: bob}, {sendLocalInvitation: alice}, "
                        + "{sendLocalInvitation: bob}"),
                false
            ),
        ])
    func redundantOnlyUnderTheBound(text: String, redundant: Bool) throws {
        let scenario = try SymmetricScenarios.parse(text)
        #expect(SymmetryPlan.serialsRedundant(scenario) == redundant)
        #expect(try RTMSystemModel(scenario).symmetryPlan?.dropsSerials == redundant)
    }

    @Test("The benchmark scenarios, Spin's one invitation per ordered pair, drop serials")
    func benchScenariosDrop() throws {
        for name in ["bench-invitation", "bench-invitation-callers1", "bench-invitation-callers1-online-n4"] {
            let scenario = try ScenarioLoader.load(path: "\(SymmetricScenarios.modelsFolder)/\(name).yaml")
            #expect(try RTMSystemModel(scenario).symmetryPlan?.dropsSerials == true, "\(name)")
        }
    }

    @Test("A class under dropped serials is a symmetry class of the states with every serial set to 0, and folds more")
    func foldsOnlySerials() throws {
        let model = try RTMSystemModel(SymmetricScenarios.parse(SymmetricScenarios.callees))
        let dropping = try #require(model.symmetryPlan)
        let keeping = try #require(
            try SymmetryPlan(model.scenario, groups: model.scenario.symmetry, dropsSerials: false))
        var classes: [UInt64: (kept: Set<UInt64>, zeroed: Set<SystemState>)] = [:]
        for state in SymmetricScenarios.sample(model, limit: 3_000) {
            let dropped = dropping.classFingerprint(of: state, recordingInto: nil).rawValue
            // The class fingerprint is the representative's fingerprint, as the state path builds it.
            #expect(dropped == StateFingerprint.of(dropping.canonical(state)).rawValue)
            let zeroed = keeping.canonical(state.permuted(by: dropping.identityImage))
            #expect(zeroed.clients.allSatisfy { $0.core.locals.allSatisfy { $0.key.serial == 0 } })
            let kept = keeping.classFingerprint(of: state, recordingInto: nil).rawValue
            classes[dropped, default: (kept: [], zeroed: [])].kept.insert(kept)
            classes[dropped, default: (kept: [], zeroed: [])].zeroed.insert(zeroed)
        }
        // Only serials are forgotten: the states of one class agree once their serials are 0 ...
        #expect(classes.values.allSatisfy { $0.zeroed.count == 1 })
        // ... and some class holds states that kept serials tell apart (invitations created in another order).
        #expect(classes.values.contains { $0.kept.count > 1 })
    }

    @Test(
        "Dropping serials keeps every verdict and shortest path, on fewer or as many states",
        arguments: [SymmetricScenarios.callees, SymmetricScenarios.lossy, SymmetricScenarios.mutual])
    func sameVerdicts(text: String) throws {
        let dropping = try RTMSystemModel(SymmetricScenarios.parse(text))
        #expect(dropping.symmetryPlan?.dropsSerials == true)
        var keeping = dropping
        keeping.symmetryPlan = try SymmetryPlan(
            dropping.scenario, groups: dropping.scenario.symmetry, dropsSerials: false)
        // A counterexample is a real run: its states keep the serials the clients gave their invitations.
        try SymmetricScenarios.expectSameOutcomes(dropping.check(), keeping.check(), of: dropping)
    }
}
