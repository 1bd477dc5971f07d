import ModelChecker
import RTMMachines

// The server core's state and timers, read back in the order Server+Hashing.swift feeds them.

extension ServerMachine.State: StateDecodable {
    /// The five content arrays; the index, which the feed leaves out, is derived from them once here
    /// rather than by each successor's step (a stale index is derived again by every copy stepped).
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(
            sessions: try d.array(), channels: try d.array(), offline: try d.array(), pending: try d.array(),
            invitations: try d.array())
    }
}

extension ServerMachine.Session: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(conn: try d.decode(), user: try d.string(), linkUp: try d.bool())
    }
}

extension ServerMachine.ChannelRecord: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(id: try d.string(), members: try d.array())
    }
}

extension ServerMachine.OfflineMessage: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(to: try d.string(), from: try d.string(), messageId: try d.int(), text: try d.string())
    }
}

extension ServerMachine.PendingPeerMessage: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(
            senderConn: try d.optional(), from: try d.string(), to: try d.string(), messageId: try d.int(),
            text: try d.string(), offline: try d.bool(), fromStore: try d.bool())
    }
}

extension ServerMachine.ServerTimer: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 2) {
        case 0: self = .grace(try d.decode())
        case 1: self = .invitation(try d.decode(), try d.decode())
        default: throw d.unknownTag("ServerMachine.ServerTimer")
        }
    }
}

extension InvitationServerTimer: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 4) {
        case 0: self = .noAck
        case 1: self = .expire
        case 2: self = .acceptAck
        case 3: self = .purge
        default: throw d.unknownTag("InvitationServerTimer")
        }
    }
}

extension InvitationRecord: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(
            key: try d.decode(), phase: try d.decode(), content: try d.string(), channelId: try d.string(),
            heldOrder: try d.int())
    }
}

extension InvitationRecord.Phase: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 5) {
        case 0: self = .holding
        case 1: self = .delivered
        case 2: self = .ringing
        case 3: self = .acceptWon
        case 4: self = .ended
        default: throw d.unknownTag("InvitationRecord.Phase")
        }
    }
}
