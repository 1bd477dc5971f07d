@testable import ModelChecker
import RTMMachines
import Testing

@testable import RTMSystem

/// Symmetry images show settled invitations (both ends ended and agreeing, nothing about them left in
/// flight, pending or on the server) as canceled at both ends (`SettledInvitations.swift`).
@Suite struct SettledInvitationTests {
    /// One caller, two interchangeable callees who may log out: invitations end accepted, refused,
    /// failed or interrupted.
    static let leaving = """
        scenario: leaving
        clients: [carol, alice, bob]
        calls:
          carol: [{sendLocalInvitation: alice}, {sendLocalInvitation: bob}]
          alice: [{acceptRemoteInvitation: carol}, {refuseRemoteInvitation: carol}, logout]
          bob: [{acceptRemoteInvitation: carol}, {refuseRemoteInvitation: carol}, logout]
        start: online
        apiErrors: false
        properties: all
        symmetry: [[alice, bob]]
        """

    /// The model of `text` with the plan that forgets settled outcomes, and the same model with one that keeps them.
    static func models(_ text: String) throws -> (forgetting: RTMSystemModel, keeping: RTMSystemModel) {
        let forgetting = try RTMSystemModel(SymmetricScenarios.parse(text))
        var keeping = forgetting
        keeping.symmetryPlan = try SymmetryPlan(
            forgetting.scenario, groups: forgetting.scenario.symmetry, forgetsSettled: false)
        return (forgetting, keeping)
    }

    /// `state` with its settled invitations shown as canceled and their interruption marks gone (a real
    /// state), and whether any is settled.
    static func forgotten(_ state: SystemState, _ plan: SymmetryPlan) -> (SystemState, Bool) {
        guard let masks = plan.identityImage.settledSlots(in: state) else { return (state, false) }
        var twin = state
        for i in twin.clients.indices {
            twin.clients[i].core = twin.clients[i].core.showingCanceled(
                locals: masks.locals(of: i), remotes: masks.remotes(of: i))
        }
        twin.seen.interrupted.removeAll { plan.identityImage.isSettled($0, in: state, masks) }
        return (twin, true)
    }

    @Test(
        "Forgetting settled outcomes keeps every verdict, deadlock and shortest path, on fewer or as many states",
        arguments: [leaving, SymmetricScenarios.callees, SymmetricScenarios.lossy, SymmetricScenarios.mutual])
    func sameVerdicts(text: String) throws {
        let (forgetting, keeping) = try Self.models(text)
        #expect(forgetting.symmetryPlan?.forgetsSettled == true)
        let (reduced, full) = (forgetting.check(), keeping.check())
        if text == Self.leaving { #expect(reduced.states < full.states) }
        // A counterexample is a real run, with the outcomes the invitations really had.
        try SymmetricScenarios.expectSameOutcomes(reduced, full, of: forgetting)
    }

    @Test("A state and its twin with settled invitations shown as canceled and unmarked step alike")
    func twinsStepAlike() throws {
        let (model, _) = try Self.models(Self.leaving)
        let plan = try #require(model.symmetryPlan)
        var settled = 0
        var changed = 0
        var unmarked = 0
        var actions: [SystemAction] = []
        func successors(_ state: SystemState) -> Set<UInt64> {
            actions.removeAll(keepingCapacity: true)
            model.actions(state, into: &actions)
            return Set(
                actions.compactMap { model.next(state, $0) }.map {
                    plan.classFingerprint(of: $0, recordingInto: nil).rawValue
                })
        }
        for state in SymmetricScenarios.sample(model, limit: 4_000) {
            let (twin, any) = Self.forgotten(state, plan)
            guard any else { continue }
            settled += 1
            if twin != state { changed += 1 }
            let twinClass = plan.classFingerprint(of: twin, recordingInto: nil)
            #expect(twinClass == plan.classFingerprint(of: state, recordingInto: nil))
            #expect(model.isFinal(twin) == model.isFinal(state))
            for property in model.properties {
                #expect(property.condition(model, twin) == property.condition(model, state), "\(property.name)")
            }
            #expect(successors(twin) == successors(state))
            #expect(model.progress(twin) == model.progress(state))
            if twin.seen.interrupted != state.seen.interrupted { unmarked += 1 }
        }
        #expect(settled > 100)
        // Some settled invitation had ended otherwise than canceled (accepted, refused, failed).
        #expect(changed > 0)
        // Some had an interruption mark (a callee logged out while it rang).
        #expect(unmarked > 0)
    }

    @Test("An invitation whose ends disagree, or with a message or timer of it pending, is not settled")
    func onlyOverForGood() throws {
        let (model, _) = try Self.models(SymmetricScenarios.lossy)
        let plan = try #require(model.symmetryPlan)
        var disagreeing = 0
        var pending = 0
        for state in SymmetricScenarios.sample(model, limit: 6_000) {
            let masks = plan.identityImage.settledSlots(in: state) ?? SettledSlots()
            for caller in state.clients.indices {
                for (slot, local) in state.clients[caller].core.locals.enumerated() where local.machine.isTerminal {
                    guard let callee = model.scenario.clientIndex(local.key.callee),
                        let remote = state.clients[callee].core.remote(local.key), remote.machine.isTerminal
                    else { continue }
                    let marked = SettledSlots.marks(masks.locals(of: caller), slot)
                    if !RTMSystemModel.endsAgree(local.machine, remote.machine),
                        !state.seen.interrupted.contains(local.key)
                    {
                        disagreeing += 1
                        #expect(!marked, "a disagreement is never forgotten")
                    } else if state.mentions(local.key) {
                        pending += 1
                        #expect(!marked, "an invitation with a message or timer pending is not over")
                    } else if state.server.invitation(local.key).map({ $0.phase != .ended }) ?? false {
                        #expect(!marked, "the server may still send notices")
                    } else {
                        #expect(marked)
                    }
                }
            }
        }
        #expect(disagreeing > 0)
        #expect(pending > 0)
    }
}
