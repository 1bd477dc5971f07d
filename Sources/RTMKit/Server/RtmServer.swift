import RTMMachines
import RTMProtocol

/// The RTM server: the pure ``ServerMachine`` core plus what a shell adds — the clock, timers, token
/// verification against an ``AppRegistry``, user and channel attributes, online-status queries and
/// member counts.
///
/// Single-threaded: a simulation driver (or a transport's event loop) calls it and carries out what it
/// returns. Every entry point returns the ``Output``s of that step in order: messages to send to a
/// connection, and timers to start or cancel. The driver schedules a ``Output/startTimer(_:afterMs:dueAtMs:)``
/// (on ``SimulatedNetwork`` or anywhere) and calls ``timerFired(_:)`` when it is due; a timer that was
/// cancelled or outlived a restart is ignored, so a late firing is harmless. ``advanceClock(to:)`` fires due
/// timers itself, for drivers without a network.
///
/// The clock ``nowMs`` is Unix time in milliseconds, set by the driver: tokens are checked at `nowMs / 1000`
/// and channel attributes are stamped with it.
///
/// What survives ``restart()``: the offline message store (in the core) and channel attributes. Sessions,
/// channels, invitations, user attributes (they belong to sessions) and armed timers are gone.
///
/// Authorization is the server's: a login needs a token that verifies (decision 12); a client writes only
/// its own user attributes (writes carry no user ID); every shell request needs a logged-in session
/// (`…_USER_NOT_LOGGED_IN`); the core refuses a channel message from a non-member
/// (`CHANNEL_MESSAGE_ERR_FAILURE`).
///
/// Implements DESIGN.md "The real implementation" (`RtmServer`), rtm-reference §2.1, §3, §4.2–4.3, §5.1
/// and decisions 12, 13, 15.
public final class RtmServer {
    /// One thing the driver must do, in order.
    public enum Output: Hashable, Sendable {
        /// Send `message` to the client on `conn`.
        case send(ConnectionID, KitDownlink)
        /// Arm `timer` to fire `afterMs` from now (at server time `dueAtMs`); it replaces an armed timer
        /// with the same identity.
        case startTimer(ServerMachine.ServerTimer, afterMs: Int, dueAtMs: Int64)
        /// Disarm `timer`.
        case cancelTimer(ServerMachine.ServerTimer)
    }

    /// The identity a connection proved at its last login or re-login (a valid or merely expired token).
    struct Identity: Hashable, Sendable {
        var appId: String
        var userId: UserID
        /// A re-login was refused with ``KitDownlink/tokenExpired``: `renewToken` is allowed without a session.
        var awaitingRenewal: Bool
    }

    /// The projects this server admits.
    public var apps: AppRegistry
    /// The server clock: Unix time in milliseconds, set by the driver.
    public var nowMs: Int64
    /// The pure core's state: sessions, channels, the offline store, pending messages, invitations.
    public private(set) var core: ServerMachine.State = ServerMachine.initialState
    /// The attributes of the online users.
    public internal(set) var userAttributes = UserAttributeStore()
    /// The attributes of every channel (persistent).
    public internal(set) var channelAttributes = ChannelAttributeStore()
    /// The armed timers and their due times, in the order they were armed.
    ///
    /// - Complexity: O(t log t) for t armed timers: it is for inspection, not for a hot path.
    public var armedTimers: [(timer: ServerMachine.ServerTimer, dueAtMs: Int64)] {
        armed.sorted { $0.value.sequence < $1.value.sequence }.map { ($0.key, $0.value.dueAtMs) }
    }
    /// The core's rejections (a client broke the protocol), in order: a well-behaved run has none.
    public private(set) var violations: [Violation] = []

    var identities: [ConnectionID: Identity] = [:]
    /// Per connection, the send order of the last session request (login, re-login, logout) handled, when the
    /// transport reports send order: an older one arriving later is stale (see ``receive(_:from:sentOrder:)``).
    var lastSessionRequest: [ConnectionID: UInt64] = [:]
    var outputs: [Output] = []
    /// The armed timers by identity (a timer is armed at most once): arming, cancelling and firing are O(1).
    var armed: [ServerMachine.ServerTimer: ArmedTimer] = [:]
    /// Counts the timers armed so far: the arming order that breaks ties between equal due times.
    var armings = 0

