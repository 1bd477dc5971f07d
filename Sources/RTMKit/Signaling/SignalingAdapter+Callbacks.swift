import RTMMachines
import RTMProtocol

/// RTM callbacks → Signaling callbacks.
///
/// | RTM | Signaling |
/// |---|---|
/// | `onLoginSuccess` | `onLoginSuccess(0)` |
/// | `onLoginFailure(code)` | `onLoginFailed(SignalingCodes.loginFailed(code))`; `login2` first retries timeouts |
/// | `onLogout(OK)` | `onChannelLeaved(ch, 603)` if in a channel, then `onLogout(101)` |
/// | state RECONNECTING / back to CONNECTED | `onReconnecting(1)` / `onReconnected` |
/// | ABORTED, `onTokenExpired` | `onChannelLeaved(ch, 601/604)`, `onLogout(103/100/105)`; RTM logged out |
/// | `onMessageReceivedFromPeer` | `onMessageInstantReceive`; call messages: `onInviteEndByPeer`, `onInviteMsg` |
/// | `onJoinSuccess` | `onChannelJoined`; `getMembers` → `onChannelUserList`; `getChannelAttributes` → "update"s |
/// | `onAttributesUpdated(all)` | `onChannelAttrUpdated` per changed name: "update", "del"; "clear" if ≥ 2 vanish |
/// | `onMemberJoined` / `onMemberLeft` | `onChannelUserJoined` / `onChannelUserLeaved` |
/// | `onMessageReceived` | `onMessageChannelReceive` |
/// | channel `onSendMessageResult(OK)` | `onMessageSendSuccess`, then our own `onMessageChannelReceive` (dec. 13) |
extension SignalingAdapter {
    /// One callback of the embedded RTM client. For `onRemoteInvitationReceived` pass the invitation's
    /// content and channel ID; without them the invitation is treated as having no channel ID (refused).
    public mutating func received(_ callback: RtmCallback, invitation details: RemoteInvitationDetails? = nil)
        -> [SignalingAction]
    {
        switch callback {
        case .onLoginSuccess:
            guard status == .logining else { return [] }
            status = .logined
            return [.callback(.onLoginSuccess(uid: 0))]
        case .onLoginFailure(let code):
            return loginFailure(code)
        case .onLogout:
            if swallowNextLogout {
                swallowNextLogout = false
                return []
            }
            guard status != .notLogin else { return [] }
            return sessionEnded(leave: .leaveChannelLogout, logout: .logoutUser, rtmLogout: false)
        case .onConnectionStateChanged(let state, let reason):
            switch state {
            case .reconnecting:
                guard status == .logined else { return [] }
                status = .reconnecting
                return [.callback(.onReconnecting(nretry: 1))]
            case .connected:
                guard status == .reconnecting else { return [] }
                status = .logined
                return [.callback(.onReconnected)]
            case .aborted:
                guard isLoggedIn else { return [] }
                return sessionEnded(
                    leave: .leaveChannelKicked, logout: SignalingCodes.logoutReason(reason), rtmLogout: true)
            case .disconnected, .connecting:
                return []
            }
        case .onTokenExpired:
            // Signaling cannot renew a token: the session ends (LOGOUT_E_TOKENEXPIRED).
            guard isLoggedIn else { return [] }
            return sessionEnded(leave: .leaveChannelDisconn, logout: .logoutTokenExpired, rtmLogout: true)
        case .onRenewTokenResult, .onMemberCountUpdated:
            return []
        case .onSendMessageResult(let messageId, let code):
            guard let messageID = instantMessages.removeValue(forKey: messageId) else { return [] }
            if let failure = SignalingCodes.instantMessageFailed(code) {
                return [.callback(.onMessageSendError(messageID: messageID, failure))]
            }
            return [.callback(.onMessageSendSuccess(messageID: messageID))]
        case .onMessageReceivedFromPeer(let peer, let text, _):
            if let message = LegacyCallMessage(parsing: text) { return callMessageReceived(message, from: peer) }
            return [.callback(.onMessageInstantReceive(account: peer, uid: 0, msg: text))]
        case .onQueryPeersOnlineStatusResult(let requestId, let statuses, let code):
            let online = statuses.contains { $0.onlineState == .online }
            switch requests.removeValue(forKey: requestId) {
            case .userStatus(let peer)?:
                guard code == .ok else {
                    return [error("queryUserStatus", SignalingCodes.queryFailed(code) ?? .generalFailed, code.sdkName)]
                }
                return [.callback(.onQueryUserStatusResult(name: peer, status: online ? "1" : "0"))]
            case .inviteCheck(let id)?:
                return peerChecked(id, online: code == .ok ? online : nil)
            default:
                return []
            }
        case .onSetLocalUserAttributesResult(let requestId, let code),
            .onAddOrUpdateLocalUserAttributesResult(let requestId, let code),
            .onDeleteLocalUserAttributesResult(let requestId, let code),
            .onClearLocalUserAttributesResult(let requestId, let code),
            .onSetChannelAttributesResult(let requestId, let code),
            .onAddOrUpdateChannelAttributesResult(let requestId, let code),
            .onDeleteChannelAttributesResult(let requestId, let code),
            .onClearChannelAttributesResult(let requestId, let code):
            switch requests.removeValue(forKey: requestId) {
            case .userAttributeWrite(let api)?, .channelAttributeWrite(let api)?:
                guard let failure = SignalingCodes.attributeFailed(code) else { return [] }
                return [error(api, failure, code.sdkName)]
            default:
                return []
            }
        case .onGetUserAttributesResult(let requestId, _, let attributes, let code):
            guard case .userAttributes(let api, let peer, let name)? = requests.removeValue(forKey: requestId) else {
                return []
            }
            if let failure = SignalingCodes.attributeFailed(code) { return [error(api, failure, code.sdkName)] }
            if let name {
                let value = attributes.first { $0.key == name }?.value ?? ""
                return [.callback(.onUserAttrResult(account: peer, name: name, value: value))]
            }
            let json = SignalingJSON.object(attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            return [.callback(.onUserAttrAllResult(account: peer, value: json))]
        case .onGetChannelMemberCountResult(let requestId, let counts, let code):
            guard case .memberCount(let name)? = requests.removeValue(forKey: requestId) else { return [] }
            let num = counts.first { $0.channelId == name }?.count ?? 0
            return [.callback(.onChannelQueryUserNumResult(channel: name, SignalingCodes.queryUserNum(code), num: num))]
        case .onGetChannelAttributesResult(let requestId, let attributes, let code):
            guard case .channelAttributeReplay(let name)? = requests.removeValue(forKey: requestId) else { return [] }
            if let failure = SignalingCodes.attributeFailed(code) {
                return [error("channelJoin", failure, code.sdkName)]
            }
            return applyAttributes(attributes, in: name)
        case .onAttributesUpdated(let name, let attributes):
            return applyAttributes(attributes, in: name)
        case .onJoinSuccess(let name):
            guard var slot = channel, slot.name == name, slot.phase == .joining else { return [] }
            slot.phase = .joined
            channel = slot
            memberRequests.append(MemberRequest(channel: name, purpose: .userList))
            return [
                .callback(.onChannelJoined(channel: name)),
                .rtm(.getMembers(channel: name), .getMembers(channel: name)),
            ]
        case .onJoinFailure(let name, let code):
            guard let slot = channel, slot.name == name, slot.phase == .joining else { return [] }
            channel = nil
            return [
                .callback(.onChannelJoinFailed(channel: name, SignalingCodes.joinFailed(code))),
                .rtm(.releaseChannel(channel: name), .releaseChannel),
            ]
        case .onLeave(let name, _):
            guard let slot = channel, slot.name == name else { return [] }
            channel = nil
            memberRequests.removeAll { $0.channel == name }
            return [
                .callback(.onChannelLeaved(channel: name, .leaveChannelByUser)),
                .rtm(.releaseChannel(channel: name), .releaseChannel),
            ]
        case .onMemberJoined(let name, let user):
            guard inChannel(name) else { return [] }
            return [.callback(.onChannelUserJoined(account: user, uid: 0))]
        case .onMemberLeft(let name, let user):
            guard inChannel(name) else { return [] }
            return [.callback(.onChannelUserLeaved(account: user, uid: 0))]
        case .onMessageReceived(let name, let user, let text):
            guard inChannel(name) else { return [] }
            return [.callback(.onMessageChannelReceive(channel: name, account: user, uid: 0, msg: text))]
        case .onChannelSendMessageResult(_, let messageId, let code):
            guard let pending = channelMessages.removeValue(forKey: messageId) else { return [] }
            if let failure = SignalingCodes.channelMessageFailed(code) {
                return [.callback(.onMessageSendError(messageID: pending.messageID, failure))]
            }
            var actions: [SignalingAction] = [.callback(.onMessageSendSuccess(messageID: pending.messageID))]
            if inChannel(pending.channel), let account {
                // Decision 13: the Signaling sender receives its own channel message.
                actions.append(
                    .callback(
                        .onMessageChannelReceive(
                            channel: pending.channel, account: account, uid: 0,
                            msg: pending.text)))
            }
            return actions
        case .onGetMembers(let name, let members, let code):
            guard let index = memberRequests.firstIndex(where: { $0.channel == name }) else { return [] }
            return memberList(memberRequests.remove(at: index), members, code)
        case .onRemoteInvitationReceived(let key):
            return remoteInvitationReceived(key, details)
        case .onLocalInvitationReceivedByPeer(let key): return invitationEvent(key, .receivedByPeer)
        case .onLocalInvitationAccepted(let key, let response):
            return invitationEvent(key, .accepted(response: response))
        case .onLocalInvitationRefused(let key, let response): return invitationEvent(key, .refused(response: response))
        case .onLocalInvitationCanceled(let key): return invitationEvent(key, .canceled)
        case .onLocalInvitationFailure(let key, let code): return invitationEvent(key, .localFailure(code))
        case .onRemoteInvitationAccepted(let key): return invitationEvent(key, .remoteAccepted)
        case .onRemoteInvitationRefused(let key): return invitationEvent(key, .remoteRefused)
        case .onRemoteInvitationCanceled(let key): return invitationEvent(key, .remoteCanceled)
        case .onRemoteInvitationFailure(let key, let code): return invitationEvent(key, .remoteFailure(code))
        }
    }

    /// Whether we are a member of `name` (joined, or leaving but not yet left).
    func inChannel(_ name: String) -> Bool {
        guard let slot = channel, slot.name == name else { return false }
        return slot.phase != .joining
    }

    mutating func loginFailure(_ code: LoginErrCode) -> [SignalingAction] {
        guard status == .logining, var attempt = login, let account else { return [] }
        if code == .timeout {
            // login2: retry while both limits allow; each failed attempt took the RTM login timeout.
            attempt.timeouts += 1
            let elapsedS = attempt.timeouts * ConnectionMachine.loginTimeoutMs / 1000
            if attempt.timeouts <= attempt.retryCount, elapsedS < attempt.retryTimeInS {
                login = attempt
                return [.rtm(.login(token: attempt.rtmToken, userId: account), .login)]
            }
        }
        endSession()
        return [.callback(.onLoginFailed(SignalingCodes.loginFailed(code)))]
    }

    /// The session ended: by our logout (`rtmLogout` false), or by itself (the RTM client is then logged
    /// out so that a new `login` is possible, and that `onLogout` is swallowed).
    mutating func sessionEnded(leave: SignalingErrCode, logout: SignalingErrCode, rtmLogout: Bool) -> [SignalingAction]
    {
        var actions: [SignalingAction] = []
        let name = channel?.name
        if let slot = channel, slot.phase != .joining {
            actions.append(.callback(.onChannelLeaved(channel: slot.name, leave)))
        }
        endSession()
        actions.append(.callback(.onLogout(logout)))
        if rtmLogout {
            swallowNextLogout = true
            actions.append(.rtm(.logout, .sessionEndLogout))
        }
        if let name { actions.append(.rtm(.releaseChannel(channel: name), .releaseChannel)) }
        return actions
    }

    /// Reports the difference between the channel's attributes as last reported and `attributes`.
    mutating func applyAttributes(_ attributes: [RtmChannelAttribute], in name: String) -> [SignalingAction] {
        guard var slot = channel, slot.name == name, slot.phase != .joining else { return [] }
        let old = slot.attributes
        let new = attributes.map { RtmAttribute(key: $0.key, value: $0.value) }
        slot.attributes = new
        channel = slot
        if new.isEmpty, old.count > 1 {
            return [.callback(.onChannelAttrUpdated(channel: name, name: "", value: "", type: "clear"))]
        }
        var actions: [SignalingAction] = []
        for attribute in new where old.first(where: { $0.key == attribute.key })?.value != attribute.value {
            actions.append(
                .callback(
                    .onChannelAttrUpdated(
                        channel: name, name: attribute.key, value: attribute.value,
                        type: "update")))
        }
        for attribute in old where !new.contains(where: { $0.key == attribute.key }) {
            actions.append(.callback(.onChannelAttrUpdated(channel: name, name: attribute.key, value: "", type: "del")))
        }
        return actions
    }
}
