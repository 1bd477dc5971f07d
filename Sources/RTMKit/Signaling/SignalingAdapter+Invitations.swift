import RTMMachines
import RTMProtocol

/// Signaling invitations (§3.7) over RTM call invitations with a channel ID (§3.6).
///
/// | Signaling | RTM |
/// |---|---|
/// | `channelInviteUser2(ch, peer, extra)` | `createLocalCallInvitation`, `setChannelId`, `setContent`, `send…` |
/// | `_require_peer_online: 1` | first `queryPeersOnlineStatus([peer])`; offline → `onInviteFailed(703)` at once |
/// | `channelInviteAccept` / `Refuse` | `setResponse(extra)`, `acceptRemoteInvitation` / `refuseRemoteInvitation` |
/// | `channelInviteEnd`, pending outgoing | `cancelLocalInvitation` |
/// | `channelInviteEnd`, pending incoming | `refuseRemoteInvitation` |
/// | `channelInviteEnd`, accepted | the endCall peer message `AgoraRTMLegacyEndcallCompatibleMessagePrefix_<ch>_` |
/// | `channelInviteDTMF` | the DTMF peer message (``LegacyCallMessage``) |
extension SignalingAdapter {
    mutating func channelInviteUser2(_ name: String, peer: String, extra: String) -> [SignalingAction] {
        func failed(_ code: SignalingErrCode) -> [SignalingAction] {
            [.callback(.onInviteFailed(channel: name, account: peer, uid: 0, code, extra: extra))]
        }
        if let code = loginCheck() ?? Self.channelCheck(name) ?? accountCheck(peer) { return failed(code) }
        if extra.utf8.count > RTMLimits.Signaling.maxInviteExtraBytes { return failed(.generalLargeParam) }
        if name.utf8.count > RTMLimits.maxInvitationChannelIdBytes { return failed(.generalWrongParam) }
        if invitation(channel: name, peer: peer) != nil { return failed(.inviteReinvite) }
        let id = SignalingInvitation.ID(raw: nextInvitationNumber)
        nextInvitationNumber += 1
        let requireOnline = SignalingJSON.parseObject(extra)?["_require_peer_online"]?.isTrueFlag ?? false
        invitations.append(
            SignalingInvitation(
                id: id, channel: name, peer: peer, direction: .outgoing, extra: extra, rtmKey: nil,
                phase: requireOnline ? .checkingPeer : .creating))
        if requireOnline {
            return [.rtm(.queryPeersOnlineStatus(peerIds: [peer]), .inviteCheck(id))]
        }
        return [.rtm(.createLocalCallInvitation(calleeId: peer), .invitation(id, .create))]
    }

    mutating func channelInviteAnswer(_ name: String, peer: String, extra: String, accept: Bool) -> [SignalingAction] {
        let api = accept ? "channelInviteAccept" : "channelInviteRefuse"
        guard let found = invitation(channel: name, peer: peer), found.direction == .incoming,
            found.phase == .received, let key = found.rtmKey, let index = invitationIndex(found.id)
        else {
            return [error(api, .generalWrongParam, "no invitation to answer from \(peer) for channel \(name)")]
        }
        var actions: [SignalingAction] = []
        if !extra.isEmpty {
            actions.append(.rtm(.setResponse(key, response: extra), .invitation(found.id, .setResponse)))
        }
        if accept {
            invitations[index].phase = .accepting
            actions.append(.rtm(.acceptRemoteInvitation(key), .invitation(found.id, .accept)))
        } else {
            invitations.remove(at: index)
            actions.append(.rtm(.refuseRemoteInvitation(key), .invitation(found.id, .refuse)))
        }
        return actions
    }

