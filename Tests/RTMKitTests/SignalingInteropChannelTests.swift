import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

@Suite struct SignalingInteropChannelTests {
    /// alice (RTM) in "room" with attribute topic=cats; carol (Signaling) logged in.
    static func room() -> (InteropWorld, SignalingClient, SignalingRecorder, RtmService) {
        let world = InteropWorld()
        let alice = world.rtm("alice")
        let channel = alice.createChannel("room", nil)
        channel?.join()
        alice.perform(
            .addOrUpdateChannelAttributes(
                channel: "room", [RtmAttribute(key: "topic", value: "cats")], enableNotificationToChannelMembers: true))
        world.settle()
        _ = world.take(alice)
        let (carol, recorder) = world.signaling("carol")
        return (world, carol, recorder, alice)
    }

    @Test("channelJoin: onChannelJoined, onChannelUserList, then the attribute replay; RTM members see onMemberJoined")
    func join() {
        let (world, carol, recorder, alice) = Self.room()
        carol.channelJoin("room")
        world.settle()
        #expect(
            recorder.take() == [
                .onChannelJoined(channel: "room"),
                .onChannelUserList(accounts: ["alice", "carol"], uids: [0, 0]),
                .onChannelAttrUpdated(channel: "room", name: "topic", value: "cats", type: "update"),
            ])
        #expect(world.take(alice).contains(.onMemberJoined(channel: "room", userId: "carol")))
    }

    @Test("one channel at a time: joining a second channel fails with 300 and leaves the first alone")
    func oneChannel() {
        let (world, carol, recorder, _) = Self.room()
        carol.channelJoin("room")
        world.settle()
        _ = recorder.take()
        carol.channelJoin("other")
        world.settle()
        #expect(recorder.take() == [.onChannelJoinFailed(channel: "other", .joinChannelOther)])
        #expect(world.sim.server.core.members("other").isEmpty)
        #expect(world.sim.server.core.members("room").contains("carol"))
    }

    @Test("channel messages: the Signaling sender receives its own (decision 13), the RTM member gets it; and back")
    func channelMessages() {
        let (world, carol, recorder, alice) = Self.room()
        carol.channelJoin("room")
        world.settle()
        _ = recorder.take()
        _ = world.take(alice)
        carol.messageChannelSend("room", "hello room", "c1")
        world.settle()
        #expect(
            recorder.take() == [
                .onMessageSendSuccess(messageID: "c1"),
                .onMessageChannelReceive(channel: "room", account: "carol", uid: 0, msg: "hello room"),
            ])
        #expect(world.take(alice) == [.onMessageReceived(channel: "room", userId: "carol", text: "hello room")])
        alice.channels["room"]?.sendMessage(RtmMessage(text: "hi carol"))
        world.settle()
        #expect(
            recorder.take() == [.onMessageChannelReceive(channel: "room", account: "alice", uid: 0, msg: "hi carol")])
    }

    @Test("channel attributes written by Signaling and by RTM reach the other side")
    func attributes() {
        let (world, carol, recorder, alice) = Self.room()
        carol.channelJoin("room")
        world.settle()
        _ = recorder.take()
        _ = world.take(alice)
        carol.channelSetAttr("room", "mood", "calm")
        world.settle()
        #expect(
            recorder.take() == [.onChannelAttrUpdated(channel: "room", name: "mood", value: "calm", type: "update")])
        guard
            case .onAttributesUpdated("room", let all)? = world.take(alice).first(where: {
                $0.sdkName == "onAttributesUpdated"
            })
        else {
            Issue.record("alice got no onAttributesUpdated")
            return
        }
        #expect(all.map(\.key).sorted() == ["mood", "topic"])
        alice.perform(.clearChannelAttributes(channel: "room", enableNotificationToChannelMembers: true))
        world.settle()
        #expect(recorder.take() == [.onChannelAttrUpdated(channel: "room", name: "", value: "", type: "clear")])
    }

    @Test("channelQueryUserNum counts RTM and Signaling members; invoke lists them")
    func queryUserNum() {
        let (world, carol, recorder, _) = Self.room()
        carol.channelJoin("room")
        world.settle()
        _ = recorder.take()
        carol.channelQueryUserNum("room")
        carol.invoke(SignalingAdapter.invokeChannelUserList, #"{"name":"room"}"#, "call-1")
        world.settle(ms: 1_500)  // getChannelMemberCount is limited to 1 per second.
        #expect(
            recorder.take() == [
                .onChannelQueryUserNumResult(channel: "room", .success, num: 2),
                .onInvokeRet(callID: "call-1", err: "", resp: #"{"list":[["alice",0],["carol",0]],"num":2}"#),
            ])
    }

    @Test("channelLeave: onChannelLeaved(602); RTM members see onMemberLeft; a new join works")
    func leave() {
        let (world, carol, recorder, alice) = Self.room()
        carol.channelJoin("room")
        world.settle()
        _ = recorder.take()
        _ = world.take(alice)
        carol.channelLeave("room")
        world.settle()
        #expect(recorder.take() == [.onChannelLeaved(channel: "room", .leaveChannelByUser)])
        #expect(world.take(alice).contains(.onMemberLeft(channel: "room", userId: "carol")))
        world.settle(ms: 5_000)  // The same channel is limited to 2 joins per 5 s.
        carol.channelJoin("room")
        world.settle()
        #expect(recorder.take().first == .onChannelJoined(channel: "room"))
    }

    @Test("logout while in a channel: onChannelLeaved(603) then onLogout(101)")
    func logoutInChannel() {
        let (world, carol, recorder, _) = Self.room()
        carol.channelJoin("room")
        world.settle()
        _ = recorder.take()
        carol.logout()
        world.settle()
        #expect(recorder.take() == [.onChannelLeaved(channel: "room", .leaveChannelLogout), .onLogout(.logoutUser)])
    }
}
