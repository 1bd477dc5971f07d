import RTMMachines
import RTMProtocol

/// RTM return values → Signaling callbacks (decision 2: a refused RTM call returns its code and no RTM
/// callback follows, so the adapter reports the failure at once).
extension SignalingAdapter {
    /// What the RTM call of a ``SignalingAction/rtm(_:_:)`` action returned. A result whose type does not
    /// fit the tag (the shell mixed up its tags) is ignored.
    public mutating func returned(_ result: RtmApiResult, for tag: Tag) -> [SignalingAction] {
        switch tag {
        case .login:
            guard case .login(let code) = result, code != .ok, status == .logining else { return [] }
            endSession()
            return [.callback(.onLoginFailed(SignalingCodes.loginFailed(code)))]
        case .logout:
            guard case .logout(let code) = result else { return [] }
            switch code {
            case .ok: return []  // `onLogout` follows.
            case .userNotLoggedIn:
                endSession()
                return [.callback(.onLogout(.logoutAlreadyLogout))]
            case .rejected, .notInitialized:
                return [error("logout", .generalFailed, code.sdkName)]
            }
        case .sessionEndLogout:
            if case .logout(let code) = result, code != .ok { swallowNextLogout = false }
            return []
        case .instantMessage(let messageID):
            guard case .peerMessage(let code, let messageId) = result else { return [] }
            if code == .ok {
                instantMessages[messageId] = messageID
                return []
            }
            let failure = SignalingCodes.instantMessageFailed(code) ?? .sendMessageOther
            return [.callback(.onMessageSendError(messageID: messageID, failure))]
        case .queryUserStatus(let peer):
            guard case .queryPeersOnlineStatus(let code, let requestId) = result else { return [] }
            if code == .ok {
                requests[requestId] = .userStatus(account: peer)
                return []
            }
            return [error("queryUserStatus", SignalingCodes.queryFailed(code) ?? .generalFailed, code.sdkName)]
        case .inviteCheck(let id):
            guard case .queryPeersOnlineStatus(let code, let requestId) = result else { return [] }
            if code == .ok {
                requests[requestId] = .inviteCheck(id)
                return []
            }
            return peerChecked(id, online: nil)
        case .userAttributeWrite(let api):
            return attributeRequest(api, result, .userAttributeWrite(api: api))
        case .getUserAttributes(let api, let peer, let name):
            return attributeRequest(api, result, .userAttributes(api: api, account: peer, name: name))
        case .channelAttributeWrite(let api):
            return attributeRequest(api, result, .channelAttributeWrite(api: api))
        case .getChannelAttributes(let name):
            return attributeRequest("channelJoin", result, .channelAttributeReplay(channel: name))
        case .join(let name):
            guard case .join(let code) = result, code != .ok, let slot = channel, slot.name == name,
                slot.phase == .joining
            else { return [] }
            channel = nil
            return [
                .callback(.onChannelJoinFailed(channel: name, SignalingCodes.joinFailed(code))),
                .rtm(.releaseChannel(channel: name), .releaseChannel),
            ]
        case .leave(let name):
            guard case .leave(let code) = result, code != .ok, var slot = channel, slot.name == name,
                slot.phase == .leaving
            else { return [] }
            slot.phase = .joined
            channel = slot
            return [error("channelLeave", .leaveChannelOther, code.sdkName)]
        case .channelMessage(let messageID, let name, let text):
            guard case .channelMessage(let code, let messageId) = result else { return [] }
            if code == .ok {
                channelMessages[messageId] = PendingChannelMessage(messageID: messageID, channel: name, text: text)
                return []
            }
            let failure = SignalingCodes.channelMessageFailed(code) ?? .sendMessageOther
            return [.callback(.onMessageSendError(messageID: messageID, failure))]
        case .getMembers(let name):
            guard case .getMembers(let code) = result, code != .ok,
                let index = memberRequests.firstIndex(where: { $0.channel == name })
            else { return [] }
            return memberList(memberRequests.remove(at: index), [], code)
        case .memberCount(let name):
            guard case .getChannelMemberCount(let code, let requestId) = result else { return [] }
            if code == .ok {
                requests[requestId] = .memberCount(channel: name)
                return []
            }
            return [.callback(.onChannelQueryUserNumResult(channel: name, SignalingCodes.queryUserNum(code), num: 0))]
        case .invitation(let id, let step):
            switch result {
            case .invitationCreated(let key) where step == .create: return invitationCreated(key, id)
            case .invitation(let code): return invitationReturned(code, id, step)
            default: return []  // A result of another call's type: the shell mixed up its tags.
            }
        case .callMessage, .createChannel, .releaseChannel, .refuseUntracked:
            return []
        }
    }

    /// An attribute call's synchronous return: remember the request, or report the refusal by `onError`.
    mutating func attributeRequest(_ api: String, _ result: RtmApiResult, _ pending: PendingRequest)
        -> [SignalingAction]
    {
        guard case .attribute(let code, let requestId) = result else { return [] }
        if code == .ok {
            requests[requestId] = pending
            return []
        }
        // For the join's attribute replay the join itself stands; the app just gets no replay.
        return [error(api, SignalingCodes.attributeFailed(code) ?? .generalFailed, code.sdkName)]
    }

    /// A `getMembers` answer (or refusal): the join's `onChannelUserList`, then the attribute replay; or an
    /// `invoke` result.
    mutating func memberList(_ request: MemberRequest, _ members: [UserID], _ code: GetMembersErr) -> [SignalingAction]
    {
        switch request.purpose {
        case .userList:
            guard let slot = channel, slot.name == request.channel, slot.phase == .joined else { return [] }
            var actions: [SignalingAction] = []
            if code == .ok {
                let latest = Array(members.suffix(RTMLimits.Signaling.maxChannelUserList))
                actions.append(.callback(.onChannelUserList(accounts: latest, uids: latest.map { _ in 0 })))
            } else {
                actions.append(error("channelJoin", .joinChannelOther, "member list: \(code.sdkName)"))
            }
            let replay = RtmApiCall.getChannelAttributes(channel: request.channel)
            return actions + [.rtm(replay, .getChannelAttributes(channel: request.channel))]
        case .invoke(let callID):
            guard code == .ok else {
                return [.callback(.onInvokeRet(callID: callID, err: code.sdkName, resp: "{}"))]
            }
            let list = members.map { "[\(SignalingJSON.string($0)),0]" }.joined(separator: ",")
            return [
                .callback(.onInvokeRet(callID: callID, err: "", resp: "{\"list\":[\(list)],\"num\":\(members.count)}"))
            ]
        }
    }
}
