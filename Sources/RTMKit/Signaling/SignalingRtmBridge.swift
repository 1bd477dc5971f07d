import RTMMachines
import RTMProtocol

/// The embedded RTM client's service and call handler: turns each typed RTM callback back into its
/// ``RtmCallback`` value for the ``SignalingClient``'s adapter.
final class SignalingRtmBridge: RtmServiceEventHandler, RtmCallEventHandler {
    weak var client: SignalingClient?

    private func forward(_ callback: RtmCallback, _ details: RemoteInvitationDetails? = nil) {
        client?.rtmCallback(callback, details: details)
    }

    // MARK: RtmServiceEventHandler

    func onLoginSuccess() { forward(.onLoginSuccess) }
    func onLoginFailure(_ errorCode: LoginErrCode) { forward(.onLoginFailure(errorCode)) }
    func onLogout(_ errorCode: LogoutErrCode) { forward(.onLogout(errorCode)) }
    func onConnectionStateChanged(_ state: ConnectionState, _ reason: ConnectionChangeReason) {
        forward(.onConnectionStateChanged(state, reason))
    }
    func onTokenExpired() { forward(.onTokenExpired) }
    func onRenewTokenResult(_ token: String, _ errorCode: RenewTokenErrCode) { forward(.onRenewTokenResult(errorCode)) }
    func onSendMessageResult(_ messageId: Int, _ errorCode: PeerMessageErrCode) {
        forward(.onSendMessageResult(messageId: messageId, errorCode))
    }
    func onMessageReceivedFromPeer(_ peerId: UserID, _ message: RtmMessage) {
        forward(.onMessageReceivedFromPeer(peerId: peerId, text: message.text, isOffline: message.isOfflineMessage))
    }
    func onQueryPeersOnlineStatusResult(
        _ requestId: Int, _ peersStatus: [PeerStatus], _ errorCode: QueryPeersOnlineStatusErr
    ) {
        forward(.onQueryPeersOnlineStatusResult(requestId: requestId, statuses: peersStatus, errorCode))
    }
    func onSetLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        forward(.onSetLocalUserAttributesResult(requestId: requestId, errorCode))
    }
    func onAddOrUpdateLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        forward(.onAddOrUpdateLocalUserAttributesResult(requestId: requestId, errorCode))
    }
    func onDeleteLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        forward(.onDeleteLocalUserAttributesResult(requestId: requestId, errorCode))
    }
    func onClearLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        forward(.onClearLocalUserAttributesResult(requestId: requestId, errorCode))
    }
    func onGetUserAttributesResult(
        _ requestId: Int, _ userId: UserID, _ attributes: [RtmAttribute], _ errorCode: AttributeOperationErr
    ) {
        forward(.onGetUserAttributesResult(requestId: requestId, userId: userId, attributes: attributes, errorCode))
    }
    func onGetChannelMemberCountResult(
        _ requestId: Int, _ channelMemberCounts: [ChannelMemberCount], _ errorCode: GetChannelMemberCountErrCode
    ) {
        forward(.onGetChannelMemberCountResult(requestId: requestId, counts: channelMemberCounts, errorCode))
    }
    func onSetChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        forward(.onSetChannelAttributesResult(requestId: requestId, errorCode))
    }
    func onAddOrUpdateChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        forward(.onAddOrUpdateChannelAttributesResult(requestId: requestId, errorCode))
    }
    func onDeleteChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        forward(.onDeleteChannelAttributesResult(requestId: requestId, errorCode))
    }
    func onClearChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        forward(.onClearChannelAttributesResult(requestId: requestId, errorCode))
    }
    func onGetChannelAttributesResult(
        _ requestId: Int, _ attributes: [RtmChannelAttribute], _ errorCode: AttributeOperationErr
    ) {
        forward(.onGetChannelAttributesResult(requestId: requestId, attributes: attributes, errorCode))
    }

    // MARK: RtmCallEventHandler

    func onLocalInvitationReceivedByPeer(_ localInvitation: LocalInvitation) {
        forward(.onLocalInvitationReceivedByPeer(localInvitation.key))
    }
    func onLocalInvitationAccepted(_ localInvitation: LocalInvitation, _ response: String) {
        forward(.onLocalInvitationAccepted(localInvitation.key, response: response))
    }
    func onLocalInvitationRefused(_ localInvitation: LocalInvitation, _ response: String) {
        forward(.onLocalInvitationRefused(localInvitation.key, response: response))
    }
    func onLocalInvitationCanceled(_ localInvitation: LocalInvitation) {
        forward(.onLocalInvitationCanceled(localInvitation.key))
    }
    func onLocalInvitationFailure(_ localInvitation: LocalInvitation, _ errorCode: LocalInvitationErrCode) {
        forward(.onLocalInvitationFailure(localInvitation.key, errorCode))
    }
    func onRemoteInvitationReceived(_ remoteInvitation: RemoteInvitation) {
        let details = RemoteInvitationDetails(content: remoteInvitation.content, channelId: remoteInvitation.channelId)
        forward(.onRemoteInvitationReceived(remoteInvitation.key), details)
    }
    func onRemoteInvitationAccepted(_ remoteInvitation: RemoteInvitation) {
        forward(.onRemoteInvitationAccepted(remoteInvitation.key))
    }
    func onRemoteInvitationRefused(_ remoteInvitation: RemoteInvitation) {
        forward(.onRemoteInvitationRefused(remoteInvitation.key))
    }
    func onRemoteInvitationCanceled(_ remoteInvitation: RemoteInvitation) {
        forward(.onRemoteInvitationCanceled(remoteInvitation.key))
    }
    func onRemoteInvitationFailure(_ remoteInvitation: RemoteInvitation, _ errorCode: RemoteInvitationErrCode) {
        forward(.onRemoteInvitationFailure(remoteInvitation.key, errorCode))
    }
}

