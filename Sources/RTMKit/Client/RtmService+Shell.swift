import RTMMachines
import RTMProtocol

/// A timer an ``RtmService`` runs on its host.
enum ShellTimer: Hashable, Sendable {
    /// One of the core's timers.
    case core(ClientCore.Timer)
    /// The timeout of a shell request (§2.5).
    case request(Int)
    /// C7: the SDK re-logs in again when a re-login was refused (after a pause) or got no answer.
    case reloginRetry

    /// A short, fixed label for the network log.
    var label: String {
        switch self {
        case .core(.connection): "connection"
        case .core(.channel): "channel"
        case .core(.local): "localInvitation"
        case .core(.remote): "remoteInvitation"
        case .core(.peerMessage): "peerMessage"
        case .request: "request"
        case .reloginRetry: "reloginRetry"
        }
    }
}

/// The shell: running the core's outputs, and feeding it what arrives (server messages, timers, the link).
extension RtmService {
    /// A re-login with no answer is sent again after the login timeout (C7: RECONNECTING retries forever).
    static let reloginRetryMs = ConnectionMachine.loginTimeoutMs
    /// A refused re-login is tried again after this pause (C7).
    static let reloginBackoffMs = 2_000

    /// Feeds one input to the core and runs its outputs.
    func feed(_ input: ClientCore.Input) {
        run(core.handle(input))
    }

    /// Runs the core's outputs in order: callbacks to the handlers, requests onto the link, timers on the host.
    func run(_ outputs: [ClientCore.Output]) {
        for output in outputs {
            switch output {
            case .returned:
                break  // `perform` took the call's return value.
            case .callback(let callback):
                deliver(callback)
            case .send(let request):
                send(request)
            case .sendRenewToken(let token):
                let id = core.takeRequestId()
                renewTokens[id] = token
                host.send(.renewToken(token: token, requestId: id), from: self)
            case .startTimer(let timer, let ms):
                startTimer(.core(timer), ms: ms)
            case .cancelTimer(let timer):
                cancelTimer(.core(timer))
            case .violation(let violation):
                violations.append(violation)
                if host.isObserved { host.record(.violation(source: name, violation)) }
            }
        }
        settleConnection()
    }

    /// After the connection moved: stop retrying a re-login that is over; after an automatic re-login, push the
    /// local user's attributes again.
    func settleConnection() {
        let now = core.connection
        if now != .reconnecting(.reloginSent) { cancelTimer(.reloginRetry) }
        if lastConnection.sdkState == .reconnecting, now.sdkState == .connected { resyncLocalUserAttributes() }
        lastConnection = now
    }

    /// Sends a core request. Logins carry the App ID and the token for the server to verify (decision 12).
    func send(_ request: ClientRequest) {
        switch request {
        case .login(let user, _):
            host.send(.login(appId: appId, token: core.token, userId: user), from: self)
        case .relogin(let user, let channels):
            host.send(.relogin(appId: appId, token: core.token, userId: user, channels: channels), from: self)
            startTimer(.reloginRetry, ms: Self.reloginRetryMs)
        case .logout, .join, .leave, .channelMessage, .getMembers, .peerMessage, .peerMessageAck, .invitation:
            host.send(.core(request), from: self)
        }
    }

    // MARK: What arrives

    /// A message from the server.
    func receive(_ downlink: KitDownlink) {
        guard !isReleased else { return }
        switch downlink {
        case .core(let message):
            feed(.received(message))
        case .tokenExpired:
            feed(.tokenExpired)
        case .reloginRejected:
            if core.connection == .reconnecting(.reloginSent) { startTimer(.reloginRetry, ms: Self.reloginBackoffMs) }
        case .renewTokenResult(let id, let code):
            renewResultToken = renewTokens.removeValue(forKey: id) ?? core.token
            feed(.renewTokenResult(code))
        case .peersOnlineStatus(let id, let statuses, let code):
            guard answered(id) != nil else { return }
            deliver(.onQueryPeersOnlineStatusResult(requestId: id, statuses: statuses, code))
        case .localUserAttributesResult(let id, let kind, let code):
            guard let pending = answered(id) else { return }
            switch pending {
            case .localUserAttributes(let write):
                if code == .ok { applyToLocalUserAttributes(write) }
                deliver(Self.localWriteCallback(kind, id, code))
            case .attributeResync, .queryPeersOnlineStatus, .getUserAttributes, .getChannelMemberCount,
                .channelAttributes, .getChannelAttributes:
                break
            }
        case .userAttributes(let id, let userId, let attributes, let code):
            guard answered(id) != nil else { return }
            deliver(.onGetUserAttributesResult(requestId: id, userId: userId, attributes: attributes, code))
        case .channelMemberCounts(let id, let counts, let code):
            guard answered(id) != nil else { return }
            deliver(.onGetChannelMemberCountResult(requestId: id, counts: counts, code))
        case .channelAttributesResult(let id, let kind, let code):
            guard answered(id) != nil else { return }
            deliver(Self.channelWriteCallback(kind, id, code))
        case .channelAttributes(let id, _, let attributes, let code):
            guard answered(id) != nil else { return }
            deliver(.onGetChannelAttributesResult(requestId: id, attributes: attributes, code))
        case .attributesUpdated(let channel, let attributes):
            guard channelObjects[channel] != nil else { return }
            deliver(.onAttributesUpdated(channel: channel, attributes: attributes))
        }
    }

    /// The link to the server went down.
    func linkLost() {
        guard !isReleased else { return }
        feed(.linkLost)
    }

    /// The link to the server is back.
    func linkRestored() {
        guard !isReleased else { return }
        feed(.linkRestored)
    }

    /// A timer this service armed has fired.
    func timerFired(_ id: TimerID) {
        guard let timer = timersById.removeValue(forKey: id) else { return }
        timerIds[timer] = nil
        switch timer {
        case .core(let coreTimer):
            feed(.timerFired(coreTimer))
        case .request(let requestId):
            requestTimedOut(requestId)
        case .reloginRetry:
            if core.connection == .reconnecting(.reloginSent) { feed(.reloginRejected) }
        }
    }

    // MARK: Timers

    func startTimer(_ timer: ShellTimer, ms: Int) {
        cancelTimer(timer)
        let id = host.scheduleTimer(afterMs: ms, for: self, label: timer.label)
        timerIds[timer] = id
        timersById[id] = timer
    }

    func cancelTimer(_ timer: ShellTimer) {
        guard let id = timerIds.removeValue(forKey: timer) else { return }
        timersById[id] = nil
        host.cancelTimer(id)
    }

    func applyToLocalUserAttributes(_ write: AttributeWrite) {
        switch write {
        case .set(let attributes): localUserAttributes = AttributeList.merged([], attributes)
        case .addOrUpdate(let attributes): localUserAttributes = AttributeList.merged(localUserAttributes, attributes)
        case .deleteByKeys(let keys): localUserAttributes.removeAll { keys.contains($0.key) }
        case .clear: localUserAttributes = []
        }
    }
}
