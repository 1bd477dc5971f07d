import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// Peer messages, the online-status query, channels and member counts, end to end (§3.2–3.4).
@Suite struct ClientMessagingTests {
    /// alice and bob, both logged in to the certificate app.
    func pair() -> World {
        let world = World()
        world.client("alice")
        world.client("bob")
        world.login("alice", "bob")
        world.drain()
        return world
    }

    @Test("a peer message to an online user: the receiver gets it, then the sender gets PEER_MESSAGE_ERR_OK")
    func peerMessageOnline() {
        let world = pair()
        let message = RtmMessage(text: "hi")
        #expect(world["alice"].sendMessageToPeer("bob", message: message) == .ok)
        #expect(message.messageId == 1)
        world.settle()
        #expect(world.take("bob") == ["onMessageReceivedFromPeer(alice, \"hi\")"])
        #expect(world.take("alice") == ["onSendMessageResult(1, PEER_MESSAGE_ERR_OK)"])
        world.check()
    }

    @Test("a message to yourself is delivered like any peer message (decision 14)")
    func peerMessageToSelf() {
        let world = pair()
        #expect(world["alice"].sendMessageToPeer("alice", message: RtmMessage(text: "me")) == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onMessageReceivedFromPeer(alice, \"me\")", "onSendMessageResult(1, PEER_MESSAGE_ERR_OK)",
            ])
        world.check()
    }

    @Test("to an offline user: PEER_UNREACHABLE, or CACHED_BY_SERVER with offline messaging, delivered at its login")
    func peerMessageOffline() {
        let world = World()
        world.client("alice")
        world.client("bob")
        world.login("alice")
        world.drain()
        #expect(world["alice"].sendMessageToPeer("bob", message: RtmMessage(text: "lost")) == .ok)
        let options = SendMessageOptions(enableOfflineMessaging: true)
        #expect(world["alice"].sendMessageToPeer("bob", message: RtmMessage(text: "kept"), options: options) == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onSendMessageResult(1, PEER_MESSAGE_ERR_PEER_UNREACHABLE)",
                "onSendMessageResult(2, PEER_MESSAGE_ERR_CACHED_BY_SERVER)",
            ])
        world.login("bob")
        #expect(world.take("bob") == loginCallbacks + ["onMessageReceivedFromPeer(alice, \"kept\", isOfflineMessage)"])
        #expect(world.take("alice") == [])
        world.check()
    }

    @Test(
        "a peer message while RECONNECTING returns OK and then fails with PEER_MESSAGE_ERR_SENT_TIMEOUT (decision 17)")
    func peerMessageWhileReconnecting() {
        let world = pair()
        world.sim.dropLink(of: world["alice"], restoreAfterMs: 20_000)
        world.sim.run(forMs: 5_000)
        world.drain()
        #expect(world["alice"].connectionState == .reconnecting)
        #expect(world["alice"].sendMessageToPeer("bob", message: RtmMessage(text: "late")) == .ok)
        world.sim.run(forMs: 10_000)
        #expect(world.take("alice") == ["onSendMessageResult(1, PEER_MESSAGE_ERR_SENT_TIMEOUT)"])
        world.settle()
        #expect(world.take("bob") == [])
        world.check()
    }

    @Test("queryPeersOnlineStatus: ONLINE for a logged-in peer, OFFLINE otherwise, with the request ID")
    func onlineStatus() {
        let world = pair()
        var requestId = 0
        #expect(world["alice"].queryPeersOnlineStatus(["bob", "carol"], requestId: &requestId) == .ok)
        #expect(requestId == 1)
        world.settle()
        #expect(
            world.take("alice") == [
                "onQueryPeersOnlineStatusResult(1, [bob: PEER_ONLINE_STATE_ONLINE, carol: PEER_ONLINE_STATE_OFFLINE], "
                    + "QUERY_PEERS_ONLINE_STATUS_ERR_OK)"
            ])
        world.check()
    }

    @Test("channels: join, member events to others only, messages never echoed, getMembers, leave")
    func channel() {
        let world = pair()
        let lobby = world.channel("alice", "lobby")
        #expect(lobby?.join() == .ok)
        world.settle()
        #expect(world.take("alice") == ["lobby.onJoinSuccess()", "lobby.onMemberCountUpdated(1)"])
        #expect(world.channel("bob", "lobby")?.join() == .ok)
        world.settle()
        #expect(world.take("bob") == ["lobby.onJoinSuccess()", "lobby.onMemberCountUpdated(2)"])
        #expect(world.take("alice") == ["lobby.onMemberJoined(bob)", "lobby.onMemberCountUpdated(2)"])
        let message = RtmMessage(text: "hi all")
        #expect(lobby?.sendMessage(message) == .ok)
        world.settle()
        #expect(world.take("bob") == ["lobby.onMessageReceived(alice, \"hi all\")"])
        #expect(world.take("alice") == ["lobby.onSendMessageResult(\(message.messageId), CHANNEL_MESSAGE_ERR_OK)"])
        #expect(lobby?.getMembers() == .ok)
        world.settle()
        #expect(world.take("alice") == ["lobby.onGetMembers([alice, bob], GET_MEMBERS_ERR_OK)"])
        #expect(lobby?.leave() == .ok)
        world.settle()
        #expect(world.take("alice") == ["lobby.onLeave(LEAVE_CHANNEL_ERR_OK)"])
        #expect(world.take("bob") == ["lobby.onMemberLeft(alice)", "lobby.onMemberCountUpdated(1)"])
        #expect(lobby?.leave() == .notInChannel)
        #expect(lobby?.getMembers() == .notInChannel)
        lobby?.release()
        #expect(world["alice"].channels["lobby"] == nil)
        #expect(lobby?.membership == .released)
        #expect(world.channel("alice", "lobby") != nil)  // The ID may be used again.
        world.check()
    }

    @Test("getChannelMemberCount: the count of each channel, 0 for an empty one")
    func memberCount() {
        let world = pair()
        world.channel("bob", "lobby")?.join()
        world.settle()
        world.drain()
        var requestId = 0
        #expect(world["alice"].getChannelMemberCount(["lobby", "empty"], requestId: &requestId) == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onGetChannelMemberCountResult(\(requestId), [lobby: 1, empty: 0], GET_CHANNEL_MEMBER_COUNT_ERR_OK)"
            ])
        world.check()
    }

    @Test("logout while in a channel: the others see onMemberLeft; the channel object is not joined (decision 7)")
    func logoutLeavesChannels() {
        let world = pair()
        for name in ["alice", "bob"] {
            world.channel(name, "lobby")?.join()
            world.settle()
        }
        world.drain()
        world["alice"].logout()
        world.settle()
        #expect(world.take("bob") == ["lobby.onMemberLeft(alice)", "lobby.onMemberCountUpdated(1)"])
        #expect(world["alice"].channels["lobby"]?.membership == .left)
        #expect(world["alice"].channels["lobby"]?.sendMessage(RtmMessage(text: "x")) == .userNotLoggedIn)
        world.check()
    }
}
