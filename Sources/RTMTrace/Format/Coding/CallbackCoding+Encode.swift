import RTMMachines
import RTMProtocol

extension CallbackCoding {
    /// Appends the arguments of `callback` in the format's fixed order (`code` last).
    static func encode(_ callback: RtmCallback, into o: inout JSONObject) {
        switch callback {
        case .onLoginSuccess, .onTokenExpired:
            break
        case .onLoginFailure(let c): o.append("code", name(c))
        case .onLogout(let c): o.append("code", name(c))
        case .onConnectionStateChanged(let state, let reason):
            o.append("state", name(state))
            o.append("reason", name(reason))
        case .onRenewTokenResult(let c): o.append("code", name(c))
        case .onSendMessageResult(let id, let c):
            o.append("messageId", number(id))
            o.append("code", name(c))
        case .onMessageReceivedFromPeer(let peerId, let text, let offline):
            o.append("peerId", .string(peerId))
            o.append("message", .string(text))
            o.append("isOfflineMessage", .bool(offline))
        case .onQueryPeersOnlineStatusResult(let id, let statuses, let c):
            o.append("requestId", number(id))
            o.append("peersStatus", .array(statuses.map(encode)))
            o.append("code", name(c))
        case .onSetLocalUserAttributesResult(let id, let c), .onAddOrUpdateLocalUserAttributesResult(let id, let c),
            .onDeleteLocalUserAttributesResult(let id, let c), .onClearLocalUserAttributesResult(let id, let c),
            .onSetChannelAttributesResult(let id, let c), .onAddOrUpdateChannelAttributesResult(let id, let c),
            .onDeleteChannelAttributesResult(let id, let c), .onClearChannelAttributesResult(let id, let c):
            o.append("requestId", number(id))
            o.append("code", name(c))
        case .onGetUserAttributesResult(let id, let userId, let attributes, let c):
            o.append("requestId", number(id))
            o.append("userId", .string(userId))
            o.append("attributes", CallCoding.encode(attributes))
            o.append("code", name(c))
        case .onGetChannelMemberCountResult(let id, let counts, let c):
            o.append("requestId", number(id))
            o.append("channelMemberCounts", .array(counts.map(encode)))
            o.append("code", name(c))
        case .onGetChannelAttributesResult(let id, let attributes, let c):
            o.append("requestId", number(id))
            o.append("attributes", .array(attributes.map(encode)))
            o.append("code", name(c))
        case .onAttributesUpdated(let channel, let attributes):
            o.append("channelId", .string(channel))
            o.append("attributes", .array(attributes.map(encode)))
        case .onJoinSuccess(let channel):
            o.append("channelId", .string(channel))
        case .onJoinFailure(let channel, let c):
            o.append("channelId", .string(channel))
            o.append("code", name(c))
        case .onLeave(let channel, let c):
            o.append("channelId", .string(channel))
            o.append("code", name(c))
        case .onMemberJoined(let channel, let userId), .onMemberLeft(let channel, let userId):
            o.append("channelId", .string(channel))
            o.append("userId", .string(userId))
        case .onMemberCountUpdated(let channel, let count):
            o.append("channelId", .string(channel))
            o.append("memberCount", number(count))
        case .onMessageReceived(let channel, let userId, let text):
            o.append("channelId", .string(channel))
            o.append("userId", .string(userId))
            o.append("message", .string(text))
        case .onChannelSendMessageResult(let channel, let id, let c):
            o.append("channelId", .string(channel))
            o.append("messageId", number(id))
            o.append("code", name(c))
        case .onGetMembers(let channel, let members, let c):
            o.append("channelId", .string(channel))
            o.append("members", CallCoding.strings(members))
            o.append("code", name(c))
        case .onLocalInvitationReceivedByPeer(let key), .onLocalInvitationCanceled(let key),
            .onRemoteInvitationReceived(let key), .onRemoteInvitationAccepted(let key),
            .onRemoteInvitationRefused(let key), .onRemoteInvitationCanceled(let key):
            o.append("invitation", .string(key.description))
        case .onLocalInvitationAccepted(let key, let response), .onLocalInvitationRefused(let key, let response):
            o.append("invitation", .string(key.description))
            o.append("response", .string(response))
        case .onLocalInvitationFailure(let key, let c):
            o.append("invitation", .string(key.description))
            o.append("code", name(c))
        case .onRemoteInvitationFailure(let key, let c):
            o.append("invitation", .string(key.description))
            o.append("code", name(c))
        }
    }

    private static func name(_ code: some RTMEnum) -> JSONValue { .string(code.sdkName) }
    private static func number(_ value: Int) -> JSONValue { .number(String(value)) }

    private static func encode(_ status: PeerStatus) -> JSONValue {
        var o = JSONObject()
        o.append("peerId", .string(status.peerId))
        o.append("onlineState", name(status.onlineState))
        return .object(o)
    }

    private static func encode(_ count: ChannelMemberCount) -> JSONValue {
        var o = JSONObject()
        o.append("channelId", .string(count.channelId))
        o.append("count", number(count.count))
        return .object(o)
    }

    private static func encode(_ attribute: RtmChannelAttribute) -> JSONValue {
        var o = JSONObject()
        o.append("key", .string(attribute.key))
        o.append("value", .string(attribute.value))
        o.append("lastUpdateUserId", .string(attribute.lastUpdateUserId))
        o.append("lastUpdateTs", .number(String(attribute.lastUpdateTs)))
        return .object(o)
    }
}
