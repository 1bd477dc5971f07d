import RTMMachines
import RTMProtocol

/// What ``RtmServer`` sends to one RTMKit client: the pure core's messages plus the answers and pushes of
/// what only the shell handles.
///
/// Each result carries the request's `requestId` (and, for attribute writes, which write it answers), so
/// the client maps it to the SDK callback of the same name (`onQueryPeersOnlineStatusResult`,
/// `onGetChannelAttributesResult`, …).
///
/// Implements rtm-reference §3.1, §3.4, §1.12–1.15.
public enum KitDownlink: Hashable, Sendable, Codable {
    /// A message from the pure core (login answers, channel events, messages, invitations).
    case core(ServerMessage)
    /// A re-login (C6) was refused because the client's token has expired (C15): the SDK fires
    /// `onTokenExpired` and stays RECONNECTING until the app calls `renewToken`.
    case tokenExpired
    /// A re-login was refused for another reason (a token that no longer verifies, an unknown App ID, an
    /// unverified `.core(.relogin)`); the SDK stays RECONNECTING (C7).
    case reloginRejected(LoginErrCode)
    /// The answer to `renewToken` (`onRenewTokenResult`).
    case renewTokenResult(requestId: Int, RenewTokenErrCode)
    /// The answer to `queryPeersOnlineStatus`: one status per queried peer, in query order.
    case peersOnlineStatus(requestId: Int, [PeerStatus], QueryPeersOnlineStatusErr)
    /// The answer to a local user attribute write.
    case localUserAttributesResult(requestId: Int, AttributeWriteKind, AttributeOperationErr)
    /// The answer to `getUserAttributes` / `getUserAttributesByKeys`.
    case userAttributes(requestId: Int, userId: UserID, [RtmAttribute], AttributeOperationErr)
    /// The answer to `getChannelMemberCount`: one count per channel, in query order.
    case channelMemberCounts(requestId: Int, [ChannelMemberCount], GetChannelMemberCountErrCode)
    /// The answer to a channel attribute write.
    case channelAttributesResult(requestId: Int, AttributeWriteKind, AttributeOperationErr)
    /// The answer to `getChannelAttributes` / `getChannelAttributesByKeys`.
    case channelAttributes(requestId: Int, channel: ChannelID, [RtmChannelAttribute], AttributeOperationErr)
    /// A member's push after a write with `enableNotificationToChannelMembers`: all of the channel's
    /// attributes (`onAttributesUpdated`).
    case attributesUpdated(ChannelID, [RtmChannelAttribute])

    /// The message's name without its payload, for logs and traces.
    public var label: String {
        switch self {
        case .core(let message): "core.\(message)".prefix { $0 != "(" }.description
        case .tokenExpired: "tokenExpired"
        case .reloginRejected: "reloginRejected"
        case .renewTokenResult: "renewTokenResult"
        case .peersOnlineStatus: "peersOnlineStatus"
        case .localUserAttributesResult(_, let kind, _): "\(kind.localUserMethod)Result"
        case .userAttributes: "userAttributes"
        case .channelMemberCounts: "channelMemberCounts"
        case .channelAttributesResult(_, let kind, _): "\(kind.channelMethod)Result"
        case .channelAttributes: "channelAttributes"
        case .attributesUpdated: "attributesUpdated"
        }
    }
}
