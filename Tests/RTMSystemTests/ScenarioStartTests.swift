import ModelChecker
import RTMMachines
import RTMProtocol
import Testing

@testable import RTMSystem

/// `start: online`, `apiErrors: false`, closed connections (``Link/stale``) and the notes the properties read.
@Suite struct ScenarioStartTests {
    /// c0 may invite c1 and cancel; c1 may log out and back in, accept or refuse.
    func callerAndCallee(start: Scenario.Start, apiErrors: Bool) -> Scenario {
        var scenario = Scenario(
            name: "pair", clients: ["c0", "c1"],
            calls: [
                [CallBudget(.sendLocalInvitation, target: "c1"), CallBudget(.cancelLocalInvitation, target: "c1")],
                [
                    CallBudget(.logout), CallBudget(.login), CallBudget(.acceptRemoteInvitation, target: "c0"),
                    CallBudget(.refuseRemoteInvitation, target: "c0"),
                ],
            ],
            network: NetworkFaults(capacity: 2),
            properties: ["invitation-agreement", "invitation-ends", "no-protocol-violation"])
        scenario.start = start
        scenario.apiErrors = apiErrors
        return scenario
    }

    @Test("start: online begins with every client connected, its session on the server and nothing in flight")
    func online() throws {
        let model = try RTMSystemModel(callerAndCallee(start: .online, apiErrors: true))
        let initial = try #require(model.initialStates.first)
        #expect(initial.clients.map(\.core.connectionState) == [.connected, .connected])
        #expect(initial.server.sessions.map(\.user) == ["c0", "c1"])
        #expect(initial.networkQuiet)
        #expect(initial.timers.isEmpty)
        #expect(initial.seen == Observations())
        #expect(initial.clients.map(\.callsLeft) == [[1, 1], [1, 1, 1, 1]])
    }

    @Test("start: offline (the default) begins logged out")
    func offline() throws {
        let model = try RTMSystemModel(callerAndCallee(start: .offline, apiErrors: true))
        let initial = try #require(model.initialStates.first)
        #expect(initial.clients.map(\.core.connectionState) == [.disconnected, .disconnected])
        #expect(initial.server.sessions.isEmpty)
    }

    @Test("apiErrors: false offers only calls the SDK accepts; true offers the rejected ones too")
    func apiErrors() throws {
        func offered(_ apiErrors: Bool) throws -> [SystemAction] {
            let model = try RTMSystemModel(callerAndCallee(start: .online, apiErrors: apiErrors))
            var actions: [SystemAction] = []
            model.actions(model.initialStates[0], into: &actions)
            return actions
        }
        // Online: c1's login would return LOGIN_ERR_ALREADY_LOGIN; there is no invitation to accept yet.
        #expect(try offered(false) == [.call(client: 0, entry: 0), .call(client: 1, entry: 0)])
        #expect(try offered(true).contains(.call(client: 1, entry: 1)))
        let model = try RTMSystemModel(callerAndCallee(start: .online, apiErrors: false))
        var state = model.initialStates[0]
        state = try #require(model.next(state, .call(client: 1, entry: 0)))  // c1 logs out
        var actions: [SystemAction] = []
        model.actions(state, into: &actions)
        #expect(actions.contains(.call(client: 1, entry: 1)))  // now login is accepted
    }

    @Test("A logout and login racing an invitation: the invite lost on the closed connection; both ends agree")
    func closedConnectionAgreement() throws {
        let check = try ScenarioCheck(callerAndCallee(start: .online, apiErrors: false))
        let (_, result) = check.run()
        #expect(result.termination.isExhaustive)
        // Were c1's old and new connections one link, the invite the server sent to the old one would reach
        // the new session, whose remote invitation then expires: FAILURE against c0's CANCELED.
        #expect(result.verdict("invitation-agreement")?.isFailure == false)
        #expect(result.verdict("invitation-ends")?.isFailure == false)
        #expect(result.verdict("no-protocol-violation")?.isFailure == false)
    }

