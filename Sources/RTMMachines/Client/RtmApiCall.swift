import RTMProtocol

/// An RTM API call as the app makes it, named as the C++ SDK's methods (`IRtmService`, `IChannel`,
/// `IRtmCallManager`, `ILocalCallInvitation`, `IRemoteCallInvitation`).
///
/// Shared by the real SDK (RTMKit), the model (RTMSystem) and traces (RTMTrace): a trace line
/// `{"call":"sendLocalInvitation","invitation":"alice->bob#1"}` decodes to one of these.
public enum RtmApiCall: Hashable, Sendable, Codable {
    // IRtmService
    case login(token: String, userId: UserID)
    case logout
    case renewToken(token: String)
    case sendMessageToPeer(peerId: UserID, text: String, enableOfflineMessaging: Bool)
    case queryPeersOnlineStatus(peerIds: [UserID])
    case setLocalUserAttributes([RtmAttribute])
    case addOrUpdateLocalUserAttributes([RtmAttribute])
    case deleteLocalUserAttributesByKeys([String])
    case clearLocalUserAttributes
    case getUserAttributes(userId: UserID)
    case getUserAttributesByKeys(userId: UserID, keys: [String])
    case getChannelMemberCount(channelIds: [ChannelID])
    case setChannelAttributes(channel: ChannelID, [RtmAttribute], enableNotificationToChannelMembers: Bool)
    case addOrUpdateChannelAttributes(channel: ChannelID, [RtmAttribute], enableNotificationToChannelMembers: Bool)
    case deleteChannelAttributesByKeys(channel: ChannelID, keys: [String], enableNotificationToChannelMembers: Bool)
    case clearChannelAttributes(channel: ChannelID, enableNotificationToChannelMembers: Bool)
    case getChannelAttributes(channel: ChannelID)
    case getChannelAttributesByKeys(channel: ChannelID, keys: [String])
    case createChannel(channelId: ChannelID)
    // IChannel
    case join(channel: ChannelID)
    case leave(channel: ChannelID)
    case sendMessage(channel: ChannelID, text: String)
    case getMembers(channel: ChannelID)
    case releaseChannel(channel: ChannelID)
    // IRtmCallManager and the invitation objects
    case createLocalCallInvitation(calleeId: UserID)
    case setContent(InvitationKey, content: String)
    case setChannelId(InvitationKey, channelId: String)
    case setResponse(InvitationKey, response: String)
    case sendLocalInvitation(InvitationKey)
    case cancelLocalInvitation(InvitationKey)
    case acceptRemoteInvitation(InvitationKey)
    case refuseRemoteInvitation(InvitationKey)

    /// The SDK's method name.
    public var sdkName: String {
        switch self {
        case .login: "login"
        case .logout: "logout"
        case .renewToken: "renewToken"
        case .sendMessageToPeer: "sendMessageToPeer"
        case .queryPeersOnlineStatus: "queryPeersOnlineStatus"
        case .setLocalUserAttributes: "setLocalUserAttributes"
        case .addOrUpdateLocalUserAttributes: "addOrUpdateLocalUserAttributes"
        case .deleteLocalUserAttributesByKeys: "deleteLocalUserAttributesByKeys"
        case .clearLocalUserAttributes: "clearLocalUserAttributes"
        case .getUserAttributes: "getUserAttributes"
        case .getUserAttributesByKeys: "getUserAttributesByKeys"
        case .getChannelMemberCount: "getChannelMemberCount"
        case .setChannelAttributes: "setChannelAttributes"
        case .addOrUpdateChannelAttributes: "addOrUpdateChannelAttributes"
        case .deleteChannelAttributesByKeys: "deleteChannelAttributesByKeys"
        case .clearChannelAttributes: "clearChannelAttributes"
        case .getChannelAttributes: "getChannelAttributes"
        case .getChannelAttributesByKeys: "getChannelAttributesByKeys"
        case .createChannel: "createChannel"
        case .join: "join"
        case .leave: "leave"
        case .sendMessage: "sendMessage"
        case .getMembers: "getMembers"
        case .releaseChannel: "release"
        case .createLocalCallInvitation: "createLocalCallInvitation"
        case .setContent: "setContent"
        case .setChannelId: "setChannelId"
        case .setResponse: "setResponse"
        case .sendLocalInvitation: "sendLocalInvitation"
        case .cancelLocalInvitation: "cancelLocalInvitation"
        case .acceptRemoteInvitation: "acceptRemoteInvitation"
        case .refuseRemoteInvitation: "refuseRemoteInvitation"
        }
    }
}

/// What an API call returned synchronously (decision 2), typed by the call's SDK enum.
public enum RtmApiResult: Hashable, Sendable, Codable, CustomStringConvertible {
    case login(LoginErrCode)
    case logout(LogoutErrCode)
    case renewToken(RenewTokenErrCode)
    /// `sendMessageToPeer`: the code and the message ID the SDK assigned.
    case peerMessage(PeerMessageErrCode, messageId: Int)
    case queryPeersOnlineStatus(QueryPeersOnlineStatusErr, requestId: Int)
    case attribute(AttributeOperationErr, requestId: Int)
    case getChannelMemberCount(GetChannelMemberCountErrCode, requestId: Int)
    /// `createChannel`: whether a channel object was returned (false: the SDK returned null).
    case channelCreated(Bool)
    case join(JoinChannelErr)
    case leave(LeaveChannelErr)
    /// `IChannel::sendMessage`: the code and the message ID.
    case channelMessage(ChannelMessageErrCode, messageId: Int)
    case getMembers(GetMembersErr)
    /// `release()` and the other void methods.
    case void
    /// `createLocalCallInvitation`: the new invitation (nil when the SDK returned null).
    case invitationCreated(InvitationKey?)
    case invitation(InvitationApiCallErrCode)

    /// The SDK enum value's name (or `void` / the created object).
    public var description: String {
        switch self {
        case .login(let c): c.sdkName
        case .logout(let c): c.sdkName
        case .renewToken(let c): c.sdkName
        case .peerMessage(let c, _): c.sdkName
        case .queryPeersOnlineStatus(let c, _): c.sdkName
        case .attribute(let c, _): c.sdkName
        case .getChannelMemberCount(let c, _): c.sdkName
        case .channelCreated(let ok): ok ? "IChannel" : "null"
        case .join(let c): c.sdkName
        case .leave(let c): c.sdkName
        case .channelMessage(let c, _): c.sdkName
        case .getMembers(let c): c.sdkName
        case .void: "void"
        case .invitationCreated(let key): key.map { "ILocalCallInvitation(\($0))" } ?? "null"
        case .invitation(let c): c.sdkName
        }
    }

    /// The numeric code (0 for OK), as the C++ method returns it; nil for `void` and created objects.
    public var code: Int? {
        switch self {
        case .login(let c): c.rawValue
        case .logout(let c): c.rawValue
        case .renewToken(let c): c.rawValue
        case .peerMessage(let c, _): c.rawValue
        case .queryPeersOnlineStatus(let c, _): c.rawValue
        case .attribute(let c, _): c.rawValue
        case .getChannelMemberCount(let c, _): c.rawValue
        case .join(let c): c.rawValue
        case .leave(let c): c.rawValue
        case .channelMessage(let c, _): c.rawValue
        case .getMembers(let c): c.rawValue
        case .invitation(let c): c.rawValue
        case .channelCreated, .void, .invitationCreated: nil
        }
    }
}
