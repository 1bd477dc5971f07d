import RTMMachines
import RTMProtocol

/// What carries an ``RtmService``: its link to the server, its timers, its clock and its observers.
/// ``RtmSimulation`` is one; a socket transport would be another.
protocol RtmServiceHost: AnyObject {
    /// The clock the rate limits read, in ms (virtual time in a simulation).
    var clockMs: Int64 { get }
    /// Puts `uplink` on the service's link to the server.
    func send(_ uplink: KitUplink, from service: RtmService)
    /// Arms a timer for the service; its expiry comes back as ``RtmService/timerFired(_:)``.
    func scheduleTimer(afterMs: Int, for service: RtmService, label: String) -> TimerID
    /// Disarms a timer (a late cancel is harmless).
    func cancelTimer(_ id: TimerID)
    /// The service logged out: its connection is closed, so nothing the server sends on it arrives any more,
    /// including what the server sends before the logout request reaches it.
    func connectionClosed(by service: RtmService)
    /// The service's login was accepted: it opens a new connection, on which nothing the server sent to an
    /// earlier one arrives.
    func connectionOpened(by service: RtmService)
    /// Whether anyone observes the event stream (so events are built only when they are).
    var isObserved: Bool { get }
    /// Hands one event to the observers.
    func record(_ event: SimulationEvent)
    /// Counts one API call (for summaries and benchmarks).
    func countApiCall()
    /// Counts one callback.
    func countCallback()
}

/// One RTM client instance: the SDK's `IRtmService`, with its own connection to the server.
///
/// The imperative shell around the pure ``ClientCore``. Every API call checks its arguments (RTMProtocol
/// ``Validation``: IDs, sizes) and the instance's rate limits (``RateLimiter`` on the simulation's virtual
/// clock) and returns the SDK's code synchronously (decision 2); state checks are the core's. The calls the
/// core does not handle — online-status queries, user and channel attributes, member counts — are handled
/// here with request IDs and the timeouts of §2.5. Outcomes arrive as callbacks on the event handlers, after
/// the call returned, in the order of decision 3.
///
/// Several instances live in one process (one ``RtmSimulation``), each with its own link and rate limits.
/// Single-threaded: call it only from the thread that runs its simulation.
///
/// ```swift
/// let sim = RtmSimulation(seed: 1, apps: AppRegistry([.init(appId: appId)]))
/// let alice = sim.createService(appId: appId, handler: handler, name: "alice")
/// alice.login(token: "", userId: "alice")        // LOGIN_ERR_OK
/// sim.runUntilQuiet()                            // onLoginSuccess, onConnectionStateChanged(CONNECTED, …)
/// alice.sendMessageToPeer("bob", message: RtmMessage(text: "hi"), options: .init(enableOfflineMessaging: true))
/// ```
///
/// Implements DESIGN.md "The real implementation" (`RtmService`), rtm-reference §2–§4 and decisions 2, 16, 17.
public final class RtmService {
    /// The instance's name in the simulation's event stream (and its network endpoint).
    public let name: String
    /// The App ID the instance was initialized with.
    public let appId: String
    /// The instance's connection, as the server knows it.
    public let connection: ConnectionID
    /// The pure core: connection, channels, invitations and peer messages.
    public internal(set) var core = ClientCore()
    /// Protocol violations the core reported (the server or the network broke the protocol); a well-behaved run
    /// has none.
    public internal(set) var violations: [Violation] = []
    /// Whether ``release()`` was called: every later call returns `…_NOT_INITIALIZED`.
    public internal(set) var isReleased = false

    unowned let host: RtmServiceHost
    var handlers: [RtmServiceEventHandler] = []
    var limiter = RtmService.freshLimiter
    var channelObjects: [ChannelID: RtmChannel] = [:]
    var callManager: RtmCallManager?
    var localInvitations: [InvitationKey: LocalInvitation] = [:]
    var remoteInvitations: [InvitationKey: RemoteInvitation] = [:]
    var timerIds: [ShellTimer: TimerID] = [:]
    var timersById: [TimerID: ShellTimer] = [:]
    /// Requests handled by the shell, awaiting their answer or timeout.
    var pendingRequests: [Int: PendingRequest] = [:]
    /// The token of each `renewToken` request in flight, by request ID.
    var renewTokens: [Int: String] = [:]
    /// The token the next `onRenewTokenResult` reports.
    var renewResultToken = ""
    /// The connection state when the shell last settled it (to see a reconnect complete).
    var lastConnection = ConnectionMachine.initialState
    /// The local user's attributes as the server last confirmed them (pushed again after a reconnect).
    public internal(set) var localUserAttributes: [RtmAttribute] = []

