import RTMProtocol
import Testing

@testable import RTMMachines

private let A = Call.caller
private let B = Call.callee
private let C = Instance.carol

/// Invitation scenarios from docs/invitation-protocol.md §4–§5 and decisions 10 and 11, played
/// through the server alone, one `#expect` per protocol step.
@Suite("ServerMachine: invitation scenarios")
struct ServerInvitationScenarioTests {
    @Test("A new invite to an online callee is delivered; T_noAck starts")
    func inviteOnline() {
        var s = ServerScript.threeUsers()
        #expect(
            s.invitation(A, Call.key, Call.invite) == [
                Call.toCallee(.invite(content: "call me", channelId: "room")), Call.start(.noAck, 30_000),
            ])
        #expect(s.state.invitation(Call.key)?.phase == .delivered)
    }

    @Test("A new invite to an offline callee is held; the caller hears calleeOffline; T_noAck starts")
    func inviteOffline() {
        var s = ServerScript()
        s.login(A, "alice")
        #expect(s.invitation(A, Call.key, Call.invite) == [Call.toCaller(.calleeOffline), Call.start(.noAck, 30_000)])
        #expect(s.state.invitation(Call.key)?.phase == .holding)
    }

    @Test("A duplicate invite is dropped, in every record state", arguments: RecordPhase.allCases)
    func duplicateInvite(_ phase: RecordPhase) {
        var s = phase.script
        #expect(s.invitation(A, Call.key, Call.invite).isEmpty)
        #expect(s.ignored)
    }

    @Test("Happy path: invite, ACK, accept, the caller's ACK: both ends told in the 3-way handshake order")
    func happyAccept() {
        var s = ServerScript.threeUsers()
        #expect(
            serverSent(s.invitation(A, Call.key, Call.invite), to: B) == [
                .invitation(Call.key, .invite(content: "call me", channelId: "room"))
            ])
        #expect(serverSent(s.invitation(B, Call.key, .receivedAck), to: A) == [.invitation(Call.key, .calleeAck)])
        #expect(
            serverSent(s.invitation(B, Call.key, .accept(response: "yes")), to: A) == [
                .invitation(Call.key, .accept(response: "yes"))
            ])
        #expect(serverSent(s.invitation(A, Call.key, .acceptAck), to: B) == [.invitation(Call.key, .callerAck)])
        #expect(s.state.invitation(Call.key)?.phase == .ended)
    }

    @Test("Held invite: delivered when the callee logs in, after loginAccepted; then the normal flow")
    func heldInviteDelivered() {
        var s = RecordPhase.holding.script
        #expect(
            s.login(B, "bob") == [
                .send(B, .loginAccepted), Call.toCallee(.invite(content: "call me", channelId: "room")),
            ])
        #expect(
            s.invitation(B, Call.key, .receivedAck) == [
                Call.toCaller(.calleeAck), Call.stop(.noAck), Call.start(.expire, 60_000),
            ])
    }

    @Test("Held invite: also delivered when the callee comes back by relogin after its grace")
    func heldInviteDeliveredAtRelogin() {
        var s = RecordPhase.delivered.script
        s.run(.linkLost(B))
        s.fire(.grace(B))
        s.invitation(A, Call.key2, Call.invite)
        #expect(s.state.invitation(Call.key2)?.phase == .holding)
        #expect(
            s.request(B, .relogin(user: "bob", channels: [])) == [
                .send(B, .reloginAccepted),
                .send(B, .invitation(Call.key2, .invite(content: "call me", channelId: "room"))),
            ])
        #expect(s.state.invitation(Call.key)?.phase == .delivered)
    }

    @Test("Decision 11, accept first: the caller's later cancel is dropped and the handshake completes")
    func acceptBeatsCancel() {
        var s = RecordPhase.ringing.script
        #expect(s.invitation(B, Call.key, .accept(response: "yes")).first == Call.toCaller(.accept(response: "yes")))
        #expect(s.invitation(A, Call.key, .cancel).isEmpty)
        #expect(s.ignored)
        #expect(s.invitation(A, Call.key, .acceptAck).first == Call.toCallee(.callerAck))
        #expect(s.state.invitation(Call.key)?.phase == .ended)
    }

    @Test("Decision 11, cancel first: both get cancel (callee first) and the callee's later accept is dropped")
    func cancelBeatsAccept() {
        var s = RecordPhase.ringing.script
        #expect(
            s.invitation(A, Call.key, .cancel) == [
                Call.toCallee(.cancel), Call.toCaller(.cancel), Call.stop(.expire), Call.startPurge,
            ])
        #expect(s.invitation(B, Call.key, .accept(response: "yes")).isEmpty)
        #expect(s.ignored)
    }

    @Test("Cancel vs refuse: whichever reaches the server first wins", arguments: [true, false])
    func cancelVersusRefuse(_ refuseFirst: Bool) {
        var s = RecordPhase.ringing.script
        let refuse = ClientRequest.invitation(Call.key, .refuse(response: "no"))
        let cancel = ClientRequest.invitation(Call.key, .cancel)
        let first = refuseFirst ? s.request(B, refuse) : s.request(A, cancel)
        let winner: InvitationNotice = refuseFirst ? .refuse(response: "no") : .cancel
        #expect(serverSent(first, to: A) == [.invitation(Call.key, winner)])
        #expect(refuseFirst ? s.request(A, cancel).isEmpty : s.request(B, refuse).isEmpty)
        #expect(s.ignored)
    }

    @Test("Decision 10: the caller is offline when the accept arrives: callee PEER_OFFLINE, record ended")
    func callerOfflineAtAccept() {
        var s = RecordPhase.ringing.script
        s.request(A, .logout)
        #expect(
            s.invitation(B, Call.key, .accept(response: "yes")) == [
                Call.toCallee(.remoteFailure(.peerOffline)), Call.stop(.expire), Call.startPurge,
            ])
        #expect(s.state.invitation(Call.key)?.phase == .ended)
    }

    @Test("A notice to an offline user is dropped: T_noAck with the callee logged out tells only the caller")
    func noticeToOfflineDropped() {
        var s = RecordPhase.delivered.script
        s.request(B, .logout)
        #expect(
            s.fire(.invitation(Call.key, .noAck)) == [Call.toCaller(.localFailure(.peerNoResponse)), Call.startPurge])
    }

    @Test("Purge: an ended record is forgotten; a late request for it is then dropped")
    func purge() {
        var s = RecordPhase.ended.script
        #expect(s.fire(.invitation(Call.key, .purge)).isEmpty)
        #expect(s.moved)
        #expect(s.state.invitations.isEmpty)
        #expect(s.invitation(B, Call.key, .accept(response: "late")).isEmpty)
        #expect(s.ignored)
        #expect(s.fire(.invitation(Call.key, .purge)).isEmpty)
        #expect(s.ignored)
    }

    @Test("Invitation requests with no session are dropped: nobody to answer")
    func noSession() {
        var s = RecordPhase.delivered.script
        #expect(s.invitation(Instance.alice2, Call.key, .cancel).isEmpty)
        #expect(s.ignored)
    }

    /// Requests from a user who does not hold the role: (sender, request).
    static let wrongRole: [(String, InvitationRequest)] = [
        ("alice", .receivedAck), ("alice", .accept(response: "")), ("alice", .refuse(response: "")),
        ("bob", .invite(content: "", channelId: "")), ("bob", .cancel), ("bob", .acceptAck),
        ("carol", .invite(content: "", channelId: "")), ("carol", .cancel), ("carol", .acceptAck),
        ("carol", .receivedAck), ("carol", .accept(response: "")), ("carol", .refuse(response: "")),
        ("carol", .abandon),
    ]

    @Test(
        "A request from the wrong role is rejected as peerBrokeProtocol, in every record state",
        arguments: RecordPhase.allCases, wrongRole.indices)
    func wrongRoleRejected(_ phase: RecordPhase, _ index: Int) {
        let (user, request) = Self.wrongRole[index]
        var s = phase.script
        let conn = ["alice": A, "bob": B][user] ?? C
        s.invitation(conn, Call.key, request)
        // In `holding` bob is offline: a request from his connection has no session and is dropped.
        if phase == .holding && user == "bob" { #expect(s.ignored) } else { #expect(s.brokeProtocol) }
    }

    @Test(
        "Holding with the callee's request (unreachable by legal events): the table's drop (violation)",
        arguments: [InvitationRequest.receivedAck, .accept(response: ""), .refuse(response: ""), .abandon])
    func holdingCalleeViolation(_ request: InvitationRequest) {
        var state = RecordPhase.holding.script.state
        state.sessions.append(Server.Session(conn: Instance.alice2, user: "bob", linkUp: true))
        let step = Server.step(state, .requestReceived(Instance.alice2, .invitation(Call.key, request)))
        guard case .rejected(let violation) = step else {
            Issue.record("expected a rejection, got \(step)")
            return
        }
        #expect(violation.kind == .peerBrokeProtocol)
    }
}
