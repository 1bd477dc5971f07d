import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

@Suite struct SignalingChannelTests {
    @Test("channelJoin: onChannelJoined, then onChannelUserList, then one onChannelAttrUpdated(update) per attribute")
    func joinSequence() {
        var h = SignalingHarness.loggedIn()
        #expect(h.perform(.channelJoin(channel: "room")) == [])
        #expect(h.takeCalls() == [.createChannel(channelId: "room"), .join(channel: "room")])
        #expect(h.rtm(.onJoinSuccess(channel: "room")) == [.onChannelJoined(channel: "room")])
        #expect(h.takeCalls() == [.getMembers(channel: "room")])
        #expect(
            h.rtm(.onGetMembers(channel: "room", members: ["alice", "carol"], .ok))
                == [.onChannelUserList(accounts: ["alice", "carol"], uids: [0, 0])])
        #expect(h.takeCalls() == [.getChannelAttributes(channel: "room")])
        let replay = h.rtm(
            .onGetChannelAttributesResult(requestId: h.lastId, attributes: [attr("a", "1"), attr("b", "2")], .ok))
        #expect(
            replay == [
                .onChannelAttrUpdated(channel: "room", name: "a", value: "1", type: "update"),
                .onChannelAttrUpdated(channel: "room", name: "b", value: "2", type: "update"),
            ])
        #expect(h.adapter.channel?.phase == .joined)
    }

    @Test("onChannelUserList lists at most the 200 latest members")
    func userListLimit() {
        var h = SignalingHarness.loggedIn()
        h.perform(.channelJoin(channel: "room"))
        h.rtm(.onJoinSuccess(channel: "room"))
        let members = (0..<250).map { "u\($0)" }
        let fired = h.rtm(.onGetMembers(channel: "room", members: members, .ok))
        #expect(
            fired == [.onChannelUserList(accounts: Array(members.suffix(200)), uids: Array(repeating: 0, count: 200))])
    }

    @Test("one channel at a time: a second channelJoin fails with JOINCHANNEL_E_OTHER without touching RTM")
    func oneChannel() {
        var h = SignalingHarness.joined()
        #expect(
            h.perform(.channelJoin(channel: "other")) == [.onChannelJoinFailed(channel: "other", .joinChannelOther)])
        #expect(h.perform(.channelJoin(channel: "room")) == [.onChannelJoinFailed(channel: "room", .joinChannelOther)])
        #expect(h.takeCalls() == [])
    }

    @Test(
        "channelJoin checks: not logged in 1003; a name invalid for Signaling or RTM 1004",
        arguments: [
            (false, "room", SignalingErrCode.generalNotLogin), (true, "", .generalWrongParam),
            (true, String(repeating: "c", count: 65), .generalWrongParam), (true, "sp ace\u{7}", .generalWrongParam),
        ])
    func joinChecks(loggedIn: Bool, name: String, code: SignalingErrCode) {
        var h = loggedIn ? SignalingHarness.loggedIn() : SignalingHarness()
        #expect(h.perform(.channelJoin(channel: name)) == [.onChannelJoinFailed(channel: name, code)])
        #expect(h.adapter.channel == nil)
    }

    @Test("a join RTM refuses or fails reports onChannelJoinFailed and frees the slot for another join")
    func joinFailure() {
        var h = SignalingHarness.loggedIn()
        h.answers["join"] = .join(.tooOften)
        #expect(h.perform(.channelJoin(channel: "room")) == [.onChannelJoinFailed(channel: "room", .joinChannelOther)])
        #expect(h.takeCalls().last == .releaseChannel(channel: "room"))
        h.answers["join"] = nil
        h.perform(.channelJoin(channel: "room"))
        #expect(
            h.rtm(.onJoinFailure(channel: "room", .timeout)) == [
                .onChannelJoinFailed(channel: "room", .joinChannelOther)
            ])
        #expect(h.adapter.channel == nil)
    }

    @Test("channelLeave: RTM leave, then onChannelLeaved(LEAVECHANNEL_E_BYUSER) and the channel is released")
    func leave() {
        var h = SignalingHarness.joined()
        #expect(h.perform(.channelLeave(channel: "room")) == [])
        #expect(h.takeCalls() == [.leave(channel: "room")])
        #expect(h.rtm(.onLeave(channel: "room", .ok)) == [.onChannelLeaved(channel: "room", .leaveChannelByUser)])
        #expect(h.takeCalls() == [.releaseChannel(channel: "room")])
        #expect(h.adapter.channel == nil)
        #expect(h.perform(.channelLeave(channel: "room")).map(\.sdkName) == ["onError"])
    }

    @Test("members joining and leaving arrive as onChannelUserJoined / onChannelUserLeaved")
    func members() {
        var h = SignalingHarness.joined()
        #expect(
            h.rtm(.onMemberJoined(channel: "room", userId: "bob")) == [.onChannelUserJoined(account: "bob", uid: 0)])
        #expect(h.rtm(.onMemberLeft(channel: "room", userId: "bob")) == [.onChannelUserLeaved(account: "bob", uid: 0)])
        #expect(h.rtm(.onMemberCountUpdated(channel: "room", count: 1)) == [])
    }

    @Test("channelSetAttr / channelDelAttr / channelClearAttr notify the channel's members")
    func attributeWrites() {
        var h = SignalingHarness.joined()
        h.perform(.channelSetAttr(channel: "room", name: "topic", value: "cats"))
        h.perform(.channelDelAttr(channel: "room", name: "topic"))
        h.perform(.channelClearAttr(channel: "room"))
        #expect(
            h.takeCalls() == [
                .addOrUpdateChannelAttributes(
                    channel: "room", [RtmAttribute(key: "topic", value: "cats")],
                    enableNotificationToChannelMembers: true),
                .deleteChannelAttributesByKeys(
                    channel: "room", keys: ["topic"], enableNotificationToChannelMembers: true),
                .clearChannelAttributes(channel: "room", enableNotificationToChannelMembers: true),
            ])
    }

    @Test("RTM's whole-set onAttributesUpdated becomes per-name update / del, and a wipe of ≥ 2 a clear")
    func attributeDiffs() {
        var h = SignalingHarness.joined()
        #expect(
            h.rtm(.onAttributesUpdated(channel: "room", attributes: [attr("a", "1")]))
                == [.onChannelAttrUpdated(channel: "room", name: "a", value: "1", type: "update")])
        #expect(
            h.rtm(.onAttributesUpdated(channel: "room", attributes: [attr("a", "1"), attr("b", "2")]))
                == [.onChannelAttrUpdated(channel: "room", name: "b", value: "2", type: "update")])
        #expect(
            h.rtm(.onAttributesUpdated(channel: "room", attributes: [attr("b", "3")])) == [
                .onChannelAttrUpdated(channel: "room", name: "b", value: "3", type: "update"),
                .onChannelAttrUpdated(channel: "room", name: "a", value: "", type: "del"),
            ])
        #expect(
            h.rtm(.onAttributesUpdated(channel: "room", attributes: [])) == [
                .onChannelAttrUpdated(channel: "room", name: "b", value: "", type: "del")
            ])
        h.rtm(.onAttributesUpdated(channel: "room", attributes: [attr("x", "1"), attr("y", "2")]))
        #expect(
            h.rtm(.onAttributesUpdated(channel: "room", attributes: []))
                == [.onChannelAttrUpdated(channel: "room", name: "", value: "", type: "clear")])
        #expect(h.rtm(.onAttributesUpdated(channel: "other", attributes: [attr("x", "1")])) == [])
    }

    @Test(
        "channelQueryUserNum answers with the member count, 501 on a timeout, 500 on other failures",
        arguments: [
            (GetChannelMemberCountErrCode.ok, SignalingErrCode.success, 3), (.timeout, .queryUserNumTimeout, 0),
            (.failure, .queryUserNumOther, 0),
        ])
    func queryUserNum(code: GetChannelMemberCountErrCode, ecode: SignalingErrCode, num: Int) {
        var h = SignalingHarness.loggedIn()
        h.perform(.channelQueryUserNum(channel: "room"))
        #expect(h.takeCalls() == [.getChannelMemberCount(channelIds: ["room"])])
        let counts = code == .ok ? [ChannelMemberCount(channelId: "room", count: 3)] : []
        #expect(
            h.rtm(.onGetChannelMemberCountResult(requestId: h.lastId, counts: counts, code))
                == [.onChannelQueryUserNumResult(channel: "room", ecode, num: num)])
    }

    @Test("channelQueryUserNum refused by RTM (too often) answers at once with 500")
    func queryUserNumRefused() {
        var h = SignalingHarness.loggedIn()
        h.answers["getChannelMemberCount"] = .getChannelMemberCount(.tooOften, requestId: 0)
        #expect(
            h.perform(.channelQueryUserNum(channel: "room"))
                == [.onChannelQueryUserNumResult(channel: "room", .queryUserNumOther, num: 0)])
    }

    @Test("invoke(channel_query_userlist) lists the members as JSON in onInvokeRet")
    func invokeUserList() {
        var h = SignalingHarness.joined()
        h.perform(.invoke(name: SignalingAdapter.invokeChannelUserList, req: #"{"name":"room"}"#, callID: "c1"))
        #expect(h.takeCalls() == [.getMembers(channel: "room")])
        #expect(
            h.rtm(.onGetMembers(channel: "room", members: ["bob", "carol"], .ok))
                == [.onInvokeRet(callID: "c1", err: "", resp: #"{"list":[["bob",0],["carol",0]],"num":2}"#)])
    }

    @Test("invoke: an unknown name, or a channel we are not in, answers with an error at once")
    func invokeErrors() {
        var h = SignalingHarness.joined()
        #expect(
            h.perform(.invoke(name: "io.agora.signal.nope", req: "{}", callID: "a"))
                == [.onInvokeRet(callID: "a", err: "GENERAL_E_UNKNOWN", resp: "{}")])
        #expect(
            h.perform(.invoke(name: SignalingAdapter.invokeChannelUserList, req: #"{"name":"x"}"#, callID: "b"))
                == [.onInvokeRet(callID: "b", err: "GENERAL_E_FAILED", resp: "{}")])
        #expect(h.takeCalls() == [])
    }

    @Test("the join's user list and an invoke in flight are told apart by request order")
    func memberRequestOrder() {
        var h = SignalingHarness.loggedIn()
        h.perform(.channelJoin(channel: "room"))
        h.rtm(.onJoinSuccess(channel: "room"))
        h.perform(.invoke(name: SignalingAdapter.invokeChannelUserList, req: "{}", callID: "c"))
        #expect(
            h.rtm(.onGetMembers(channel: "room", members: ["carol"], .ok))
                == [.onChannelUserList(accounts: ["carol"], uids: [0])])
        #expect(
            h.rtm(.onGetMembers(channel: "room", members: ["carol"], .ok))
                == [.onInvokeRet(callID: "c", err: "", resp: #"{"list":[["carol",0]],"num":1}"#)])
    }
}
