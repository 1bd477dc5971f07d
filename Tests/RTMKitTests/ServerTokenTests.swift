import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// The login tokens a client may present to the certificate app, and what decision 12 makes of them.
enum CertAppToken: String, CaseIterable, Sendable, CustomStringConvertible {
    case valid
    case forgedSignature
    case expiredPrivilege
    case expiredTs
    case otherUser
    case otherAppId
    case appIdOnly
    case empty
    case garbage

    var token: String {
        let now = ServerFixture.nowSeconds
        switch self {
        case .valid: return ServerFixture.token("alice")
        case .forgedSignature: return ServerFixture.token("alice", certificate: ServerFixture.otherCertificate)
        case .expiredPrivilege: return ServerFixture.token("alice", privilegeExpiredTs: now - 1)
        case .expiredTs: return ServerFixture.token("alice", ts: now - 1)
        case .otherUser: return ServerFixture.token("bob")
        case .otherAppId:
            return ServerFixture.token(
                "alice", appId: ServerFixture.otherApp, certificate: ServerFixture.otherCertificate)
        case .appIdOnly: return ServerFixture.certApp
        case .empty: return ""
        case .garbage: return "006" + ServerFixture.certApp + "not-base64!"
        }
    }

    var expected: ServerMessage {
        switch self {
        case .valid: .loginAccepted
        case .expiredPrivilege, .expiredTs: .loginRejected(.tokenExpired)
        case .forgedSignature, .otherUser, .otherAppId, .appIdOnly, .empty, .garbage: .loginRejected(.invalidToken)
        }
    }

    var description: String { rawValue }
}

@Suite struct ServerTokenTests {
    @Test("a certificate app admits only a valid 006 token for that user and app", arguments: CertAppToken.allCases)
    func certificateApp(_ token: CertAppToken) {
        let driver = ServerDriver()
        driver.send(.login(appId: ServerFixture.certApp, token: token.token, userId: "alice"), from: 1)
        #expect(driver.take(1) == [.core(token.expected)])
        #expect(driver.server.core.isOnline("alice") == (token == .valid))
    }

    @Test("an app without a certificate admits the empty token and the App ID", arguments: ["", ServerFixture.openApp])
    func openAppAccepts(_ token: String) {
        let driver = ServerDriver()
        driver.send(.login(appId: ServerFixture.openApp, token: token, userId: "alice"), from: 1)
        #expect(driver.take(1) == [.core(.loginAccepted)])
    }

    @Test("an app without a certificate refuses any other token as LOGIN_ERR_INVALID_TOKEN")
    func openAppRefusesSignedToken() {
        let driver = ServerDriver()
        let signed = ServerFixture.token("alice", appId: ServerFixture.openApp)
        driver.send(.login(appId: ServerFixture.openApp, token: signed, userId: "alice"), from: 1)
        #expect(driver.take(1) == [.core(.loginRejected(.invalidToken))])
    }

    @Test("an App ID the server does not know is LOGIN_ERR_INVALID_APP_ID")
    func unknownApp() {
        let driver = ServerDriver()
        driver.send(.login(appId: "ffffffffffffffffffffffffffffffff", token: "", userId: "alice"), from: 1)
        #expect(driver.take(1) == [.core(.loginRejected(.invalidAppId))])
    }

    @Test("a token expires by the server clock")
    func expiryFollowsClock() {
        let driver = ServerDriver()
        let token = ServerFixture.token("alice", privilegeExpiredTs: ServerFixture.nowSeconds + 60)
        driver.server.nowMs = ServerFixture.startMs + 60_000
        driver.send(.login(appId: ServerFixture.certApp, token: token, userId: "alice"), from: 1)
        #expect(driver.take(1) == [.core(.loginAccepted)])
        driver.send(.core(.logout), from: 1)
        driver.server.nowMs = ServerFixture.startMs + 61_000
        driver.send(.login(appId: ServerFixture.certApp, token: token, userId: "alice"), from: 1)
        #expect(driver.take(1) == [.core(.loginRejected(.tokenExpired))])
    }