    @Test("What the server sends to a client that logged out, before it hears the logout or a new login, is lost")
    func closedConnectionLoses() throws {
        let model = try RTMSystemModel(callerAndCallee(start: .online, apiErrors: false))
        var s = model.initialStates[0]
        s = try #require(model.next(s, .call(client: 1, entry: 0)))  // c1 logs out
        #expect(s.links[1].stale)
        #expect(s.links[1].up.map(\.message) == [.logout])
        s = try #require(model.next(s, .call(client: 0, entry: 0)))  // c0 invites c1
        s = try #require(model.next(s, .call(client: 1, entry: 1)))  // c1 logs in again: a new connection
        #expect(s.links[1].stale)
        // The server, not yet aware, forwards the invite to c1's old connection: it is lost there.
        let (after, trail) = model.observe(.deliverUp(client: 0, index: 0), from: s)
        #expect(after.links[1].down.isEmpty)
        #expect(trail.closedSends.map(\.client) == [1])
        #expect(trail.closedSends.map(\.message.label) == ["invitation.invite"])
        #expect(after.clients[1].core.remotes.isEmpty)
        // The server hears the logout: what it sends to c1 travels again.
        s = try #require(model.next(after, .deliverUp(client: 1, index: 0)))
        #expect(!s.links[1].stale)
        // A closed connection is part of the state: the same state with it open is another state.
        var open = after
        open.links[1].stale = false
        #expect(StateFingerprint.of(open) != StateFingerprint.of(after))
    }

    @Test("Only notes a selected property reads are kept in the state")
    func notesKept() throws {
        let model = try RTMSystemModel(callerAndCallee(start: .online, apiErrors: false))
        #expect(model.marksKept == ["server-received"])
        var s = model.initialStates[0]
        s = try #require(model.next(s, .call(client: 1, entry: 0)))  // c1 logs out (no-callback-after-logout is off)
        s = try #require(model.next(s, .deliverUp(client: 1, index: 0)))
        #expect(s.seen.marks == ["server-received"])
    }

    @Test("A logout is noted as logout-with-pending when the client had work pending before it, only then")
    func logoutWithPending() throws {
        var scenario = Scenario(
            name: "pending", clients: ["c0", "c1"],
            calls: [[CallBudget(.sendLocalInvitation, target: "c1"), CallBudget(.logout)], [CallBudget(.logout)]],
            network: NetworkFaults(capacity: 2), properties: ["no-callback-after-logout"])
        scenario.start = .online
        scenario.apiErrors = false
        let model = try RTMSystemModel(scenario)
        var s = model.initialStates[0]
        s = try #require(model.next(s, .call(client: 1, entry: 0)))  // c1 logs out with nothing pending
        #expect(!s.seen.has("logout-with-pending"))
        s = try #require(model.next(s, .call(client: 0, entry: 0)))  // c0 invites c1
        s = try #require(model.next(s, .call(client: 0, entry: 1)))  // and logs out while it is pending
        #expect(s.clients[0].loggedOut)
        #expect(s.seen.has("logout-with-pending"))
    }

    @Test(
        "start and apiErrors are read from scenario files, and bad values are located",
        arguments: [
            ("start: online\napiErrors: false\n", nil),
            ("start: sideways\n", "s.yaml:4:8: expected 'offline' (clients begin logged out) or 'online' (logged in); found 'sideways'"),
        ])
    func loader(extra: String, expected: String?) throws {
        let text = "scenario: s\nclients: [a]\ncalls: {a: [logout]}\n" + extra
        if let expected {
            do {
                _ = try ScenarioLoader.parse(text, file: "s.yaml")
                Issue.record("expected an error")
            } catch {
                #expect("\(error)" == expected)
            }
        } else {
            let scenario = try ScenarioLoader.parse(text, file: "s.yaml")
            #expect(scenario.start == .online)
            #expect(scenario.apiErrors == false)
        }
    }
}
