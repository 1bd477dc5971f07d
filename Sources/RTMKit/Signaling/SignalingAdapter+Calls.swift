import RTMMachines
import RTMProtocol

/// Signaling API calls → RTM API calls (the left column of the migration table, [D-SEED]).
///
/// Argument and state checks fail at once with the call's own failure callback (`onLoginFailed`,
/// `onMessageSendError`, `onChannelJoinFailed`, `onInviteFailed`, `onChannelQueryUserNumResult`) or, for
/// calls without one, `onError(name, ecode, desc)`. Names must satisfy both Signaling's rules (§4.1) and
/// RTM's (the carrying RTM IDs), so the stricter applies.
extension SignalingAdapter {
    /// The invoke name that lists a channel's members.
    public static let invokeChannelUserList = "io.agora.signal.channel_query_userlist"

    /// Handles one Signaling API call.
    public mutating func perform(_ call: SignalingCall) -> [SignalingAction] {
        switch call {
        case .login(let account, let token):
            return startLogin(account: account, token: token, retryTimeInS: 0, retryCount: 0)
        case .login2(let account, let token, let retryTimeInS, let retryCount):
            return startLogin(account: account, token: token, retryTimeInS: retryTimeInS, retryCount: retryCount)
        case .logout:
            return logout()
        case .messageInstantSend(let peer, let msg, let msgID):
            if let code = loginCheck() ?? accountCheck(peer) ?? Self.messageCheck(msg) {
                return [.callback(.onMessageSendError(messageID: msgID, code))]
            }
            return [
                .rtm(
                    .sendMessageToPeer(peerId: peer, text: msg, enableOfflineMessaging: true),
                    .instantMessage(messageID: msgID))
            ]
        case .queryUserStatus(let peer):
            if let code = loginCheck() ?? accountCheck(peer) { return [error("queryUserStatus", code)] }
            return [.rtm(.queryPeersOnlineStatus(peerIds: [peer]), .queryUserStatus(account: peer))]
        case .setAttr(let name, let value):
            if let code = loginCheck() ?? Self.userAttributeCheck(name: name, value: value) {
                return [error("setAttr", code)]
            }
            let write: RtmApiCall =
                value.isEmpty
                ? .deleteLocalUserAttributesByKeys([name])
                : .addOrUpdateLocalUserAttributes([RtmAttribute(key: name, value: value)])
            return [.rtm(write, .userAttributeWrite(api: "setAttr"))]
        case .getAttr(let name):
            return getUserAttributes(api: "getAttr", account: account ?? "", name: name)
        case .getAttrAll:
            return getUserAttributes(api: "getAttrAll", account: account ?? "", name: nil)
        case .getUserAttr(let peer, let name):
            return getUserAttributes(api: "getUserAttr", account: peer, name: name)
        case .getUserAttrAll(let peer):
            return getUserAttributes(api: "getUserAttrAll", account: peer, name: nil)
        case .channelJoin(let name):
            return channelJoin(name)
        case .channelLeave(let name):
            return channelLeave(name)
        case .messageChannelSend(let name, let msg, let msgID):
            return messageChannelSend(name, msg: msg, msgID: msgID)
        case .messageChannelSendForce(let name, let msg, let msgID):
            // RTM has no send-without-joining (§2.2): only a member can send. See docs/signaling.md.
            return messageChannelSend(name, msg: msg, msgID: msgID)
        case .channelSetAttr(let name, let key, let value):
            if let code = loginCheck() ?? Self.channelCheck(name) ?? Self.channelAttributeCheck(name: key, value: value)
            {
                return [error("channelSetAttr", code)]
            }
            let write: RtmApiCall =
                value.isEmpty
                ? .deleteChannelAttributesByKeys(channel: name, keys: [key], enableNotificationToChannelMembers: true)
                : .addOrUpdateChannelAttributes(
                    channel: name, [RtmAttribute(key: key, value: value)], enableNotificationToChannelMembers: true)
            return [.rtm(write, .channelAttributeWrite(api: "channelSetAttr"))]
        case .channelDelAttr(let name, let key):
            if let code = loginCheck() ?? Self.channelCheck(name) ?? Self.channelAttributeCheck(name: key, value: "") {
                return [error("channelDelAttr", code)]
            }
            return [
                .rtm(
                    .deleteChannelAttributesByKeys(
                        channel: name, keys: [key], enableNotificationToChannelMembers: true),
                    .channelAttributeWrite(api: "channelDelAttr"))
            ]
        case .channelClearAttr(let name):
            if let code = loginCheck() ?? Self.channelCheck(name) { return [error("channelClearAttr", code)] }
            return [
                .rtm(
                    .clearChannelAttributes(channel: name, enableNotificationToChannelMembers: true),
                    .channelAttributeWrite(api: "channelClearAttr"))
            ]
        case .channelQueryUserNum(let name):
            if let code = loginCheck() ?? Self.channelCheck(name) {
                return [.callback(.onChannelQueryUserNumResult(channel: name, code, num: 0))]
            }
            return [.rtm(.getChannelMemberCount(channelIds: [name]), .memberCount(channel: name))]
        case .invoke(let name, let req, let callID):
            return invoke(name, req: req, callID: callID)
        case .channelInviteUser(let name, let peer):
            return channelInviteUser2(name, peer: peer, extra: "")
        case .channelInviteUser2(let name, let peer, let extra):
            return channelInviteUser2(name, peer: peer, extra: extra)
        case .channelInviteDTMF(let name, let peer, let dtmf):
            if let code = loginCheck() ?? accountCheck(peer) { return [error("channelInviteDTMF", code)] }
            guard let message = LegacyCallMessage(.dtmf, channelId: name, info: dtmf) else {
                return [error("channelInviteDTMF", .generalWrongParam, "a DTMF string must not contain \"_\"")]
            }
            return [callMessage(message, to: peer)]
        case .channelInviteAccept(let name, let peer, let extra):
            return channelInviteAnswer(name, peer: peer, extra: extra, accept: true)
        case .channelInviteRefuse(let name, let peer, let extra):
            return channelInviteAnswer(name, peer: peer, extra: extra, accept: false)
        case .channelInviteEnd(let name, let peer):
            return channelInviteEnd(name, peer: peer)
        }
    }

