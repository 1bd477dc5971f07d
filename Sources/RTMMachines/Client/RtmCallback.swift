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
    // IRtmServiceEventHandler: online status, user attributes, member counts, channel attributes
    case onQueryPeersOnlineStatusResult(requestId: Int, statuses: [PeerStatus], QueryPeersOnlineStatusErr)
    case onSetLocalUserAttributesResult(requestId: Int, AttributeOperationErr)
    case onAddOrUpdateLocalUserAttributesResult(requestId: Int, AttributeOperationErr)
    case onDeleteLocalUserAttributesResult(requestId: Int, AttributeOperationErr)
    case onClearLocalUserAttributesResult(requestId: Int, AttributeOperationErr)
    case onGetUserAttributesResult(requestId: Int, userId: UserID, attributes: [RtmAttribute], AttributeOperationErr)
    case onGetChannelMemberCountResult(requestId: Int, counts: [ChannelMemberCount], GetChannelMemberCountErrCode)
    case onSetChannelAttributesResult(requestId: Int, AttributeOperationErr)
    case onAddOrUpdateChannelAttributesResult(requestId: Int, AttributeOperationErr)
    case onDeleteChannelAttributesResult(requestId: Int, AttributeOperationErr)
    case onClearChannelAttributesResult(requestId: Int, AttributeOperationErr)
    case onGetChannelAttributesResult(requestId: Int, attributes: [RtmChannelAttribute], AttributeOperationErr)
    // IChannelEventHandler (§3.3, §3.4)
    case onAttributesUpdated(channel: ChannelID, attributes: [RtmChannelAttribute])
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
        case .onQueryPeersOnlineStatusResult: "onQueryPeersOnlineStatusResult"
        case .onSetLocalUserAttributesResult: "onSetLocalUserAttributesResult"
        case .onAddOrUpdateLocalUserAttributesResult: "onAddOrUpdateLocalUserAttributesResult"
        case .onDeleteLocalUserAttributesResult: "onDeleteLocalUserAttributesResult"
        case .onClearLocalUserAttributesResult: "onClearLocalUserAttributesResult"
        case .onGetUserAttributesResult: "onGetUserAttributesResult"
        case .onGetChannelMemberCountResult: "onGetChannelMemberCountResult"
        case .onSetChannelAttributesResult: "onSetChannelAttributesResult"
        case .onAddOrUpdateChannelAttributesResult: "onAddOrUpdateChannelAttributesResult"
        case .onDeleteChannelAttributesResult: "onDeleteChannelAttributesResult"
        case .onClearChannelAttributesResult: "onClearChannelAttributesResult"
        case .onGetChannelAttributesResult: "onGetChannelAttributesResult"
        case .onAttributesUpdated: "onAttributesUpdated"
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
        case .onQueryPeersOnlineStatusResult(let id, let statuses, let c):
            "\(sdkName)(\(id), [\(statuses.map { "\($0.peerId): \($0.onlineState)" }.joined(separator: ", "))], \(c))"
        case .onSetLocalUserAttributesResult(let id, let c), .onAddOrUpdateLocalUserAttributesResult(let id, let c),
            .onDeleteLocalUserAttributesResult(let id, let c), .onClearLocalUserAttributesResult(let id, let c),
            .onSetChannelAttributesResult(let id, let c), .onAddOrUpdateChannelAttributesResult(let id, let c),
            .onDeleteChannelAttributesResult(let id, let c), .onClearChannelAttributesResult(let id, let c):
            "\(sdkName)(\(id), \(c))"
        case .onGetUserAttributesResult(let id, let user, let attrs, let c):
            "\(sdkName)(\(id), \(user), [\(attrs.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: ", "))], \(c))"
        case .onGetChannelMemberCountResult(let id, let counts, let c):
            "\(sdkName)(\(id), [\(counts.map { "\($0.channelId): \($0.count)" }.joined(separator: ", "))], \(c))"
        case .onGetChannelAttributesResult(let id, let attrs, let c):
            "\(sdkName)(\(id), [\(attrs.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: ", "))], \(c))"
        case .onAttributesUpdated(let ch, let attrs):
            "\(ch).\(sdkName)([\(attrs.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: ", "))])"
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

/// `PeerOnlineStatus{peerId, onlineState}` (§1.13).
public struct PeerStatus: Hashable, Sendable, Codable {
    public var peerId: UserID
    public var onlineState: PeerOnlineState
    public init(peerId: UserID, onlineState: PeerOnlineState) {
        self.peerId = peerId
        self.onlineState = onlineState
    }
}

/// `RtmAttribute{key, value}` (§1.18).
public struct RtmAttribute: Hashable, Sendable, Codable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// `IRtmChannelAttribute`: key, value, lastUpdateUserId, lastUpdateTs (ms) (§1.18).
public struct RtmChannelAttribute: Hashable, Sendable, Codable {
    public var key: String
    public var value: String
    public var lastUpdateUserId: UserID
    public var lastUpdateTs: Int64
    public init(key: String, value: String, lastUpdateUserId: UserID, lastUpdateTs: Int64) {
        self.key = key
        self.value = value
        self.lastUpdateUserId = lastUpdateUserId
        self.lastUpdateTs = lastUpdateTs
    }
}

/// `ChannelMemberCount{channelId, count}` (§1.15).
public struct ChannelMemberCount: Hashable, Sendable, Codable {
    public var channelId: ChannelID
    public var count: Int
    public init(channelId: ChannelID, count: Int) {
        self.channelId = channelId
        self.count = count
    }
}
