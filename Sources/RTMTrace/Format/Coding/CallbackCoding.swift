import RTMMachines
import RTMProtocol

/// The JSON form of `callback` lines: `{"actor":…,"callback":<SDK callback>,<SDK parameters>…}`.
///
/// Parameters are named as the C++ event handlers name them, except that every error or result code is
/// `code`, the channel of an `IChannelEventHandler` callback is `channelId`, and the invitation object is
/// `invitation`. `onSendMessageResult` with a `channelId` is the channel's (`IChannelEventHandler`), without
/// one the peer message's (`IRtmServiceEventHandler`).
enum CallbackCoding {
    /// Every callback name a `callback` line may hold.
    static let names: [String] = [
        "onLoginSuccess", "onLoginFailure", "onLogout", "onConnectionStateChanged", "onTokenExpired",
        "onRenewTokenResult", "onSendMessageResult", "onMessageReceivedFromPeer", "onQueryPeersOnlineStatusResult",
        "onSetLocalUserAttributesResult", "onAddOrUpdateLocalUserAttributesResult",
        "onDeleteLocalUserAttributesResult", "onClearLocalUserAttributesResult", "onGetUserAttributesResult",
        "onGetChannelMemberCountResult", "onSetChannelAttributesResult", "onAddOrUpdateChannelAttributesResult",
        "onDeleteChannelAttributesResult", "onClearChannelAttributesResult", "onGetChannelAttributesResult",
        "onAttributesUpdated", "onJoinSuccess", "onJoinFailure", "onLeave", "onMemberJoined", "onMemberLeft",
        "onMemberCountUpdated", "onMessageReceived", "onGetMembers", "onLocalInvitationReceivedByPeer",
        "onLocalInvitationAccepted", "onLocalInvitationRefused", "onLocalInvitationCanceled",
        "onLocalInvitationFailure", "onRemoteInvitationReceived", "onRemoteInvitationAccepted",
        "onRemoteInvitationRefused", "onRemoteInvitationCanceled", "onRemoteInvitationFailure",
    ]

    // MARK: - Decoding

