import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// The server refuses what a client may not do: bad tokens (decision 12), channel messages from non-members,
/// writes to another user's attributes.
@Suite struct ClientSecurityTests {
    /// A token and the code its login must fail with, on the certificate app.
    struct BadToken: CustomTestStringConvertible, Sendable {
        var name: String
        var token: String
        var code: LoginErrCode
        var testDescription: String { name }
    }

    static let badTokens: [BadToken] = [
        BadToken(
            name: "forged signature",
            token: ServerFixture.token("alice", certificate: "ffffffffffffffffffffffffffffffff"),
            code: .invalidToken),
        BadToken(
            name: "expired", token: ServerFixture.token("alice", ts: ServerFixture.nowSeconds - 1), code: .tokenExpired),
        BadToken(name: "another user's", token: ServerFixture.token("bob"), code: .invalidToken),
        BadToken(
            name: "another App ID's",
            token: ServerFixture.token(
                "alice", appId: ServerFixture.otherApp, certificate: ServerFixture.otherCertificate),
            code: .invalidToken),
        BadToken(name: "the App ID alone on a certificate app", token: ServerFixture.certApp, code: .invalidToken),
        BadToken(name: "an empty token on a certificate app", token: "", code: .invalidToken),
        BadToken(name: "garbage", token: "006nonsense", code: .invalidToken),
    ]

    @Test("a bad token is refused with the documented code: onLoginFailure, then DISCONNECTED", arguments: badTokens)
    func badToken(_ bad: BadToken) {
        let world = World()
        world.client("alice")
        #expect(world["alice"].login(token: bad.token, userId: "alice") == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onConnectionStateChanged(CONNECTION_STATE_CONNECTING, CONNECTION_CHANGE_REASON_LOGIN)",
                "onLoginFailure(\(bad.code))",
                "onConnectionStateChanged(CONNECTION_STATE_DISCONNECTED, CONNECTION_CHANGE_REASON_LOGIN_FAILURE)",
            ])
        #expect(world.sim.server.core.sessions.isEmpty)
        world.check()
    }

    @Test("an App ID the server does not know: LOGIN_ERR_INVALID_APP_ID")
    func unknownApp() {
        let world = World()
        world.client("alice", appId: "00000000000000000000000000000000")
        #expect(world["alice"].login(token: "", userId: "alice") == .ok)
        world.settle()
        #expect(world.take("alice")[1] == "onLoginFailure(LOGIN_ERR_INVALID_APP_ID)")
        world.check()
    }

    @Test("an app without a certificate admits an empty token and the App ID itself")
    func openApp() {
        let world = World()
        world.client("alice", appId: ServerFixture.openApp)
        world.client("bob", appId: ServerFixture.openApp)
        #expect(world["alice"].login(token: "", userId: "alice") == .ok)
        #expect(world["bob"].login(token: ServerFixture.openApp, userId: "bob") == .ok)
        world.settle()
        #expect(world.take("alice") == loginCallbacks)
        #expect(world.take("bob") == loginCallbacks)
        world.check()
    }

    @Test("a non-member cannot send a channel message: the SDK refuses it, and so does the server")
    func nonMemberChannelMessage() {
        let world = World()
        for name in ["alice", "bob", "mallory"] { world.client(name) }
        world.login("alice", "bob", "mallory")
        for name in ["alice", "bob"] {
            world.channel(name, "lobby")?.join()
            world.settle()
        }
        let lobby = world.channel("mallory", "lobby")
        world.drain()
        #expect(lobby?.sendMessage(RtmMessage(text: "spam")) == .failure)
        // A hand-made request on mallory's link, as a modified SDK would send it.
        world.sim.network.send(
            .up(.core(.channelMessage("lobby", messageId: 99, text: "spam"))), from: "mallory",
            to: RtmSimulation.serverEndpoint)
        world.settle()
        #expect(world.take("alice") == [])
        #expect(world.take("bob") == [])
        #expect(world.take("mallory") == [])
    }

    @Test("one user cannot change another's attributes: writes apply to the sender's own user only")
    func attributesOfAnotherUser() {
        let world = World()
        world.client("alice")
        world.client("mallory")
        world.login("alice", "mallory")
        var id = 0
        world["alice"].setLocalUserAttributes([.init(key: "role", value: "admin")], requestId: &id)
        world.settle()
        world["mallory"].setLocalUserAttributes([.init(key: "role", value: "hacked")], requestId: &id)
        world.settle()
        world.drain()
        #expect(world["mallory"].getUserAttributes("alice", requestId: &id) == .ok)
        world.settle()
        #expect(
            world.take("mallory") == [
                "onGetUserAttributesResult(\(id), alice, [role=\"admin\"], ATTRIBUTE_OPERATION_ERR_OK)"
            ])
        #expect(world.sim.server.userAttributes.attributes(of: "mallory") == [.init(key: "role", value: "hacked")])
        world.check()
    }
}