    // MARK: Login

    mutating func startLogin(account: String, token: String, retryTimeInS: Int, retryCount: Int) -> [SignalingAction] {
        guard status == .notLogin else {
            return [error("login", .loginAlreadyLogin, "already \(status.sdkName)")]
        }
        if Validation.signalingAccount(account) != .success || IdentifierRules.userId(account) != nil {
            return [.callback(.onLoginFailed(.loginInvalidUser))]
        }
        self.account = account
        status = .logining
        login = LoginAttempt(token: token, retryTimeInS: max(0, retryTimeInS), retryCount: max(0, retryCount))
        return [.verifyToken(account: account, token: token)]
    }

    /// The shell's verdict on the "1:" token asked for by ``SignalingAction/verifyToken(account:token:)``,
    /// with the RTM token to log the embedded RTM client in with.
    public mutating func tokenVerified(_ verdict: TokenVerdict, rtmToken: String) -> [SignalingAction] {
        guard status == .logining, var attempt = login, attempt.awaitingToken, let account else { return [] }
        if let code = SignalingCodes.loginFailed(verdict) {
            endSession()
            return [.callback(.onLoginFailed(code))]
        }
        attempt.awaitingToken = false
        attempt.rtmToken = rtmToken
        login = attempt
        return [.rtm(.login(token: rtmToken, userId: account), .login)]
    }

    mutating func logout() -> [SignalingAction] {
        switch status {
        case .notLogin:
            return [.callback(.onLogout(.logoutAlreadyLogout))]
        case .logining where login?.awaitingToken ?? true:
            endSession()
            return [.callback(.onLogout(.logoutUser))]
        case .logining, .logined, .reconnecting:
            return [.rtm(.logout, .logout)]
        }
    }

    // MARK: Attributes

    mutating func getUserAttributes(api: String, account peer: String, name: String?) -> [SignalingAction] {
        if let code = loginCheck() ?? accountCheck(peer) { return [error(api, code)] }
        if let name, let code = Self.userAttributeCheck(name: name, value: "") { return [error(api, code)] }
        let call: RtmApiCall =
            name.map { .getUserAttributesByKeys(userId: peer, keys: [$0]) } ?? .getUserAttributes(userId: peer)
        return [.rtm(call, .getUserAttributes(api: api, account: peer, name: name))]
    }

    // MARK: Channel

    mutating func channelJoin(_ name: String) -> [SignalingAction] {
        if let code = loginCheck() ?? Self.channelCheck(name) {
            return [.callback(.onChannelJoinFailed(channel: name, code))]
        }
        guard channel == nil else {
            // One channel at a time (decision 13), the same one included.
            return [.callback(.onChannelJoinFailed(channel: name, .joinChannelOther))]
        }
        channel = ChannelSlot(name: name, phase: .joining)
        return [
            .rtm(.createChannel(channelId: name), .createChannel), .rtm(.join(channel: name), .join(channel: name)),
        ]
    }

