import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

@Suite struct SignalingInvitationTests {
    /// The harness after carol's `channelInviteUser2("room", "bob", extra)` went out; returns the RTM key.
    static func invited(_ h: inout SignalingHarness, extra: String = "") -> InvitationKey {
        h.perform(.channelInviteUser2(channel: "room", account: "bob", extra: extra))
        let calls = h.takeCalls()
        guard case .sendLocalInvitation(let key)? = calls.last else {
            return InvitationKey(caller: "", callee: "", serial: 0)
        }
        return key
    }

    @Test("channelInviteUser2 becomes an RTM invitation with channelId = the channel and content = extra")
    func outgoingMapping() {
        var h = SignalingHarness.loggedIn()
        #expect(h.perform(.channelInviteUser2(channel: "room", account: "bob", extra: #"{"k":1}"#)) == [])
        let key = InvitationKey(caller: "carol", callee: "bob", serial: 1)
        #expect(
            h.takeCalls() == [
                .createLocalCallInvitation(calleeId: "bob"), .setChannelId(key, channelId: "room"),
                .setContent(key, content: #"{"k":1}"#), .sendLocalInvitation(key),
            ])
        #expect(h.adapter.invitation(channel: "room", peer: "bob")?.rtmKey == key)
        #expect(h.adapter.invitation(channel: "room", peer: "bob")?.phase == .sent)
    }