    /// Reads the arguments of callback `name`; nil when no callback has that name.
    static func decode(_ name: String, _ f: inout FieldReader) throws(TraceLineError) -> RtmCallback? {
        switch name {
        case "onLoginSuccess": return .onLoginSuccess
        case "onLoginFailure": return .onLoginFailure(try f.code(LoginErrCode.self, "code"))
        case "onLogout": return .onLogout(try f.code(LogoutErrCode.self, "code"))
        case "onConnectionStateChanged":
            return .onConnectionStateChanged(
                try f.code(ConnectionState.self, "state"), try f.code(ConnectionChangeReason.self, "reason")
            )
        case "onTokenExpired": return .onTokenExpired
        case "onRenewTokenResult": return .onRenewTokenResult(try f.code(RenewTokenErrCode.self, "code"))
        case "onSendMessageResult":
            if let channel = try f.optionalString("channelId") {
                return .onChannelSendMessageResult(
                    channel: channel, messageId: try f.int("messageId"), try f.code(ChannelMessageErrCode.self, "code")
                )
            }
            return .onSendMessageResult(messageId: try f.int("messageId"), try f.code(PeerMessageErrCode.self, "code"))
        case "onMessageReceivedFromPeer":
            return .onMessageReceivedFromPeer(
                peerId: try f.string("peerId"), text: try f.string("message"),
                isOffline: try f.bool("isOfflineMessage", default: false)
            )
        case "onQueryPeersOnlineStatusResult":
            return .onQueryPeersOnlineStatusResult(
                requestId: try f.int("requestId"),
                statuses: try f.objects("peersStatus") { (e: inout FieldReader) throws(TraceLineError) in
                    PeerStatus(
                        peerId: try e.string("peerId"), onlineState: try e.code(PeerOnlineState.self, "onlineState"))
                },
                try f.code(QueryPeersOnlineStatusErr.self, "code")
            )
        case "onSetLocalUserAttributesResult":
            return .onSetLocalUserAttributesResult(requestId: try f.int("requestId"), try attributeCode(&f))
        case "onAddOrUpdateLocalUserAttributesResult":
            return .onAddOrUpdateLocalUserAttributesResult(requestId: try f.int("requestId"), try attributeCode(&f))
        case "onDeleteLocalUserAttributesResult":
            return .onDeleteLocalUserAttributesResult(requestId: try f.int("requestId"), try attributeCode(&f))
        case "onClearLocalUserAttributesResult":
            return .onClearLocalUserAttributesResult(requestId: try f.int("requestId"), try attributeCode(&f))
        case "onGetUserAttributesResult":
            return .onGetUserAttributesResult(
                requestId: try f.int("requestId"), userId: try f.string("userId"),
                attributes: try f.objects("attributes") { (e: inout FieldReader) throws(TraceLineError) in
                    RtmAttribute(key: try e.string("key"), value: try e.string("value"))
                },
                try attributeCode(&f)
            )
        case "onGetChannelMemberCountResult":
            return .onGetChannelMemberCountResult(
                requestId: try f.int("requestId"),
                counts: try f.objects("channelMemberCounts") { (e: inout FieldReader) throws(TraceLineError) in
                    ChannelMemberCount(channelId: try e.string("channelId"), count: try e.int("count"))
                },
                try f.code(GetChannelMemberCountErrCode.self, "code")
            )
        case "onSetChannelAttributesResult":
            return .onSetChannelAttributesResult(requestId: try f.int("requestId"), try attributeCode(&f))
        case "onAddOrUpdateChannelAttributesResult":
            return .onAddOrUpdateChannelAttributesResult(requestId: try f.int("requestId"), try attributeCode(&f))
        case "onDeleteChannelAttributesResult":
            return .onDeleteChannelAttributesResult(requestId: try f.int("requestId"), try attributeCode(&f))
        case "onClearChannelAttributesResult":
            return .onClearChannelAttributesResult(requestId: try f.int("requestId"), try attributeCode(&f))
        case "onGetChannelAttributesResult":
            return .onGetChannelAttributesResult(
                requestId: try f.int("requestId"), attributes: try channelAttributes(&f), try attributeCode(&f)
            )
        case "onAttributesUpdated":
            return .onAttributesUpdated(channel: try f.string("channelId"), attributes: try channelAttributes(&f))
        case "onJoinSuccess": return .onJoinSuccess(channel: try f.string("channelId"))
        case "onJoinFailure":
            return .onJoinFailure(channel: try f.string("channelId"), try f.code(JoinChannelErr.self, "code"))
        case "onLeave": return .onLeave(channel: try f.string("channelId"), try f.code(LeaveChannelErr.self, "code"))
        case "onMemberJoined":
            return .onMemberJoined(channel: try f.string("channelId"), userId: try f.string("userId"))
        case "onMemberLeft": return .onMemberLeft(channel: try f.string("channelId"), userId: try f.string("userId"))
        case "onMemberCountUpdated":
            return .onMemberCountUpdated(channel: try f.string("channelId"), count: try f.int("memberCount"))
        case "onMessageReceived":
            return .onMessageReceived(
                channel: try f.string("channelId"), userId: try f.string("userId"), text: try f.string("message")
            )
        case "onGetMembers":
            return .onGetMembers(
                channel: try f.string("channelId"), members: try f.stringArray("members"),
                try f.code(GetMembersErr.self, "code")
            )
        case "onLocalInvitationReceivedByPeer": return .onLocalInvitationReceivedByPeer(try f.invitation("invitation"))
        case "onLocalInvitationAccepted":
            return .onLocalInvitationAccepted(try f.invitation("invitation"), response: try f.string("response"))
        case "onLocalInvitationRefused":
            return .onLocalInvitationRefused(try f.invitation("invitation"), response: try f.string("response"))
        case "onLocalInvitationCanceled": return .onLocalInvitationCanceled(try f.invitation("invitation"))
        case "onLocalInvitationFailure":
            return .onLocalInvitationFailure(
                try f.invitation("invitation"), try f.code(LocalInvitationErrCode.self, "code"))
        case "onRemoteInvitationReceived": return .onRemoteInvitationReceived(try f.invitation("invitation"))
        case "onRemoteInvitationAccepted": return .onRemoteInvitationAccepted(try f.invitation("invitation"))
        case "onRemoteInvitationRefused": return .onRemoteInvitationRefused(try f.invitation("invitation"))
        case "onRemoteInvitationCanceled": return .onRemoteInvitationCanceled(try f.invitation("invitation"))
        case "onRemoteInvitationFailure":
            return .onRemoteInvitationFailure(
                try f.invitation("invitation"), try f.code(RemoteInvitationErrCode.self, "code")
            )
        default: return nil
        }
    }

    private static func attributeCode(_ f: inout FieldReader) throws(TraceLineError) -> AttributeOperationErr {
        try f.code(AttributeOperationErr.self, "code")
    }

    private static func channelAttributes(_ f: inout FieldReader) throws(TraceLineError) -> [RtmChannelAttribute] {
        try f.objects("attributes") { (e: inout FieldReader) throws(TraceLineError) in
            RtmChannelAttribute(
                key: try e.string("key"), value: try e.string("value"),
                lastUpdateUserId: try e.string("lastUpdateUserId"), lastUpdateTs: Int64(try e.int("lastUpdateTs"))
            )
        }
    }
}
