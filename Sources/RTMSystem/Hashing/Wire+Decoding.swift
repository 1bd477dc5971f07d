import ModelChecker
import RTMMachines

// The messages in flight and the identifiers they carry, read back in the order Wire+Hashing.swift
// feeds them: every enum case by its tag, then its payload in declaration order.

extension ConnectionID: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) { self.init(try d.int()) }
}

extension InvitationKey: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(caller: try d.string(), callee: try d.string(), serial: try d.int())
    }
}

extension ClientRequest: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 10) {
        case 0: self = .login(user: try d.string(), tokenVerdict: try d.decode())
        case 1: self = .relogin(user: try d.string(), channels: try d.array())
        case 2: self = .logout
        case 3: self = .join(try d.string())
        case 4: self = .leave(try d.string())
        case 5: self = .channelMessage(try d.string(), messageId: try d.int(), text: try d.string())
        case 6: self = .getMembers(try d.string(), requestId: try d.int())
        case 7:
            self = .peerMessage(to: try d.string(), messageId: try d.int(), text: try d.string(), offline: try d.bool())
        case 8: self = .peerMessageAck(from: try d.string(), messageId: try d.int())
        case 9: self = .invitation(try d.decode(), try d.decode())
        default: throw d.unknownTag("ClientRequest")
        }
    }
}

extension InvitationRequest: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 7) {
        case 0: self = .invite(content: try d.string(), channelId: try d.string())
        case 1: self = .cancel
        case 2: self = .acceptAck
        case 3: self = .receivedAck
        case 4: self = .accept(response: try d.string())
        case 5: self = .refuse(response: try d.string())
        case 6: self = .abandon
        default: throw d.unknownTag("InvitationRequest")
        }
    }
}

extension ServerMessage: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 16) {
        case 0: self = .loginAccepted
        case 1: self = .loginRejected(try d.decode())
        case 2: self = .reloginAccepted
        case 3: self = .kicked(try d.decode())
        case 4: self = .joinAccepted(try d.string(), memberCount: try d.int())
        case 5: self = .joinRejected(try d.string(), try d.decode())
        case 6: self = .leaveAccepted(try d.string())
        case 7: self = .memberJoined(try d.string(), try d.string())
        case 8: self = .memberLeft(try d.string(), try d.string())
        case 9: self = .memberCount(try d.string(), try d.int())
        case 10:
            self = .channelMessage(try d.string(), from: try d.string(), messageId: try d.int(), text: try d.string())
        case 11: self = .channelMessageAck(try d.string(), messageId: try d.int(), try d.decode())
        case 12: self = .members(try d.string(), requestId: try d.int(), try d.array(), try d.decode())
        case 13:
            self = .peerMessage(
                from: try d.string(), messageId: try d.int(), text: try d.string(), isOffline: try d.bool())
        case 14: self = .peerMessageResult(messageId: try d.int(), try d.decode())
        case 15: self = .invitation(try d.decode(), try d.decode())
        default: throw d.unknownTag("ServerMessage")
        }
    }
}

extension InvitationNotice: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 10) {
        case 0: self = .invite(content: try d.string(), channelId: try d.string())
        case 1: self = .calleeOffline
        case 2: self = .calleeAck
        case 3: self = .accept(response: try d.string())
        case 4: self = .refuse(response: try d.string())
        case 5: self = .refuseAck
        case 6: self = .callerAck
        case 7: self = .cancel
        case 8: self = .localFailure(try d.decode())
        case 9: self = .remoteFailure(try d.decode())
        default: throw d.unknownTag("InvitationNotice")
        }
    }
}