    @Test("the caller's RTM callbacks become onInviteReceivedByPeer and onInviteAcceptedByPeer(response)")
    func outgoingAccepted() {
        var h = SignalingHarness.loggedIn()
        let key = Self.invited(&h)
        #expect(
            h.rtm(.onLocalInvitationReceivedByPeer(key)) == [
                .onInviteReceivedByPeer(channel: "room", account: "bob", uid: 0)
            ])
        #expect(
            h.rtm(.onLocalInvitationAccepted(key, response: "sure"))
                == [.onInviteAcceptedByPeer(channel: "room", account: "bob", uid: 0, extra: "sure")])
        #expect(h.adapter.invitation(channel: "room", peer: "bob")?.phase == .accepted)
    }

    @Test("a refusal becomes onInviteRefusedByPeer(response) and ends the invitation")
    func outgoingRefused() {
        var h = SignalingHarness.loggedIn()
        let key = Self.invited(&h)
        #expect(
            h.rtm(.onLocalInvitationRefused(key, response: "busy"))
                == [.onInviteRefusedByPeer(channel: "room", account: "bob", uid: 0, extra: "busy")])
        #expect(h.adapter.invitations.isEmpty)
    }

    @Test(
        "the caller's RTM failures map to onInviteFailed codes",
        arguments: [
            (LocalInvitationErrCode.peerOffline, SignalingErrCode.invitePeerOffline), (.peerNoResponse, .inviteTimeout),
            (.invitationExpire, .inviteTimeout), (.notLoggedIn, .generalNotLogin),
        ])
    func outgoingFailure(code: LocalInvitationErrCode, expected: SignalingErrCode) {
        var h = SignalingHarness.loggedIn()
        let key = Self.invited(&h, extra: "x")
        #expect(
            h.rtm(.onLocalInvitationFailure(key, code))
                == [.onInviteFailed(channel: "room", account: "bob", uid: 0, expected, extra: "x")])
        #expect(h.adapter.invitations.isEmpty)
    }

    @Test("_require_peer_online: the peer is checked first; offline fails at once with 703 and no RTM invitation")
    func requirePeerOnlineOffline() {
        var h = SignalingHarness.loggedIn()
        let extra = #"{"_require_peer_online":1}"#
        h.perform(.channelInviteUser2(channel: "room", account: "bob", extra: extra))
        #expect(h.takeCalls() == [.queryPeersOnlineStatus(peerIds: ["bob"])])
        let offline = [PeerStatus(peerId: "bob", onlineState: .offline)]
        #expect(
            h.rtm(.onQueryPeersOnlineStatusResult(requestId: h.lastId, statuses: offline, .ok))
                == [.onInviteFailed(channel: "room", account: "bob", uid: 0, .invitePeerOffline, extra: extra)])
        #expect(h.takeCalls() == [])
        #expect(h.adapter.invitations.isEmpty)
    }

    @Test("_require_peer_online with the peer online goes on to the RTM invitation")
    func requirePeerOnlineOnline() {
        var h = SignalingHarness.loggedIn()
        h.perform(.channelInviteUser2(channel: "room", account: "bob", extra: #"{"_require_peer_online":"1"}"#))
        h.takeCalls()
        let online = [PeerStatus(peerId: "bob", onlineState: .online)]
        #expect(h.rtm(.onQueryPeersOnlineStatusResult(requestId: h.lastId, statuses: online, .ok)) == [])
        #expect(
            h.takeCalls().map(\.sdkName) == [
                "createLocalCallInvitation", "setChannelId", "setContent", "sendLocalInvitation",
            ])
    }

    @Test(
        "channelInviteUser2 checks: 1003 logged out, 1004 bad names, 1005 extra over 8 KB, 701 inviting again",
        arguments: [
            (false, "room", "bob", 0, SignalingErrCode.generalNotLogin), (true, "", "bob", 0, .generalWrongParam),
            (true, "room", "b b", 0, .generalWrongParam), (true, "room", "bob", 8 * 1024 + 1, .generalLargeParam),
        ])
    func outgoingChecks(loggedIn: Bool, channel: String, peer: String, extraSize: Int, code: SignalingErrCode) {
        var h = loggedIn ? SignalingHarness.loggedIn() : SignalingHarness()
        let extra = String(repeating: "e", count: extraSize)
        #expect(
            h.perform(.channelInviteUser2(channel: channel, account: peer, extra: extra))
                == [.onInviteFailed(channel: channel, account: peer, uid: 0, code, extra: extra)])
        #expect(h.takeCalls() == [])
    }

    @Test("inviting the same peer to the same channel again fails with INVITE_E_REINVITE")
    func reinvite() {
        var h = SignalingHarness.loggedIn()
        _ = Self.invited(&h)
        #expect(
            h.perform(.channelInviteUser(channel: "room", account: "bob"))
                == [.onInviteFailed(channel: "room", account: "bob", uid: 0, .inviteReinvite, extra: "")])
    }

    @Test("a refused setContent stops the invitation before it is sent")
    func setContentRefused() {
        var h = SignalingHarness.loggedIn()
        h.answers["setContent"] = .invitation(.invalidArgument)
        #expect(
            h.perform(.channelInviteUser2(channel: "room", account: "bob", extra: "x"))
                == [.onInviteFailed(channel: "room", account: "bob", uid: 0, .generalWrongParam, extra: "x")])
        #expect(h.takeCalls().map(\.sdkName) == ["createLocalCallInvitation", "setChannelId", "setContent"])
    }

    @Test("channelInviteEnd of a pending invitation cancels it and fires onInviteEndByMyself at once")
    func endPending() {
        var h = SignalingHarness.loggedIn()
        let key = Self.invited(&h)
        #expect(
            h.perform(.channelInviteEnd(channel: "room", account: "bob"))
                == [.onInviteEndByMyself(channel: "room", account: "bob", uid: 0)])
        #expect(h.takeCalls() == [.cancelLocalInvitation(key)])
        #expect(h.rtm(.onLocalInvitationCanceled(key)) == [])
        #expect(h.adapter.invitations.isEmpty)
    }

    @Test("a cancel that loses to the accept (decision 11) ends the call with the endCall message, silently")
    func endLostRace() {
        var h = SignalingHarness.loggedIn()
        let key = Self.invited(&h)
        h.perform(.channelInviteEnd(channel: "room", account: "bob"))
        h.takeCalls()
        #expect(h.rtm(.onLocalInvitationAccepted(key, response: "")) == [])
        #expect(
            h.takeCalls() == [
                .sendMessageToPeer(
                    peerId: "bob", text: "AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_",
                    enableOfflineMessaging: false)
            ])
        #expect(h.adapter.invitations.isEmpty)
    }

    @Test("channelInviteEnd of an accepted call sends the endCall message")
    func endAccepted() {
        var h = SignalingHarness.loggedIn()
        let key = Self.invited(&h)
        h.rtm(.onLocalInvitationAccepted(key, response: ""))
        #expect(
            h.perform(.channelInviteEnd(channel: "room", account: "bob"))
                == [.onInviteEndByMyself(channel: "room", account: "bob", uid: 0)])
        #expect(
            h.takeCalls() == [
                .sendMessageToPeer(
                    peerId: "bob", text: "AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_",
                    enableOfflineMessaging: false)
            ])
    }

    @Test(
        "an RTM invitation with a channel ID reaches the Signaling callee as onInviteReceived(channel, caller, extra)")
    func incoming() {
        var h = SignalingHarness.loggedIn()
        let key = InvitationKey(caller: "alice", callee: "carol", serial: 7)
        #expect(
            h.rtm(.onRemoteInvitationReceived(key), details: RemoteInvitationDetails(content: "hi", channelId: "room"))
                == [.onInviteReceived(channel: "room", account: "alice", uid: 0, extra: "hi")])
        #expect(h.perform(.channelInviteAccept(channel: "room", account: "alice", extra: "ok")) == [])
        #expect(h.takeCalls() == [.setResponse(key, response: "ok"), .acceptRemoteInvitation(key)])
        #expect(h.rtm(.onRemoteInvitationAccepted(key)) == [])
        #expect(h.adapter.invitation(channel: "room", peer: "alice")?.phase == .accepted)
        // The caller ends the call with the endCall message.
        let end = "AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_"
        #expect(
            h.rtm(.onMessageReceivedFromPeer(peerId: "alice", text: end, isOffline: false))
                == [.onInviteEndByPeer(channel: "room", account: "alice", uid: 0, extra: "")])
        #expect(h.adapter.invitations.isEmpty)
    }

    @Test("an RTM invitation without a channel ID, or a duplicate, is refused without reaching the app")
    func incomingRefused() {
        var h = SignalingHarness.loggedIn()
        let first = InvitationKey(caller: "alice", callee: "carol", serial: 1)
        #expect(
            h.rtm(.onRemoteInvitationReceived(first), details: RemoteInvitationDetails(content: "", channelId: ""))
                == [])
        #expect(h.takeCalls() == [.refuseRemoteInvitation(first)])
        let second = InvitationKey(caller: "alice", callee: "carol", serial: 2)
        let third = InvitationKey(caller: "alice", callee: "carol", serial: 3)
        let details = RemoteInvitationDetails(content: "", channelId: "room")
        #expect(h.rtm(.onRemoteInvitationReceived(second), details: details).count == 1)
        #expect(h.rtm(.onRemoteInvitationReceived(third), details: details) == [])
        #expect(h.takeCalls() == [.refuseRemoteInvitation(third)])
    }

    @Test("the caller's cancel reaches the callee as onInviteEndByPeer; RTM failures as onInviteFailed")
    func incomingEnds() {
        var h = SignalingHarness.loggedIn()
        let details = RemoteInvitationDetails(content: "", channelId: "room")
        let a = InvitationKey(caller: "alice", callee: "carol", serial: 1)
        h.rtm(.onRemoteInvitationReceived(a), details: details)
        #expect(
            h.rtm(.onRemoteInvitationCanceled(a)) == [
                .onInviteEndByPeer(channel: "room", account: "alice", uid: 0, extra: "")
            ])
        let b = InvitationKey(caller: "alice", callee: "carol", serial: 2)
        h.rtm(.onRemoteInvitationReceived(b), details: details)
        #expect(
            h.rtm(.onRemoteInvitationFailure(b, .invitationExpire))
                == [.onInviteFailed(channel: "room", account: "alice", uid: 0, .inviteTimeout, extra: "")])
    }

    @Test("channelInviteRefuse sets the response and refuses; channelInviteEnd of a received invitation refuses it")
    func incomingRefuseAndEnd() {
        var h = SignalingHarness.loggedIn()
        let details = RemoteInvitationDetails(content: "", channelId: "room")
        let a = InvitationKey(caller: "alice", callee: "carol", serial: 1)
        h.rtm(.onRemoteInvitationReceived(a), details: details)
        h.perform(.channelInviteRefuse(channel: "room", account: "alice", extra: "no"))
        #expect(h.takeCalls() == [.setResponse(a, response: "no"), .refuseRemoteInvitation(a)])
        let b = InvitationKey(caller: "alice", callee: "carol", serial: 2)
        h.rtm(.onRemoteInvitationReceived(b), details: details)
        #expect(
            h.perform(.channelInviteEnd(channel: "room", account: "alice"))
                == [.onInviteEndByMyself(channel: "room", account: "alice", uid: 0)])
        #expect(h.takeCalls() == [.refuseRemoteInvitation(b)])
        #expect(h.rtm(.onRemoteInvitationRefused(b)) == [])
    }

    @Test("answering an invitation that does not exist reports onError")
    func answerUnknown() {
        var h = SignalingHarness.loggedIn()
        #expect(
            h.perform(.channelInviteAccept(channel: "room", account: "zed", extra: "")).map(\.sdkName) == ["onError"])
        #expect(h.takeCalls() == [])
    }

    @Test("channelInviteDTMF sends the DTMF carrier message; a DTMF string with \"_\" is refused")
    func dtmf() {
        var h = SignalingHarness.loggedIn()
        h.perform(.channelInviteDTMF(channel: "room", account: "bob", dtmf: "123#"))
        #expect(
            h.takeCalls() == [
                .sendMessageToPeer(
                    peerId: "bob", text: "RTMCheckSignalingDTMFPrefix_room_123#", enableOfflineMessaging: false)
            ])
        #expect(
            h.perform(.channelInviteDTMF(channel: "room", account: "bob", dtmf: "1_2")).map(\.sdkName) == ["onError"])
    }

    @Test("logout forgets the invitations: later RTM callbacks for them are ignored")
    func logoutForgets() {
        var h = SignalingHarness.loggedIn()
        let key = Self.invited(&h)
        h.perform(.logout)
        h.rtm(.onLogout(.ok))
        #expect(h.rtm(.onLocalInvitationFailure(key, .peerOffline)) == [])
    }
}
