import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// The documented synchronous codes for bad input, limits, rate limits and calls before login (decision 2,
/// §4): each call returns its code and no callback follows.
@Suite struct ClientErrorCodeTests {
    static let longId = String(repeating: "a", count: 65)
    static let badIds = [longId, "al/ice", "", "null", "tab\there", "é"]

    func loggedIn() -> World {
        let world = World()
        world.client("alice")
        world.login("alice")
        world.drain()
        return world
    }

    @Test(
        "a bad user ID (65 bytes, bad characters, empty, \"null\") in login: LOGIN_ERR_INVALID_ARGUMENT",
        arguments: badIds)
    func badLoginId(_ id: String) {
        let world = World()
        world.client("alice")
        #expect(world["alice"].login(token: "", userId: id) == .invalidArgument)
        world.settle()
        #expect(world.take("alice") == [])
        #expect(world.sim.counters.deliveries == 0)
        world.check()
    }

    @Test(
        "a bad peer ID: PEER_MESSAGE_ERR_INVALID_USERID; a bad channel ID: createChannel returns nil", arguments: badIds
    )
    func badPeerAndChannelIds(_ id: String) {
        let world = loggedIn()
        #expect(world["alice"].sendMessageToPeer(id, message: RtmMessage(text: "x")) == .invalidUserId)
        #expect(world.channel("alice", id) == nil)
        #expect(world["alice"].getRtmCallManager(nil).createLocalCallInvitation(id) == nil)
        world.settle()
        #expect(world.take("alice") == [])
        world.check()
    }

    @Test("a 64-byte user ID is accepted")
    func longestId() {
        let id = String(repeating: "b", count: 64)
        let world = World()
        world.client(id)
        world.login(id)
        #expect(world.take(id) == loginCallbacks)
        world.check()
    }

    @Test("32 KB + 1 messages: PEER_MESSAGE_ERR_INVALID_MESSAGE and CHANNEL_MESSAGE_ERR_INVALID_MESSAGE; 32 KB passes")
    func messageSize() {
        let world = loggedIn()
        let lobby = world.channel("alice", "lobby")
        lobby?.join()
        world.settle()
        world.drain()
        let tooLong = RtmMessage(text: bytes(32 * 1024 + 1))
        #expect(world["alice"].sendMessageToPeer("alice", message: tooLong) == .invalidMessage)
        #expect(lobby?.sendMessage(tooLong) == .invalidMessage)
        #expect(tooLong.messageId == 0)
        let longest = RtmMessage(text: bytes(32 * 1024))
        #expect(world["alice"].sendMessageToPeer("alice", message: longest) == .ok)
        #expect(lobby?.sendMessage(longest) == .ok)
        world.settle()
        #expect(world.take("alice").count == 3)  // Received, its OK, and the channel message's OK.
        world.check()
    }

    @Test("8 KB + 1 of invitation content: sendLocalInvitation returns INVITATION_API_CALL_ERR_INVALID_ARGUMENT")
    func invitationContentSize() {
        let world = loggedIn()
        let manager = world["alice"].getRtmCallManager(world.log("alice"))
        let invitation = manager.createLocalCallInvitation("bob")!
        invitation.content = bytes(8 * 1024 + 1)
        #expect(manager.sendLocalInvitation(invitation) == .invalidArgument)
        #expect(invitation.state == .idle)
        invitation.content = bytes(8 * 1024)
        #expect(manager.sendLocalInvitation(invitation) == .ok)
        world.check()
    }

    @Test("a 21st channel: join returns JOIN_CHANNEL_ERR_EXCEED_LIMIT (decision 4)")
    func twentyFirstChannel() {
        let world = loggedIn()
        for i in 1...20 {
            #expect(world.channel("alice", "ch\(i)")?.join() == .ok)
        }
        world.settle()
        #expect(world.channel("alice", "ch21")?.join() == .exceedLimit)
        world.drain()
        #expect(world["alice"].channels["ch1"]?.leave() == .ok)
        world.settle()
        #expect(world["alice"].channels["ch21"]?.join() == .ok)
        world.check()
    }

