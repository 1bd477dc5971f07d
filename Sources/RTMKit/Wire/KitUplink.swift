import RTMMachines
import RTMProtocol

/// What an RTMKit client sends to ``RtmServer``: the pure core's requests plus what only the shell handles.
///
/// The core's ``ClientRequest/login(user:tokenVerdict:)`` carries a verdict, not a token, so a client never
/// sends it: it sends ``login(appId:token:userId:)`` with the raw token, the server verifies it against its
/// ``AppRegistry`` (decision 12) and hands the verdict to the core. The same holds for the automatic
/// re-login. A `.core(.login)` or `.core(.relogin)` arriving from the wire is refused (`LOGIN_ERR_REJECTED`).
///
/// Writes of user attributes carry no user ID: the server applies them to the user of the sending session,
/// so a client can only ever change its own attributes.
///
/// Implements rtm-reference §1.13–1.15, §1.18, §4.2–4.3 and decision 12.
public enum KitUplink: Hashable, Sendable, Codable {
    /// `login(token, userId)` on an `IRtmService` initialized with `appId`.
    case login(appId: String, token: String, userId: UserID)
    /// The SDK's automatic re-login after a link loss (C6) with its current token, naming the channels to rejoin.
    case relogin(appId: String, token: String, userId: UserID, channels: [ChannelID])
    /// A request the pure core handles (logout, channels, messages, invitations).
    case core(ClientRequest)
    /// `renewToken(token)`; answered by ``KitDownlink/renewTokenResult(requestId:_:)``.
    case renewToken(token: String, requestId: Int)
    /// `queryPeersOnlineStatus(peerIds, requestId)`.
    case queryPeersOnlineStatus(requestId: Int, peerIds: [UserID])
    /// `set`/`addOrUpdate`/`deleteLocalUserAttributesByKeys`/`clearLocalUserAttributes` on the sender's user.
    case localUserAttributes(requestId: Int, AttributeWrite)
    /// `getUserAttributes(userId, requestId)`.
    case getUserAttributes(requestId: Int, userId: UserID)
    /// `getUserAttributesByKeys(userId, keys, requestId)`.
    case getUserAttributesByKeys(requestId: Int, userId: UserID, keys: [String])
    /// `getChannelMemberCount(channelIds, requestId)`.
    case getChannelMemberCount(requestId: Int, channelIds: [ChannelID])
    /// `set`/`addOrUpdate`/`deleteChannelAttributesByKeys`/`clearChannelAttributes` with
    /// `ChannelAttributeOptions.enableNotificationToChannelMembers`.
    case channelAttributes(
        requestId: Int, channel: ChannelID, AttributeWrite, enableNotificationToChannelMembers: Bool)
    /// `getChannelAttributes(channelId, requestId)`.
    case getChannelAttributes(requestId: Int, channel: ChannelID)
    /// `getChannelAttributesByKeys(channelId, keys, requestId)`.
    case getChannelAttributesByKeys(requestId: Int, channel: ChannelID, keys: [String])

    /// The request's name without its payload, for logs and traces.
    public var label: String {
        switch self {
        case .login: "login"
        case .relogin: "relogin"
        case .core(let request): request.label
        case .renewToken: "renewToken"
        case .queryPeersOnlineStatus: "queryPeersOnlineStatus"
        case .localUserAttributes(_, let write): write.kind.localUserMethod
        case .getUserAttributes: "getUserAttributes"
        case .getUserAttributesByKeys: "getUserAttributesByKeys"
        case .getChannelMemberCount: "getChannelMemberCount"
        case .channelAttributes(_, _, let write, _): write.kind.channelMethod
        case .getChannelAttributes: "getChannelAttributes"
        case .getChannelAttributesByKeys: "getChannelAttributesByKeys"
        }
    }
}

/// One write to a set of attributes (a user's or a channel's), as the SDK's four write calls.
public enum AttributeWrite: Hashable, Sendable, Codable {
    /// Replace all attributes with these.
    case set([RtmAttribute])
    /// Add these, replacing the values of keys that exist.
    case addOrUpdate([RtmAttribute])
    /// Remove the attributes with these keys (absent keys are not an error).
    case deleteByKeys([String])
    /// Remove every attribute.
    case clear

    /// Which of the four calls this is.
    public var kind: AttributeWriteKind {
        switch self {
        case .set: .set
        case .addOrUpdate: .addOrUpdate
        case .deleteByKeys: .deleteByKeys
        case .clear: .clear
        }
    }
}

/// Which attribute write a result answers, so the client picks the matching callback
/// (`onSetLocalUserAttributesResult`, `onDeleteChannelAttributesResult`, …).
public enum AttributeWriteKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// `set…Attributes`.
    case set
    /// `addOrUpdate…Attributes`.
    case addOrUpdate
    /// `delete…AttributesByKeys`.
    case deleteByKeys
    /// `clear…Attributes`.
    case clear

    /// The `IRtmService` method for the local user's attributes.
    public var localUserMethod: String {
        switch self {
        case .set: "setLocalUserAttributes"
        case .addOrUpdate: "addOrUpdateLocalUserAttributes"
        case .deleteByKeys: "deleteLocalUserAttributesByKeys"
        case .clear: "clearLocalUserAttributes"
        }
    }

    /// The `IRtmService` method for a channel's attributes.
    public var channelMethod: String {
        switch self {
        case .set: "setChannelAttributes"
        case .addOrUpdate: "addOrUpdateChannelAttributes"
        case .deleteByKeys: "deleteChannelAttributesByKeys"
        case .clear: "clearChannelAttributes"
        }
    }
}
