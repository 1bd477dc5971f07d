import ModelChecker
import RTMMachines
import Testing

@testable import RTMSystem

/// Scenarios for partial-order reduction: reliable networks without a delay, where ample sets are offered.
enum ReducibleScenarios {
    /// callers1 at N=2: one caller, one callee, each may log out and in again once.
    static let callers = """
        scenario: callers
        clients: [c0, c1]
        calls:
          c0: [logout, login, {sendLocalInvitation: c1}, {cancelLocalInvitation: c1}]
          c1: [logout, login, {acceptRemoteInvitation: c0}, {refuseRemoteInvitation: c0}]
        start: online
        apiErrors: false
        properties: [invitation-agreement, invitation-ends, no-protocol-violation, no-callback-after-logout]
        """

    /// A caller and two callees, with API errors allowed (every budget call is always enabled).
    static let twoCallees = """
        scenario: two-callees
        clients: [carol, alice, bob]
        calls:
          carol: [login, {sendLocalInvitation: alice}, {sendLocalInvitation: bob}, {cancelLocalInvitation: bob}]
          alice: [login, {acceptRemoteInvitation: carol}]
          bob: [login, {refuseRemoteInvitation: carol}, logout]
        properties: all
        """

    /// One caller and two callees, one of whom logs out and back in: reads of different clients'
    /// requests race for the caller's direction and the callees' sessions.
    static let threeClients = """
        scenario: three-clients
        clients: [c0, c1, c2]
        calls:
          c0: [{sendLocalInvitation: c1}, {sendLocalInvitation: c2}, {cancelLocalInvitation: c2}]
          c1: [logout, login, {acceptRemoteInvitation: c0}]
          c2: [{refuseRemoteInvitation: c0}]
        start: online
        apiErrors: false
        properties: [invitation-agreement, invitation-ends, no-protocol-violation, no-callback-after-logout]
        """

    /// Peer messages both ways and a logout, so the peer-message properties read across clients.
    static let peers = """
        scenario: peers
        clients: [alice, bob]
        calls:
          alice: [login, {call: sendMessageToPeer, to: bob}, logout]
          bob: [login, {call: sendMessageToPeer, to: alice, offline: true}, logout, login]
        properties: all
        """

    static func parse(_ text: String) throws -> Scenario { try ScenarioLoader.parse(text, file: "inline.yaml") }

    /// The actions of `state` and the ample sets the model offers for it.
    static func candidates(in state: SystemState, of model: RTMSystemModel) -> (actions: [SystemAction], candidates: AmpleCandidates) {
        var actions: [SystemAction] = []
        model.actions(state, into: &actions)
        var candidates = AmpleCandidates()
        model.ampleSets(state, actions, into: &candidates)
        return (actions, candidates)
    }

    /// The scenarios the reduction is tested on (names for ``named(_:)``).
    static let all = [callers, twoCallees, threeClients, peers, "channel"]

    /// `channel.yaml` for "channel", else the inline scenario `text`.
    static func named(_ text: String) throws -> Scenario {
        text == "channel"
            ? try ScenarioLoader.load(path: "\(SymmetricScenarios.modelsFolder)/channel.yaml") : try parse(text)
    }
}