    /// `channelInviteEnd`: `onInviteEndByMyself` fires at once (§3.7), whatever the invitation's state;
    /// the peer learns of it by the RTM step that fits that state.
    mutating func channelInviteEnd(_ name: String, peer: String) -> [SignalingAction] {
        let ended: SignalingAction = .callback(.onInviteEndByMyself(channel: name, account: peer, uid: 0))
        let endCall = LegacyCallMessage(.endCall, channelId: name, info: "").map { callMessage($0, to: peer) }
        guard let found = invitation(channel: name, peer: peer), let index = invitationIndex(found.id) else {
            // No invitation on record (e.g. a call set up before a re-login): end the call anyway.
            return (isLoggedIn ? [endCall].compactMap { $0 } : []) + [ended]
        }
        switch (found.phase, found.rtmKey) {
        case (.sent, let key?):
            invitations[index].phase = .canceling
            return [.rtm(.cancelLocalInvitation(key), .invitation(found.id, .cancel)), ended]
        case (.received, let key?):
            invitations.remove(at: index)
            return [.rtm(.refuseRemoteInvitation(key), .invitation(found.id, .refuse)), ended]
        case (.accepting, _), (.accepted, _):
            invitations.remove(at: index)
            return [endCall].compactMap { $0 } + [ended]
        case (.checkingPeer, _), (.creating, _), (.sent, nil), (.received, nil), (.canceling, _):
            invitations.remove(at: index)
            return [ended]
        }
    }

    // MARK: RTM returns

    mutating func invitationReturned(
        _ code: InvitationApiCallErrCode, _ id: SignalingInvitation.ID,
        _ step: InvitationStep
    ) -> [SignalingAction] {
        guard let index = invitationIndex(id) else { return [] }  // Ended meanwhile.
        let found = invitations[index]
        if code == .ok {
            guard step == .setContent, found.phase == .sent, let key = found.rtmKey else { return [] }
            return [.rtm(.sendLocalInvitation(key), .invitation(id, .send))]
        }
        switch step {
        case .setChannelId, .setContent, .send, .accept:
            invitations.remove(at: index)
            let failure = SignalingCodes.inviteCallFailed(code) ?? .inviteOther
            return [
                .callback(
                    .onInviteFailed(
                        channel: found.channel, account: found.peer, uid: 0, failure,
                        extra: found.direction == .outgoing ? found.extra : ""))
            ]
        case .create, .cancel, .setResponse, .refuse:
            return []  // A cancel or refuse that lost a race; the RTM callbacks tell the outcome.
        }
    }

    mutating func invitationCreated(_ key: InvitationKey?, _ id: SignalingInvitation.ID) -> [SignalingAction] {
        guard let index = invitationIndex(id), invitations[index].phase == .creating else { return [] }
        let found = invitations[index]
        guard let key else {
            invitations.remove(at: index)
            return [
                .callback(
                    .onInviteFailed(
                        channel: found.channel, account: found.peer, uid: 0, .inviteOther,
                        extra: found.extra))
            ]
        }
        invitations[index].rtmKey = key
        invitations[index].phase = .sent
        return [
            .rtm(.setChannelId(key, channelId: found.channel), .invitation(id, .setChannelId)),
            .rtm(.setContent(key, content: found.extra), .invitation(id, .setContent)),
        ]
    }

    /// The `_require_peer_online` check's answer: create the RTM invitation, or fail at once (703).
    mutating func peerChecked(_ id: SignalingInvitation.ID, online: Bool?) -> [SignalingAction] {
        guard let index = invitationIndex(id), invitations[index].phase == .checkingPeer else { return [] }
        let found = invitations[index]
        guard online == true else {
            invitations.remove(at: index)
            let code: SignalingErrCode = online == false ? .invitePeerOffline : .inviteOther
            return [
                .callback(
                    .onInviteFailed(
                        channel: found.channel, account: found.peer, uid: 0, code,
                        extra: found.extra))
            ]
        }
        invitations[index].phase = .creating
        return [.rtm(.createLocalCallInvitation(calleeId: found.peer), .invitation(id, .create))]
    }

    // MARK: RTM callbacks

