import RTMMachines
import RTMProtocol

/// Hands each ``RtmCallback`` to the observers, then to the handler object it belongs to: the service's
/// handlers, a channel's handler, or the call manager's handler.
extension RtmService {
    func deliver(_ callback: RtmCallback) {
        host.countCallback()
        if host.isObserved { host.record(.callback(service: name, callback)) }
        switch callback {
        case .onLoginSuccess: each { $0.onLoginSuccess() }
        case .onLoginFailure(let code): each { $0.onLoginFailure(code) }
        case .onLogout(let code): each { $0.onLogout(code) }
        case .onConnectionStateChanged(let state, let reason): each { $0.onConnectionStateChanged(state, reason) }
        case .onTokenExpired: each { $0.onTokenExpired() }
        case .onRenewTokenResult(let code):
            let token = renewResultToken
            each { $0.onRenewTokenResult(token, code) }
        case .onSendMessageResult(let messageId, let code): each { $0.onSendMessageResult(messageId, code) }
        case .onMessageReceivedFromPeer(let peerId, let text, let isOffline):
            let message = RtmMessage(text: text)
            message.isOfflineMessage = isOffline
            each { $0.onMessageReceivedFromPeer(peerId, message) }
        case .onQueryPeersOnlineStatusResult(let id, let statuses, let code):
            each { $0.onQueryPeersOnlineStatusResult(id, statuses, code) }
        case .onSetLocalUserAttributesResult(let id, let code): each { $0.onSetLocalUserAttributesResult(id, code) }
        case .onAddOrUpdateLocalUserAttributesResult(let id, let code):
            each { $0.onAddOrUpdateLocalUserAttributesResult(id, code) }
        case .onDeleteLocalUserAttributesResult(let id, let code):
            each { $0.onDeleteLocalUserAttributesResult(id, code) }
        case .onClearLocalUserAttributesResult(let id, let code): each { $0.onClearLocalUserAttributesResult(id, code) }
        case .onGetUserAttributesResult(let id, let userId, let attributes, let code):
            each { $0.onGetUserAttributesResult(id, userId, attributes, code) }
        case .onGetChannelMemberCountResult(let id, let counts, let code):
            each { $0.onGetChannelMemberCountResult(id, counts, code) }
        case .onSetChannelAttributesResult(let id, let code): each { $0.onSetChannelAttributesResult(id, code) }
        case .onAddOrUpdateChannelAttributesResult(let id, let code):
            each { $0.onAddOrUpdateChannelAttributesResult(id, code) }
        case .onDeleteChannelAttributesResult(let id, let code): each { $0.onDeleteChannelAttributesResult(id, code) }
        case .onClearChannelAttributesResult(let id, let code): each { $0.onClearChannelAttributesResult(id, code) }
        case .onGetChannelAttributesResult(let id, let attributes, let code):
            each { $0.onGetChannelAttributesResult(id, attributes, code) }
        case .onAttributesUpdated(let channel, let attributes):
            channelObjects[channel]?.handler?.onAttributesUpdated(attributes)
        case .onJoinSuccess(let channel): channelObjects[channel]?.handler?.onJoinSuccess()
        case .onJoinFailure(let channel, let code): channelObjects[channel]?.handler?.onJoinFailure(code)
        case .onLeave(let channel, let code): channelObjects[channel]?.handler?.onLeave(code)
        case .onMemberJoined(let channel, let userId):
            channelObjects[channel]?.handler?.onMemberJoined(RtmChannelMember(userId: userId, channelId: channel))
        case .onMemberLeft(let channel, let userId):
            channelObjects[channel]?.handler?.onMemberLeft(RtmChannelMember(userId: userId, channelId: channel))
        case .onMemberCountUpdated(let channel, let count):
            channelObjects[channel]?.handler?.onMemberCountUpdated(count)
        case .onMessageReceived(let channel, let userId, let text):
            channelObjects[channel]?.handler?.onMessageReceived(userId, RtmMessage(text: text))
        case .onChannelSendMessageResult(let channel, let messageId, let code):
            channelObjects[channel]?.handler?.onSendMessageResult(messageId, code)
        case .onGetMembers(let channel, let members, let code):
            let list = members.map { RtmChannelMember(userId: $0, channelId: channel) }
            channelObjects[channel]?.handler?.onGetMembers(list, code)
        case .onLocalInvitationReceivedByPeer(let key):
            let invitation = local(key)
            callManager?.handler?.onLocalInvitationReceivedByPeer(invitation)
        case .onLocalInvitationAccepted(let key, let response):
            let invitation = local(key)
            invitation.response = response
            callManager?.handler?.onLocalInvitationAccepted(invitation, response)
        case .onLocalInvitationRefused(let key, let response):
            let invitation = local(key)
            invitation.response = response
            callManager?.handler?.onLocalInvitationRefused(invitation, response)
        case .onLocalInvitationCanceled(let key):
            let invitation = local(key)
            callManager?.handler?.onLocalInvitationCanceled(invitation)
        case .onLocalInvitationFailure(let key, let code):
            let invitation = local(key)
            callManager?.handler?.onLocalInvitationFailure(invitation, code)
        case .onRemoteInvitationReceived(let key):
            let invitation = remote(key)
            callManager?.handler?.onRemoteInvitationReceived(invitation)
        case .onRemoteInvitationAccepted(let key):
            let invitation = remote(key)
            callManager?.handler?.onRemoteInvitationAccepted(invitation)
        case .onRemoteInvitationRefused(let key):
            let invitation = remote(key)
            callManager?.handler?.onRemoteInvitationRefused(invitation)
        case .onRemoteInvitationCanceled(let key):
            let invitation = remote(key)
            callManager?.handler?.onRemoteInvitationCanceled(invitation)
        case .onRemoteInvitationFailure(let key, let code):
            let invitation = remote(key)
            callManager?.handler?.onRemoteInvitationFailure(invitation, code)
        }
    }

    /// Calls every service handler (a copy of the list: a handler may add or remove handlers).
    private func each(_ body: (RtmServiceEventHandler) -> Void) {
        for handler in handlers { body(handler) }
    }

    /// The handle of an outgoing invitation (made if the app created it through ``perform(_:)`` only).
    func local(_ key: InvitationKey) -> LocalInvitation {
        if let handle = localInvitations[key] { return handle }
        let handle = LocalInvitation(service: self, key: key)
        localInvitations[key] = handle
        return handle
    }

    /// The handle of an incoming invitation, made when it first arrives.
    func remote(_ key: InvitationKey) -> RemoteInvitation {
        if let handle = remoteInvitations[key] { return handle }
        let handle = RemoteInvitation(service: self, key: key)
        remoteInvitations[key] = handle
        return handle
    }

    /// The incoming invitations this service has received, sorted by key.
    public var receivedInvitations: [RemoteInvitation] { core.remotes.map { remote($0.key) } }
    /// The outgoing invitations this service has created, sorted by key.
    public var createdInvitations: [LocalInvitation] { core.locals.map { local($0.key) } }
}