/// The handler of the Signaling channel's RTM channel object: its callbacks, with the channel's ID.
final class SignalingChannelBridge: RtmChannelEventHandler {
    weak var client: SignalingClient?
    let channelId: ChannelID

    init(client: SignalingClient, channelId: ChannelID) {
        self.client = client
        self.channelId = channelId
    }

    private func forward(_ callback: RtmCallback) { client?.rtmCallback(callback) }

    func onJoinSuccess() { forward(.onJoinSuccess(channel: channelId)) }
    func onJoinFailure(_ errorCode: JoinChannelErr) { forward(.onJoinFailure(channel: channelId, errorCode)) }
    func onLeave(_ errorCode: LeaveChannelErr) { forward(.onLeave(channel: channelId, errorCode)) }
    func onMessageReceived(_ userId: UserID, _ message: RtmMessage) {
        forward(.onMessageReceived(channel: channelId, userId: userId, text: message.text))
    }
    func onSendMessageResult(_ messageId: Int, _ state: ChannelMessageErrCode) {
        forward(.onChannelSendMessageResult(channel: channelId, messageId: messageId, state))
    }
    func onMemberJoined(_ member: RtmChannelMember) {
        forward(.onMemberJoined(channel: channelId, userId: member.userId))
    }
    func onMemberLeft(_ member: RtmChannelMember) { forward(.onMemberLeft(channel: channelId, userId: member.userId)) }
    func onGetMembers(_ members: [RtmChannelMember], _ errorCode: GetMembersErr) {
        forward(.onGetMembers(channel: channelId, members: members.map(\.userId), errorCode))
    }
    func onAttributesUpdated(_ attributes: [RtmChannelAttribute]) {
        forward(.onAttributesUpdated(channel: channelId, attributes: attributes))
    }
    func onMemberCountUpdated(_ memberCount: Int) {
        forward(.onMemberCountUpdated(channel: channelId, count: memberCount))
    }
}
