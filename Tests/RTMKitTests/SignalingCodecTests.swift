import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

@Suite struct SignalingCodecTests {
    @Test("the endCall message is AgoraRTMLegacyEndcallCompatibleMessagePrefix_<channelId>_<info>")
    func endCallFormat() {
        #expect(
            LegacyCallMessage(.endCall, channelId: "room", info: "bye")?.text
                == "AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_bye")
        #expect(
            LegacyCallMessage(.endCall, channelId: "room", info: "")?.text
                == "AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_")
        #expect(LegacyCallMessage.endCallPrefix == "AgoraRTMLegacyEndcallCompatibleMessagePrefix")
    }

    @Test("info must not contain \"_\", and the channel ID must not be empty (§3.6)")
    func endCallInvalid() {
        #expect(LegacyCallMessage(.endCall, channelId: "room", info: "a_b") == nil)
        #expect(LegacyCallMessage(.endCall, channelId: "", info: "x") == nil)
    }

    @Test(
        "parsing splits at the last \"_\", so channel IDs may contain \"_\"",
        arguments: [
            ("AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_bye", "room", "bye"),
            ("AgoraRTMLegacyEndcallCompatibleMessagePrefix_my_room_", "my_room", ""),
            ("AgoraRTMLegacyEndcallCompatibleMessagePrefix_a__", "a_", ""),
        ])
    func endCallParse(text: String, channel: String, info: String) {
        let parsed = LegacyCallMessage(parsing: text)
        #expect(parsed?.kind == .endCall)
        #expect(parsed?.channelId == channel)
        #expect(parsed?.info == info)
        #expect(parsed?.text == text)
    }

    @Test(
        "texts that are not call messages parse to nil",
        arguments: [
            "hello", "AgoraRTMLegacyEndcallCompatibleMessagePrefix", "AgoraRTMLegacyEndcallCompatibleMessagePrefix_",
            "AgoraRTMLegacyEndcallCompatibleMessagePrefix_room", "AgoraRTMLegacyEndcallCompatibleMessagePrefix__x",
            "xAgoraRTMLegacyEndcallCompatibleMessagePrefix_room_", "RTMCheckSignalingDTMFPrefixroom_1",
        ])
    func notCallMessages(text: String) {
        #expect(LegacyCallMessage(parsing: text) == nil)
    }

    @Test("the DTMF carrier round-trips and is not an endCall")
    func dtmfCarrier() {
        let message = LegacyCallMessage(.dtmf, channelId: "room", info: "*9#")
        #expect(message?.text == "RTMCheckSignalingDTMFPrefix_room_*9#")
        #expect(LegacyCallMessage(parsing: "RTMCheckSignalingDTMFPrefix_room_*9#") == message)
    }

    @Test("JSON strings are escaped; objects keep the given key order")
    func jsonWrite() {
        #expect(SignalingJSON.string("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
        #expect(SignalingJSON.object([("b", "1"), ("a", "é")]) == #"{"b":"1","a":"é"}"#)
    }

    @Test("JSON objects: top-level scalars are read, nested values skipped, non-objects refused")
    func jsonRead() {
        let parsed = SignalingJSON.parseObject(
            #" {"_require_peer_online": 1, "n": {"x": [1, "y"]}, "s": "a\"b", "t": true} "#)
        #expect(parsed?["_require_peer_online"] == .number(1))
        #expect(parsed?["s"] == .string("a\"b"))
        #expect(parsed?["t"] == .bool(true))
        #expect(parsed?["n"] == nil)
        #expect(parsed?["x"] == nil)
        #expect(SignalingJSON.parseObject("") == nil)
        #expect(SignalingJSON.parseObject("[1]") == nil)
        #expect(SignalingJSON.parseObject(#"{"a":1"#) == nil)
        #expect(SignalingJSON.parseObject(#"{"a":1} x"#) == nil)
        #expect(SignalingJSON.parseObject("{}") == [:])
    }

    @Test(
        "_require_peer_online flags: 1, \"1\", true are on; 0, \"0\", false, null are off",
        arguments: [
            ("1", true), ("\"1\"", true), ("true", true), ("0", false), ("\"0\"", false), ("false", false),
            ("null", false),
        ])
    func flags(json: String, on: Bool) {
        #expect(SignalingJSON.parseObject("{\"f\":\(json)}")?["f"]?.isTrueFlag == on)
    }

    @Test("every login failure maps into the LOGIN_E_* range (200–209)", arguments: LoginErrCode.allCases)
    func loginCodesInRange(code: LoginErrCode) {
        #expect((200...209).contains(SignalingCodes.loginFailed(code).rawValue))
    }

    @Test(
        "invitation failures map into INVITE_E_* or GENERAL_E_NOT_LOGIN",
        arguments: LocalInvitationErrCode.allCases.filter { $0 != .ok })
    func inviteCodes(code: LocalInvitationErrCode) {
        let mapped = SignalingCodes.inviteFailed(code).rawValue
        #expect((700...705).contains(mapped) || mapped == 1003)
    }

    @Test("callbacks render with their SDK names and code names")
    func rendering() {
        #expect(
            SignalingCallback.onLoginFailed(.loginTokenWrong).rendered == "onLoginFailed(ecode: LOGIN_E_TOKENWRONG)")
        #expect(
            SignalingCallback.onMessageSendSuccess(messageID: "m").rendered == "onMessageSendSuccess(messageID: \"m\")")
        #expect(SignalingCallback.onReconnected.sdkName == "onReconnected")
        #expect(SignalingCall.channelInviteUser2(channel: "c", account: "a", extra: "").sdkName == "channelInviteUser2")
    }
}