    /// When an armed timer is due, and when it was armed.
    struct ArmedTimer: Hashable, Sendable {
        var dueAtMs: Int64
        var sequence: Int
    }

    /// A server for `apps` whose clock reads `nowMs` (Unix ms).
    public init(apps: AppRegistry, nowMs: Int64 = 0) {
        self.apps = apps
        self.nowMs = nowMs
    }

    /// The clock in Unix seconds, as token expiries are written.
    public var nowSeconds: UInt32 { UInt32(clamping: nowMs / 1000) }

    // MARK: Entry points

    /// Handles one request that arrived on `conn`.
    ///
    /// `sentOrder`, when the transport knows it, is the request's position in the client's send order (any
    /// increasing number; a duplicate carries its original's). A session request (login, re-login, logout)
    /// sent before one already handled on the same connection is stale and dropped: on a network that
    /// reorders, a logout sent before the client logged in again must not end the new session (the client
    /// would stay CONNECTED with no session: every request answered `…_USER_NOT_LOGGED_IN`), and a login the
    /// client abandoned with a logout must not open a session it no longer wants.
    public func receive(_ uplink: KitUplink, from conn: ConnectionID, sentOrder: UInt64? = nil) -> [Output] {
        if let sentOrder, uplink.isSessionRequest {
            if let last = lastSessionRequest[conn], sentOrder < last { return [] }
            lastSessionRequest[conn] = sentOrder
        }
        switch uplink {
        case .login(let appId, let token, let userId):
            login(conn, appId: appId, token: token, userId: userId)
        case .relogin(let appId, let token, let userId, let channels):
            relogin(conn, appId: appId, token: token, userId: userId, channels: channels)
        case .core(.login(let user, _)):
            refuseUnverified(conn, "an unverified login for \(user)")
            send(conn, .core(.loginRejected(.rejected)))
        case .core(.relogin(let user, _)):
            refuseUnverified(conn, "an unverified relogin for \(user)")
            send(conn, .reloginRejected(.rejected))
        case .core(let request):
            stepCore(.requestReceived(conn, request))
        case .renewToken(let token, let requestId):
            renewToken(conn, token: token, requestId: requestId)
        case .queryPeersOnlineStatus(let requestId, let peerIds):
            queryPeersOnlineStatus(conn, requestId: requestId, peerIds: peerIds)
        case .localUserAttributes(let requestId, let write):
            writeLocalUserAttributes(conn, requestId: requestId, write)
        case .getUserAttributes(let requestId, let userId):
            getUserAttributes(conn, requestId: requestId, userId: userId, keys: nil)
        case .getUserAttributesByKeys(let requestId, let userId, let keys):
            getUserAttributes(conn, requestId: requestId, userId: userId, keys: keys)
        case .getChannelMemberCount(let requestId, let channelIds):
            getChannelMemberCount(conn, requestId: requestId, channelIds: channelIds)
        case .channelAttributes(let requestId, let channel, let write, let notify):
            writeChannelAttributes(conn, requestId: requestId, channel: channel, write, notify: notify)
        case .getChannelAttributes(let requestId, let channel):
            getChannelAttributes(conn, requestId: requestId, channel: channel, keys: nil)
        case .getChannelAttributesByKeys(let requestId, let channel, let keys):
            getChannelAttributes(conn, requestId: requestId, channel: channel, keys: keys)
        }
        return flush()
    }

    /// The transport lost the link to `conn`: the session's 30 s grace starts (§2.1).
    public func linkLost(_ conn: ConnectionID) -> [Output] {
        stepCore(.linkLost(conn))
        return flush()
    }

    /// An armed timer is due. A timer that is not armed (cancelled, replaced, or armed before a restart)
    /// is ignored.
    public func timerFired(_ timer: ServerMachine.ServerTimer) -> [Output] {
        guard armed.removeValue(forKey: timer) != nil else { return [] }
        stepCore(.timerFired(timer))
        return flush()
    }

