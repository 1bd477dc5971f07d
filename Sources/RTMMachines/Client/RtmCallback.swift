import RTMProtocol

/// A callback an RTM client receives, named and shaped as the C++ SDK's event handlers
/// (`IRtmServiceEventHandler`, `IChannelEventHandler`, `IRtmCallEventHandler`).
///
/// This is the observable vocabulary shared by the real SDK (RTMKit), the model (RTMSystem) and
/// traces (RTMTrace): a trace line `{"callback":"onLocalInvitationFailure",...}` is one of these.
public enum RtmCallback: Hashable, Sendable, Codable {
    // IRtmServiceEventHandler: connection and token (§3.1)
    case onLoginSuccess
    case onLoginFailure(LoginErrCode)
    case onLogout(LogoutErrCode)
    case onConnectionStateChanged(ConnectionState, ConnectionChangeReason)
    case onTokenExpired
    case onRenewTokenResult(RenewTokenErrCode)
    // IRtmServiceEventHandler: peer messages (§3.2)
    case onSendMessageResult(messageId: Int, PeerMessageErrCode)
    case onMessageReceivedFromPeer(peerId: UserID, text: String, isOffline: Bool)
    // IChannelEventHandler (§3.3, §3.4)
    case onJoinSuccess(channel: ChannelID)
    case onJoinFailure(channel: ChannelID, JoinChannelErr)
    case onLeave(channel: ChannelID, LeaveChannelErr)
    case onMemberJoined(channel: ChannelID, userId: UserID)
    case onMemberLeft(channel: ChannelID, userId: UserID)
    case onMemberCountUpdated(channel: ChannelID, count: Int)
    case onMessageReceived(channel: ChannelID, userId: UserID, text: String)
    case onChannelSendMessageResult(channel: ChannelID, messageId: Int, ChannelMessageErrCode)
    case onGetMembers(channel: ChannelID, members: [UserID], GetMembersErr)
    // IRtmCallEventHandler, caller side (§3.5)
    case onLocalInvitationReceivedByPeer(InvitationKey)
    case onLocalInvitationAccepted(InvitationKey, response: String)
    case onLocalInvitationRefused(InvitationKey, response: String)
    case onLocalInvitationCanceled(InvitationKey)
    case onLocalInvitationFailure(InvitationKey, LocalInvitationErrCode)
    // IRtmCallEventHandler, callee side (§3.5)
    case onRemoteInvitationReceived(InvitationKey)
    case onRemoteInvitationAccepted(InvitationKey)
    case onRemoteInvitationRefused(InvitationKey)
    case onRemoteInvitationCanceled(InvitationKey)
    case onRemoteInvitationFailure(InvitationKey, RemoteInvitationErrCode)

    /// The SDK's callback name. (`IChannelEventHandler::onSendMessageResult` is spelled
    /// `onSendMessageResult` in the SDK; the channel variant is told apart by its `channel` argument.)
    public var sdkName: String {
        switch self {
        case .onLoginSuccess: "onLoginSuccess"
        case .onLoginFailure: "onLoginFailure"
        case .onLogout: "onLogout"
        case .onConnectionStateChanged: "onConnectionStateChanged"
        case .onTokenExpired: "onTokenExpired"
        case .onRenewTokenResult: "onRenewTokenResult"
        case .onSendMessageResult, .onChannelSendMessageResult: "onSendMessageResult"
        case .onMessageReceivedFromPeer: "onMessageReceivedFromPeer"
        case .onJoinSuccess: "onJoinSuccess"
        case .onJoinFailure: "onJoinFailure"
        case .onLeave: "onLeave"
        case .onMemberJoined: "onMemberJoined"
        case .onMemberLeft: "onMemberLeft"
        case .onMemberCountUpdated: "onMemberCountUpdated"
        case .onMessageReceived: "onMessageReceived"
        case .onGetMembers: "onGetMembers"
        case .onLocalInvitationReceivedByPeer: "onLocalInvitationReceivedByPeer"
        case .onLocalInvitationAccepted: "onLocalInvitationAccepted"
        case .onLocalInvitationRefused: "onLocalInvitationRefused"
        case .onLocalInvitationCanceled: "onLocalInvitationCanceled"
        case .onLocalInvitationFailure: "onLocalInvitationFailure"
        case .onRemoteInvitationReceived: "onRemoteInvitationReceived"
        case .onRemoteInvitationAccepted: "onRemoteInvitationAccepted"
        case .onRemoteInvitationRefused: "onRemoteInvitationRefused"
        case .onRemoteInvitationCanceled: "onRemoteInvitationCanceled"
        case .onRemoteInvitationFailure: "onRemoteInvitationFailure"
        }
    }

    /// The callback as the SDK would print it: name and arguments with SDK enum names.
    public var rendered: String {
        switch self {
        case .onLoginSuccess, .onTokenExpired: "\(sdkName)()"
        case .onLoginFailure(let c): "\(sdkName)(\(c))"
        case .onLogout(let c): "\(sdkName)(\(c))"
        case .onConnectionStateChanged(let s, let r): "\(sdkName)(\(s), \(r))"
        case .onRenewTokenResult(let c): "\(sdkName)(\(c))"
        case .onSendMessageResult(let id, let c): "\(sdkName)(\(id), \(c))"
        case .onMessageReceivedFromPeer(let p, let t, let o): "\(sdkName)(\(p), \(quoted(t))\(o ? ", isOfflineMessage" : ""))"
        case .onJoinSuccess(let ch): "\(ch).\(sdkName)()"
        case .onJoinFailure(let ch, let c): "\(ch).\(sdkName)(\(c))"
        case .onLeave(let ch, let c): "\(ch).\(sdkName)(\(c))"
        case .onMemberJoined(let ch, let u): "\(ch).\(sdkName)(\(u))"
        case .onMemberLeft(let ch, let u): "\(ch).\(sdkName)(\(u))"
        case .onMemberCountUpdated(let ch, let n): "\(ch).\(sdkName)(\(n))"
        case .onMessageReceived(let ch, let u, let t): "\(ch).\(sdkName)(\(u), \(quoted(t)))"
        case .onChannelSendMessageResult(let ch, let id, let c): "\(ch).\(sdkName)(\(id), \(c))"
        case .onGetMembers(let ch, let m, let c): "\(ch).\(sdkName)([\(m.joined(separator: ", "))], \(c))"
        case .onLocalInvitationReceivedByPeer(let k), .onLocalInvitationCanceled(let k),
            .onRemoteInvitationReceived(let k), .onRemoteInvitationAccepted(let k), .onRemoteInvitationRefused(let k),
            .onRemoteInvitationCanceled(let k):
            "\(sdkName)(\(k))"
        case .onLocalInvitationAccepted(let k, let r), .onLocalInvitationRefused(let k, let r):
            "\(sdkName)(\(k), \(quoted(r)))"
        case .onLocalInvitationFailure(let k, let c): "\(sdkName)(\(k), \(c))"
        case .onRemoteInvitationFailure(let k, let c): "\(sdkName)(\(k), \(c))"
        }
    }
}

private func quoted(_ s: String) -> String { "\"\(s)\"" }
