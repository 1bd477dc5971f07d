import RTMMachines
import RTMProtocol

/// The app's handler of one ``RtmService``'s events: the SDK's `IRtmServiceEventHandler` (§3.1–3.4).
///
/// Every method has a default that does nothing, so a handler implements only what it needs. Callbacks run
/// on the simulation's single thread, in the order of decision 3, after the API call that caused them returned.
public protocol RtmServiceEventHandler: AnyObject {
    /// The login succeeded (C2); `onConnectionStateChanged(CONNECTED, LOGIN_SUCCESS)` follows.
    func onLoginSuccess()
    /// The login failed (C3, C4, C17); the DISCONNECTED state change follows.
    func onLoginFailure(_ errorCode: LoginErrCode)
    /// The logout completed; the DISCONNECTED state change follows.
    func onLogout(_ errorCode: LogoutErrCode)
    /// The connection state changed (§2.1).
    func onConnectionStateChanged(_ state: ConnectionState, _ reason: ConnectionChangeReason)
    /// The token expired while RECONNECTING (C15): call ``RtmService/renewToken(_:)``.
    func onTokenExpired()
    /// The answer to ``RtmService/renewToken(_:)``.
    func onRenewTokenResult(_ token: String, _ errorCode: RenewTokenErrCode)
    /// The outcome of a peer message: OK means the receiver got it (§3.2).
    func onSendMessageResult(_ messageId: Int, _ errorCode: PeerMessageErrCode)
    /// A peer message arrived.
    func onMessageReceivedFromPeer(_ peerId: UserID, _ message: RtmMessage)
    /// The answer to `queryPeersOnlineStatus`.
    func onQueryPeersOnlineStatusResult(
        _ requestId: Int, _ peersStatus: [PeerStatus], _ errorCode: QueryPeersOnlineStatusErr)
    /// The answer to `setLocalUserAttributes`.
    func onSetLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr)
    /// The answer to `addOrUpdateLocalUserAttributes`.
    func onAddOrUpdateLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr)
    /// The answer to `deleteLocalUserAttributesByKeys`.
    func onDeleteLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr)
    /// The answer to `clearLocalUserAttributes`.
    func onClearLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr)
    /// The answer to `getUserAttributes` / `getUserAttributesByKeys`.
    func onGetUserAttributesResult(
        _ requestId: Int, _ userId: UserID, _ attributes: [RtmAttribute], _ errorCode: AttributeOperationErr)
    /// The answer to `getChannelMemberCount`.
    func onGetChannelMemberCountResult(
        _ requestId: Int, _ channelMemberCounts: [ChannelMemberCount], _ errorCode: GetChannelMemberCountErrCode)
    /// The answer to `setChannelAttributes`.
    func onSetChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr)
    /// The answer to `addOrUpdateChannelAttributes`.
    func onAddOrUpdateChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr)
    /// The answer to `deleteChannelAttributesByKeys`.
    func onDeleteChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr)
    /// The answer to `clearChannelAttributes`.
    func onClearChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr)
    /// The answer to `getChannelAttributes` / `getChannelAttributesByKeys`.
    func onGetChannelAttributesResult(
        _ requestId: Int, _ attributes: [RtmChannelAttribute], _ errorCode: AttributeOperationErr)
}

extension RtmServiceEventHandler {
    public func onLoginSuccess() {}
    public func onLoginFailure(_ errorCode: LoginErrCode) {}
    public func onLogout(_ errorCode: LogoutErrCode) {}
    public func onConnectionStateChanged(_ state: ConnectionState, _ reason: ConnectionChangeReason) {}
    public func onTokenExpired() {}
    public func onRenewTokenResult(_ token: String, _ errorCode: RenewTokenErrCode) {}
    public func onSendMessageResult(_ messageId: Int, _ errorCode: PeerMessageErrCode) {}
    public func onMessageReceivedFromPeer(_ peerId: UserID, _ message: RtmMessage) {}
    public func onQueryPeersOnlineStatusResult(
        _ requestId: Int, _ peersStatus: [PeerStatus], _ errorCode: QueryPeersOnlineStatusErr
    ) {}
    public func onSetLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {}
    public func onAddOrUpdateLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {}
    public func onDeleteLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {}
    public func onClearLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {}
    public func onGetUserAttributesResult(
        _ requestId: Int, _ userId: UserID, _ attributes: [RtmAttribute], _ errorCode: AttributeOperationErr
    ) {}
    public func onGetChannelMemberCountResult(
        _ requestId: Int, _ channelMemberCounts: [ChannelMemberCount], _ errorCode: GetChannelMemberCountErrCode
    ) {}
    public func onSetChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {}
    public func onAddOrUpdateChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {}
    public func onDeleteChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {}
    public func onClearChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {}
    public func onGetChannelAttributesResult(
        _ requestId: Int, _ attributes: [RtmChannelAttribute], _ errorCode: AttributeOperationErr
    ) {}
}

