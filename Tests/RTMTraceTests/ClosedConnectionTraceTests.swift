import RTMMachines
import RTMSystem
import Testing

@testable import RTMTrace

/// A message the server sends on a connection its client closed (logged out, the server not yet aware) is
/// written as a `send` followed by a `drop` with reason `linkDown`, and such a trace validates against the
/// model and replays on RTMKit.
@Suite struct ClosedConnectionTraceTests {
    /// alice may log in and invite bob; bob may log in, out and in again.
    static let scenario = Scenario(
        name: "closed-connection", clients: ["alice", "bob"],
        calls: [
            [CallBudget(.login), CallBudget(.sendLocalInvitation, target: "bob")],
            [CallBudget(.login), CallBudget(.logout), CallBudget(.login)],
        ],
        network: NetworkFaults(delay: .bounded(ms: 1000)), properties: [])

    /// Both log in; alice invites bob while bob logs out and in again; the server forwards the invite to bob's
    /// closed connection, then hears bob's logout and new login.
    static let race: [SystemAction] = [
        .call(client: 0, entry: 0), .deliverUp(client: 0, index: 0), .deliverDown(client: 0, index: 0),
        .call(client: 1, entry: 0), .deliverUp(client: 1, index: 0), .deliverDown(client: 1, index: 0),
        .call(client: 0, entry: 1), .call(client: 1, entry: 1), .call(client: 1, entry: 2),
        .deliverUp(client: 0, index: 0), .deliverUp(client: 1, index: 0), .deliverUp(client: 1, index: 0),
        .deliverDown(client: 1, index: 0),
    ]

    @Test("the invite sent to bob's closed connection is a send line, then a drop with reason linkDown")
    func rendered() throws {
        let generator = try SuiteGenerator(scenario: Self.scenario)
        let trace = try #require(generator.trace(of: Self.race, name: "race", note: ""))
        let sent = try #require(
            trace.events.firstIndex {
                if case .network(.send(_, "server", "bob", "invitation.invite")) = $0 { true } else { false }
            })
        guard case .network(.send(let id, _, _, _)) = trace.events[sent] else { return }
        #expect(trace.events[sent + 1] == .network(.drop(id: id, reason: .linkDown)))
        // bob's new session never hears of the invitation.
        #expect(
            !trace.events.contains {
                if case .callback("bob", .onRemoteInvitationReceived) = $0 { true } else { false }
            })
    }

    @Test("the trace validates against the model and replays on RTMKit, line for line")
    func validatesAndReplays() throws {
        let generator = try SuiteGenerator(scenario: Self.scenario)
        let trace = try #require(generator.trace(of: Self.race, name: "race", note: ""))
        // A prefix of a run (alice's invitation is still pending): not `complete`.
        let parsed = try TraceReader.read(text: trace.text, file: "race.jsonl")
        let validation = TraceValidator().validate(parsed, file: "race.jsonl")
        #expect(validation.verdict == .matched, "\(validation.text())")
        let replay = try TraceReplayer().replay(text: trace.text, file: "race.jsonl")
        #expect(replay.verdict == .identical, "\(replay.text())")
    }
}
