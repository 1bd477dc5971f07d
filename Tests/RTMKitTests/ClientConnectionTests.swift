import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// Login, logout, state changes, reconnect, kicks and tokens, end to end through server and network (§2.1, §3.1).
@Suite struct ClientConnectionTests {
    @Test("login succeeds: onLoginSuccess before CONNECTED (decision 3); logout: onLogout before DISCONNECTED")
    func loginLogout() {
        let world = World()
        world.client("alice")
        world.login("alice")
        #expect(world.take("alice") == loginCallbacks)
        #expect(world["alice"].connectionState == .connected)
        #expect(world["alice"].logout() == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onLogout(LOGOUT_ERR_OK)",
                "onConnectionStateChanged(CONNECTION_STATE_DISCONNECTED, CONNECTION_CHANGE_REASON_LOGOUT)",
            ])
        #expect(world["alice"].logout() == .userNotLoggedIn)
        #expect(world.sim.server.core.sessions.isEmpty)
        world.check()
    }

    @Test("a second login while logged in returns LOGIN_ERR_ALREADY_LOGGED_IN and changes nothing (C12)")
    func alreadyLoggedIn() {
        let world = World()
        world.client("alice")
        world.login("alice")
        world.drain()
        #expect(world["alice"].login(token: ServerFixture.token("alice"), userId: "alice") == .alreadyLoggedIn)
        world.settle()
        #expect(world.take("alice") == [])
        world.check()
    }

    @Test("logout while CONNECTING abandons the login: onLogout, DISCONNECTED, no login outcome (decision 6)")
    func logoutWhileConnecting() {
        let world = World()
        world.client("alice")
        #expect(world["alice"].login(token: ServerFixture.token("alice"), userId: "alice") == .ok)
        #expect(world["alice"].logout() == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onConnectionStateChanged(CONNECTION_STATE_CONNECTING, CONNECTION_CHANGE_REASON_LOGIN)",
                "onLogout(LOGOUT_ERR_OK)",
                "onConnectionStateChanged(CONNECTION_STATE_DISCONNECTED, CONNECTION_CHANGE_REASON_LOGOUT)",
            ])
        #expect(world.sim.server.core.sessions.isEmpty)
        world.check()
    }

    @Test("no answer within 6 s: onLoginFailure(LOGIN_ERR_TIMEOUT), DISCONNECTED with LOGIN_TIMEOUT (C4)")
    func loginTimeout() {
        let world = World()
        world.client("alice")
        world.sim.dropLink(of: world["alice"])
        world.drain()
        #expect(world["alice"].login(token: ServerFixture.token("alice"), userId: "alice") == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onConnectionStateChanged(CONNECTION_STATE_CONNECTING, CONNECTION_CHANGE_REASON_LOGIN)",
                "onLoginFailure(LOGIN_ERR_TIMEOUT)",
                "onConnectionStateChanged(CONNECTION_STATE_DISCONNECTED, CONNECTION_CHANGE_REASON_LOGIN_TIMEOUT)",
            ])
        #expect(world.sim.nowMs == 6_000)
        world.check()
    }

    @Test(
        "a link lost for 10 s: RECONNECTING after 4 s, then CONNECTED without onLoginSuccess; peers see nothing (C5, C6)"
    )
    func reconnect() {
        let world = World()
        world.client("alice")
        world.client("bob")
        world.login("alice", "bob")
        for name in ["alice", "bob"] {
            world.channel(name, "lobby")
            #expect(world[name].channels["lobby"]?.join() == .ok)
            world.settle()
        }
        world.drain()
        world.sim.dropLink(of: world["alice"], restoreAfterMs: 10_000)
        world.sim.run(forMs: 5_000)
        #expect(world["alice"].connectionState == .reconnecting)
        world.settle()
        #expect(
            world.take("alice") == [
                "onConnectionStateChanged(CONNECTION_STATE_RECONNECTING, CONNECTION_CHANGE_REASON_INTERRUPTED)",
                "onConnectionStateChanged(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGE_REASON_LOGIN_SUCCESS)",
            ])
        #expect(world.take("bob") == [])
        #expect(world["alice"].channels["lobby"]?.membership == .joined)
        #expect(world.sim.server.core.members("lobby") == ["alice", "bob"])
        world.check()
    }

    @Test("a link lost past the 30 s grace: bob sees alice leave, then rejoin when she reconnects (§2.1)")
    func reconnectAfterGrace() {
        let world = World()
        world.client("alice")
        world.client("bob")
        world.login("alice", "bob")
        for name in ["alice", "bob"] {
            world.channel(name, "lobby")
            world[name].channels["lobby"]?.join()
            world.settle()
        }
        world.drain()
        world.sim.dropLink(of: world["alice"], restoreAfterMs: 40_000)
        world.settle()
        #expect(
            world.take("alice") == [
                "onConnectionStateChanged(CONNECTION_STATE_RECONNECTING, CONNECTION_CHANGE_REASON_INTERRUPTED)",
                "onConnectionStateChanged(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGE_REASON_LOGIN_SUCCESS)",
            ])
        #expect(
            world.take("bob") == [
                "lobby.onMemberLeft(alice)", "lobby.onMemberCountUpdated(1)",
                "lobby.onMemberJoined(alice)", "lobby.onMemberCountUpdated(2)",
            ])
        world.check()
    }

    @Test(
        "the same user logs in elsewhere: the first instance goes ABORTED with REMOTE_LOGIN and must log out (C8, C11)")
    func remoteLogin() {
        let world = World()
        world.client("alice")
        world.client("alice2")
        world.login("alice")
        world.drain()
        #expect(world["alice2"].login(token: ServerFixture.token("alice"), userId: "alice") == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onConnectionStateChanged(CONNECTION_STATE_ABORTED, CONNECTION_CHANGE_REASON_REMOTE_LOGIN)"
            ])
        #expect(world.take("alice2") == loginCallbacks)
        #expect(world["alice"].login(token: ServerFixture.token("alice"), userId: "alice") == .alreadyLoggedIn)
        // Decision 17: while ABORTED a peer message is accepted, then times out.
        #expect(world["alice"].sendMessageToPeer("bob", message: RtmMessage(text: "late")) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onSendMessageResult(1, PEER_MESSAGE_ERR_SENT_TIMEOUT)"])
        #expect(world["alice"].logout() == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onLogout(LOGOUT_ERR_OK)",
                "onConnectionStateChanged(CONNECTION_STATE_DISCONNECTED, CONNECTION_CHANGE_REASON_LOGOUT)",
            ])
        #expect(world.sim.server.core.session(user: "alice")?.conn == world["alice2"].connection)
        world.check()
    }

    @Test("renewToken while CONNECTED: RENEW_TOKEN_ERR_OK, then onRenewTokenResult with the token")
    func renewToken() {
        let world = World()
        world.client("alice")
        world.login("alice")
        world.drain()
        let fresh = ServerFixture.token("alice", ts: ServerFixture.nowSeconds + 100_000)
        #expect(world["alice"].renewToken(fresh) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onRenewTokenResult(RENEW_TOKEN_ERR_OK)"])
        #expect(world.log("alice").lastRenewToken == fresh)
        #expect(world["alice"].renewToken(ServerFixture.token("bob")) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onRenewTokenResult(RENEW_TOKEN_ERR_INVALID_TOKEN)"])
        world.check()
    }

    @Test(
        "the token expires while CONNECTED: nothing (C16); then a reconnect gets onTokenExpired, renewToken re-logs in (C15)"
    )
    func tokenExpiry() {
        let world = World()
        world.client("alice")
        let shortLived = ServerFixture.token("alice", ts: ServerFixture.nowSeconds + 60)
        #expect(world["alice"].login(token: shortLived, userId: "alice") == .ok)
        world.settle()
        world.drain()
        world.sim.run(forMs: 120_000)
        #expect(world.take("alice") == [])
        #expect(world["alice"].connectionState == .connected)
        world.sim.dropLink(of: world["alice"], restoreAfterMs: 5_000)
        world.sim.run(forMs: 6_000)
        #expect(
            world.take("alice") == [
                "onConnectionStateChanged(CONNECTION_STATE_RECONNECTING, CONNECTION_CHANGE_REASON_INTERRUPTED)",
                "onTokenExpired()",
            ])
        #expect(world["alice"].connectionState == .reconnecting)
        #expect(world["alice"].renewToken(ServerFixture.token("alice", ts: ServerFixture.nowSeconds + 86_400)) == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onRenewTokenResult(RENEW_TOKEN_ERR_OK)",
                "onConnectionStateChanged(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGE_REASON_LOGIN_SUCCESS)",
            ])
        world.check()
    }

    @Test("release() logs out and ends the instance: later calls return NOT_INITIALIZED")
    func release() {
        let world = World()
        world.client("alice")
        world.login("alice")
        world.drain()
        world["alice"].release()
        world.settle()
        #expect(
            world.take("alice") == [
                "onLogout(LOGOUT_ERR_OK)",
                "onConnectionStateChanged(CONNECTION_STATE_DISCONNECTED, CONNECTION_CHANGE_REASON_LOGOUT)",
            ])
        #expect(world["alice"].login(token: ServerFixture.token("alice"), userId: "alice") == .notInitialized)
        #expect(world["alice"].sendMessageToPeer("bob", message: RtmMessage(text: "x")) == .notInitialized)
        #expect(world.sim.server.core.sessions.isEmpty)
        world.check()
    }
}
