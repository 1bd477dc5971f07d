import RTMMachines
import RTMProtocol

/// A request the shell sent and still waits for.
enum PendingRequest: Hashable, Sendable {
    case queryPeersOnlineStatus
    case localUserAttributes(AttributeWrite)
    case getUserAttributes(UserID)
    case getChannelMemberCount
    case channelAttributes(AttributeWriteKind)
    case getChannelAttributes
    /// The SDK's own push of the local user's attributes after a reconnect (§2.1): no callback.
    case attributeResync
}

/// The calls ``ClientCore`` leaves to the shell, their answers and their timeouts (§2.5).
extension RtmService {
    /// `queryPeersOnlineStatus` is answered within 10 s.
    static let queryTimeoutMs = 10_000
    /// Attribute operations and `getChannelMemberCount` are answered within 5 s.
    static let attributeTimeoutMs = 5_000

    /// Checks and sends one shell call; returns its synchronous result and what to do once it has returned.
    func shellCall(_ call: RtmApiCall) -> (RtmApiResult, (() -> Void)?) {
        switch call {
        case .queryPeersOnlineStatus(let peerIds):
            var code = Validation.queryPeersOnlineStatus(peerIds: peerIds)
            if code == .ok, !core.isLoggedIn { code = .userNotLoggedIn }
            if code == .ok, !admit(.queryPeersOnlineStatus) { code = .tooOften }
            guard code == .ok else { return (.queryPeersOnlineStatus(code, requestId: 0), nil) }
            let id = core.takeRequestId()
            return (
                .queryPeersOnlineStatus(.ok, requestId: id),
                {
                    self.request(
                        id, .queryPeersOnlineStatus, .queryPeersOnlineStatus(requestId: id, peerIds: peerIds),
                        timeoutMs: Self.queryTimeoutMs)
                }
            )
        case .getChannelMemberCount(let channelIds):
            var code = Validation.channelMemberCount(channelIds: channelIds)
            if code == .ok, !core.isLoggedIn { code = .userNotLoggedIn }
            if code == .ok, !admit(.getChannelMemberCount) { code = .tooOften }
            guard code == .ok else { return (.getChannelMemberCount(code, requestId: 0), nil) }
            let id = core.takeRequestId()
            return (
                .getChannelMemberCount(.ok, requestId: id),
                {
                    self.request(
                        id, .getChannelMemberCount, .getChannelMemberCount(requestId: id, channelIds: channelIds),
                        timeoutMs: Self.attributeTimeoutMs)
                }
            )
        case .setLocalUserAttributes(let attributes):
            return userWrite(.set(attributes), Validation.userAttributes(AttributeList.pairs(attributes)))
        case .addOrUpdateLocalUserAttributes(let attributes):
            let merged = AttributeList.merged(localUserAttributes, attributes)
            let code = Validation.userAttributes(
                AttributeList.pairs(attributes), resulting: AttributeList.pairs(merged))
            return userWrite(.addOrUpdate(attributes), code)
        case .deleteLocalUserAttributesByKeys(let keys):
            return userWrite(.deleteByKeys(keys), Validation.attributeKeys(keys))
        case .clearLocalUserAttributes:
            return userWrite(.clear, .ok)
        case .getUserAttributes(let userId):
            return attributeRequest(
                Validation.attributeUserId(userId), .getUserAttributes, .getUserAttributes(userId)
            ) { .getUserAttributes(requestId: $0, userId: userId) }
        case .getUserAttributesByKeys(let userId, let keys):
            var code = Validation.attributeUserId(userId)
            if code == .ok { code = Validation.attributeKeys(keys) }
            return attributeRequest(code, .getUserAttributesByKeys, .getUserAttributes(userId)) {
                .getUserAttributesByKeys(requestId: $0, userId: userId, keys: keys)
            }
        case .setChannelAttributes(let channel, let attributes, let notify):
            var code = Validation.attributeChannelId(channel)
            if code == .ok { code = Validation.channelAttributes(AttributeList.pairs(attributes)) }
            return channelWrite(channel, .set(attributes), notify, code)
        case .addOrUpdateChannelAttributes(let channel, let attributes, let notify):
            var code = Validation.attributeChannelId(channel)
            if code == .ok {
                let merged = AttributeList.pairs(AttributeList.merged([], attributes))
                code = Validation.channelAttributes(AttributeList.pairs(attributes), resulting: merged)
            }
            return channelWrite(channel, .addOrUpdate(attributes), notify, code)
        case .deleteChannelAttributesByKeys(let channel, let keys, let notify):
            var code = Validation.attributeChannelId(channel)
            if code == .ok { code = Validation.attributeKeys(keys) }
            return channelWrite(channel, .deleteByKeys(keys), notify, code)
        case .clearChannelAttributes(let channel, let notify):
            return channelWrite(channel, .clear, notify, Validation.attributeChannelId(channel))
        case .getChannelAttributes(let channel):
            return attributeRequest(
                Validation.attributeChannelId(channel), .getChannelAttributes, .getChannelAttributes
            ) { .getChannelAttributes(requestId: $0, channel: channel) }
        case .getChannelAttributesByKeys(let channel, let keys):
            var code = Validation.attributeChannelId(channel)
            if code == .ok { code = Validation.attributeKeys(keys) }
            return attributeRequest(code, .getChannelAttributesByKeys, .getChannelAttributes) {
                .getChannelAttributesByKeys(requestId: $0, channel: channel, keys: keys)
            }
        case .login, .logout, .renewToken, .sendMessageToPeer, .createChannel, .join, .leave, .sendMessage,
            .getMembers, .releaseChannel, .createLocalCallInvitation, .setContent, .setChannelId, .setResponse,
            .sendLocalInvitation, .cancelLocalInvitation, .acceptRemoteInvitation, .refuseRemoteInvitation:
            return (.void, nil)  // The core's: `perform` never brings them here.
        }
    }

