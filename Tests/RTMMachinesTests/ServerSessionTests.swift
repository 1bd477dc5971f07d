import RTMProtocol
import Testing

@testable import RTMMachines

private let A = Instance.alice
private let B = Instance.bob
private let C = Instance.carol
private let A2 = Instance.alice2

/// Sessions and presence: login, the same-user kick (C8), logout (decision 7), the 30 s grace of
/// §2.1 with relogin inside and after it, and a server restart.
@Suite("ServerMachine: sessions")
struct ServerSessionTests {
    @Test("A login with an OK token verdict is accepted and opens a session")
    func loginAccepted() {
        var s = ServerScript()
        #expect(s.login(A, "alice") == [.send(A, .loginAccepted)])
        #expect(s.state.sessions == [Server.Session(conn: A, user: "alice", linkUp: true)])
        #expect(s.state.isOnline("alice"))
    }

    @Test(
        "A login with a bad token verdict is refused with that code and opens no session (C3, C17, decision 12)",
        arguments: [LoginErrCode.invalidToken, .tokenExpired, .rejected, .notAuthorized, .invalidAppId]
    )
    func loginRejected(_ code: LoginErrCode) {
        var s = ServerScript()
        #expect(s.login(A, "alice", code) == [.send(A, .loginRejected(code))])
        #expect(s.state.sessions.isEmpty)
    }

    @Test("A duplicated login on a live session is answered again and changes nothing")
    func duplicateLogin() {
        var s = ServerScript()
        s.login(A, "alice")
        let before = s.state
        #expect(s.login(A, "alice") == [.send(A, .loginAccepted)])
        #expect(s.state == before)
    }

    @Test("A second login of the same user kicks the first: kicked(REMOTE_LOGIN), then memberLeft + memberCount")
    func remoteLoginKicks() {
        var s = ServerScript.lobbyOfThree()
        let effects = s.login(A2, "alice")
        #expect(serverSent(effects, to: A) == [.kicked(.remoteLogin)])
        #expect(serverSent(effects, to: B) == [.memberLeft("lobby", "alice"), .memberCount("lobby", 2)])
        #expect(serverSent(effects, to: C) == [.memberLeft("lobby", "alice"), .memberCount("lobby", 2)])
        #expect(serverSent(effects, to: A2) == [.loginAccepted])
        #expect(serverRecipients(effects) == [A, B, C, A2])
        #expect(s.state.session(user: "alice")?.conn == A2)
        #expect(s.state.members("lobby") == ["bob", "carol"])
    }

