import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

@Suite struct SignalingLoginTests {
    @Test("login verifies the token, logs the RTM client in, and fires onLoginSuccess(0) on RTM's onLoginSuccess")
    func loginSuccess() {
        var h = SignalingHarness()
        #expect(h.perform(.login(account: "carol", token: "1:abc")) == [])
        #expect(h.verified == ["1:abc"])
        #expect(h.takeCalls() == [.login(token: "rtm-token", userId: "carol")])
        #expect(h.adapter.status == .logining)
        #expect(h.rtm(.onLoginSuccess) == [.onLoginSuccess(uid: 0)])
        #expect(h.adapter.status == .logined)
        #expect(h.adapter.account == "carol")
    }

    @Test(
        "a token the Signaling check rejects fails the login at once, without an RTM login",
        arguments: [
            (TokenVerdict.invalidToken(.signatureMismatch), SignalingErrCode.loginTokenWrong),
            (.invalidToken(.certificateRequiresToken), .loginTokenWrong),
            (.expired, .loginTokenExpired),
        ])
    func tokenRejected(verdict: TokenVerdict, code: SignalingErrCode) {
        var h = SignalingHarness()
        h.verdict = verdict
        #expect(h.perform(.login(account: "carol", token: "1:x")) == [.onLoginFailed(code)])
        #expect(h.takeCalls() == [])
        #expect(h.adapter.status == .notLogin)
        #expect(h.adapter.account == nil)
    }

    @Test(
        "an account Signaling or RTM would refuse fails with LOGIN_E_INVALID_USER (209)",
        arguments: ["", "has space", String(repeating: "a", count: 65), "null", "é"])
    func invalidAccount(account: String) {
        var h = SignalingHarness()
        #expect(h.perform(.login(account: account, token: "t")) == [.onLoginFailed(.loginInvalidUser)])
        #expect(h.verified == [])
        #expect(h.adapter.status == .notLogin)
    }

    @Test("login while logging in or logged in is ignored, reported by onError(208)")
    func alreadyLogin() {
        var h = SignalingHarness.loggedIn()
        let fired = h.perform(.login(account: "carol", token: "t"))
        #expect(fired.map(\.sdkName) == ["onError"])
        guard case .onError(let name, let code, _)? = fired.first else {
            Issue.record("expected onError, got \(fired)")
            return
        }
        #expect(name == "login")
        #expect(code == .loginAlreadyLogin)
        #expect(h.takeCalls() == [])
        #expect(h.adapter.status == .logined)
    }

    @Test(
        "RTM's login failures map to onLoginFailed codes (§3.8)",
        arguments: [
            (LoginErrCode.invalidToken, SignalingErrCode.loginTokenWrong), (.tokenExpired, .loginTokenExpired),
            (.timeout, .loginNet), (.rejected, .loginFailed), (.invalidAppId, .loginFailed),
            (.notAuthorized, .loginFailed), (.tooOften, .loginFailed), (.invalidArgument, .loginInvalidUser),
            (.unknown, .loginOther), (.alreadyLoggedIn, .loginAlreadyLogin),
        ])
    func rtmLoginFailure(rtm: LoginErrCode, signaling: SignalingErrCode) {
        var h = SignalingHarness()
        h.perform(.login(account: "carol", token: "t"))
        #expect(h.rtm(.onLoginFailure(rtm)) == [.onLoginFailed(signaling)])
        #expect(h.adapter.status == .notLogin)
    }

    @Test("a login the RTM client refuses synchronously fails at once with the mapped code")
    func rtmLoginRefused() {
        var h = SignalingHarness()
        h.answers["login"] = .login(.tooOften)
        #expect(h.perform(.login(account: "carol", token: "t")) == [.onLoginFailed(.loginFailed)])
        #expect(h.adapter.status == .notLogin)
    }

    @Test("login2 retries a timed-out login while retry_count and retry_time_in_s both allow")
    func login2Retries() {
        var h = SignalingHarness()
        h.perform(.login2(account: "carol", token: "t", retryTimeInS: 30, retryCount: 2))
        #expect(h.takeCalls().count == 1)
        #expect(h.rtm(.onLoginFailure(.timeout)) == [])
        #expect(h.takeCalls() == [.login(token: "rtm-token", userId: "carol")])
        #expect(h.rtm(.onLoginFailure(.timeout)) == [])
        #expect(h.takeCalls().count == 1)
        #expect(h.rtm(.onLoginFailure(.timeout)) == [.onLoginFailed(.loginNet)])
        #expect(h.takeCalls() == [])
    }

    @Test("login2 stops retrying when the retry time is spent (each attempt takes the 6 s login timeout)")
    func login2RetryTime() {
        var h = SignalingHarness()
        h.perform(.login2(account: "carol", token: "t", retryTimeInS: 10, retryCount: 5))
        h.takeCalls()
        #expect(h.rtm(.onLoginFailure(.timeout)) == [])  // 6 s spent
        #expect(h.rtm(.onLoginFailure(.timeout)) == [.onLoginFailed(.loginNet)])  // 12 s ≥ 10 s
    }

