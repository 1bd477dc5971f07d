import RTMProtocol

/// The pure server core: sessions and presence, peer-message routing with the offline store,
/// channel membership and member events, and invitation routing with the server as the arbiter.
///
/// RTMKit's `RtmServer` embeds this exact core and adds only I/O, the clock, token verification and
/// attribute stores; RTMSystem composes it with N model clients. Every collection in the state is an
/// array kept in a canonical order (sessions by connection, channels by ID, members by user ID), so
/// equal states are equal values and encode identically; a derived index, excluded from equality,
/// keeps each event's cost independent of the number of sessions (``State``).
///
/// ### Legal transitions (per session)
/// - `none -> online` on `login` (a same-user session elsewhere is kicked: C8)
/// - `online -> lingering` on `linkLost` (the 30 s grace of §2.1 starts)
/// - `lingering -> online` on `relogin` within the grace (no member events; queued peer messages resent)
/// - `lingering -> none` on `graceTimerFired` (removed from channels: remote `onMemberLeft`)
/// - `lingering -> online` on any other request from its connection (the link came back within the
///   client's 4 s window, so the client sent no `relogin`)
/// - `online | lingering -> none` on `logout` (decision 7) or a kick
/// - a `relogin` with no session: a fresh session, or `kicked(REMOTE_LOGIN)` when the user logged in
///   elsewhere meanwhile
///
/// Implements rtm-reference §2.1 (server-side grace), §3.2–§3.5, decisions 7, 11, 14, 15.
public enum ServerMachine: StateMachine {
    /// Grace after a link loss before the user is taken offline (§2.1).
    public static let graceMs = 30_000
    /// Offline messages cached per receiver (decision 15).
    public static let offlineCapacity = 200
    /// Members returned by `getMembers` at most (§4.3).
    public static let getMembersLimit = 512

    /// One logged-in client instance.
    public struct Session: Hashable, Sendable, Codable {
        public var conn: ConnectionID
        public var user: UserID
        /// False while the link is lost and the grace timer runs.
        public var linkUp: Bool

        /// Memberwise, for this package (RTMSystem's state decoder).
        package init(conn: ConnectionID, user: UserID, linkUp: Bool) {
            self.conn = conn
            self.user = user
            self.linkUp = linkUp
        }
    }

    public struct ChannelRecord: Hashable, Sendable, Codable {
        public var id: ChannelID
        /// Sorted user IDs.
        public var members: [UserID]

        /// Memberwise, for this package (RTMSystem's state decoder).
        package init(id: ChannelID, members: [UserID]) {
            self.id = id
            self.members = members
        }
    }

    public struct OfflineMessage: Hashable, Sendable, Codable {
        public var to: UserID
        public var from: UserID
        public var messageId: Int
        public var text: String

        /// Memberwise, for this package (RTMSystem's state decoder).
        package init(to: UserID, from: UserID, messageId: Int, text: String) {
            self.to = to
            self.from = from
            self.messageId = messageId
            self.text = text
        }
    }

    public struct PendingPeerMessage: Hashable, Sendable, Codable {
        /// The sender's connection, told the result; nil for a message from the offline store.
        public var senderConn: ConnectionID?
        public var from: UserID
        public var to: UserID
        public var messageId: Int
        public var text: String
        public var offline: Bool
        /// Whether it came from the offline store (delivered with `isOfflineMessage`).
        public var fromStore: Bool

        /// Memberwise, for this package (RTMSystem's state decoder).
        package init(
            senderConn: ConnectionID?, from: UserID, to: UserID, messageId: Int, text: String, offline: Bool,
            fromStore: Bool
        ) {
            self.senderConn = senderConn
            self.from = from
            self.to = to
            self.messageId = messageId
            self.text = text
            self.offline = offline
            self.fromStore = fromStore
        }
    }

    public enum Event: Hashable, Sendable, Codable {
        case requestReceived(ConnectionID, ClientRequest)
        /// The transport lost the link to a client instance.
        case linkLost(ConnectionID)
        case timerFired(ServerTimer)
        /// The server process restarted: sessions, channels and invitations are gone; the offline
        /// store is persistent and survives.
        case restarted
    }

    public enum Effect: Hashable, Sendable, Codable {
        case send(ConnectionID, ServerMessage)
        case startTimer(ServerTimer, ms: Int)
        case cancelTimer(ServerTimer)
    }

    public enum ServerTimer: Hashable, Sendable, Codable {
        case grace(ConnectionID)
        case invitation(InvitationKey, InvitationServerTimer)
    }

    public static var initialState: State { State() }

    /// What ``apply(_:to:)`` did to the state it was given.
    public enum Applied: Hashable, Sendable {
        /// The state was changed in place (possibly to an equal value): the effects to carry out, in order,
        /// and the sessions the step ended (logout, a kick, the grace, a restart, a login replacing a lingering
        /// session), in order, for a shell that keeps per-session data.
        case moved(effects: [Effect], endedSessions: [Session])
        /// A documented race: the state is unchanged.
        case ignored(because: String)
        /// The client broke the protocol: the state is unchanged.
        case rejected(Violation)
    }

    public static func step(_ state: State, _ event: Event) -> Step<State, Effect> {
        var next = state
        switch apply(event, to: &next) {
        case .moved(let effects, _): return .moved(to: next, effects: effects)
        case .ignored(let reason): return .ignored(because: reason)
        case .rejected(let violation): return .rejected(violation)
        }
    }

