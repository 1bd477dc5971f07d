import RTMProtocol
import Testing

@testable import RTMMachines

/// Scripted connection scenarios from rtm-reference §2.1 and §3.1, one `#expect` per protocol step.
@Suite("ConnectionMachine scenarios")
struct ConnectionMachineScenarioTests {
    @Test("Login happy path: OK, CONNECTING/LOGIN, then onLoginSuccess before CONNECTED/LOGIN_SUCCESS")
    func loginHappyPath() {
        let (state, effects) = connRun([.loginRequested, .loginAcceptedReceived])
        #expect(effects[0].first == .returnCode(.login(.ok)))
        #expect(effects[0].contains(.startTimer(.login, ms: 6_000)))
        #expect(connCallbacks(effects[0]) == [.onConnectionStateChanged(.connecting, .login)])
        #expect(connCallbacks(effects[1]) == [.onLoginSuccess, .onConnectionStateChanged(.connected, .loginSuccess)])
        #expect(effects[1].contains(.cancelTimer(.login)))
        #expect(state.sdkState == .connected)
        #expect(state.isLoggedIn)
    }

    @Test(
        "A refused login reports onLoginFailure(code) before DISCONNECTED/LOGIN_FAILURE (C3, decision 3)",
        arguments: [LoginErrCode.unknown, .rejected, .invalidArgument, .invalidAppId, .invalidToken, .notAuthorized]
    )
    func loginFailure(_ code: LoginErrCode) {
        let (state, effects) = connRun([.loginRequested, .loginRejectedReceived(code)])
        #expect(
            connCallbacks(effects[1]) == [
                .onLoginFailure(code), .onConnectionStateChanged(.disconnected, .loginFailure),
            ])
        #expect(state.sdkState == .disconnected)
    }

    @Test("An expired token fails the login with LOGIN_ERR_TOKEN_EXPIRED (6) via CONNECTING (C17)")
    func expiredTokenLogin() {
        let (state, effects) = connRun([.loginRequested, .loginRejectedReceived(.tokenExpired)])
        #expect(connCallbacks(effects[0]) == [.onConnectionStateChanged(.connecting, .login)])
        #expect(connCallbacks(effects[1]).first == .onLoginFailure(.tokenExpired))
        #expect(LoginErrCode.tokenExpired.rawValue == 6)
        #expect(state == .disconnected)
    }

    @Test(
        "No answer within 6 s: onLoginFailure(LOGIN_ERR_TIMEOUT), DISCONNECTED/LOGIN_TIMEOUT; a late accept is ignored")
    func loginTimeout() {
        let (state, effects) = connRun([.loginRequested, .loginTimerFired])
        #expect(
            connCallbacks(effects[1]) == [
                .onLoginFailure(.timeout), .onConnectionStateChanged(.disconnected, .loginTimeout),
            ])
        #expect(effects[1].contains(.send(.logout)))
        #expect(state == .disconnected)
        #expect(Conn.step(state, .loginAcceptedReceived) == .ignored(because: Self.lateLogin))
    }

    @Test("Link lost for 4 s: RECONNECTING/INTERRUPTED; re-login: CONNECTED/LOGIN_SUCCESS without onLoginSuccess")
    func interruptionAndReconnect() {
        let connected = ConnStateName.connected.state
        let (state, effects) = connRun(
            [.linkLost, .interruptionTimerFired, .linkRestored, .reloginAcceptedReceived], from: connected)
        #expect(effects[0] == [.startTimer(.interruption, ms: 4_000)])
        #expect(connCallbacks(effects[1]) == [.onConnectionStateChanged(.reconnecting, .interrupted)])
        #expect(effects[2] == [.send(.relogin)])
        #expect(connCallbacks(effects[3]) == [.onConnectionStateChanged(.connected, .loginSuccess)])
        #expect(!connCallbacks(effects[3]).contains(.onLoginSuccess))
        #expect(effects[3].last == .resumeChannelMemberships)
        #expect(state == connected)
    }

    @Test("A link back within 4 s is invisible: no callback, the interruption timer is cancelled")
    func shortInterruption() {
        let (state, effects) = connRun([.linkLost, .linkRestored], from: ConnStateName.connected.state)
        #expect(effects.flatMap(connCallbacks).isEmpty)
        #expect(effects[1] == [.cancelTimer(.interruption)])
        #expect(state.sdkState == .connected)
    }

    @Test("Re-login keeps failing: the SDK stays RECONNECTING and tries again (C7)")
    func reloginRetry() {
        let (state, effects) = connRun(
            [.reloginRejectedReceived, .reloginRejectedReceived], from: ConnStateName.reloginSent.state)
        #expect(effects == [[.send(.relogin)], [.send(.relogin)]])
        #expect(state.sdkState == .reconnecting)
    }

    @Test("Kicked by a remote login: ABORTED/REMOTE_LOGIN, channels dropped, login refused (8) until logout")
    func kickedThenLogout() {
        let (aborted, kick) = connRun([.kickedReceived(.remoteLogin)], from: ConnStateName.connected.state)
        #expect(kick[0] == [.callback(.onConnectionStateChanged(.aborted, .remoteLogin)), .dropChannelMemberships])
        #expect(Conn.step(aborted, .loginRequested).effects == [.returnCode(.login(.alreadyLoggedIn))])
        let (state, effects) = connRun([.logoutRequested, .loginRequested], from: aborted)
        #expect(
            effects[0] == [
                .returnCode(.logout(.ok)), .callback(.onLogout(.ok)),
                .callback(.onConnectionStateChanged(.disconnected, .logout)),
            ])
        #expect(effects[1].first == .returnCode(.login(.ok)))
        #expect(state == .connecting)
    }

    @Test("Banned while the link is lost: the interruption timer stops and ABORTED/BANNED_BY_SERVER follows (C9)")
    func bannedWhileLinkLost() {
        let (state, effects) = connRun([.kickedReceived(.bannedByServer)], from: ConnStateName.linkLost.state)
        #expect(effects[0].first == .cancelTimer(.interruption))
        #expect(connCallbacks(effects[0]) == [.onConnectionStateChanged(.aborted, .bannedByServer)])
        #expect(state == .aborted)
    }

    @Test("Decision 6: logout while CONNECTING abandons the login; onLogout(OK) then DISCONNECTED/LOGOUT")
    func logoutWhileConnecting() {
        let (state, effects) = connRun([.loginRequested, .logoutRequested])
        #expect(effects[1].first == .returnCode(.logout(.ok)))
        #expect(effects[1].contains(.cancelTimer(.login)))
        #expect(connCallbacks(effects[1]) == [.onLogout(.ok), .onConnectionStateChanged(.disconnected, .logout)])
        #expect(!effects[1].contains(.dropChannelMemberships))
        #expect(state == .disconnected)
        #expect(Conn.step(state, .loginAcceptedReceived) == .ignored(because: Self.lateLogin))
        #expect(Conn.step(state, .loginRejectedReceived(.invalidToken)) == .ignored(because: Self.lateLogin))
    }

    @Test(
        "Decision 7: logout while logged in drops every channel membership after the callbacks",
        arguments: [
            ConnStateName.connected, .linkLost, .waitingForLink, .reloginSent, .awaitingToken,
        ])
    func logoutDropsChannels(_ name: ConnStateName) {
        let effects = Conn.step(name.state, .logoutRequested).effects
        #expect(effects.first == .returnCode(.logout(.ok)))
        #expect(effects.contains(.send(.logout)))
        #expect(connCallbacks(effects) == [.onLogout(.ok), .onConnectionStateChanged(.disconnected, .logout)])
        #expect(effects.last == .dropChannelMemberships)
    }

    @Test("C13: logout while DISCONNECTED returns LOGOUT_ERR_USER_NOT_LOGGED_IN (102) and fires nothing")
    func logoutWhileDisconnected() {
        let step = Conn.step(.disconnected, .logoutRequested)
        #expect(step == .moved(to: .disconnected, effects: [.returnCode(.logout(.userNotLoggedIn))]))
        #expect(LogoutErrCode.userNotLoggedIn.rawValue == 102)
    }

    @Test(
        "C12: login while CONNECTING, CONNECTED, RECONNECTING or ABORTED returns LOGIN_ERR_ALREADY_LOGGED_IN (8)",
        arguments: [
            ConnStateName.connecting, .connected, .linkLost, .waitingForLink, .reloginSent, .awaitingToken, .aborted,
        ])
    func loginTwice(_ name: ConnStateName) {
        #expect(
            Conn.step(name.state, .loginRequested)
                == .moved(to: name.state, effects: [.returnCode(.login(.alreadyLoggedIn))]))
    }

    @Test("C16: a token that expires while CONNECTED changes nothing and fires no onTokenExpired")
    func tokenExpiresOnline() {
        #expect(
            Conn.step(ConnStateName.connected.state, .tokenExpiredReceived)
                == .moved(to: ConnStateName.connected.state, effects: []))
    }

    @Test(
        "C15: re-login refused for an expired token fires onTokenExpired; renewToken re-logs in and reports its result")
    func tokenExpiresWhileReconnecting() {
        let (state, effects) = connRun(
            [.tokenExpiredReceived, .renewTokenRequested, .renewTokenResultReceived(.ok), .reloginAcceptedReceived],
            from: ConnStateName.reloginSent.state)
        #expect(effects[0] == [.callback(.onTokenExpired)])
        #expect(effects[1] == [.returnCode(.renewToken(.ok)), .send(.renewToken), .send(.relogin)])
        #expect(effects[2] == [.callback(.onRenewTokenResult(.ok))])
        #expect(connCallbacks(effects[3]) == [.onConnectionStateChanged(.connected, .loginSuccess)])
        #expect(state.sdkState == .connected)
    }

    @Test(
        "renewToken needs a logged-in user: RENEW_TOKEN_ERR_USER_NOT_LOGGED_IN (102) otherwise",
        arguments: [
            ConnStateName.disconnected, .connecting, .aborted,
        ])
    func renewTokenNotLoggedIn(_ name: ConnStateName) {
        #expect(
            Conn.step(name.state, .renewTokenRequested)
                == .moved(to: name.state, effects: [.returnCode(.renewToken(.userNotLoggedIn))]))
    }

    @Test("renewToken while CONNECTED returns OK, asks the server, and reports its answer")
    func renewTokenOnline() {
        let (state, effects) = connRun(
            [.renewTokenRequested, .renewTokenResultReceived(.invalidToken)], from: ConnStateName.connected.state)
        #expect(
            effects == [
                [.returnCode(.renewToken(.ok)), .send(.renewToken)], [.callback(.onRenewTokenResult(.invalidToken))],
            ])
        #expect(state == ConnStateName.connected.state)
    }

    @Test("isLoggedIn: only CONNECTED and RECONNECTING count as logged in")
    func isLoggedIn() {
        #expect(ConnectionState.allCases.filter(Conn.isLoggedIn) == [.connected, .reconnecting])
        for name in ConnStateName.allCases {
            #expect(name.state.isLoggedIn == [.connected, .reconnecting].contains(name.sdkState))
        }
    }

    @Test("Labels print SDK names")
    func labels() {
        #expect(
            Conn.eventLabel(.kickedReceived(.remoteLogin)) == "kickedReceived(CONNECTION_CHANGE_REASON_REMOTE_LOGIN)")
        #expect(Conn.effectLabel(.callback(.onLoginFailure(.timeout))) == "onLoginFailure(LOGIN_ERR_TIMEOUT)")
        #expect(Conn.effectLabel(.returnCode(.logout(.userNotLoggedIn))) == "return(LOGOUT_ERR_USER_NOT_LOGGED_IN)")
        #expect(Conn.effectLabel(.startTimer(.login, ms: 6_000)) == "startTimer(login, 6000ms)")
        #expect(ConnStateName.linkLost.state.label == "CONNECTED(linkLost)")
    }

    private static let lateLogin = "a late answer to a login we abandoned, timed out, or already had answered"
}