    @Test("Logout leaves every channel at once: the others get memberLeft then memberCount (decision 7)")
    func logout() {
        var s = ServerScript.lobbyOfThree()
        s.join(A, "annex")
        s.join(B, "annex")
        let effects = s.request(A, .logout)
        #expect(
            effects == [
                .send(B, .memberLeft("annex", "alice")), .send(B, .memberCount("annex", 1)),
                .send(B, .memberLeft("lobby", "alice")), .send(B, .memberCount("lobby", 2)),
                .send(C, .memberLeft("lobby", "alice")), .send(C, .memberCount("lobby", 2)),
            ])
        #expect(!s.state.isOnline("alice"))
        #expect(s.request(A, .logout).isEmpty)
        #expect(s.ignored)
    }

    @Test("Link lost: the 30 s grace starts; when it fires the session ends and members see memberLeft (§2.1)")
    func graceExpires() {
        var s = ServerScript.lobbyOfThree()
        #expect(s.run(.linkLost(A)) == [.startTimer(.grace(A), ms: 30_000)])
        #expect(s.state.isOnline("alice"))
        #expect(s.state.members("lobby") == ["alice", "bob", "carol"])
        #expect(
            s.fire(.grace(A)) == [
                .send(B, .memberLeft("lobby", "alice")), .send(B, .memberCount("lobby", 2)),
                .send(C, .memberLeft("lobby", "alice")), .send(C, .memberCount("lobby", 2)),
            ])
        #expect(!s.state.isOnline("alice"))
        #expect(s.fire(.grace(A)).isEmpty)
        #expect(s.ignored)
    }

    @Test("A second linkLost while the grace runs, or for a connection with no session, is ignored")
    func linkLostTwice() {
        var s = ServerScript.threeUsers()
        s.run(.linkLost(A))
        #expect(s.run(.linkLost(A)).isEmpty)
        #expect(s.ignored)
        #expect(s.run(.linkLost(A2)).isEmpty)
        #expect(s.ignored)
    }

    @Test("Relogin within the grace: no member events, the grace stops, queued peer messages are resent")
    func reloginWithinGrace() {
        var s = ServerScript.lobbyOfThree()
        s.peer(B, to: "alice", 1, "before")
        s.run(.linkLost(A))
        #expect(s.peer(B, to: "alice", 2, "during").isEmpty)
        #expect(
            s.request(A, .relogin(user: "alice", channels: ["lobby"])) == [
                .cancelTimer(.grace(A)), .send(A, .reloginAccepted),
                .send(A, .peerMessage(from: "bob", messageId: 1, text: "before", isOffline: false)),
                .send(A, .peerMessage(from: "bob", messageId: 2, text: "during", isOffline: false)),
            ])
        #expect(s.state.session(A)?.linkUp == true)
        #expect(s.fire(.grace(A)).isEmpty)
        #expect(s.ignored)
    }

    @Test("Relogin after the grace: a fresh session rejoins its channels (memberJoined to others) and gets the store")
    func reloginAfterGrace() {
        var s = ServerScript.lobbyOfThree()
        s.run(.linkLost(A))
        s.fire(.grace(A))
        s.peer(B, to: "alice", 1, "while away", offline: true)
        #expect(
            s.request(A, .relogin(user: "alice", channels: ["lobby"])) == [
                .send(A, .reloginAccepted),
                .send(B, .memberJoined("lobby", "alice")), .send(B, .memberCount("lobby", 3)),
                .send(C, .memberJoined("lobby", "alice")), .send(C, .memberCount("lobby", 3)),
                .send(A, .peerMessage(from: "bob", messageId: 1, text: "while away", isOffline: true)),
            ])
        #expect(s.state.members("lobby") == ["alice", "bob", "carol"])
        #expect(s.state.offline.isEmpty)
    }

    @Test("Relogin after the same user logged in elsewhere: answered with kicked(REMOTE_LOGIN); the newer stays")
    func reloginAfterRemoteLogin() {
        var s = ServerScript.lobbyOfThree()
        s.run(.linkLost(A))
        #expect(serverSent(s.login(A2, "alice"), to: A) == [.kicked(.remoteLogin)])
        #expect(s.request(A, .relogin(user: "alice", channels: ["lobby"])) == [.send(A, .kicked(.remoteLogin))])
        #expect(s.state.session(user: "alice")?.conn == A2)
        #expect(s.state.session(A) == nil)
    }

    @Test("A request on a lingering session means the link came back within 4 s: the grace stops")
    func shortInterruption() {
        var s = ServerScript.lobbyOfThree()
        s.run(.linkLost(A))
        s.peer(B, to: "alice", 1, "queued")
        #expect(
            s.request(A, .channelMessage("lobby", messageId: 7, text: "still here")) == [
                .send(A, .channelMessageAck("lobby", messageId: 7, .ok)),
                .send(B, .channelMessage("lobby", from: "alice", messageId: 7, text: "still here")),
                .send(C, .channelMessage("lobby", from: "alice", messageId: 7, text: "still here")),
                .cancelTimer(.grace(A)),
                .send(A, .peerMessage(from: "bob", messageId: 1, text: "queued", isOffline: false)),
            ])
        #expect(s.state.session(A)?.linkUp == true)
        #expect(s.fire(.grace(A)).isEmpty)
        #expect(s.ignored)
    }

    @Test("A login over a lingering session of the same user (its logout was lost) starts afresh")
    func loginOverLingeringSession() {
        var s = ServerScript.lobbyOfThree()
        s.run(.linkLost(A))
        let effects = s.login(A, "alice")
        #expect(effects.first == .cancelTimer(.grace(A)))
        #expect(serverSent(effects, to: B) == [.memberLeft("lobby", "alice"), .memberCount("lobby", 2)])
        #expect(serverSent(effects, to: A) == [.loginAccepted])
        #expect(s.state.session(A)?.linkUp == true)
        #expect(s.state.members("lobby") == ["bob", "carol"])
    }

    @Test("Restart: sessions, channels and invitations are gone, their timers cancelled; the store is kept")
    func restart() {
        var s = ServerScript.lobbyOfThree()
        let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)
        s.invitation(A, key, .invite(content: "call", channelId: "room"))
        s.peer(A, to: "dave", 1, "for later", offline: true)
        s.run(.linkLost(C))
        #expect(s.run(.restarted) == [.cancelTimer(.grace(C)), .cancelTimer(.invitation(key, .noAck))])
        #expect(s.state.sessions.isEmpty)
        #expect(s.state.channels.isEmpty)
        #expect(s.state.invitations.isEmpty)
        #expect(s.state.offline == [.init(to: "dave", from: "alice", messageId: 1, text: "for later")])
        #expect(
            s.login(Instance.alice2, "dave") == [
                .send(A2, .loginAccepted),
                .send(A2, .peerMessage(from: "alice", messageId: 1, text: "for later", isOffline: true)),
            ])
    }

    @Test("After a restart a relogin is a fresh session that rejoins its channels")
    func reloginAfterRestart() {
        var s = ServerScript.lobbyOfThree()
        s.run(.restarted)
        #expect(s.request(A, .relogin(user: "alice", channels: ["lobby"])) == [.send(A, .reloginAccepted)])
        #expect(
            s.request(B, .relogin(user: "bob", channels: ["lobby"])) == [
                .send(B, .reloginAccepted),
                .send(A, .memberJoined("lobby", "bob")), .send(A, .memberCount("lobby", 2)),
            ])
        #expect(s.state.members("lobby") == ["alice", "bob"])
    }
}