@Suite struct PartialOrderTests {
    /// Every ample action commutes with every other enabled action, and neither disables the other:
    /// the one-step half of the ample-set condition, checked on real states.
    @Test(
        "Ample actions commute with every action outside the set",
        arguments: ReducibleScenarios.all)
    func ampleSetsCommute(_ text: String) throws {
        let scenario = try ReducibleScenarios.named(text)
        let model = try RTMSystemModel(scenario)
        var offered = 0
        for state in SymmetricScenarios.sample(model, limit: 4000) {
            let (actions, candidates) = ReducibleScenarios.candidates(in: state, of: model)
            if candidates.count > 0 { offered += 1 }
            for candidate in 0..<candidates.count {
                let ample = Array(candidates[candidate])
                #expect(!ample.isEmpty && ample.count < actions.count)
                let inside = Set(ample)
                for a in ample {
                    let afterA = try #require(model.next(state, actions[a]))
                    for b in actions.indices where !inside.contains(b) {
                        let afterB = try #require(model.next(state, actions[b]))
                        var enabled: [SystemAction] = []
                        model.actions(afterA, into: &enabled)
                        #expect(enabled.contains(actions[b]), "\(actions[a]) disables \(actions[b])")
                        enabled.removeAll()
                        model.actions(afterB, into: &enabled)
                        #expect(enabled.contains(actions[a]), "\(actions[b]) disables \(actions[a])")
                        let ab = model.next(afterA, actions[b])
                        let ba = model.next(afterB, actions[a])
                        #expect(ab == ba, "\(actions[a]) and \(actions[b]) do not commute in \(model.describe(state: state))")
                    }
                }
            }
        }
        #expect(offered > 20, "ample sets were offered in only \(offered) states")
    }

    @Test(
        "Reduced and full searches reach the same verdicts, the reduced one on fewer states",
        arguments: ReducibleScenarios.all)
    func verdictsAgree(_ text: String) throws {
        let scenario = try ReducibleScenarios.named(text)
        let check = try ScenarioCheck(scenario)
        var options = ScenarioCheck.Options()
        let (full, _) = check.run(options)
        options.partialOrder = true
        let (reduced, result) = check.run(options)
        #expect(full.exhausted && reduced.exhausted)
        #expect(reduced.entries.map(\.property) == full.entries.map(\.property))
        #expect(reduced.entries.map(\.verdict) == full.entries.map(\.verdict))
        #expect(reduced.passed == full.passed)
        #expect(reduced.states < full.states)
        #expect(result.store?.partialOrderReduced == true)
    }

    @Test("A planted server bug is still caught, with a counterexample that replays")
    func plantedBugCaught() throws {
        var scenario = raceScenario
        scenario.network = NetworkFaults()  // no delay: ample sets are offered
        let model = try RTMSystemModel(scenario, serverStep: cancelAlsoWins)
        var options = CheckOptions()
        let full = model.check(options: options)
        options.partialOrder = true
        let reduced = model.check(options: options)
        #expect(full.verdict("invitation-agreement")?.isFailure == true)
        let path = try #require(reduced.verdict("invitation-agreement")?.path)
        #expect(reduced.states < full.states)
        let state = try replayed(path, in: model)
        #expect(model.invitationDisagreement(state) != nil)
    }

    @Test("The progress measure lets more ample sets pass, with the verdicts of the full search")
    func measuredProviso() throws {
        for text in [ReducibleScenarios.callers, ReducibleScenarios.twoCallees] {
            var model = try RTMSystemModel(ReducibleScenarios.parse(text))
            var options = CheckOptions()
            let full = model.check(options: options)
            options.partialOrder = true
            let measured = model.check(options: options)
            model.measuresProgress = false
            let plain = model.check(options: options)
            #expect(measured.states < plain.states && plain.states < full.states)
            #expect(measured.transitions < plain.transitions)
            for result in [measured, plain] {
                #expect(result.properties.map(\.verdict.name) == full.properties.map(\.verdict.name))
                #expect(result.deadlocks.count == full.deadlocks.count)
            }
        }
    }