    /// One limiter built once; each instance copies it (the rule table is shared copy-on-write).
    static let freshLimiter = RateLimiter()

    init(name: String, appId: String, connection: ConnectionID, host: RtmServiceHost, handler: RtmServiceEventHandler?)
    {
        self.name = name
        self.appId = appId
        self.connection = connection
        self.host = host
        if let handler { handlers.append(handler) }
    }

    // MARK: State

    /// `CONNECTION_STATE`.
    public var connectionState: ConnectionState { core.connectionState }
    /// The user ID of the last accepted login.
    public var userId: UserID? { core.userId }
    /// The channel objects created and not released, by ID.
    public var channels: [ChannelID: RtmChannel] { channelObjects }

    /// Adds an event handler (§3.1: several may be attached); each gets every service callback.
    public func addEventHandler(_ handler: RtmServiceEventHandler) {
        if !handlers.contains(where: { $0 === handler }) { handlers.append(handler) }
    }

    /// Removes an event handler.
    public func removeEventHandler(_ handler: RtmServiceEventHandler) {
        handlers.removeAll { $0 === handler }
    }

    // MARK: Connection

    /// `login(token, userId)`: `LOGIN_ERR_OK`, then `onLoginSuccess` or `onLoginFailure`. A bad user ID gives
    /// `LOGIN_ERR_INVALID_ARGUMENT`, more than 2 calls per second `LOGIN_ERR_TOO_OFTEN`.
    @discardableResult
    public func login(token: String, userId: UserID) -> LoginErrCode {
        if case .login(let code) = perform(.login(token: token, userId: userId)) { return code }
        return .unknown
    }

    /// `logout()`: `LOGOUT_ERR_OK`, then `onLogout` and the DISCONNECTED state change.
    @discardableResult
    public func logout() -> LogoutErrCode {
        if case .logout(let code) = perform(.logout) { return code }
        return .rejected
    }

    /// `renewToken(token)`: `RENEW_TOKEN_ERR_OK`, then `onRenewTokenResult`; in RECONNECTING after
    /// `onTokenExpired` the SDK re-logs in with the new token.
    @discardableResult
    public func renewToken(_ token: String) -> RenewTokenErrCode {
        if case .renewToken(let code) = perform(.renewToken(token: token)) { return code }
        return .failure
    }

    /// `release()`: ends the instance, logging out first if needed. Later calls return `…_NOT_INITIALIZED`
    /// and nothing more arrives.
    public func release() {
        guard !isReleased else { return }
        if core.connectionState != .disconnected { perform(.logout) }
        isReleased = true
        for id in timersById.keys.sorted() { host.cancelTimer(id) }
        timersById.removeAll()
        timerIds.removeAll()
        pendingRequests.removeAll()
    }

    // MARK: Peer messages

    /// `sendMessageToPeer(peerId, message, options)`: the code, and `message.messageId` set when it was sent.
    /// The outcome arrives in `onSendMessageResult` (OK: the receiver got it). While RECONNECTING or ABORTED the
    /// call returns OK and the message times out (decision 17).
    @discardableResult
    public func sendMessageToPeer(
        _ peerId: UserID, message: RtmMessage, options: SendMessageOptions = SendMessageOptions()
    ) -> PeerMessageErrCode {
        let call = RtmApiCall.sendMessageToPeer(
            peerId: peerId, text: message.text, enableOfflineMessaging: options.enableOfflineMessaging)
        guard case .peerMessage(let code, let messageId) = perform(call) else { return .failure }
        if code == .ok { message.messageId = messageId }
        return code
    }

    // MARK: Channels and calls

    /// `createChannel(channelId, handler)`: a channel object, or nil for an invalid ID or one already created
    /// in this instance (§2.2). Allowed before login.
    public func createChannel(_ channelId: ChannelID, _ handler: RtmChannelEventHandler?) -> RtmChannel? {
        guard case .channelCreated(true) = perform(.createChannel(channelId: channelId)),
            let channel = channelObjects[channelId]
        else { return nil }
        channel.handler = handler
        return channel
    }

    /// `getRtmCallManager(handler)`: the instance's one call manager; a later call replaces its handler.
    public func getRtmCallManager(_ handler: RtmCallEventHandler?) -> RtmCallManager {
        if let callManager {
            callManager.handler = handler
            return callManager
        }
        let manager = RtmCallManager(service: self, handler: handler)
        callManager = manager
        return manager
    }
}