    mutating func channelLeave(_ name: String) -> [SignalingAction] {
        if let code = loginCheck() { return [error("channelLeave", code)] }
        guard var slot = channel, slot.name == name, slot.phase == .joined else {
            return [error("channelLeave", .leaveChannelOther, "not in channel \(name)")]
        }
        slot.phase = .leaving
        channel = slot
        return [.rtm(.leave(channel: name), .leave(channel: name))]
    }

    mutating func messageChannelSend(_ name: String, msg: String, msgID: String) -> [SignalingAction] {
        if let code = loginCheck() ?? Self.messageCheck(msg) {
            return [.callback(.onMessageSendError(messageID: msgID, code))]
        }
        guard let slot = channel, slot.name == name, slot.phase == .joined else {
            return [.callback(.onMessageSendError(messageID: msgID, .sendMessageOther))]
        }
        return [
            .rtm(.sendMessage(channel: name, text: msg), .channelMessage(messageID: msgID, channel: name, text: msg))
        ]
    }

    mutating func invoke(_ name: String, req: String, callID: String) -> [SignalingAction] {
        guard name == Self.invokeChannelUserList else {
            return [.callback(.onInvokeRet(callID: callID, err: SignalingErrCode.generalUnknown.sdkName, resp: "{}"))]
        }
        if let code = loginCheck() {
            return [.callback(.onInvokeRet(callID: callID, err: code.sdkName, resp: "{}"))]
        }
        var target = channel?.name ?? ""
        if case .string(let named)? = SignalingJSON.parseObject(req)?["name"] { target = named }
        guard let slot = channel, slot.name == target, slot.phase == .joined else {
            return [.callback(.onInvokeRet(callID: callID, err: SignalingErrCode.generalFailed.sdkName, resp: "{}"))]
        }
        memberRequests.append(MemberRequest(channel: target, purpose: .invoke(callID: callID)))
        return [.rtm(.getMembers(channel: target), .getMembers(channel: target))]
    }

    // MARK: Checks

    /// `GENERAL_E_NOT_LOGIN` unless logged in (LOGINED, or RECONNECTING where RTM queues the request).
    func loginCheck() -> SignalingErrCode? { isLoggedIn ? nil : .generalNotLogin }

    /// `GENERAL_E_WRONG_PARAM` for an account that is not both a Signaling account and an RTM user ID.
    func accountCheck(_ peer: String) -> SignalingErrCode? {
        Validation.signalingAccount(peer) == .success && IdentifierRules.userId(peer) == nil ? nil : .generalWrongParam
    }

    /// `GENERAL_E_WRONG_PARAM` for a channel name that is not both a Signaling name and an RTM channel ID.
    static func channelCheck(_ name: String) -> SignalingErrCode? {
        Validation.signalingChannelName(name) == .success && IdentifierRules.channelId(name) == nil
            ? nil : .generalWrongParam
    }

    /// `GENERAL_E_LARGE_PARAM` for a message over 8 KB.
    static func messageCheck(_ msg: String) -> SignalingErrCode? {
        let code = Validation.signalingMessage(msg)
        return code == .success ? nil : code
    }

    /// A user attribute: name 1…128 characters (1004), value ≤ 1,024 characters (1005).
    static func userAttributeCheck(name: String, value: String) -> SignalingErrCode? {
        if name.isEmpty || name.count > RTMLimits.Signaling.maxUserAttributeNameCharacters { return .generalWrongParam }
        return value.count > RTMLimits.Signaling.maxUserAttributeValueCharacters ? .generalLargeParam : nil
    }

    /// A channel attribute: name 1…128 characters (1004), value ≤ 8,096 characters (1005).
    static func channelAttributeCheck(name: String, value: String) -> SignalingErrCode? {
        if name.isEmpty || name.count > RTMLimits.Signaling.maxUserAttributeNameCharacters { return .generalWrongParam }
        return value.count > RTMLimits.Signaling.maxChannelAttributeValueCharacters ? .generalLargeParam : nil
    }

    func error(_ name: String, _ code: SignalingErrCode, _ desc: String? = nil) -> SignalingAction {
        .callback(.onError(name: name, code, desc: desc ?? code.meaning))
    }

    /// An endCall or DTMF peer message (online only: it belongs to a live call).
    func callMessage(_ message: LegacyCallMessage, to peer: String) -> SignalingAction {
        .rtm(.sendMessageToPeer(peerId: peer, text: message.text, enableOfflineMessaging: false), .callMessage)
    }

    /// Forgets the session: login, channel, invitations (not the pending results, which still resolve).
    mutating func endSession() {
        account = nil
        status = .notLogin
        login = nil
        channel = nil
        memberRequests.removeAll()
        invitations.removeAll()
    }
}
