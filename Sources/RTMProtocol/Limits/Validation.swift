/// The argument checks each RTM API makes before it does anything, returning the code the SDK returns.
///
/// Every function is pure and returns the API's `…_OK` value when the arguments pass. Per rtm-reference §0
/// decision 2, a failing check is returned synchronously and no callback follows. State and rate checks are
/// not here: the machines and `RateLimiter` make those.
///
/// ```swift
/// Validation.loginUserId("alice")                          // .ok
/// Validation.loginUserId("null")                           // .invalidArgument
/// Validation.peerMessage(peerId: "bob", text: "hi")        // .ok
/// Validation.channelMessage(text: String(repeating: "x", count: 32 * 1024 + 1))   // .invalidMessage
/// ```
///
/// Implements rtm-reference §4.1–4.3; the choices where §4 is silent are in docs/decisions-protocol.md.
public enum Validation {
    // MARK: Login and messages

    /// `login(token, userId)`: `LOGIN_ERR_INVALID_ARGUMENT` for a bad user ID.
    public static func loginUserId(_ userId: String) -> LoginErrCode {
        IdentifierRules.userId(userId) == nil ? .ok : .invalidArgument
    }

    /// `sendMessageToPeer(peerId, message)` with a text message: `PEER_MESSAGE_ERR_INVALID_USERID` for a bad peer
    /// ID (checked first), `PEER_MESSAGE_ERR_INVALID_MESSAGE` for text over 32 KB. Empty text is allowed.
    public static func peerMessage(peerId: String, text: String) -> PeerMessageErrCode {
        peerMessage(peerId: peerId, messageBytes: text.utf8.count)
    }

    /// `sendMessageToPeer` with a message of `messageBytes` bytes (a raw message: description plus data).
    public static func peerMessage(peerId: String, messageBytes: Int) -> PeerMessageErrCode {
        if IdentifierRules.userId(peerId) != nil { return .invalidUserId }
        if messageBytes > RTMLimits.maxMessageBytes { return .invalidMessage }
        return .ok
    }

    /// `IChannel::sendMessage` with a text message: `CHANNEL_MESSAGE_ERR_INVALID_MESSAGE` over 32 KB.
    public static func channelMessage(text: String) -> ChannelMessageErrCode {
        channelMessage(messageBytes: text.utf8.count)
    }

    /// `IChannel::sendMessage` with a message of `messageBytes` bytes (a raw message: description plus data).
    public static func channelMessage(messageBytes: Int) -> ChannelMessageErrCode {
        messageBytes > RTMLimits.maxMessageBytes ? .invalidMessage : .ok
    }

    // MARK: Channels

    /// `createChannel(channelId)` returns no channel (`nullptr`) when this is `false`.
    public static func isValidChannelId(_ channelId: String) -> Bool {
        IdentifierRules.channelId(channelId) == nil
    }

    /// `IChannel::join()` on a channel with this ID: `JOIN_CHANNEL_ERR_INVALID_ARGUMENT` for a bad channel ID.
    public static func joinChannel(channelId: String) -> JoinChannelErr {
        isValidChannelId(channelId) ? .ok : .invalidArgument
    }

    /// `getChannelMemberCount(channelIds)`: `GET_CHANNEL_MEMBER_COUNT_ERR_EXCEED_LIMIT` for more than 32
    /// channels, `GET_CHANNEL_MEMBER_COUNT_ERR_INVALID_ARGUMENT` for an empty list or a bad channel ID.
    public static func channelMemberCount(channelIds: [String]) -> GetChannelMemberCountErrCode {
        if channelIds.count > RTMLimits.maxChannelsPerMemberCountQuery { return .exceedLimit }
        if channelIds.isEmpty || !channelIds.allSatisfy(isValidChannelId) { return .invalidArgument }
        return .ok
    }

    // MARK: Peers

    /// `queryPeersOnlineStatus(peerIds)`: `QUERY_PEERS_ONLINE_STATUS_ERR_INVALID_ARGUMENT` for an empty list,
    /// more than 256 peers, or a bad peer ID.
    public static func queryPeersOnlineStatus(peerIds: [String]) -> QueryPeersOnlineStatusErr {
        if peerIds.isEmpty || peerIds.count > RTMLimits.maxPeersPerOnlineStatusQuery { return .invalidArgument }
        return peerIds.allSatisfy { IdentifierRules.userId($0) == nil } ? .ok : .invalidArgument
    }

    /// `subscribePeersOnlineStatus(peerIds)` while `alreadySubscribed` holds the current subscriptions:
    /// `PEER_SUBSCRIPTION_STATUS_ERR_INVALID_ARGUMENT` for an empty list or a bad peer ID,
    /// `PEER_SUBSCRIPTION_STATUS_ERR_OVERFLOW` for more than 512 peers in the call or subscribed afterwards.
    public static func subscribePeers(
        _ peerIds: [String],
        alreadySubscribed: Set<String>
    ) -> PeerSubscriptionStatusErr {
        if peerIds.isEmpty || !peerIds.allSatisfy({ IdentifierRules.userId($0) == nil }) { return .invalidArgument }
        if peerIds.count > RTMLimits.maxPeersPerSubscribeCall { return .overflow }
        if alreadySubscribed.union(peerIds).count > RTMLimits.maxSubscribedPeers { return .overflow }
        return .ok
    }

    /// `unsubscribePeersOnlineStatus(peerIds)`: `PEER_SUBSCRIPTION_STATUS_ERR_INVALID_ARGUMENT` for an empty
    /// list or a bad peer ID.
    public static func unsubscribePeers(_ peerIds: [String]) -> PeerSubscriptionStatusErr {
        if peerIds.isEmpty || !peerIds.allSatisfy({ IdentifierRules.userId($0) == nil }) { return .invalidArgument }
        return .ok
    }

    // MARK: Call invitations

    /// `sendLocalInvitation` with this callee, content and channel ID: `INVITATION_API_CALL_ERR_INVALID_ARGUMENT`
    /// for a bad callee ID, content over 8 KB, or a channel ID over 64 bytes. An empty channel ID means none.
    public static func localInvitation(calleeId: String, content: String, channelId: String)
        -> InvitationApiCallErrCode
    {
        if IdentifierRules.userId(calleeId) != nil { return .invalidArgument }
        if IdentifierRules.size(of: content, maxBytes: RTMLimits.maxInvitationContentBytes) != nil {
            return .invalidArgument
        }
        if IdentifierRules.size(of: channelId, maxBytes: RTMLimits.maxInvitationChannelIdBytes) != nil {
            return .invalidArgument
        }
        return .ok
    }

    /// `acceptRemoteInvitation` / `refuseRemoteInvitation` with this response:
    /// `INVITATION_API_CALL_ERR_INVALID_ARGUMENT` over 8 KB.
    public static func invitationResponse(_ response: String) -> InvitationApiCallErrCode {
        IdentifierRules.size(of: response, maxBytes: RTMLimits.maxInvitationResponseBytes) == nil
            ? .ok : .invalidArgument
    }
}
