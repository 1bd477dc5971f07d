import ModelChecker
import RTMMachines

// The messages in flight and the identifiers they carry: every enum case a tag, then its payload in
// declaration order.

extension ConnectionID: StateHashable {
    func feed(into h: inout StableHasher) { h.feed(raw) }
}

extension InvitationKey: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(caller)
        h.feed(callee)
        h.feed(serial)
    }
}

extension ClientRequest: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .login(let user, let tokenVerdict):
            h.tag(0)
            h.feed(user)
            h.feed(tokenVerdict)
        case .relogin(let user, let channels):
            h.tag(1)
            h.feed(user)
            h.feed(channels)
        case .logout: h.tag(2)
        case .join(let channel):
            h.tag(3)
            h.feed(channel)
        case .leave(let channel):
            h.tag(4)
            h.feed(channel)
        case .channelMessage(let channel, let messageId, let text):
            h.tag(5)
            h.feed(channel)
            h.feed(messageId)
            h.feed(text)
        case .getMembers(let channel, let requestId):
            h.tag(6)
            h.feed(channel)
            h.feed(requestId)
        case .peerMessage(let to, let messageId, let text, let offline):
            h.tag(7)
            h.feed(to)
            h.feed(messageId)
            h.feed(text)
            h.feed(offline)
        case .peerMessageAck(let from, let messageId):
            h.tag(8)
            h.feed(from)
            h.feed(messageId)
        case .invitation(let key, let request):
            h.tag(9)
            h.feed(key)
            h.feed(request)
        }
    }
}

extension InvitationRequest: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .invite(let content, let channelId):
            h.tag(0)
            h.feed(content)
            h.feed(channelId)
        case .cancel: h.tag(1)
        case .acceptAck: h.tag(2)
        case .receivedAck: h.tag(3)
        case .accept(let response):
            h.tag(4)
            h.feed(response)
        case .refuse(let response):
            h.tag(5)
            h.feed(response)
        case .abandon: h.tag(6)
        }
    }
}

extension ServerMessage: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .loginAccepted: h.tag(0)
        case .loginRejected(let code):
            h.tag(1)
            h.feed(code)
        case .reloginAccepted: h.tag(2)
        case .kicked(let reason):
            h.tag(3)
            h.feed(reason)
        case .joinAccepted(let channel, let memberCount):
            h.tag(4)
            h.feed(channel)
            h.feed(memberCount)
        case .joinRejected(let channel, let code):
            h.tag(5)
            h.feed(channel)
            h.feed(code)
        case .leaveAccepted(let channel):
            h.tag(6)
            h.feed(channel)
        case .memberJoined(let channel, let user):
            h.tag(7)
            h.feed(channel)
            h.feed(user)
        case .memberLeft(let channel, let user):
            h.tag(8)
            h.feed(channel)
            h.feed(user)
        case .memberCount(let channel, let count):
            h.tag(9)
            h.feed(channel)
            h.feed(count)
        case .channelMessage(let channel, let from, let messageId, let text):
            h.tag(10)
            h.feed(channel)
            h.feed(from)
            h.feed(messageId)
            h.feed(text)
        case .channelMessageAck(let channel, let messageId, let code):
            h.tag(11)
            h.feed(channel)
            h.feed(messageId)
            h.feed(code)
        case .members(let channel, let requestId, let members, let code):
            h.tag(12)
            h.feed(channel)
            h.feed(requestId)
            h.feed(members)
            h.feed(code)
        case .peerMessage(let from, let messageId, let text, let isOffline):
            h.tag(13)
            h.feed(from)
            h.feed(messageId)
            h.feed(text)
            h.feed(isOffline)
        case .peerMessageResult(let messageId, let code):
            h.tag(14)
            h.feed(messageId)
            h.feed(code)
        case .invitation(let key, let notice):
            h.tag(15)
            h.feed(key)
            h.feed(notice)
        }
    }
}

extension InvitationNotice: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .invite(let content, let channelId):
            h.tag(0)
            h.feed(content)
            h.feed(channelId)
        case .calleeOffline: h.tag(1)
        case .calleeAck: h.tag(2)
        case .accept(let response):
            h.tag(3)
            h.feed(response)
        case .refuse(let response):
            h.tag(4)
            h.feed(response)
        case .refuseAck: h.tag(5)
        case .callerAck: h.tag(6)
        case .cancel: h.tag(7)
        case .localFailure(let code):
            h.tag(8)
            h.feed(code)
        case .remoteFailure(let code):
            h.tag(9)
            h.feed(code)
        }
    }
}
