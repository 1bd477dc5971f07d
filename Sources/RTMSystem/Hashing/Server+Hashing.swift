import ModelChecker
import RTMMachines

// The server core's state and timers: every stored field, in declaration order; every enum case a
// tag, then its payload.

extension ServerMachine.State: StateHashable {
    /// Feeds the state's content only. `ServerMachine.State` also stores a derived index (per-user sessions and
    /// channels, per-receiver counts, invitations by callee) that is a function of these five arrays: it is left
    /// out on purpose, as it is left out of `==` and of the `Codable` encoding (so the field-coverage test, which
    /// varies the encoded fields, never sees it). Hashing it would add nothing but time.
    func feed(into h: inout StableHasher) {
        h.feed(sessions)
        h.feed(channels)
        h.feed(offline)
        h.feed(pending)
        h.feed(invitations)
    }
}

extension ServerMachine.Session: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(conn)
        h.feed(user)
        h.feed(linkUp)
    }
}

extension ServerMachine.ChannelRecord: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(id)
        h.feed(members)
    }
}

extension ServerMachine.OfflineMessage: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(to)
        h.feed(from)
        h.feed(messageId)
        h.feed(text)
    }
}

extension ServerMachine.PendingPeerMessage: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(senderConn)
        h.feed(from)
        h.feed(to)
        h.feed(messageId)
        h.feed(text)
        h.feed(offline)
        h.feed(fromStore)
    }
}

extension ServerMachine.ServerTimer: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .grace(let conn):
            h.tag(0)
            h.feed(conn)
        case .invitation(let key, let timer):
            h.tag(1)
            h.feed(key)
            h.feed(timer)
        }
    }
}

extension InvitationServerTimer: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .noAck: h.tag(0)
        case .expire: h.tag(1)
        case .acceptAck: h.tag(2)
        case .purge: h.tag(3)
        }
    }
}

extension InvitationRecord: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(key)
        h.feed(phase)
        h.feed(content)
        h.feed(channelId)
        h.feed(heldOrder)
    }
}

extension InvitationRecord.Phase: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .holding: h.tag(0)
        case .delivered: h.tag(1)
        case .ringing: h.tag(2)
        case .acceptWon: h.tag(3)
        case .ended: h.tag(4)
        }
    }
}
