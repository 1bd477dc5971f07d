import RTMProtocol

/// What a client sends to the server.
public enum ClientRequest: Hashable, Sendable, Codable {
    /// `login(token, userId)`; the shell has verified the token and passes its verdict
    /// (`.ok`, `.invalidToken`, `.tokenExpired`, …) so the core stays free of cryptography.
    case login(user: UserID, tokenVerdict: LoginErrCode)
    /// The SDK's automatic re-login after a link loss (C6), naming the channels to rejoin.
    case relogin(user: UserID, channels: [ChannelID])
    case logout
    case join(ChannelID)
    case leave(ChannelID)
    case channelMessage(ChannelID, messageId: Int, text: String)
    case getMembers(ChannelID, requestId: Int)
    /// `sendMessageToPeer` with `SendMessageOptions.enableOfflineMessaging`.
    case peerMessage(to: UserID, messageId: Int, text: String, offline: Bool)
    /// The receiver's SDK acknowledges a peer message (so the sender's OK means "the receiver got it").
    case peerMessageAck(from: UserID, messageId: Int)
    /// An invitation request (see docs/invitation-protocol.md).
    case invitation(InvitationKey, InvitationRequest)
}

/// What the server sends to one client.
public enum ServerMessage: Hashable, Sendable, Codable {
    case loginAccepted
    case loginRejected(LoginErrCode)
    case reloginAccepted
    /// Another instance logged in with the same user ID (C8), or the server banned us (C9).
    case kicked(ConnectionChangeReason)
    case joinAccepted(ChannelID, memberCount: Int)
    case joinRejected(ChannelID, JoinChannelErr)
    case leaveAccepted(ChannelID)
    case memberJoined(ChannelID, UserID)
    case memberLeft(ChannelID, UserID)
    case memberCount(ChannelID, Int)
    case channelMessage(ChannelID, from: UserID, messageId: Int, text: String)
    case channelMessageAck(ChannelID, messageId: Int, ChannelMessageErrCode)
    case members(ChannelID, requestId: Int, [UserID], GetMembersErr)
    case peerMessage(from: UserID, messageId: Int, text: String, isOffline: Bool)
    case peerMessageResult(messageId: Int, PeerMessageErrCode)
    case invitation(InvitationKey, InvitationNotice)
}

