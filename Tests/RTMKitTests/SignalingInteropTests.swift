import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// Signaling clients and RTM clients on one simulated server (rtm-reference §3.6–3.8, decision 13).
@Suite struct SignalingInteropLoginTests {
    @Test("a valid \"1:\" token logs in: onLoginSuccess(0), LOGIN_STATE_LOGINED, and RTM sees the user online")
    func login() {
        let world = InteropWorld()
        let (carol, recorder) = world.signaling("carol", login: false)
        carol.login("carol", token: world.signalingToken("carol"))
        #expect(carol.getStatus() == .logining)
        world.settle()
        #expect(recorder.take() == [.onLoginSuccess(uid: 0)])
        #expect(carol.getStatus() == .logined)
        #expect(world.sim.server.core.isOnline("carol"))
    }

    @Test(
        "bad \"1:\" tokens fail with 206 (another certificate or account, _no_need_token, an RTM token), expired 204",
        arguments: [
            ("cert", SignalingErrCode.loginTokenWrong), ("account", .loginTokenWrong), ("expired", .loginTokenExpired),
            ("noNeed", .loginTokenWrong), ("rtm", .loginTokenWrong),
        ])
    func badTokens(kind: String, code: SignalingErrCode) {
        let world = InteropWorld()
        let now = world.nowSeconds
        let token: String
        switch kind {
        case "cert":
            token = SignalingToken.build(
                account: "carol", appId: InteropWorld.appId, appCertificate: "0123456789abcdef0123456789abcdef",
                expiredTs: now + 60)
        case "account": token = world.signalingToken("mallory")
        case "expired":
            token = SignalingToken.build(
                account: "carol", appId: InteropWorld.appId, appCertificate: InteropWorld.certificate,
                expiredTs: now - 1)
        case "noNeed": token = SignalingToken.noNeedToken
        default: token = world.rtmToken("carol")  // An RTM "006" token is not a Signaling token.
        }
        let (carol, recorder) = world.signaling("carol", login: false)
        carol.login("carol", token: token)
        world.settle()
        #expect(recorder.take() == [.onLoginFailed(code)])
        #expect(carol.getStatus() == .notLogin)
        #expect(!world.sim.server.core.isOnline("carol"))
    }

    @Test("without a certificate only _no_need_token logs in (decision 13)")
    func noCertificate() {
        let world = InteropWorld(withCertificate: false)
        let (carol, recorder) = world.signaling("carol", login: false)
        carol.login("carol", token: "")
        world.settle()
        #expect(recorder.take() == [.onLoginFailed(.loginTokenWrong)])
        carol.login("carol", token: SignalingToken.noNeedToken)
        world.settle()
        #expect(recorder.take() == [.onLoginSuccess(uid: 0)])
    }

    @Test(
        "a login of the same account elsewhere kicks the Signaling client: onLogout(103); it can log in again"
    )
    func kicked() {
        let world = InteropWorld()
        let (carol, recorder) = world.signaling("carol")
        let other = world.rtm("carol")
        #expect(recorder.take() == [.onLogout(.logoutKicked)])
        #expect(carol.getStatus() == .notLogin)
        #expect(carol.service.connectionState == .disconnected)
        other.logout()
        world.settle()
        carol.login("carol", token: world.signalingToken("carol"))
        world.settle()
        #expect(recorder.take() == [.onLoginSuccess(uid: 0)])
    }

    @Test("logout: onLogout(LOGOUT_E_USER) and RTM sees the user offline; a second logout: 108")
    func logout() {
        let world = InteropWorld()
        let (carol, recorder) = world.signaling("carol")
        carol.logout()
        world.settle()
        #expect(recorder.take() == [.onLogout(.logoutUser)])
        #expect(!world.sim.server.core.isOnline("carol"))
        carol.logout()
        #expect(recorder.take() == [.onLogout(.logoutAlreadyLogout)])
    }
}

@Suite struct SignalingInteropMessageTests {
    @Test("messageInstantSend reaches an RTM client; the RTM client's peer message reaches the Signaling client")
    func instantBothWays() {
        let world = InteropWorld()
        let (carol, recorder) = world.signaling("carol")
        let alice = world.rtm("alice")
        carol.messageInstantSend("alice", "hi alice", "m1")
        world.settle()
        #expect(recorder.take() == [.onMessageSendSuccess(messageID: "m1")])
        #expect(world.take(alice) == [.onMessageReceivedFromPeer(peerId: "carol", text: "hi alice", isOffline: false)])
        alice.sendMessageToPeer("carol", message: RtmMessage(text: "hi carol"))
        world.settle()
        #expect(recorder.take() == [.onMessageInstantReceive(account: "alice", uid: 0, msg: "hi carol")])
        #expect(world.take(alice).map(\.sdkName) == ["onSendMessageResult"])
    }

    @Test("an instant message to an offline user is cached (success for Signaling) and delivered at its login")
    func instantOffline() {
        let world = InteropWorld()
        let (carol, recorder) = world.signaling("carol")
        carol.messageInstantSend("alice", "later", "m1")
        world.settle()
        #expect(recorder.take() == [.onMessageSendSuccess(messageID: "m1")])
        let alice = world.rtm("alice", login: false)
        alice.login(token: world.rtmToken("alice"), userId: "alice")
        world.settle()
        #expect(world.take(alice).contains(.onMessageReceivedFromPeer(peerId: "carol", text: "later", isOffline: true)))
    }

    @Test("queryUserStatus: \"1\" for an online RTM user, \"0\" for an unknown one")
    func queryUserStatus() {
        let world = InteropWorld()
        let (carol, recorder) = world.signaling("carol")
        _ = world.rtm("alice")
        carol.queryUserStatus("alice")
        carol.queryUserStatus("zed")
        world.settle()
        #expect(
            recorder.take() == [
                .onQueryUserStatusResult(name: "alice", status: "1"),
                .onQueryUserStatusResult(name: "zed", status: "0"),
            ])
    }

    @Test("user attributes set by Signaling are read by getAttr, getAttrAll, and RTM's getUserAttributes")
    func userAttributes() {
        let world = InteropWorld()
        let (carol, recorder) = world.signaling("carol")
        let alice = world.rtm("alice")
        carol.setAttr("mood", "sunny")
        world.settle()
        carol.getAttr("mood")
        carol.getAttrAll()
        world.settle()
        #expect(
            recorder.take() == [
                .onUserAttrResult(account: "carol", name: "mood", value: "sunny"),
                .onUserAttrAllResult(account: "carol", value: #"{"mood":"sunny"}"#),
            ])
        alice.perform(.getUserAttributes(userId: "carol"))
        world.settle()
        guard case .onGetUserAttributesResult(_, _, let attributes, .ok)? = world.take(alice).last else {
            Issue.record("no onGetUserAttributesResult")
            return
        }
        #expect(attributes == [RtmAttribute(key: "mood", value: "sunny")])
    }
}
