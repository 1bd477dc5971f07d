import ModelChecker
import RTMMachines

// One client core and the machines it composes: every stored field, in declaration order; every
// enum case a tag, then its payload.

extension ClientCore: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(userId)
        h.feed(token)
        h.feed(connection)
        h.feed(channels)
        h.feed(locals)
        h.feed(remotes)
        h.feed(pendingPeerMessages)
        h.feed(receivedPeerMessages)
        h.feed(nextMessageId)
        h.feed(nextRequestId)
        h.feed(nextInvitationSerial)
    }
}

extension ClientCore.ChannelSlot: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(id)
        h.feed(machine)
    }
}

extension ClientCore.LocalSlot: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(key)
        h.feed(machine)
        h.feed(content)
        h.feed(channelId)
    }
}

extension ClientCore.RemoteSlot: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(key)
        h.feed(machine)
        h.feed(content)
        h.feed(channelId)
        h.feed(response)
    }
}

extension ClientCore.ReceivedMessage: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(from)
        h.feed(messageId)
    }
}

extension ClientCore.Timer: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .connection(let timer):
            h.tag(0)
            h.feed(timer)
        case .channel(let id, let timer):
            h.tag(1)
            h.feed(id)
            h.feed(timer)
        case .local(let key, let timer):
            h.tag(2)
            h.feed(key)
            h.feed(timer)
        case .remote(let key, let timer):
            h.tag(3)
            h.feed(key)
            h.feed(timer)
        case .peerMessage(let messageId):
            h.tag(4)
            h.feed(messageId)
        }
    }
}

extension ConnectionMachine.State: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .disconnected: h.tag(0)
        case .connecting: h.tag(1)
        case .connected(.up): h.tag(2)
        case .connected(.lost): h.tag(3)
        case .reconnecting(.waitingForLink): h.tag(4)
        case .reconnecting(.reloginSent): h.tag(5)
        case .reconnecting(.awaitingToken): h.tag(6)
        case .aborted: h.tag(7)
        }
    }
}

extension ConnectionMachine.Timer: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .login: h.tag(0)
        case .interruption: h.tag(1)
        }
    }
}

extension ChannelMembershipMachine.State: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(membership)
        h.feed(pendingMessages)
        h.feed(pendingMemberQueries)
    }
}

extension ChannelMembershipMachine.Timer: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .join: h.tag(0)
        case .message(let messageId):
            h.tag(1)
            h.feed(messageId)
        case .getMembers(let requestId):
            h.tag(2)
            h.feed(requestId)
        }
    }
}

extension LocalInvitationMachine.State: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .idle: h.tag(0)
        case .sentToRemote(let calleeOffline, let cancelRequested):
            h.tag(1)
            h.feed(calleeOffline)
            h.feed(cancelRequested)
        case .receivedByRemote(let cancelRequested):
            h.tag(2)
            h.feed(cancelRequested)
        case .acceptedByRemote: h.tag(3)
        case .refusedByRemote: h.tag(4)
        case .canceled: h.tag(5)
        case .failure(let code):
            h.tag(6)
            h.feed(code)
        case .gaveUp(let code):
            h.tag(7)
            h.feed(code)
        case .failedNotLoggedIn: h.tag(8)
        }
    }
}

extension LocalInvitationMachine.Timer: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .noAck: h.tag(0)
        case .expiry: h.tag(1)
        }
    }
}

extension RemoteInvitationMachine.State: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .idle: h.tag(0)
        case .invitationReceived(let refuseRequested):
            h.tag(1)
            h.feed(refuseRequested)
        case .acceptSentToLocal: h.tag(2)
        case .refused: h.tag(3)
        case .accepted: h.tag(4)
        case .canceled: h.tag(5)
        case .failure(let code):
            h.tag(6)
            h.feed(code)
        case .gaveUp(let code):
            h.tag(7)
            h.feed(code)
        }
    }
}

extension RemoteInvitationMachine.Timer: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .expiry: h.tag(0)
        case .acceptAck: h.tag(1)
        }
    }
}