/// The app's handler of one ``RtmChannel``'s events: the SDK's `IChannelEventHandler` (§3.3, §3.4).
///
/// Every method has a default that does nothing.
public protocol RtmChannelEventHandler: AnyObject {
    /// The join succeeded; `onMemberCountUpdated` follows (decision 3).
    func onJoinSuccess()
    /// The join failed (e.g. `JOIN_CHANNEL_TIMEOUT`).
    func onJoinFailure(_ errorCode: JoinChannelErr)
    /// The leave completed.
    func onLeave(_ errorCode: LeaveChannelErr)
    /// Another member sent a channel message (never our own: §3.3).
    func onMessageReceived(_ userId: UserID, _ message: RtmMessage)
    /// The outcome of our channel message: OK means the server received it.
    func onSendMessageResult(_ messageId: Int, _ state: ChannelMessageErrCode)
    /// Another user joined (never ourselves: §3.4).
    func onMemberJoined(_ member: RtmChannelMember)
    /// Another user left.
    func onMemberLeft(_ member: RtmChannelMember)
    /// The answer to ``RtmChannel/getMembers()``.
    func onGetMembers(_ members: [RtmChannelMember], _ errorCode: GetMembersErr)
    /// A member wrote the channel's attributes with `enableNotificationToChannelMembers`: all of them.
    func onAttributesUpdated(_ attributes: [RtmChannelAttribute])
    /// The channel's member count.
    func onMemberCountUpdated(_ memberCount: Int)
}

extension RtmChannelEventHandler {
    public func onJoinSuccess() {}
    public func onJoinFailure(_ errorCode: JoinChannelErr) {}
    public func onLeave(_ errorCode: LeaveChannelErr) {}
    public func onMessageReceived(_ userId: UserID, _ message: RtmMessage) {}
    public func onSendMessageResult(_ messageId: Int, _ state: ChannelMessageErrCode) {}
    public func onMemberJoined(_ member: RtmChannelMember) {}
    public func onMemberLeft(_ member: RtmChannelMember) {}
    public func onGetMembers(_ members: [RtmChannelMember], _ errorCode: GetMembersErr) {}
    public func onAttributesUpdated(_ attributes: [RtmChannelAttribute]) {}
    public func onMemberCountUpdated(_ memberCount: Int) {}
}

/// The app's handler of call invitations: the SDK's `IRtmCallEventHandler` (§3.5), given to
/// ``RtmService/getRtmCallManager(_:)``.
///
/// Every method has a default that does nothing.
public protocol RtmCallEventHandler: AnyObject {
    /// The callee acknowledged the invitation: RECEIVED_BY_REMOTE.
    func onLocalInvitationReceivedByPeer(_ localInvitation: LocalInvitation)
    /// The callee accepted: ACCEPTED_BY_REMOTE.
    func onLocalInvitationAccepted(_ localInvitation: LocalInvitation, _ response: String)
    /// The callee refused: REFUSED_BY_REMOTE.
    func onLocalInvitationRefused(_ localInvitation: LocalInvitation, _ response: String)
    /// Our cancel took effect: CANCELED.
    func onLocalInvitationCanceled(_ localInvitation: LocalInvitation)
    /// The invitation failed: FAILURE.
    func onLocalInvitationFailure(_ localInvitation: LocalInvitation, _ errorCode: LocalInvitationErrCode)
    /// An invitation arrived: INVITATION_RECEIVED.
    func onRemoteInvitationReceived(_ remoteInvitation: RemoteInvitation)
    /// The caller acknowledged our accept: ACCEPTED.
    func onRemoteInvitationAccepted(_ remoteInvitation: RemoteInvitation)
    /// Our refusal took effect: REFUSED.
    func onRemoteInvitationRefused(_ remoteInvitation: RemoteInvitation)
    /// The caller canceled: CANCELED.
    func onRemoteInvitationCanceled(_ remoteInvitation: RemoteInvitation)
    /// The invitation failed: FAILURE.
    func onRemoteInvitationFailure(_ remoteInvitation: RemoteInvitation, _ errorCode: RemoteInvitationErrCode)
}

extension RtmCallEventHandler {
    public func onLocalInvitationReceivedByPeer(_ localInvitation: LocalInvitation) {}
    public func onLocalInvitationAccepted(_ localInvitation: LocalInvitation, _ response: String) {}
    public func onLocalInvitationRefused(_ localInvitation: LocalInvitation, _ response: String) {}
    public func onLocalInvitationCanceled(_ localInvitation: LocalInvitation) {}
    public func onLocalInvitationFailure(_ localInvitation: LocalInvitation, _ errorCode: LocalInvitationErrCode) {}
    public func onRemoteInvitationReceived(_ remoteInvitation: RemoteInvitation) {}
    public func onRemoteInvitationAccepted(_ remoteInvitation: RemoteInvitation) {}
    public func onRemoteInvitationRefused(_ remoteInvitation: RemoteInvitation) {}
    public func onRemoteInvitationCanceled(_ remoteInvitation: RemoteInvitation) {}
    public func onRemoteInvitationFailure(_ remoteInvitation: RemoteInvitation, _ errorCode: RemoteInvitationErrCode) {}
}
