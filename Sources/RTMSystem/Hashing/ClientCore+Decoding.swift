import ModelChecker
import RTMMachines

// One client core and the machines it composes, read back in the order ClientCore+Hashing.swift
// feeds them: every stored field in declaration order; every enum case by its tag, then its payload.

extension ClientCore: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(
            userId: try d.optional(), token: try d.string(), connection: try d.decode(), channels: try d.array(),
            locals: try d.array(), remotes: try d.array(), pendingPeerMessages: try d.array(),
            receivedPeerMessages: try d.array(), nextMessageId: try d.int(), nextRequestId: try d.int(),
            nextInvitationSerial: try d.int())
    }
}

extension ClientCore.ChannelSlot: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(id: try d.string(), machine: try d.decode())
    }
}

extension ClientCore.LocalSlot: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(key: try d.decode(), machine: try d.decode(), content: try d.string(), channelId: try d.string())
    }
}

extension ClientCore.RemoteSlot: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(
            key: try d.decode(), machine: try d.decode(), content: try d.string(), channelId: try d.string(),
            response: try d.string())
    }
}

extension ClientCore.ReceivedMessage: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(from: try d.string(), messageId: try d.int())
    }
}

extension ClientCore.Timer: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 5) {
        case 0: self = .connection(try d.decode())
        case 1: self = .channel(try d.string(), try d.decode())
        case 2: self = .local(try d.decode(), try d.decode())
        case 3: self = .remote(try d.decode(), try d.decode())
        case 4: self = .peerMessage(messageId: try d.int())
        default: throw d.unknownTag("ClientCore.Timer")
        }
    }
}

extension ConnectionMachine.State: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 8) {
        case 0: self = .disconnected
        case 1: self = .connecting
        case 2: self = .connected(.up)
        case 3: self = .connected(.lost)
        case 4: self = .reconnecting(.waitingForLink)
        case 5: self = .reconnecting(.reloginSent)
        case 6: self = .reconnecting(.awaitingToken)
        case 7: self = .aborted
        default: throw d.unknownTag("ConnectionMachine.State")
        }
    }
}

extension ConnectionMachine.Timer: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 2) {
        case 0: self = .login
        case 1: self = .interruption
        default: throw d.unknownTag("ConnectionMachine.Timer")
        }
    }
}

extension ChannelMembershipMachine.State: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(try d.decode(), messages: try d.array(), memberQueries: try d.array())
    }
}

extension ChannelMembershipMachine.Timer: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 3) {
        case 0: self = .join
        case 1: self = .message(messageId: try d.int())
        case 2: self = .getMembers(requestId: try d.int())
        default: throw d.unknownTag("ChannelMembershipMachine.Timer")
        }
    }
}

extension LocalInvitationMachine.State: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 9) {
        case 0: self = .idle
        case 1: self = .sentToRemote(calleeOffline: try d.bool(), cancelRequested: try d.bool())
        case 2: self = .receivedByRemote(cancelRequested: try d.bool())
        case 3: self = .acceptedByRemote
        case 4: self = .refusedByRemote
        case 5: self = .canceled
        case 6: self = .failure(try d.decode())
        case 7: self = .gaveUp(try d.decode())
        case 8: self = .failedNotLoggedIn
        default: throw d.unknownTag("LocalInvitationMachine.State")
        }
    }
}

extension LocalInvitationMachine.Timer: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 2) {
        case 0: self = .noAck
        case 1: self = .expiry
        default: throw d.unknownTag("LocalInvitationMachine.Timer")
        }
    }
}

extension RemoteInvitationMachine.State: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 8) {
        case 0: self = .idle
        case 1: self = .invitationReceived(refuseRequested: try d.bool())
        case 2: self = .acceptSentToLocal
        case 3: self = .refused
        case 4: self = .accepted
        case 5: self = .canceled
        case 6: self = .failure(try d.decode())
        case 7: self = .gaveUp(try d.decode())
        default: throw d.unknownTag("RemoteInvitationMachine.State")
        }
    }
}

extension RemoteInvitationMachine.Timer: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 2) {
        case 0: self = .expiry
        case 1: self = .acceptAck
        default: throw d.unknownTag("RemoteInvitationMachine.Timer")
        }
    }
}