    @Test("attribute overflow: value over 8 KB, key over 32 bytes, 16 KB per user, 33 attributes; \"\" is invalid")
    func attributeOverflow() {
        let world = loggedIn()
        let alice = world["alice"]
        var id = 0
        #expect(
            alice.setLocalUserAttributes([.init(key: "k", value: bytes(8 * 1024 + 1))], requestId: &id) == .sizeOverflow
        )
        #expect(alice.setLocalUserAttributes([.init(key: bytes(33), value: "v")], requestId: &id) == .sizeOverflow)
        #expect(alice.setLocalUserAttributes(attributes(33), requestId: &id) == .sizeOverflow)
        #expect(alice.setLocalUserAttributes([.init(key: "k", value: "")], requestId: &id) == .invalidArgument)
        #expect(alice.setLocalUserAttributes([.init(key: "a", value: bytes(8 * 1024))], requestId: &id) == .ok)
        world.settle()
        #expect(
            alice.addOrUpdateLocalUserAttributes(
                [.init(key: "b", value: bytes(8 * 1024))], requestId: &id) == .sizeOverflow)
        #expect(
            alice.setChannelAttributes("lobby", [.init(key: "k", value: bytes(8 * 1024 + 1))], requestId: &id)
                == .sizeOverflow)
        #expect(alice.setChannelAttributes("lobby", attributes(33), requestId: &id) == .sizeOverflow)
        #expect(alice.getChannelAttributes("bad/channel", requestId: &id) == .invalidArgument)
        world.settle()
        #expect(world.take("alice") == ["onSetLocalUserAttributesResult(1, ATTRIBUTE_OPERATION_ERR_OK)"])
        world.check()
    }

    @Test("channel attributes over 32 KB in total are refused by the server: SIZE_OVERFLOW in the callback")
    func channelAttributeTotal() {
        let world = loggedIn()
        var id = 0
        for i in 0..<4 {
            #expect(
                world["alice"].addOrUpdateChannelAttributes(
                    "lobby", [.init(key: "k\(i)", value: bytes(8 * 1024 - 2))], requestId: &id) == .ok)
            world.settle()
        }
        #expect(
            world["alice"].addOrUpdateChannelAttributes("lobby", [.init(key: "k9", value: "v")], requestId: &id) == .ok)
        world.settle()
        #expect(
            world.take("alice").last
                == "onAddOrUpdateChannelAttributesResult(\(id), ATTRIBUTE_OPERATION_ERR_SIZE_OVERFLOW)")
        world.check()
    }

    @Test("rate limits return the *_TOO_OFTEN codes (§4.4, 1.2.x Linux C++)")
    func rateLimits() {
        let world = loggedIn()
        let alice = world["alice"]
        var id = 0
        for _ in 0..<180 { #expect(alice.sendMessageToPeer("bob", message: RtmMessage(text: "m")) == .ok) }
        #expect(alice.sendMessageToPeer("bob", message: RtmMessage(text: "m")) == .tooOften)
        #expect(alice.getChannelMemberCount(["lobby"], requestId: &id) == .ok)
        #expect(alice.getChannelMemberCount(["lobby"], requestId: &id) == .tooOften)
        for _ in 0..<10 { #expect(alice.queryPeersOnlineStatus(["bob"], requestId: &id) == .ok) }
        #expect(alice.queryPeersOnlineStatus(["bob"], requestId: &id) == .tooOften)
        for i in 0..<10 {
            #expect(alice.setLocalUserAttributes([.init(key: "k", value: "\(i)")], requestId: &id) == .ok)
        }
        #expect(alice.clearLocalUserAttributes(requestId: &id) == .tooOften)
        for _ in 0..<10 { #expect(alice.getChannelAttributes("lobby", requestId: &id) == .ok) }
        #expect(alice.getChannelAttributesByKeys("lobby", keys: ["k"], requestId: &id) == .tooOften)
        for _ in 0..<2 { #expect(alice.renewToken(ServerFixture.token("alice")) == .ok) }
        #expect(alice.renewToken(ServerFixture.token("alice")) == .tooOften)
        let lobby = world.channel("alice", "lobby")
        #expect(lobby?.join() == .ok)
        world.settle()
        for _ in 0..<5 { #expect(lobby?.getMembers() == .ok) }
        #expect(lobby?.getMembers() == .tooOften)
        #expect(lobby?.leave() == .ok)
        world.settle()
        #expect(lobby?.join() == .ok)
        world.settle()
        #expect(lobby?.leave() == .ok)
        world.settle()
        #expect(lobby?.join() == .joinSameChannelTooOften)
        world.sim.run(forMs: 5_000)
        #expect(lobby?.join() == .ok)
        world.check()
    }

    @Test("more than 2 logins per second: LOGIN_ERR_TOO_OFTEN")
    func loginTooOften() {
        let world = World()
        world.client("alice")
        let token = ServerFixture.token("alice")
        #expect(world["alice"].login(token: token, userId: "alice") == .ok)
        #expect(world["alice"].logout() == .ok)
        #expect(world["alice"].login(token: token, userId: "alice") == .ok)
        #expect(world["alice"].logout() == .ok)
        #expect(world["alice"].login(token: token, userId: "alice") == .tooOften)
        world.sim.run(forMs: 1_000)
        #expect(world["alice"].login(token: token, userId: "alice") == .ok)
        world.check()
    }

    @Test("calls before login return *_USER_NOT_LOGGED_IN (102) and nothing is sent (§4.5)")
    func beforeLogin() {
        let world = World()
        world.client("alice")
        let alice = world["alice"]
        var id = 0
        #expect(alice.logout() == .userNotLoggedIn)
        #expect(alice.renewToken("t") == .userNotLoggedIn)
        #expect(alice.sendMessageToPeer("bob", message: RtmMessage(text: "x")) == .userNotLoggedIn)
        #expect(alice.queryPeersOnlineStatus(["bob"], requestId: &id) == .userNotLoggedIn)
        #expect(alice.setLocalUserAttributes([.init(key: "k", value: "v")], requestId: &id) == .userNotLoggedIn)
        #expect(alice.getUserAttributes("bob", requestId: &id) == .userNotLoggedIn)
        #expect(alice.getChannelMemberCount(["lobby"], requestId: &id) == .userNotLoggedIn)
        #expect(alice.setChannelAttributes("lobby", [.init(key: "k", value: "v")], requestId: &id) == .userNotLoggedIn)
        #expect(alice.getChannelAttributes("lobby", requestId: &id) == .userNotLoggedIn)
        let lobby = world.channel("alice", "lobby")  // Allowed before login.
        #expect(lobby != nil)
        #expect(lobby?.join() == .userNotLoggedIn)
        #expect(lobby?.sendMessage(RtmMessage(text: "x")) == .userNotLoggedIn)
        #expect(lobby?.getMembers() == .userNotLoggedIn)
        #expect(alice.getRtmCallManager(nil).createLocalCallInvitation("bob") != nil)  // Allowed before login.
        world.settle()
        #expect(world.take("alice") == [])
        #expect(world.sim.counters.deliveries == 0)
        world.check()
    }
}