    @Test("login2 does not retry a token failure")
    func login2NoRetryOnToken() {
        var h = SignalingHarness()
        h.perform(.login2(account: "carol", token: "t", retryTimeInS: 30, retryCount: 3))
        h.takeCalls()
        #expect(h.rtm(.onLoginFailure(.invalidToken)) == [.onLoginFailed(.loginTokenWrong)])
        #expect(h.takeCalls() == [])
    }

    @Test("logout logs RTM out; RTM's onLogout becomes onLogout(LOGOUT_E_USER)")
    func logout() {
        var h = SignalingHarness.loggedIn()
        #expect(h.perform(.logout) == [])
        #expect(h.takeCalls() == [.logout])
        #expect(h.rtm(.onLogout(.ok)) == [.onLogout(.logoutUser)])
        #expect(h.adapter.status == .notLogin)
        #expect(h.adapter.account == nil)
    }

    @Test("logout when not logged in fires onLogout(LOGOUT_E_ALREADY_LOGOUT)")
    func logoutNotLoggedIn() {
        var h = SignalingHarness()
        #expect(h.perform(.logout) == [.onLogout(.logoutAlreadyLogout)])
        #expect(h.takeCalls() == [])
    }

    @Test("logout while logging in abandons the login: onLogout(101), no onLoginSuccess afterwards")
    func logoutWhileLogining() {
        var h = SignalingHarness()
        h.perform(.login(account: "carol", token: "t"))
        h.takeCalls()
        h.perform(.logout)
        #expect(h.takeCalls() == [.logout])
        #expect(h.rtm(.onLogout(.ok)) == [.onLogout(.logoutUser)])
        #expect(h.rtm(.onLoginSuccess) == [])
        #expect(h.adapter.status == .notLogin)
    }

    @Test("logout while in a channel: onChannelLeaved(603) before onLogout(101), and the channel is released")
    func logoutInChannel() {
        var h = SignalingHarness.joined()
        h.perform(.logout)
        #expect(
            h.rtm(.onLogout(.ok)) == [.onChannelLeaved(channel: "room", .leaveChannelLogout), .onLogout(.logoutUser)])
        #expect(h.takeCalls() == [.logout, .releaseChannel(channel: "room")])
        #expect(h.adapter.channel == nil)
    }

    @Test(
        "a session that ends by itself logs RTM out, swallows its onLogout, and reports the reason",
        arguments: [
            (ConnectionChangeReason.remoteLogin, SignalingErrCode.logoutKicked),
            (.bannedByServer, .logoutOther),
        ])
    func aborted(reason: ConnectionChangeReason, code: SignalingErrCode) {
        var h = SignalingHarness.joined()
        #expect(
            h.rtm(.onConnectionStateChanged(.aborted, reason))
                == [.onChannelLeaved(channel: "room", .leaveChannelKicked), .onLogout(code)])
        #expect(h.takeCalls() == [.logout, .releaseChannel(channel: "room")])
        #expect(h.rtm(.onLogout(.ok)) == [])
        #expect(h.rtm(.onConnectionStateChanged(.disconnected, .logout)) == [])
        #expect(h.adapter.status == .notLogin)
        // A new login is possible at once.
        h.perform(.login(account: "carol", token: "t"))
        #expect(h.takeCalls() == [.login(token: "rtm-token", userId: "carol")])
    }

    @Test("onTokenExpired while reconnecting ends the session with onLogout(LOGOUT_E_TOKENEXPIRED)")
    func tokenExpired() {
        var h = SignalingHarness.loggedIn()
        h.rtm(.onConnectionStateChanged(.reconnecting, .interrupted))
        #expect(h.rtm(.onTokenExpired) == [.onLogout(.logoutTokenExpired)])
        #expect(h.takeCalls() == [.logout])
        #expect(h.rtm(.onLogout(.ok)) == [])
    }

    @Test("link loss: onReconnecting(1) and status RECONNECTING; back: onReconnected and LOGINED")
    func reconnect() {
        var h = SignalingHarness.loggedIn()
        #expect(h.rtm(.onConnectionStateChanged(.reconnecting, .interrupted)) == [.onReconnecting(nretry: 1)])
        #expect(h.adapter.status == .reconnecting)
        #expect(h.rtm(.onConnectionStateChanged(.connected, .loginSuccess)) == [.onReconnected])
        #expect(h.adapter.status == .logined)
    }

    @Test("the first CONNECTED state change after login is not a reconnect")
    func connectedAfterLogin() {
        var h = SignalingHarness()
        h.perform(.login(account: "carol", token: "t"))
        h.rtm(.onLoginSuccess)
        #expect(h.rtm(.onConnectionStateChanged(.connected, .loginSuccess)) == [])
    }
}
