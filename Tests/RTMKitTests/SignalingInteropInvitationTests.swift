import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

@Suite struct SignalingInteropInvitationTests {
    static let endCall = "AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_"

    @Test("an RTM invitation with a channel ID reaches the Signaling callee; its accept reaches the RTM caller")
    func rtmCallsSignaling() {
        let world = InteropWorld()
        let alice = world.rtm("alice")
        let (carol, recorder) = world.signaling("carol")
        let manager = alice.getRtmCallManager(nil)
        guard let invitation = manager.createLocalCallInvitation("carol") else {
            Issue.record("no invitation")
            return
        }
        invitation.channelId = "room"
        invitation.content = "call me"
        #expect(manager.sendLocalInvitation(invitation) == .ok)
        world.settle()
        #expect(recorder.take() == [.onInviteReceived(channel: "room", account: "alice", uid: 0, extra: "call me")])
        #expect(world.take(alice) == [.onLocalInvitationReceivedByPeer(invitation.key)])
        carol.channelInviteAccept("room", "alice", extra: "coming")
        world.settle()
        #expect(world.take(alice) == [.onLocalInvitationAccepted(invitation.key, response: "coming")])
        #expect(invitation.state == .acceptedByRemote)
        #expect(carol.adapter.invitation(channel: "room", peer: "alice")?.phase == .accepted)
        // The RTM caller hangs up with the endCall message.
        alice.sendMessageToPeer("carol", message: RtmMessage(text: Self.endCall + "bye"))
        world.settle()
        #expect(recorder.take() == [.onInviteEndByPeer(channel: "room", account: "alice", uid: 0, extra: "bye")])
    }

    @Test("an RTM invitation without a channel ID never reaches the Signaling app: the caller is refused")
    func rtmWithoutChannel() {
        let world = InteropWorld()
        let alice = world.rtm("alice")
        let (carol, recorder) = world.signaling("carol")
        let manager = alice.getRtmCallManager(nil)
        guard let invitation = manager.createLocalCallInvitation("carol") else { return }
        manager.sendLocalInvitation(invitation)
        world.settle()
        #expect(recorder.take() == [])
        #expect(world.take(alice).last == .onLocalInvitationRefused(invitation.key, response: ""))
        #expect(carol.adapter.invitations.isEmpty)
    }

    @Test("channelInviteUser2 reaches an RTM callee with the channel ID and extra; its accept comes back")
    func signalingCallsRtm() {
        let world = InteropWorld()
        let alice = world.rtm("alice")
        let (carol, recorder) = world.signaling("carol")
        carol.channelInviteUser2("room", "alice", #"{"topic":"lunch"}"#)
        world.settle()
        guard case .onRemoteInvitationReceived(let key)? = world.take(alice).first else {
            Issue.record("alice got no invitation")
            return
        }
        let remote = alice.receivedInvitations.first { $0.key == key }
        #expect(remote?.channelId == "room")
        #expect(remote?.content == #"{"topic":"lunch"}"#)
        #expect(recorder.take() == [.onInviteReceivedByPeer(channel: "room", account: "alice", uid: 0)])
        alice.perform(.setResponse(key, response: "ok"))
        alice.perform(.acceptRemoteInvitation(key))
        world.settle()
        #expect(recorder.take() == [.onInviteAcceptedByPeer(channel: "room", account: "alice", uid: 0, extra: "ok")])
        #expect(world.take(alice) == [.onRemoteInvitationAccepted(key)])
        // channelInviteEnd of the accepted call: onInviteEndByMyself at once, the endCall message to the callee.
        carol.channelInviteEnd("room", "alice")
        #expect(recorder.take() == [.onInviteEndByMyself(channel: "room", account: "alice", uid: 0)])
        world.settle()
        #expect(
            world.take(alice) == [.onMessageReceivedFromPeer(peerId: "carol", text: Self.endCall, isOffline: false)])
    }

