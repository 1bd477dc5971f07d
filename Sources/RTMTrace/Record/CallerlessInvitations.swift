import RTMMachines

/// Naming invitations created before login.
///
/// RTMKit's `ClientCore` keys an invitation created before login with an empty caller (`->bob#1`) until it
/// is sent while logged in; a trace names every invitation by its creator's user ID (`alice->bob#1`,
/// docs/trace-format.md "Values"). A service's serials are unique whatever the callee, so the rewrite loses
/// nothing: the recorder and the replayer name RTMKit's callerless keys by the actor's user ID, and the
/// replayer hands RTMKit its own key back when a call names one.
extension InvitationKey {
    /// This key, with `user` as its caller if it has none.
    func namingCaller(_ user: String) -> InvitationKey {
        guard caller.isEmpty else { return self }
        return InvitationKey(caller: user, callee: callee, serial: serial)
    }

    /// RTMKit's key before login for the invitation this key names.
    var callerless: InvitationKey { InvitationKey(caller: "", callee: callee, serial: serial) }
}

extension RtmApiCall {
    /// The invitation the call acts on, if any.
    var invitationKey: InvitationKey? {
        switch self {
        case .setContent(let key, _), .setChannelId(let key, _), .setResponse(let key, _),
            .sendLocalInvitation(let key),
            .cancelLocalInvitation(let key), .acceptRemoteInvitation(let key), .refuseRemoteInvitation(let key):
            key
        case .login, .logout, .renewToken, .sendMessageToPeer, .queryPeersOnlineStatus, .setLocalUserAttributes,
            .addOrUpdateLocalUserAttributes, .deleteLocalUserAttributesByKeys, .clearLocalUserAttributes,
            .getUserAttributes, .getUserAttributesByKeys, .getChannelMemberCount, .setChannelAttributes,
            .addOrUpdateChannelAttributes, .deleteChannelAttributesByKeys, .clearChannelAttributes,
            .getChannelAttributes, .getChannelAttributesByKeys, .createChannel, .join, .leave, .sendMessage,
            .getMembers, .releaseChannel, .createLocalCallInvitation:
            nil
        }
    }

    /// The call with its invitation key replaced by `key`.
    func with(_ key: InvitationKey) -> RtmApiCall {
        switch self {
        case .setContent(_, let content): .setContent(key, content: content)
        case .setChannelId(_, let channelId): .setChannelId(key, channelId: channelId)
        case .setResponse(_, let response): .setResponse(key, response: response)
        case .sendLocalInvitation: .sendLocalInvitation(key)
        case .cancelLocalInvitation: .cancelLocalInvitation(key)
        case .acceptRemoteInvitation: .acceptRemoteInvitation(key)
        case .refuseRemoteInvitation: .refuseRemoteInvitation(key)
        case .login, .logout, .renewToken, .sendMessageToPeer, .queryPeersOnlineStatus, .setLocalUserAttributes,
            .addOrUpdateLocalUserAttributes, .deleteLocalUserAttributesByKeys, .clearLocalUserAttributes,
            .getUserAttributes, .getUserAttributesByKeys, .getChannelMemberCount, .setChannelAttributes,
            .addOrUpdateChannelAttributes, .deleteChannelAttributesByKeys, .clearChannelAttributes,
            .getChannelAttributes, .getChannelAttributesByKeys, .createChannel, .join, .leave, .sendMessage,
            .getMembers, .releaseChannel, .createLocalCallInvitation:
            self
        }
    }

    /// The call with a callerless invitation key named by `user`.
    func namingCaller(_ user: String) -> RtmApiCall {
        guard let key = invitationKey, key.caller.isEmpty else { return self }
        return with(key.namingCaller(user))
    }
}

extension RtmApiResult {
    /// The result with a callerless invitation key named by `user`.
    func namingCaller(_ user: String) -> RtmApiResult {
        guard case .invitationCreated(let key?) = self, key.caller.isEmpty else { return self }
        return .invitationCreated(key.namingCaller(user))
    }
}

extension RtmCallback {
    /// The callback with a callerless invitation key named by `user` (only the caller's own callbacks can
    /// carry one).
    func namingCaller(_ user: String) -> RtmCallback {
        switch self {
        case .onLocalInvitationReceivedByPeer(let key):
            key.caller.isEmpty ? .onLocalInvitationReceivedByPeer(key.namingCaller(user)) : self
        case .onLocalInvitationAccepted(let key, let response):
            key.caller.isEmpty ? .onLocalInvitationAccepted(key.namingCaller(user), response: response) : self
        case .onLocalInvitationRefused(let key, let response):
            key.caller.isEmpty ? .onLocalInvitationRefused(key.namingCaller(user), response: response) : self
        case .onLocalInvitationCanceled(let key):
            key.caller.isEmpty ? .onLocalInvitationCanceled(key.namingCaller(user)) : self
        case .onLocalInvitationFailure(let key, let code):
            key.caller.isEmpty ? .onLocalInvitationFailure(key.namingCaller(user), code) : self
        case .onLoginSuccess, .onLoginFailure, .onLogout, .onConnectionStateChanged, .onTokenExpired,
            .onRenewTokenResult, .onSendMessageResult, .onMessageReceivedFromPeer, .onQueryPeersOnlineStatusResult,
            .onSetLocalUserAttributesResult, .onAddOrUpdateLocalUserAttributesResult,
            .onDeleteLocalUserAttributesResult, .onClearLocalUserAttributesResult, .onGetUserAttributesResult,
            .onGetChannelMemberCountResult, .onSetChannelAttributesResult, .onAddOrUpdateChannelAttributesResult,
            .onDeleteChannelAttributesResult, .onClearChannelAttributesResult, .onGetChannelAttributesResult,
            .onAttributesUpdated, .onJoinSuccess, .onJoinFailure, .onLeave, .onMemberJoined, .onMemberLeft,
            .onMemberCountUpdated, .onMessageReceived, .onChannelSendMessageResult, .onGetMembers,
            .onRemoteInvitationReceived, .onRemoteInvitationAccepted, .onRemoteInvitationRefused,
            .onRemoteInvitationCanceled, .onRemoteInvitationFailure:
            self
        }
    }
}
