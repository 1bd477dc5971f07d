import RTMMachines
import RTMSystem

/// Names invitations created before login as traces do.
///
/// The client core gives an invitation created before login an empty caller (`->bob#1`) and fixes the
/// caller when it is sent; a trace always names an invitation `caller->callee#serial`, with the
/// creating actor's user ID as the caller. This maps the model's events to the trace's names and the
/// trace's calls back to the model's keys.
struct InvitationCallers: Sendable {
    /// Per client, the user ID it names its own invitations with.
    let userIds: [String]

    /// `event` with every caller-less invitation named after the client that observed it.
    func normalize(_ event: ObservedEvent) -> ObservedEvent {
        switch event {
        case .returned(let client, let call, let result):
            let fix = fixer(client)
            return .returned(client: client, call.mapInvitation(fix), result.mapInvitation(fix))
        case .callback(let client, let callback):
            return .callback(client: client, callback.mapInvitation(fixer(client)))
        }
    }

    /// `call` with its invitation named as the model names it in `state` (caller-less while unsent).
    func denormalize(_ call: RtmApiCall, client: Int, in state: SystemState) -> RtmApiCall {
        guard state.clients.indices.contains(client) else { return call }
        let core = state.clients[client].core
        return call.mapInvitation { key in
            guard core.local(key) == nil, userIds.indices.contains(client), key.caller == userIds[client] else {
                return key
            }
            let unsent = InvitationKey(caller: "", callee: key.callee, serial: key.serial)
            return core.local(unsent) != nil ? unsent : key
        }
    }

    func fixer(_ client: Int) -> @Sendable (InvitationKey) -> InvitationKey {
        let user = userIds.indices.contains(client) ? userIds[client] : ""
        return { key in key.caller.isEmpty ? InvitationKey(caller: user, callee: key.callee, serial: key.serial) : key }
    }
}

extension RtmApiCall {
    /// This call with its invitation key mapped by `f` (unchanged when it names none).
    func mapInvitation(_ f: (InvitationKey) -> InvitationKey) -> RtmApiCall {
        switch self {
        case .setContent(let k, let content): .setContent(f(k), content: content)
        case .setChannelId(let k, let channelId): .setChannelId(f(k), channelId: channelId)
        case .setResponse(let k, let response): .setResponse(f(k), response: response)
        case .sendLocalInvitation(let k): .sendLocalInvitation(f(k))
        case .cancelLocalInvitation(let k): .cancelLocalInvitation(f(k))
        case .acceptRemoteInvitation(let k): .acceptRemoteInvitation(f(k))
        case .refuseRemoteInvitation(let k): .refuseRemoteInvitation(f(k))
        case .login, .logout, .renewToken, .sendMessageToPeer, .queryPeersOnlineStatus, .setLocalUserAttributes,
            .addOrUpdateLocalUserAttributes, .deleteLocalUserAttributesByKeys, .clearLocalUserAttributes,
            .getUserAttributes, .getUserAttributesByKeys, .getChannelMemberCount, .setChannelAttributes,
            .addOrUpdateChannelAttributes, .deleteChannelAttributesByKeys, .clearChannelAttributes,
            .getChannelAttributes, .getChannelAttributesByKeys, .createChannel, .join, .leave, .sendMessage,
            .getMembers, .releaseChannel, .createLocalCallInvitation:
            self
        }
    }
}

extension RtmApiResult {
    /// This result with its created invitation mapped by `f`.
    func mapInvitation(_ f: (InvitationKey) -> InvitationKey) -> RtmApiResult {
        if case .invitationCreated(let key?) = self { return .invitationCreated(f(key)) }
        return self
    }
}

extension RtmCallback {
    /// This callback with its invitation key mapped by `f` (unchanged when it names none).
    func mapInvitation(_ f: (InvitationKey) -> InvitationKey) -> RtmCallback {
        switch self {
        case .onLocalInvitationReceivedByPeer(let k): .onLocalInvitationReceivedByPeer(f(k))
        case .onLocalInvitationAccepted(let k, let response): .onLocalInvitationAccepted(f(k), response: response)
        case .onLocalInvitationRefused(let k, let response): .onLocalInvitationRefused(f(k), response: response)
        case .onLocalInvitationCanceled(let k): .onLocalInvitationCanceled(f(k))
        case .onLocalInvitationFailure(let k, let code): .onLocalInvitationFailure(f(k), code)
        case .onRemoteInvitationReceived(let k): .onRemoteInvitationReceived(f(k))
        case .onRemoteInvitationAccepted(let k): .onRemoteInvitationAccepted(f(k))
        case .onRemoteInvitationRefused(let k): .onRemoteInvitationRefused(f(k))
        case .onRemoteInvitationCanceled(let k): .onRemoteInvitationCanceled(f(k))
        case .onRemoteInvitationFailure(let k, let code): .onRemoteInvitationFailure(f(k), code)
        case .onLoginSuccess, .onLoginFailure, .onLogout, .onConnectionStateChanged, .onTokenExpired,
            .onRenewTokenResult, .onSendMessageResult, .onMessageReceivedFromPeer, .onQueryPeersOnlineStatusResult,
            .onSetLocalUserAttributesResult, .onAddOrUpdateLocalUserAttributesResult,
            .onDeleteLocalUserAttributesResult, .onClearLocalUserAttributesResult, .onGetUserAttributesResult,
            .onGetChannelMemberCountResult, .onSetChannelAttributesResult, .onAddOrUpdateChannelAttributesResult,
            .onDeleteChannelAttributesResult, .onClearChannelAttributesResult, .onGetChannelAttributesResult,
            .onAttributesUpdated, .onJoinSuccess, .onJoinFailure, .onLeave, .onMemberJoined, .onMemberLeft,
            .onMemberCountUpdated, .onMessageReceived, .onChannelSendMessageResult, .onGetMembers:
            self
        }
    }
}