    @Test("an RTM refusal comes back as onInviteRefusedByPeer; a pending invitation ended by the caller is canceled")
    func refuseAndCancel() {
        let world = InteropWorld()
        let alice = world.rtm("alice")
        let (carol, recorder) = world.signaling("carol")
        carol.channelInviteUser("room", "alice")
        world.settle()
        guard case .onRemoteInvitationReceived(let first)? = world.take(alice).first else { return }
        alice.perform(.refuseRemoteInvitation(first))
        world.settle()
        #expect(
            recorder.take() == [
                .onInviteReceivedByPeer(channel: "room", account: "alice", uid: 0),
                .onInviteRefusedByPeer(channel: "room", account: "alice", uid: 0, extra: ""),
            ])
        _ = world.take(alice)
        carol.channelInviteUser("room", "alice")
        world.settle()
        guard case .onRemoteInvitationReceived(let second)? = world.take(alice).first else { return }
        _ = recorder.take()
        carol.channelInviteEnd("room", "alice")
        world.settle()
        #expect(recorder.take() == [.onInviteEndByMyself(channel: "room", account: "alice", uid: 0)])
        #expect(world.take(alice) == [.onRemoteInvitationCanceled(second)])
    }

    @Test("_require_peer_online: an offline callee fails the invitation at once with 703, without an RTM invitation")
    func requirePeerOnline() {
        let world = InteropWorld()
        let (carol, recorder) = world.signaling("carol")
        let start = world.sim.nowMs
        carol.channelInviteUser2("room", "alice", #"{"_require_peer_online":1}"#)
        world.settle()
        let extra = #"{"_require_peer_online":1}"#
        #expect(
            recorder.take() == [
                .onInviteFailed(channel: "room", account: "alice", uid: 0, .invitePeerOffline, extra: extra)
            ])
        #expect(carol.service.createdInvitations.isEmpty)
        #expect(world.sim.nowMs - start <= 1_000)
    }

    @Test("without _require_peer_online an offline callee fails only after RTM's 30 s (703)")
    func offlineCalleeLater() {
        let world = InteropWorld()
        let (carol, recorder) = world.signaling("carol")
        carol.channelInviteUser2("room", "alice", "")
        world.settle()
        #expect(recorder.take() == [])
        world.settle(ms: 40_000)
        #expect(
            recorder.take() == [
                .onInviteFailed(channel: "room", account: "alice", uid: 0, .invitePeerOffline, extra: "")
            ])
    }

    @Test("Signaling to Signaling: invite, accept, DTMF and end, all over RTM")
    func signalingToSignaling() {
        let world = InteropWorld()
        let (carol, carolLog) = world.signaling("carol")
        let (dave, daveLog) = world.signaling("dave")
        carol.channelInviteUser2("room", "dave", "x")
        world.settle()
        #expect(daveLog.take() == [.onInviteReceived(channel: "room", account: "carol", uid: 0, extra: "x")])
        dave.channelInviteAccept("room", "carol")
        world.settle()
        #expect(
            carolLog.take() == [
                .onInviteReceivedByPeer(channel: "room", account: "dave", uid: 0),
                .onInviteAcceptedByPeer(channel: "room", account: "dave", uid: 0, extra: ""),
            ])
        carol.channelInviteDTMF("room", "dave", "42#")
        world.settle()
        #expect(
            daveLog.take() == [
                .onInviteMsg(channel: "room", account: "carol", uid: 0, msgType: "dtmf", msgData: "42#", extra: "")
            ])
        dave.channelInviteEnd("room", "carol")
        world.settle()
        #expect(daveLog.take() == [.onInviteEndByMyself(channel: "room", account: "carol", uid: 0)])
        #expect(carolLog.take() == [.onInviteEndByPeer(channel: "room", account: "dave", uid: 0, extra: "")])
        #expect(carol.adapter.invitations.isEmpty)
        #expect(dave.adapter.invitations.isEmpty)
    }
}
