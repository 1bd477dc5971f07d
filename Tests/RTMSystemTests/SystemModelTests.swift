import ModelChecker
import RTMMachines
import RTMProtocol
import Testing

@testable import RTMSystem

/// A race scenario on a reliable network: cancel and accept may cross at the server.
let raceScenario = Scenario(
    name: "race", clients: ["alice", "bob"],
    calls: [
        [CallBudget(.login), CallBudget(.sendLocalInvitation, target: "bob"), CallBudget(.cancelLocalInvitation, target: "bob")],
        [CallBudget(.login), CallBudget(.acceptRemoteInvitation, target: "alice")],
    ],
    network: NetworkFaults(delay: .bounded(ms: 1000)), properties: ["invitation-agreement"])

/// A planted bug: once an accept has won, the server still lets a later cancel win too.
@Sendable func cancelAlsoWins(_ state: ServerMachine.State, _ event: ServerMachine.Event)
    -> Step<ServerMachine.State, ServerMachine.Effect>
{
    if case .requestReceived(_, .invitation(let key, .cancel)) = event, state.invitation(key)?.phase == .acceptWon {
        var next = state
        if let i = next.invitations.firstIndex(where: { $0.key == key }) { next.invitations[i].phase = .ended }
        let conns = [key.callee, key.caller].compactMap { state.session(user: $0)?.conn }
        return .moved(to: next, effects: conns.map { .send($0, .invitation(key, .cancel)) })
    }
    return ServerMachine.step(state, event)
}

@Suite struct SystemModelTests {
    @Test("On a reliable network both ends of the cancel/accept race agree, and the race is reachable")
    func raceAgrees() throws {
        let check = try ScenarioCheck(raceScenario)
        let (outcome, result) = check.run()
        #expect(result.termination.isExhaustive)
        #expect(outcome.entries.map(\.verdict) == ["holds", "witnessed"])
        #expect(outcome.passed)
    }

    @Test("A server that lets a cancel and an accept both win is caught with a shortest counterexample")
    func plantedBug() throws {
        let model = try RTMSystemModel(raceScenario, serverStep: cancelAlsoWins)
        let result = model.check()
        guard case .violated(let path) = result.verdict("invitation-agreement") else {
            Issue.record("expected a violation, got \(String(describing: result.verdict("invitation-agreement")))")
            return
        }
        // Counted by hand: two logins with their request and answer (6); alice sends (7); the invite
        // reaches the server (8) and bob (9), whose SDK ACKs; bob accepts (10); the server takes the ACK
        // (11) and the accept (12); alice, not yet told, cancels (13); the cancel reaches the buggy server
        // (14); bob gets `cancel` (15); alice gets `calleeAck` (16) and `accept` (17).
        #expect(path.count == 17)
        let last = path.lastState
        #expect(last.clients[0].core.locals.first?.machine.sdkState == .acceptedByRemote)
        #expect(last.clients[1].core.remotes.first?.machine.sdkState == .canceled)
        // No shorter path exists: a depth-bounded search one step short finds none.
        let shorter = model.check(options: CheckOptions(bounds: .init(maxDepth: path.count - 1)))
        #expect(!(shorter.verdict("invitation-agreement")?.isFailure ?? true))
        // And the same counterexample comes back every run.
        #expect(model.check().verdict("invitation-agreement") == result.verdict("invitation-agreement"))
    }

    @Test("The documented server stepped in place gives every successor the copying step gives")
    func serverStepsInPlace() throws {
        // Restarts, losses and duplicates make the server ignore and reject requests too.
        var scenario = raceScenario
        scenario.network = NetworkFaults(
            loss: 1, duplication: 1, delay: .bounded(ms: 1000), serverRestarts: 1, capacity: 2)
        let inPlace = try RTMSystemModel(scenario)
        let copying = try RTMSystemModel(scenario, serverStep: ServerMachine.step)
        #expect(inPlace.documentedServer && !copying.documentedServer)
        var queue = inPlace.initialStates
        var seen = Set(queue)
        var position = 0
        var compared = 0
        var actions: [SystemAction] = []
        while position < queue.count, position < 3_000 {
            let state = queue[position]
            position += 1
            actions.removeAll()
            inPlace.actions(state, into: &actions)
            for action in actions {
                let next = inPlace.next(state, action)
                #expect(next == copying.next(state, action), "\(action) from \(inPlace.describe(state: state))")
                compared += 1
                if let next, seen.insert(next).inserted { queue.append(next) }
            }
        }
        #expect(compared > 5_000)
    }

    @Test("Fingerprints are stable values of the canonical encoding")
    func fingerprints() throws {
        let model = try RTMSystemModel(raceScenario)
        let initial = model.initialStates[0]
        #expect(model.fingerprint(initial) == model.fingerprint(initial))
        var actions: [SystemAction] = []
        model.actions(initial, into: &actions)
        let successors = actions.compactMap { model.next(initial, $0) }
        let prints = Set(successors.map { model.fingerprint($0) })
        #expect(prints.count == Set(successors).count)
    }

    @Test("Timers never fire out of order and wait for messages under a bounded delay")
    func virtualClock() throws {
        let model = try RTMSystemModel(raceScenario)
        var state = model.initialStates[0]
        state = model.next(state, .call(client: 0, entry: 0))!  // alice logs in: login timer 6 s
        var actions: [SystemAction] = []
        model.actions(state, into: &actions)
        // The login request is in flight with 1 s left; the 6 s login timer may not fire before it arrives.
        #expect(!actions.contains(.fire(index: 0)))
        #expect(actions.contains(.deliverUp(client: 0, index: 0)))
    }
}