    /// Moves the clock to `ms`, firing every armed timer due by then in due order (ties in arming order),
    /// each with the clock set to its due time. The clock never goes back.
    ///
    /// - Complexity: O(t) per timer fired, for t armed timers: for drivers without a network (tests). A
    ///   network driver schedules each ``Output/startTimer(_:afterMs:dueAtMs:)`` and calls ``timerFired(_:)``.
    public func advanceClock(to ms: Int64) -> [Output] {
        var all: [Output] = []
        while let next = armed.min(by: { a, b in
            (a.value.dueAtMs, a.value.sequence) < (b.value.dueAtMs, b.value.sequence)
        }), next.value.dueAtMs <= ms {
            nowMs = max(nowMs, next.value.dueAtMs)
            all += timerFired(next.key)
        }
        nowMs = max(nowMs, ms)
        return all
    }

    /// The server process restarts. Armed timers are cancelled (in arming order), the core loses sessions,
    /// channels and invitations but keeps the offline store; user attributes go with the sessions; channel
    /// attributes persist.
    public func restart() -> [Output] {
        identities.removeAll()
        lastSessionRequest.removeAll()
        stepCore(.restarted)  // The core cancels the timers it armed.
        for (timer, _) in armedTimers { outputs.append(.cancelTimer(timer)) }
        armed.removeAll()
        return flush()
    }

    // MARK: Core stepping

    /// Steps the core (in place: a step costs what it concerns, not the size of the state) and turns its
    /// effects into outputs. A user's attributes go with its session: when that session ends (logout, a kick
    /// by a same-user login, the grace running out, a restart), even if the same step starts a new session
    /// for the user on another connection. A session that ends and starts again on the same connection for the
    /// same user within one step (a re-login after the grace) keeps them.
    func stepCore(_ event: ServerMachine.Event) {
        switch ServerMachine.apply(event, to: &core) {
        case .moved(let effects, let endedSessions):
            for effect in effects { perform(effect) }
            for ended in endedSessions where core.session(ended.conn)?.user != ended.user {
                _ = userAttributes.apply(.clear, to: ended.user)
            }
        case .ignored:
            break  // A documented race (a late timer, a duplicate request): nothing to do.
        case .rejected(let violation):
            violations.append(violation)
        }
    }

    func perform(_ effect: ServerMachine.Effect) {
        switch effect {
        case .send(let conn, let message):
            send(conn, .core(message))
        case .startTimer(let timer, let ms):
            let due = nowMs + Int64(ms)
            armings += 1
            armed[timer] = ArmedTimer(dueAtMs: due, sequence: armings)
            outputs.append(.startTimer(timer, afterMs: ms, dueAtMs: due))
        case .cancelTimer(let timer):
            armed[timer] = nil
            outputs.append(.cancelTimer(timer))
        }
    }

    func send(_ conn: ConnectionID, _ message: KitDownlink) { outputs.append(.send(conn, message)) }

    func flush() -> [Output] {
        defer { outputs.removeAll() }
        return outputs
    }

    func refuseUnverified(_ conn: ConnectionID, _ what: String) {
        violations.append(
            Violation(
                .peerBrokeProtocol, state: ServerMachine.sdkStateName(core), event: "\(conn) \(what)",
                detail: "a login must carry a token for the server to verify"))
    }
}

extension KitUplink {
    /// Whether it opens or ends a session: a login, a re-login or a logout.
    var isSessionRequest: Bool {
        switch self {
        case .login, .relogin, .core(.login), .core(.relogin), .core(.logout): true
        case .core(.join), .core(.leave), .core(.channelMessage), .core(.getMembers), .core(.peerMessage),
            .core(.peerMessageAck), .core(.invitation), .renewToken, .queryPeersOnlineStatus, .localUserAttributes,
            .getUserAttributes, .getUserAttributesByKeys, .getChannelMemberCount, .channelAttributes,
            .getChannelAttributes, .getChannelAttributesByKeys:
            false
        }
    }
}