    private func userWrite(_ write: AttributeWrite, _ argument: AttributeOperationErr) -> (RtmApiResult, (() -> Void)?)
    {
        let operation: RateLimitedOperation =
            switch write.kind {
            case .set: .setLocalUserAttributes
            case .addOrUpdate: .addOrUpdateLocalUserAttributes
            case .deleteByKeys: .deleteLocalUserAttributesByKeys
            case .clear: .clearLocalUserAttributes
            }
        return attributeRequest(argument, operation, .localUserAttributes(write)) {
            .localUserAttributes(requestId: $0, write)
        }
    }

    private func channelWrite(
        _ channel: ChannelID, _ write: AttributeWrite, _ notify: Bool, _ argument: AttributeOperationErr
    ) -> (RtmApiResult, (() -> Void)?) {
        let operation: RateLimitedOperation =
            switch write.kind {
            case .set: .setChannelAttributes
            case .addOrUpdate: .addOrUpdateChannelAttributes
            case .deleteByKeys: .deleteChannelAttributesByKeys
            case .clear: .clearChannelAttributes
            }
        return attributeRequest(argument, operation, .channelAttributes(write.kind)) {
            .channelAttributes(requestId: $0, channel: channel, write, enableNotificationToChannelMembers: notify)
        }
    }

    /// An attribute call: the argument check's code, then 102 before login, then the rate limit of `budget`.
    private func attributeRequest(
        _ argument: AttributeOperationErr, _ operation: RateLimitedOperation, _ pending: PendingRequest,
        _ uplink: @escaping (Int) -> KitUplink
    ) -> (RtmApiResult, (() -> Void)?) {
        var code = argument
        if code == .ok, !core.isLoggedIn { code = .userNotLoggedIn }
        if code == .ok, !admit(operation) { code = .tooOften }
        guard code == .ok else { return (.attribute(code, requestId: 0), nil) }
        let id = core.takeRequestId()
        return (
            .attribute(.ok, requestId: id),
            { self.request(id, pending, uplink(id), timeoutMs: Self.attributeTimeoutMs) }
        )
    }

    /// Sends a shell request and arms its timeout.
    func request(_ id: Int, _ pending: PendingRequest, _ uplink: KitUplink, timeoutMs: Int) {
        pendingRequests[id] = pending
        host.send(uplink, from: self)
        startTimer(.request(id), ms: timeoutMs)
    }

    /// The request with this ID, if it still waits (else its answer is late: it timed out).
    func answered(_ requestId: Int) -> PendingRequest? {
        guard let pending = pendingRequests.removeValue(forKey: requestId) else { return nil }
        cancelTimer(.request(requestId))
        return pending
    }

    /// A shell request's timeout fired: its callback reports `…_TIMEOUT`.
    func requestTimedOut(_ requestId: Int) {
        guard let pending = pendingRequests.removeValue(forKey: requestId) else { return }
        switch pending {
        case .queryPeersOnlineStatus:
            deliver(.onQueryPeersOnlineStatusResult(requestId: requestId, statuses: [], .timeout))
        case .localUserAttributes(let write):
            deliver(Self.localWriteCallback(write.kind, requestId, .timeout))
        case .getUserAttributes(let userId):
            deliver(.onGetUserAttributesResult(requestId: requestId, userId: userId, attributes: [], .timeout))
        case .getChannelMemberCount:
            deliver(.onGetChannelMemberCountResult(requestId: requestId, counts: [], .timeout))
        case .channelAttributes(let kind):
            deliver(Self.channelWriteCallback(kind, requestId, .timeout))
        case .getChannelAttributes:
            deliver(.onGetChannelAttributesResult(requestId: requestId, attributes: [], .timeout))
        case .attributeResync:
            break
        }
    }

    /// After an automatic re-login the SDK pushes the local user's attributes again (§2.1, C6).
    func resyncLocalUserAttributes() {
        guard !localUserAttributes.isEmpty else { return }
        let id = core.takeRequestId()
        request(
            id, .attributeResync, .localUserAttributes(requestId: id, .set(localUserAttributes)),
            timeoutMs: Self.attributeTimeoutMs)
    }

    static func localWriteCallback(_ kind: AttributeWriteKind, _ id: Int, _ code: AttributeOperationErr) -> RtmCallback
    {
        switch kind {
        case .set: .onSetLocalUserAttributesResult(requestId: id, code)
        case .addOrUpdate: .onAddOrUpdateLocalUserAttributesResult(requestId: id, code)
        case .deleteByKeys: .onDeleteLocalUserAttributesResult(requestId: id, code)
        case .clear: .onClearLocalUserAttributesResult(requestId: id, code)
        }
    }

    static func channelWriteCallback(_ kind: AttributeWriteKind, _ id: Int, _ code: AttributeOperationErr)
        -> RtmCallback
    {
        switch kind {
        case .set: .onSetChannelAttributesResult(requestId: id, code)
        case .addOrUpdate: .onAddOrUpdateChannelAttributesResult(requestId: id, code)
        case .deleteByKeys: .onDeleteChannelAttributesResult(requestId: id, code)
        case .clear: .onClearChannelAttributesResult(requestId: id, code)
        }
    }
}