    /// ``step(_:_:)`` in place: the same transition, made on `state` itself. A shell that owns its state uses
    /// this, so a step changes only what it concerns instead of copying every array the state holds (O(n)
    /// per event at n sessions). `state` is left as it was when the step is ignored or rejected.
    public static func apply(_ event: Event, to state: inout State) -> Applied {
        // The core works on the caller's storage itself (swapped in, so it is uniquely referenced).
        state.ensureIndex()
        var core = ServerCore(state: State())
        swap(&core.state, &state)
        defer { swap(&core.state, &state) }
        switch event {
        case .requestReceived(let conn, let request):
            let outcome = core.handle(conn, request)
            // A violation is found before the core changes anything, and the step is discarded.
            if case .violation(let violation) = outcome { return .rejected(violation) }
            switch request {
            case .login, .relogin, .logout: break  // They settle the session's link themselves.
            case .join, .leave, .channelMessage, .getMembers, .peerMessage, .peerMessageAck, .invitation:
                core.reviveIfLingering(conn)
            }
            // An ignored request changes nothing itself; reviving a lingering session always has an effect.
            if case .ignored(let reason) = outcome, core.effects.isEmpty { return .ignored(because: reason) }
        case .linkLost(let conn):
            guard let index = core.state.sessionIndex(conn), core.state.content.sessions[index].linkUp
            else { return .ignored(because: "the link of a connection with no live session was lost") }
            core.state.content.sessions[index].linkUp = false
            core.effects.append(.startTimer(.grace(conn), ms: graceMs))
        case .timerFired(.grace(let conn)):
            guard let session = core.state.session(conn), !session.linkUp else {
                return .ignored(because: "the grace timer raced with a relogin or logout")
            }
            core.endSession(conn, notify: nil, graceFired: true)
        case .timerFired(.invitation(let key, let timer)):
            if let reason = core.invitationTimerFired(key, timer) { return .ignored(because: reason) }
        case .restarted:
            core.restart()
        }
        return .moved(effects: core.effects, endedSessions: core.endedSessions)
    }

    public static var representativeEvents: [Event] {
        let a = ConnectionID(0)
        let b = ConnectionID(1)
        let call = InvitationKey(caller: "alice", callee: "bob", serial: 1)
        let invitationRequests: [Event] = [
            .requestReceived(a, .invitation(call, .invite(content: "call", channelId: "room"))),
            .requestReceived(b, .invitation(call, .receivedAck)),
            .requestReceived(b, .invitation(call, .accept(response: "yes"))),
            .requestReceived(b, .invitation(call, .refuse(response: "no"))),
            .requestReceived(a, .invitation(call, .cancel)),
            .requestReceived(a, .invitation(call, .acceptAck)),
            .requestReceived(a, .invitation(call, .abandon)),
            .requestReceived(b, .invitation(call, .abandon)),
        ]
        let invitationTimers: [Event] = [InvitationServerTimer.noAck, .expire, .acceptAck, .purge].map {
            .timerFired(.invitation(call, $0))
        }
        return invitationRequests + invitationTimers + [
            .requestReceived(a, .login(user: "alice", tokenVerdict: .ok)),
            .requestReceived(b, .login(user: "bob", tokenVerdict: .ok)),
            .requestReceived(b, .login(user: "alice", tokenVerdict: .ok)),
            .requestReceived(a, .login(user: "alice", tokenVerdict: .invalidToken)),
            .requestReceived(a, .relogin(user: "alice", channels: ["lobby"])),
            .requestReceived(a, .logout),
            .requestReceived(a, .join("lobby")),
            .requestReceived(b, .join("lobby")),
            .requestReceived(a, .leave("lobby")),
            .requestReceived(a, .channelMessage("lobby", messageId: 1, text: "hi")),
            .requestReceived(a, .getMembers("lobby", requestId: 1)),
            .requestReceived(a, .peerMessage(to: "bob", messageId: 1, text: "hi", offline: true)),
            .requestReceived(a, .peerMessage(to: "bob", messageId: 2, text: "hi", offline: false)),
            .requestReceived(b, .peerMessageAck(from: "alice", messageId: 1)),
            .linkLost(a), .timerFired(.grace(a)), .restarted,
        ]
    }

    public static func sdkStateName(_ state: State) -> String {
        let users = state.sessions.map { $0.linkUp ? $0.user : "\($0.user)(grace)" }
        return "online[\(users.joined(separator: ","))]"
    }

    public static func eventLabel(_ event: Event) -> String {
        switch event {
        case .requestReceived(let conn, let request): "\(conn) \(request.label)"
        case .linkLost(let conn): "linkLost(\(conn))"
        case .timerFired(let timer): "\(timer)Fired"
        case .restarted: "serverRestarted"
        }
    }

    public static func effectLabel(_ effect: Effect) -> String {
        switch effect {
        case .send(let conn, let message): "send \(conn) \(message)"
        case .startTimer(let timer, let ms): "startTimer(\(timer), \(ms) ms)"
        case .cancelTimer(let timer): "cancelTimer(\(timer))"
        }
    }
}

extension ClientRequest {
    /// The request's name without its payload, for labels.
    public var label: String {
        switch self {
        case .login: "login"
        case .relogin: "relogin"
        case .logout: "logout"
        case .join: "join"
        case .leave: "leave"
        case .channelMessage: "channelMessage"
        case .getMembers: "getMembers"
        case .peerMessage: "peerMessage"
        case .peerMessageAck: "peerMessageAck"
        case .invitation(_, let request): "invitation." + request.rendered
        }
    }
}
