import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

@Suite struct SignalingMessageTests {
    @Test("messageInstantSend is an offline-enabled RTM peer message; its result reports the app's msgID")
    func instantSend() {
        var h = SignalingHarness.loggedIn()
        #expect(h.perform(.messageInstantSend(account: "bob", msg: "hi", msgID: "m-1")) == [])
        #expect(h.takeCalls() == [.sendMessageToPeer(peerId: "bob", text: "hi", enableOfflineMessaging: true)])
        #expect(h.rtm(.onSendMessageResult(messageId: h.lastId, .ok)) == [.onMessageSendSuccess(messageID: "m-1")])
        // A second result for the same RTM message is not reported twice.
        #expect(h.rtm(.onSendMessageResult(messageId: h.lastId, .ok)) == [])
    }

    @Test(
        "peer message results: OK and CACHED_BY_SERVER are a success (the server got it); failures map to codes",
        arguments: [
            (PeerMessageErrCode.ok, SignalingErrCode?.none), (.cachedByServer, nil),
            (.sentTimeout, .sendMessageTimeout), (.peerUnreachable, .sendMessageOther), (.failure, .sendMessageOther),
            (.tooOften, .sendMessageOther),
        ])
    func instantResult(code: PeerMessageErrCode, expected: SignalingErrCode?) {
        var h = SignalingHarness.loggedIn()
        h.perform(.messageInstantSend(account: "bob", msg: "hi", msgID: "m"))
        let fired = h.rtm(.onSendMessageResult(messageId: h.lastId, code))
        #expect(
            fired == [expected.map { .onMessageSendError(messageID: "m", $0) } ?? .onMessageSendSuccess(messageID: "m")]
        )
    }

    @Test(
        "messageInstantSend checks: not logged in 1003, bad account 1004, over 8 KB 1005; RTM refusals map too",
        arguments: [
            (false, "bob", 10, SignalingErrCode.generalNotLogin), (true, "has space", 10, .generalWrongParam),
            (true, "bob", 8 * 1024 + 1, .generalLargeParam),
        ])
    func instantChecks(loggedIn: Bool, peer: String, size: Int, code: SignalingErrCode) {
        var h = loggedIn ? SignalingHarness.loggedIn() : SignalingHarness()
        let msg = String(repeating: "x", count: size)
        #expect(
            h.perform(.messageInstantSend(account: peer, msg: msg, msgID: "m")) == [
                .onMessageSendError(messageID: "m", code)
            ])
        #expect(h.takeCalls() == [])
    }

    @Test("an RTM refusal of the peer message is reported at once")
    func instantRefused() {
        var h = SignalingHarness.loggedIn()
        h.answers["sendMessageToPeer"] = .peerMessage(.tooOften, messageId: 0)
        #expect(
            h.perform(.messageInstantSend(account: "bob", msg: "hi", msgID: "m"))
                == [.onMessageSendError(messageID: "m", .sendMessageOther)])
    }

    @Test("an RTM peer message arrives as onMessageInstantReceive(account, 0, msg)")
    func instantReceive() {
        var h = SignalingHarness.loggedIn()
        #expect(
            h.rtm(.onMessageReceivedFromPeer(peerId: "alice", text: "yo", isOffline: false))
                == [.onMessageInstantReceive(account: "alice", uid: 0, msg: "yo")])
        #expect(
            h.rtm(.onMessageReceivedFromPeer(peerId: "alice", text: "late", isOffline: true))
                == [.onMessageInstantReceive(account: "alice", uid: 0, msg: "late")])
    }

    @Test("an endCall message arrives as onInviteEndByPeer, a DTMF message as onInviteMsg")
    func callMessagesReceived() {
        var h = SignalingHarness.loggedIn()
        let end = "AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_1_bye"
        #expect(
            h.rtm(.onMessageReceivedFromPeer(peerId: "alice", text: end, isOffline: false))
                == [.onInviteEndByPeer(channel: "room_1", account: "alice", uid: 0, extra: "bye")])
        #expect(
            h.rtm(
                .onMessageReceivedFromPeer(
                    peerId: "alice", text: "RTMCheckSignalingDTMFPrefix_room_12#", isOffline: false))
                == [.onInviteMsg(channel: "room", account: "alice", uid: 0, msgType: "dtmf", msgData: "12#", extra: "")]
        )
    }

    @Test("a channel message is acknowledged with onMessageSendSuccess and also reaches its sender (decision 13)")
    func channelSendEcho() {
        var h = SignalingHarness.joined()
        #expect(h.perform(.messageChannelSend(channel: "room", msg: "hello", msgID: "c-1")) == [])
        #expect(h.takeCalls() == [.sendMessage(channel: "room", text: "hello")])
        #expect(
            h.rtm(.onChannelSendMessageResult(channel: "room", messageId: h.lastId, .ok)) == [
                .onMessageSendSuccess(messageID: "c-1"),
                .onMessageChannelReceive(channel: "room", account: "carol", uid: 0, msg: "hello"),
            ])
    }

    @Test(
        "a failed channel message reports its code and is not echoed",
        arguments: [
            (ChannelMessageErrCode.sentTimeout, SignalingErrCode.sendMessageTimeout), (.failure, .sendMessageOther),
        ])
    func channelSendFailure(code: ChannelMessageErrCode, expected: SignalingErrCode) {
        var h = SignalingHarness.joined()
        h.perform(.messageChannelSend(channel: "room", msg: "hello", msgID: "c-1"))
        #expect(
            h.rtm(.onChannelSendMessageResult(channel: "room", messageId: h.lastId, code))
                == [.onMessageSendError(messageID: "c-1", expected)])
    }

    @Test("messageChannelSend to a channel we are not in fails at once with 400")
    func channelSendNotJoined() {
        var h = SignalingHarness.joined()
        #expect(
            h.perform(.messageChannelSend(channel: "other", msg: "x", msgID: "c"))
                == [.onMessageSendError(messageID: "c", .sendMessageOther)])
        #expect(h.takeCalls() == [])
    }

    @Test("messageChannelSendForce sends like messageChannelSend in our channel, and fails with 400 elsewhere")
    func channelSendForce() {
        var h = SignalingHarness.joined()
        h.perform(.messageChannelSendForce(channel: "room", msg: "x", msgID: "f-1"))
        #expect(h.takeCalls() == [.sendMessage(channel: "room", text: "x")])
        #expect(
            h.perform(.messageChannelSendForce(channel: "elsewhere", msg: "x", msgID: "f-2"))
                == [.onMessageSendError(messageID: "f-2", .sendMessageOther)])
    }

    @Test("other members' channel messages arrive as onMessageChannelReceive")
    func channelReceive() {
        var h = SignalingHarness.joined()
        #expect(
            h.rtm(.onMessageReceived(channel: "room", userId: "bob", text: "hey"))
                == [.onMessageChannelReceive(channel: "room", account: "bob", uid: 0, msg: "hey")])
        #expect(h.rtm(.onMessageReceived(channel: "old", userId: "bob", text: "hey")) == [])
    }

    @Test(
        "queryUserStatus asks RTM for one peer and answers \"1\" online, \"0\" offline",
        arguments: [(PeerOnlineState.online, "1"), (.offline, "0"), (.unreachable, "0")])
    func queryUserStatus(state: PeerOnlineState, status: String) {
        var h = SignalingHarness.loggedIn()
        h.perform(.queryUserStatus(account: "bob"))
        #expect(h.takeCalls() == [.queryPeersOnlineStatus(peerIds: ["bob"])])
        let statuses = [PeerStatus(peerId: "bob", onlineState: state)]
        #expect(
            h.rtm(.onQueryPeersOnlineStatusResult(requestId: h.lastId, statuses: statuses, .ok))
                == [.onQueryUserStatusResult(name: "bob", status: status)])
    }

    @Test("user attributes: setAttr writes, \"\" deletes, getAttr / getAttrAll / getUserAttrAll read")
    func userAttributes() {
        var h = SignalingHarness.loggedIn()
        h.perform(.setAttr(name: "mood", value: "ok"))
        h.perform(.setAttr(name: "mood", value: ""))
        #expect(
            h.takeCalls() == [
                .addOrUpdateLocalUserAttributes([RtmAttribute(key: "mood", value: "ok")]),
                .deleteLocalUserAttributesByKeys(["mood"]),
            ])
        h.perform(.getAttr(name: "mood"))
        #expect(h.takeCalls() == [.getUserAttributesByKeys(userId: "carol", keys: ["mood"])])
        #expect(
            h.rtm(.onGetUserAttributesResult(requestId: h.lastId, userId: "carol", attributes: [], .ok))
                == [.onUserAttrResult(account: "carol", name: "mood", value: "")])
        h.perform(.getUserAttrAll(account: "bob"))
        #expect(h.takeCalls() == [.getUserAttributes(userId: "bob")])
        let attributes = [RtmAttribute(key: "z", value: "1"), RtmAttribute(key: "a", value: "q\"")]
        #expect(
            h.rtm(.onGetUserAttributesResult(requestId: h.lastId, userId: "bob", attributes: attributes, .ok))
                == [.onUserAttrAllResult(account: "bob", value: #"{"a":"q\"","z":"1"}"#)])
    }

    @Test("a failed attribute write is reported by onError with the mapped code")
    func userAttributeFailure() {
        var h = SignalingHarness.loggedIn()
        h.perform(.setAttr(name: "k", value: "v"))
        let fired = h.rtm(.onAddOrUpdateLocalUserAttributesResult(requestId: h.lastId, .sizeOverflow))
        #expect(fired == [.onError(name: "setAttr", .generalLargeParam, desc: "ATTRIBUTE_OPERATION_ERR_SIZE_OVERFLOW")])
        #expect(
            h.perform(.setAttr(name: "k", value: String(repeating: "v", count: 1025))).map(\.sdkName) == ["onError"])
    }
}