    mutating func remoteInvitationReceived(_ key: InvitationKey, _ details: RemoteInvitationDetails?)
        -> [SignalingAction]
    {
        let channelId = details?.channelId ?? ""
        // Only invitations with a channel ID reach Signaling (§3.6); one per channel and peer (§3.7).
        guard !channelId.isEmpty, invitation(channel: channelId, peer: key.caller) == nil else {
            return [.rtm(.refuseRemoteInvitation(key), .refuseUntracked)]
        }
        let id = SignalingInvitation.ID(raw: nextInvitationNumber)
        nextInvitationNumber += 1
        let content = details?.content ?? ""
        invitations.append(
            SignalingInvitation(
                id: id, channel: channelId, peer: key.caller, direction: .incoming, extra: content, rtmKey: key,
                phase: .received))
        return [.callback(.onInviteReceived(channel: channelId, account: key.caller, uid: 0, extra: content))]
    }

    /// An RTM invitation callback after `onRemoteInvitationReceived`, without its key.
    enum RtmInvitationEvent: Hashable, Sendable {
        case receivedByPeer
        case accepted(response: String)
        case refused(response: String)
        case canceled
        case localFailure(LocalInvitationErrCode)
        case remoteAccepted
        case remoteRefused
        case remoteCanceled
        case remoteFailure(RemoteInvitationErrCode)
    }

    /// The RTM invitation callbacks after `onRemoteInvitationReceived`.
    mutating func invitationEvent(_ key: InvitationKey, _ event: RtmInvitationEvent) -> [SignalingAction] {
        guard let index = invitationIndex(rtmKey: key) else { return [] }  // Ended by us, or not Signaling's.
        let found = invitations[index]
        let (channel, peer) = (found.channel, found.peer)
        let canceling = found.phase == .canceling
        switch event {
        case .receivedByPeer:
            return canceling ? [] : [.callback(.onInviteReceivedByPeer(channel: channel, account: peer, uid: 0))]
        case .accepted(let response):
            if canceling {
                // Our cancel lost to the accept (decision 11): end the call the callee thinks is on.
                invitations.remove(at: index)
                return LegacyCallMessage(.endCall, channelId: channel, info: "").map { [callMessage($0, to: peer)] }
                    ?? []
            }
            invitations[index].phase = .accepted
            return [.callback(.onInviteAcceptedByPeer(channel: channel, account: peer, uid: 0, extra: response))]
        case .refused(let response):
            invitations.remove(at: index)
            return canceling
                ? [] : [.callback(.onInviteRefusedByPeer(channel: channel, account: peer, uid: 0, extra: response))]
        case .canceled, .remoteRefused:
            invitations.remove(at: index)
            return []
        case .localFailure(let code):
            invitations.remove(at: index)
            let failure = SignalingCodes.inviteFailed(code)
            return canceling
                ? []
                : [.callback(.onInviteFailed(channel: channel, account: peer, uid: 0, failure, extra: found.extra))]
        case .remoteAccepted:
            invitations[index].phase = .accepted
            return []
        case .remoteCanceled:
            invitations.remove(at: index)
            return [.callback(.onInviteEndByPeer(channel: channel, account: peer, uid: 0, extra: ""))]
        case .remoteFailure(let code):
            invitations.remove(at: index)
            let failure = SignalingCodes.inviteFailed(code)
            return [.callback(.onInviteFailed(channel: channel, account: peer, uid: 0, failure, extra: ""))]
        }
    }

    /// An endCall or DTMF message from `peer`.
    mutating func callMessageReceived(_ message: LegacyCallMessage, from peer: String) -> [SignalingAction] {
        switch message.kind {
        case .endCall:
            if let found = invitation(channel: message.channelId, peer: peer), let index = invitationIndex(found.id) {
                invitations.remove(at: index)
            }
            return [
                .callback(.onInviteEndByPeer(channel: message.channelId, account: peer, uid: 0, extra: message.info))
            ]
        case .dtmf:
            return [
                .callback(
                    .onInviteMsg(
                        channel: message.channelId, account: peer, uid: 0, msgType: "dtmf",
                        msgData: message.info, extra: ""))
            ]
        }
    }
}
