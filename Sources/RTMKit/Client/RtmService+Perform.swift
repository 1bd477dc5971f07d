import RTMMachines
import RTMProtocol

/// The one entry point every API call goes through: argument and rate checks, then the core or the shell.
extension RtmService {
    /// Makes one API call, as the SDK method of the same name, and returns what it returns.
    ///
    /// The typed methods (``login(token:userId:)``, ``RtmChannel/join()``, …) all come here; a trace replayer
    /// or a random workload can call it directly. The observers see the call, then its return, then what it
    /// caused (sends, timers, callbacks), in that order.
    @discardableResult
    public func perform(_ call: RtmApiCall) -> RtmApiResult {
        host.countApiCall()
        let observed = host.isObserved
        if observed { host.record(.apiCall(service: name, call)) }
        var after: [ClientCore.Output] = []
        var deferred: (() -> Void)?
        let result: RtmApiResult
        if isReleased {
            result = Self.notInitialized(call)
        } else if let refused = precheck(call) {
            result = refused
        } else if ClientCore.handles(call) {
            (result, after) = coreCall(call)
        } else {
            (result, deferred) = shellCall(call)
        }
        if observed { host.record(.apiReturned(service: name, call, result)) }
        run(after)
        if case .logout = call, result == .logout(.ok) { host.connectionClosed(by: self) }
        if case .login = call, result == .login(.ok) { host.connectionOpened(by: self) }
        deferred?()
        return result
    }

    // MARK: The core's calls

    func coreCall(_ call: RtmApiCall) -> (RtmApiResult, [ClientCore.Output]) {
        var outputs = core.handle(.api(call))
        var result = RtmApiResult.void
        if let index = outputs.firstIndex(where: { if case .returned = $0 { true } else { false } }),
            case .returned(let returned) = outputs[index]
        {
            result = returned
            outputs.remove(at: index)
        }
        if result.code == 0, let operation = Self.rateOperation(call) { _ = limiter.admit(operation, at: host.clockMs) }
        afterCoreCall(call, result)
        return (result, outputs)
    }

    /// Keeps the handle objects in step with the core.
    func afterCoreCall(_ call: RtmApiCall, _ result: RtmApiResult) {
        switch call {
        case .createChannel(let id):
            if result == .channelCreated(true) {
                channelObjects[id] = RtmChannel(service: self, channelId: id, handler: nil)
            }
        case .releaseChannel(let id):
            if core.channel(id) == nil { channelObjects[id] = nil }
        case .createLocalCallInvitation:
            if case .invitationCreated(let key?) = result {
                localInvitations[key] = LocalInvitation(service: self, key: key)
            }
        case .setContent(let key, let content):
            localInvitations[key]?.requestedContent = content
        case .setChannelId(let key, let channelId):
            localInvitations[key]?.requestedChannelId = channelId
        case .sendLocalInvitation(let key):
            // Created before login: the core re-keyed the invitation with the logged-in caller.
            if core.local(key) == nil, let user = core.userId, let handle = localInvitations.removeValue(forKey: key) {
                var moved = key
                moved.caller = user
                handle.key = moved
                localInvitations[moved] = handle
            }
        case .logout:
            if result == .logout(.ok) { localUserAttributes = [] }  // Cleared at logout (§2.1).
        case .login, .renewToken, .sendMessageToPeer, .join, .leave, .sendMessage, .getMembers, .setResponse,
            .cancelLocalInvitation, .acceptRemoteInvitation, .refuseRemoteInvitation, .queryPeersOnlineStatus,
            .setLocalUserAttributes, .addOrUpdateLocalUserAttributes, .deleteLocalUserAttributesByKeys,
            .clearLocalUserAttributes, .getUserAttributes, .getUserAttributesByKeys, .getChannelMemberCount,
            .setChannelAttributes, .addOrUpdateChannelAttributes, .deleteChannelAttributesByKeys,
            .clearChannelAttributes, .getChannelAttributes, .getChannelAttributesByKeys:
            break
        }
    }

    // MARK: Argument and rate checks