    @Test("a login the client claims is verified is refused and recorded as a violation")
    func unverifiedCoreLoginRefused() {
        let driver = ServerDriver()
        driver.send(.core(.login(user: "alice", tokenVerdict: .ok)), from: 1)
        #expect(driver.take(1) == [.core(.loginRejected(.rejected))])
        #expect(!driver.server.core.isOnline("alice"))
        #expect(driver.server.violations.count == 1)
        driver.send(.core(.relogin(user: "alice", channels: [])), from: 1)
        #expect(driver.take(1) == [.reloginRejected(.rejected)])
        #expect(!driver.server.core.isOnline("alice"))
    }

    @Test("a re-login with an expired token gets tokenExpired; renewToken checks the new one; re-login succeeds")
    func reloginExpiredThenRenew() {
        let driver = ServerDriver()
        let shortLived = ServerFixture.token("alice", privilegeExpiredTs: ServerFixture.nowSeconds + 10)
        driver.send(.login(appId: ServerFixture.certApp, token: shortLived, userId: "alice"), from: 1)
        #expect(driver.take(1) == [.core(.loginAccepted)])
        driver.record(driver.server.linkLost(ConnectionID(1)))
        driver.server.nowMs = ServerFixture.startMs + 20_000

        driver.send(.relogin(appId: ServerFixture.certApp, token: shortLived, userId: "alice", channels: []), from: 1)
        #expect(driver.take(1) == [.tokenExpired])

        driver.send(.renewToken(token: shortLived, requestId: 1), from: 1)
        #expect(driver.take(1) == [.renewTokenResult(requestId: 1, .tokenExpired)])
        driver.send(.renewToken(token: ServerFixture.token("bob"), requestId: 2), from: 1)
        #expect(driver.take(1) == [.renewTokenResult(requestId: 2, .invalidToken)])
        let fresh = ServerFixture.token("alice", privilegeExpiredTs: ServerFixture.nowSeconds + 3600)
        driver.send(.renewToken(token: fresh, requestId: 3), from: 1)
        #expect(driver.take(1) == [.renewTokenResult(requestId: 3, .ok)])

        driver.send(.relogin(appId: ServerFixture.certApp, token: fresh, userId: "alice", channels: []), from: 1)
        #expect(driver.take(1) == [.core(.reloginAccepted)])
        #expect(driver.server.core.session(ConnectionID(1))?.linkUp == true)
    }

    @Test("renewToken from a connection that never logged in is RENEW_TOKEN_ERR_USER_NOT_LOGGED_IN")
    func renewWithoutLogin() {
        let driver = ServerDriver()
        driver.send(.renewToken(token: ServerFixture.token("alice"), requestId: 9), from: 1)
        #expect(driver.take(1) == [.renewTokenResult(requestId: 9, .userNotLoggedIn)])
    }

    @Test("renewToken after logout is RENEW_TOKEN_ERR_USER_NOT_LOGGED_IN")
    func renewAfterLogout() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.send(.core(.logout), from: 1)
        driver.send(.renewToken(token: ServerFixture.token("alice"), requestId: 4), from: 1)
        #expect(driver.take(1) == [.renewTokenResult(requestId: 4, .userNotLoggedIn)])
    }

    @Test("a re-login whose token no longer verifies is reloginRejected(LOGIN_ERR_INVALID_TOKEN)")
    func reloginInvalid() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.record(driver.server.linkLost(ConnectionID(1)))
        driver.send(
            .relogin(appId: ServerFixture.certApp, token: ServerFixture.token("bob"), userId: "alice", channels: []),
            from: 1)
        #expect(driver.take(1) == [.reloginRejected(.invalidToken)])
        #expect(driver.server.core.session(ConnectionID(1))?.linkUp == false)
    }
}
