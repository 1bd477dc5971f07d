import RTMProtocol
import Testing

@testable import RTMMachines

private let A = Instance.alice
private let B = Instance.bob
private let C = Instance.carol

/// Channels: join, leave, channel messages and getMembers, as the channel machine expects them
/// (docs/decisions-channel.md "Wire contract"; rtm-reference §2.2, §3.3, §3.4, §4.3).
@Suite("ServerMachine: channels")
struct ServerChannelTests {
    @Test("Join: the joiner gets joinAccepted(count); others get memberJoined then memberCount, never the joiner")
    func join() {
        var s = ServerScript.threeUsers()
        #expect(s.join(A, "lobby") == [.send(A, .joinAccepted("lobby", memberCount: 1))])
        #expect(
            s.join(B, "lobby") == [
                .send(B, .joinAccepted("lobby", memberCount: 2)),
                .send(A, .memberJoined("lobby", "bob")), .send(A, .memberCount("lobby", 2)),
            ])
        let third = s.join(C, "lobby")
        #expect(serverSent(third, to: C) == [.joinAccepted("lobby", memberCount: 3)])
        #expect(serverSent(third, to: A) == [.memberJoined("lobby", "carol"), .memberCount("lobby", 3)])
        #expect(serverSent(third, to: B) == [.memberJoined("lobby", "carol"), .memberCount("lobby", 3)])
        #expect(s.state.members("lobby") == ["alice", "bob", "carol"])
    }

    @Test("A join from a member is answered with the current count and tells nobody else")
    func joinAgain() {
        var s = ServerScript.lobbyOfThree()
        #expect(s.join(B, "lobby") == [.send(B, .joinAccepted("lobby", memberCount: 3))])
    }

    @Test("A join with no session is refused with JOIN_CHANNEL_ERR_FAILURE, a code the channel machine accepts")
    func joinNotLoggedIn() {
        var s = ServerScript()
        #expect(s.join(A, "lobby") == [.send(A, .joinRejected("lobby", .failure))])
        #expect(s.state.channels.isEmpty)
    }

    @Test("Leave from a member: the others get memberLeft then memberCount; the leaver gets leaveAccepted")
    func leaveMember() {
        var s = ServerScript.lobbyOfThree()
        #expect(
            s.request(B, .leave("lobby")) == [
                .send(A, .memberLeft("lobby", "bob")), .send(A, .memberCount("lobby", 2)),
                .send(C, .memberLeft("lobby", "bob")), .send(C, .memberCount("lobby", 2)),
                .send(B, .leaveAccepted("lobby")),
            ])
        #expect(s.state.members("lobby") == ["alice", "carol"])
    }

    @Test("Every leave is answered with leaveAccepted: member, non-member, or no session at all")
    func leaveAlwaysAnswered() {
        var s = ServerScript.threeUsers()
        #expect(s.request(A, .leave("lobby")) == [.send(A, .leaveAccepted("lobby"))])
        #expect(s.request(Instance.alice2, .leave("lobby")) == [.send(Instance.alice2, .leaveAccepted("lobby"))])
    }

    @Test("The last member's leave removes the channel record")
    func lastLeave() {
        var s = ServerScript.threeUsers()
        s.join(A, "lobby")
        #expect(s.request(A, .leave("lobby")) == [.send(A, .leaveAccepted("lobby"))])
        #expect(s.state.channels.isEmpty)
    }

    @Test("A channel message is acked OK to the sender and delivered to every other member, never echoed (§3.3)")
    func channelMessage() {
        var s = ServerScript.lobbyOfThree()
        s.login(Instance.alice2, "dave")
        let effects = s.request(B, .channelMessage("lobby", messageId: 4, text: "hello"))
        #expect(effects.first == .send(B, .channelMessageAck("lobby", messageId: 4, .ok)))
        #expect(serverSent(effects, to: B) == [.channelMessageAck("lobby", messageId: 4, .ok)])
        #expect(serverSent(effects, to: A) == [.channelMessage("lobby", from: "bob", messageId: 4, text: "hello")])
        #expect(serverSent(effects, to: C) == [.channelMessage("lobby", from: "bob", messageId: 4, text: "hello")])
        #expect(serverSent(effects, to: Instance.alice2).isEmpty)
    }

    @Test("A channel message from a non-member, or with no session, is acked CHANNEL_MESSAGE_ERR_FAILURE")
    func channelMessageNotMember() {
        var s = ServerScript.threeUsers()
        s.join(A, "lobby")
        let hi = ClientRequest.channelMessage("lobby", messageId: 1, text: "hi")
        #expect(s.request(B, hi) == [.send(B, .channelMessageAck("lobby", messageId: 1, .failure))])
        #expect(
            s.request(Instance.alice2, hi) == [
                .send(Instance.alice2, .channelMessageAck("lobby", messageId: 1, .failure))
            ])
    }

    @Test("getMembers returns the members sorted by user ID")
    func getMembers() {
        var s = ServerScript.threeUsers()
        s.join(C, "lobby")
        s.join(A, "lobby")
        s.join(B, "lobby")
        #expect(
            s.request(C, .getMembers("lobby", requestId: 9)) == [
                .send(C, .members("lobby", requestId: 9, ["alice", "bob", "carol"], .ok))
            ])
    }

    @Test("getMembers from a non-member, or with no session, is GET_MEMBERS_ERR_NOT_IN_CHANNEL")
    func getMembersNotInChannel() {
        var s = ServerScript.threeUsers()
        s.join(A, "lobby")
        #expect(
            s.request(B, .getMembers("lobby", requestId: 1)) == [
                .send(B, .members("lobby", requestId: 1, [], .notInChannel))
            ])
        #expect(
            s.request(Instance.alice2, .getMembers("lobby", requestId: 2)) == [
                .send(Instance.alice2, .members("lobby", requestId: 2, [], .notInChannel))
            ])
    }

    @Test("getMembers returns at most 512 members (§4.3)")
    func getMembersLimit() {
        // 600 sessions all in one channel: reachable by 600 logins and joins, built directly to keep the test fast.
        let users = (0..<600).map { "u\(1000 + $0)" }
        var state = Server.initialState
        state.sessions = users.enumerated().map {
            Server.Session(conn: ConnectionID($0.offset), user: $0.element, linkUp: true)
        }
        state.channels = [Server.ChannelRecord(id: "big", members: users)]
        let step = Server.step(state, .requestReceived(ConnectionID(0), .getMembers("big", requestId: 1)))
        #expect(step.effects == [.send(ConnectionID(0), .members("big", requestId: 1, Array(users.prefix(512)), .ok))])
        #expect(Server.getMembersLimit == 512)
    }
}