    /// The synchronous refusal of a call before the core sees it: bad arguments (§4.1–4.2), then rate limits
    /// (§4.4). nil when the call may go on.
    func precheck(_ call: RtmApiCall) -> RtmApiResult? {
        switch call {
        case .login(_, let userId):
            let code = Validation.loginUserId(userId)
            if code != .ok { return .login(code) }
            if rateRefusal(.login) != nil { return .login(.tooOften) }
        case .renewToken(let token):
            if token.isEmpty { return .renewToken(.invalidArgument) }
            if rateRefusal(.renewToken) != nil { return .renewToken(.tooOften) }
        case .sendMessageToPeer(let peerId, let text, _):
            let code = Validation.peerMessage(peerId: peerId, text: text)
            if code != .ok { return .peerMessage(code, messageId: 0) }
            if rateRefusal(.sendMessageToPeer) != nil { return .peerMessage(.tooOften, messageId: 0) }
        case .createChannel(let id):
            if !Validation.isValidChannelId(id) { return .channelCreated(false) }
        case .join(let id):
            let code = Validation.joinChannel(channelId: id)
            if code != .ok { return .join(code) }
            if let budget = rateRefusal(.join(channelId: id)) {
                return .join(budget == .joinSameChannel ? .joinSameChannelTooOften : .tooOften)
            }
        case .sendMessage(_, let text):
            let code = Validation.channelMessage(text: text)
            if code != .ok { return .channelMessage(code, messageId: 0) }
            if rateRefusal(.sendChannelMessage) != nil { return .channelMessage(.tooOften, messageId: 0) }
        case .getMembers:
            if rateRefusal(.getMembers) != nil { return .getMembers(.tooOften) }
        case .createLocalCallInvitation(let calleeId):
            if IdentifierRules.userId(calleeId) != nil { return .invitationCreated(nil) }
        case .sendLocalInvitation(let key):
            guard let handle = localInvitations[key] else { return nil }  // The core answers an unknown key.
            let code = Validation.localInvitation(
                calleeId: key.callee, content: handle.requestedContent, channelId: handle.requestedChannelId)
            if code != .ok { return .invitation(code) }
        case .logout, .leave, .releaseChannel, .setContent, .setChannelId, .setResponse, .cancelLocalInvitation,
            .acceptRemoteInvitation, .refuseRemoteInvitation, .queryPeersOnlineStatus, .setLocalUserAttributes,
            .addOrUpdateLocalUserAttributes, .deleteLocalUserAttributesByKeys, .clearLocalUserAttributes,
            .getUserAttributes, .getUserAttributesByKeys, .getChannelMemberCount, .setChannelAttributes,
            .addOrUpdateChannelAttributes, .deleteChannelAttributesByKeys, .clearChannelAttributes,
            .getChannelAttributes, .getChannelAttributesByKeys:
            break
        }
        return nil
    }

    /// The budget that would refuse `operation` now, without counting it; nil when it has room.
    func rateRefusal(_ operation: RateLimitedOperation) -> RateBudget? {
        var probe = limiter
        if case .refused(let rule) = probe.decide(operation, at: host.clockMs) { return rule.budget }
        return nil
    }

    /// Counts `operation` if it has room; false when the rate limit refuses it.
    func admit(_ operation: RateLimitedOperation) -> Bool {
        limiter.admit(operation, at: host.clockMs)
    }

    /// The rate-limited operation a core call counts as (counted only when it returns OK).
    static func rateOperation(_ call: RtmApiCall) -> RateLimitedOperation? {
        switch call {
        case .login: .login
        case .renewToken: .renewToken
        case .join(let id): .join(channelId: id)
        case .sendMessageToPeer: .sendMessageToPeer
        case .sendMessage: .sendChannelMessage
        case .getMembers: .getMembers
        case .logout, .createChannel, .leave, .releaseChannel, .createLocalCallInvitation, .setContent,
            .setChannelId, .setResponse, .sendLocalInvitation, .cancelLocalInvitation, .acceptRemoteInvitation,
            .refuseRemoteInvitation, .queryPeersOnlineStatus, .setLocalUserAttributes,
            .addOrUpdateLocalUserAttributes, .deleteLocalUserAttributesByKeys, .clearLocalUserAttributes,
            .getUserAttributes, .getUserAttributesByKeys, .getChannelMemberCount, .setChannelAttributes,
            .addOrUpdateChannelAttributes, .deleteChannelAttributesByKeys, .clearChannelAttributes,
            .getChannelAttributes, .getChannelAttributesByKeys:
            nil
        }
    }

    /// What every call returns once the instance is released.
    static func notInitialized(_ call: RtmApiCall) -> RtmApiResult {
        switch call {
        case .login: .login(.notInitialized)
        case .logout: .logout(.notInitialized)
        case .renewToken: .renewToken(.notInitialized)
        case .sendMessageToPeer: .peerMessage(.notInitialized, messageId: 0)
        case .queryPeersOnlineStatus: .queryPeersOnlineStatus(.notInitialized, requestId: 0)
        case .setLocalUserAttributes, .addOrUpdateLocalUserAttributes, .deleteLocalUserAttributesByKeys,
            .clearLocalUserAttributes, .getUserAttributes, .getUserAttributesByKeys, .setChannelAttributes,
            .addOrUpdateChannelAttributes, .deleteChannelAttributesByKeys, .clearChannelAttributes,
            .getChannelAttributes, .getChannelAttributesByKeys:
            .attribute(.notInitialized, requestId: 0)
        case .getChannelMemberCount: .getChannelMemberCount(.notInitialized, requestId: 0)
        case .createChannel: .channelCreated(false)
        case .join: .join(.notInitialized)
        case .leave: .leave(.notInitialized)
        case .sendMessage: .channelMessage(.notInitialized, messageId: 0)
        case .getMembers: .getMembers(.notInitialized)
        case .releaseChannel: .void
        case .createLocalCallInvitation: .invitationCreated(nil)
        // INVITATION_API_CALL_ERR has no NOT_INITIALIZED: the invitation object is gone with its service.
        case .setContent, .setChannelId, .setResponse, .sendLocalInvitation, .cancelLocalInvitation,
            .acceptRemoteInvitation, .refuseRemoteInvitation:
            .invitation(.invalidArgument)
        }
    }
}