    @Test("The progress measure rises on calls and on deliveries that move an invitation, and ignores renamings")
    func progressMeasure() throws {
        let model = try RTMSystemModel(SymmetricScenarios.parse(SymmetricScenarios.callees))
        let plan = try #require(model.symmetryPlan)
        var rose = 0
        var steps = 0
        var actions: [SystemAction] = []
        for state in SymmetricScenarios.sample(model, limit: 3000) {
            let measure = try #require(model.progress(state))
            for permutation in plan.permutations {
                #expect(model.progress(state.permuted(by: permutation)) == measure)
            }
            actions.removeAll()
            model.actions(state, into: &actions)
            for action in actions {
                guard let next = model.next(state, action), let after = model.progress(next) else { continue }
                steps += 1
                if case .call = action { #expect(after > measure, "\(model.describe(action: action))") }
                if after > measure { rose += 1 }
            }
        }
        // Timers may fall (a purge forgets an ended record); calls and nearly every delivery rise.
        #expect(steps > 1000 && rose * 10 > steps * 8, "\(rose) of \(steps) steps rose")
    }

    @Test("A client may wait with its login deferred behind its unread logout, or behind a request the server drops")
    func waitingBeforeLogin() throws {
        let model = try RTMSystemModel(ReducibleScenarios.parse(ReducibleScenarios.callers))
        var behindLogout = 0
        var behindDropped = 0
        for state in SymmetricScenarios.sample(model, limit: 4000) {
            let (actions, candidates) = ReducibleScenarios.candidates(in: state, of: model)
            for candidate in 0..<candidates.count {
                let inside = Set(candidates[candidate])
                for index in actions.indices where !inside.contains(index) {
                    guard case .call(let i, let entry) = actions[index], case .login = model.scenario.calls[i][entry].call,
                        let head = state.links[i].up.first?.message
                    else { continue }
                    if state.links[i].stale {
                        // The server has not read the logout: what it sends meanwhile is lost.
                        if head == .logout { behindLogout += 1 }
                    } else {
                        // The server has read the logout and holds no session for the client's
                        // connection: the invitation request at the head is dropped unanswered.
                        #expect(state.server.session(ConnectionID(i)) == nil)
                        if case .invitation = head { behindDropped += 1 } else { Issue.record("login deferred behind \(head)") }
                    }
                }
            }
        }
        #expect(behindLogout > 10 && behindDropped > 10, "\(behindLogout) behind a logout, \(behindDropped) behind a dropped request")
    }

    @Test("Symmetry and partial-order reduction together keep the verdicts")
    func withSymmetry() throws {
        let scenario = try SymmetricScenarios.parse(SymmetricScenarios.callees)
        let check = try ScenarioCheck(scenario)
        var options = ScenarioCheck.Options()
        let (full, _) = check.run(options)
        options.partialOrder = true
        let (reduced, _) = check.run(options)
        #expect(reduced.entries.map(\.verdict) == full.entries.map(\.verdict))
        #expect(reduced.states < full.states)
    }

    @Test("Reduced runs give the same counts on one and two workers, in exact and compact storage")
    func deterministic() throws {
        let check = try ScenarioCheck(try ReducibleScenarios.parse(ReducibleScenarios.callers))
        for storage in [CheckOptions.Storage.exact, .compact] {
            var options = ScenarioCheck.Options()
            options.partialOrder = true
            options.storage = storage
            let (one, _) = check.run(options)
            options.workers = 2
            let (two, _) = check.run(options)
            #expect(one.states == two.states && one.transitions == two.transitions && one.maxDepth == two.maxDepth)
            #expect(one.entries == two.entries)
        }
    }

    @Test("No ample set is offered while faults remain or messages may be delayed")
    func offeredOnlyWhenSound() throws {
        let lossy = try RTMSystemModel(SymmetricScenarios.parse(SymmetricScenarios.lossy))
        let delayed = try RTMSystemModel(raceScenario)
        for model in [lossy, delayed] {
            for state in SymmetricScenarios.sample(model, limit: 500) {
                let candidates = ReducibleScenarios.candidates(in: state, of: model).candidates
                #expect(candidates.count == 0 || state.faults.isSpent && model.scenario.network.delay == .none)
            }
        }
    }
}

/// Replays `path` step by step in `model`, expecting each action enabled and each state as recorded;
/// returns the last state.
func replayed(_ path: Path<RTMSystemModel>, in model: RTMSystemModel) throws -> SystemState {
    var state = path.initialState
    for step in path.steps {
        var enabled: [SystemAction] = []
        model.actions(state, into: &enabled)
        #expect(enabled.contains(step.action))
        state = try #require(model.next(state, step.action))
        #expect(state == step.state)
    }
    return state
}
