import RTMProtocol

/// The connection of one `IRtmService` instance: login, logout, link loss, auto-reconnect, kicks and tokens.
///
/// A pure value machine. The observable state is the SDK's `CONNECTION_STATE` (``State/sdkState``); the
/// machine keeps a little more detail inside CONNECTED (is the 4 s interruption timer running?) and inside
/// RECONNECTING (waiting for a link, a re-login in flight, or a re-login refused for an expired token).
/// API calls return their code as the first effect; outcomes decided by the server or a timer arrive as
/// callbacks in the order of decision 3. Logout and ABORTED end every channel membership of the service
/// (``Effect/dropChannelMemberships``, decision 7); a successful auto-reconnect resumes them
/// (``Effect/resumeChannelMemberships``, C6).
///
/// ### Legal transitions
/// - `disconnected -> connecting` (C1 `login`)
/// - `connecting -> connected(up)` (C2), `connecting -> disconnected` (C3 rejected, C4 timeout, C17,
///   decision 6 `logout`)
/// - `connected(up) -> connected(lost)` (link lost), `connected(lost) -> connected(up)` (restored within 4 s)
/// - `connected(lost) -> reconnecting(waitingForLink)` (C5 interruption timer)
/// - `reconnecting(waitingForLink) -> reconnecting(reloginSent)` (link restored, re-login sent)
/// - `reconnecting(reloginSent) -> connected(up)` (C6), `-> reconnecting(reloginSent)` (C7 retry),
///   `-> reconnecting(awaitingToken)` (C15), `-> reconnecting(waitingForLink)` (link lost)
/// - `reconnecting(awaitingToken) -> reconnecting(reloginSent)` (`renewToken`), `-> reconnecting(waitingForLink)`
/// - `connected(*) | reconnecting(reloginSent | awaitingToken) -> aborted` (C8 remote login, C9 ban)
/// - `connected(*) | reconnecting(*) | aborted -> disconnected` (C10, C11 `logout`)
///
/// Implements rtm-reference §2.1 (C1–C17), §3.1, §2.5 and decisions 2, 3, 6, 7 of §0;
/// the UNCONFIRMED points it settles are in docs/decisions-connection.md.
public enum ConnectionMachine: StateMachine {
    /// The login timeout (C4): 6 s.
    public static let loginTimeoutMs = 6_000
    /// How long a lost link may stay lost before CONNECTED becomes RECONNECTING (C5): 4 s.
    public static let interruptionMs = 4_000

    /// The connection of one service instance.
    public enum State: Hashable, Sendable, Codable {
        /// We are not logged in: we never logged in, we logged out, or our last login failed.
        case disconnected
        /// We have sent a login request and run the 6 s login timer; the server has not answered.
        case connecting
        /// We are logged in; the link is up, or lost for less than 4 s with the interruption timer running.
        case connected(Link)
        /// We are logged in but the link was lost for more than 4 s; the SDK re-logs in by itself.
        case reconnecting(Reconnect)
        /// The server kicked us (remote login or ban); we have given up and wait for the app's `logout`.
        case aborted

        /// The SDK's `CONNECTION_STATE` for this state.
        public var sdkState: ConnectionState {
            switch self {
            case .disconnected: .disconnected
            case .connecting: .connecting
            case .connected: .connected
            case .reconnecting: .reconnecting
            case .aborted: .aborted
            }
        }

        /// True when the user is logged in (CONNECTED or RECONNECTING): the precondition of most API calls.
        public var isLoggedIn: Bool { ConnectionMachine.isLoggedIn(sdkState) }

        /// A short, stable label with the internal detail, e.g. `CONNECTED(linkLost)`.
        public var label: String {
            switch self {
            case .disconnected: "DISCONNECTED"
            case .connecting: "CONNECTING"
            case .connected(.up): "CONNECTED"
            case .connected(.lost): "CONNECTED(linkLost)"
            case .reconnecting(.waitingForLink): "RECONNECTING(waitingForLink)"
            case .reconnecting(.reloginSent): "RECONNECTING(reloginSent)"
            case .reconnecting(.awaitingToken): "RECONNECTING(awaitingToken)"
            case .aborted: "ABORTED"
            }
        }
    }

    /// The link while CONNECTED.
    public enum Link: Hashable, Sendable, Codable {
        /// The link is up.
        case up
        /// The link is lost and the 4 s interruption timer runs; the SDK still reports CONNECTED.
        case lost
    }

    /// What the SDK is doing while RECONNECTING.
    public enum Reconnect: Hashable, Sendable, Codable {
        /// The link is down; we re-log in as soon as it comes back.
        case waitingForLink
        /// The link is up and we have sent a re-login; the server has not answered.
        case reloginSent
        /// The server refused our re-login because the token expired (C15); we wait for `renewToken`.
        case awaitingToken
    }

    /// Why the server kicked us (C8, C9).
    public enum KickReason: Hashable, Sendable, Codable, CaseIterable {
        /// The same user ID logged in from another instance (C8).
        case remoteLogin
        /// Agora banned the login (C9).
        case bannedByServer

        /// The `CONNECTION_CHANGE_REASON` reported with ABORTED.
        public var changeReason: ConnectionChangeReason {
            switch self {
            case .remoteLogin: .remoteLogin
            case .bannedByServer: .bannedByServer
            }
        }
    }

    /// A fact the machine reacts to: an API call, a server message, a timer, or the link.
    public enum Event: Hashable, Sendable, Codable {
        /// The app called `login(token, userId)`; the shell has validated the arguments and the rate limit.
        case loginRequested
        /// The app called `logout()`.
        case logoutRequested
        /// The app called `renewToken(token)`; the shell keeps the newest token for every later (re-)login.
        case renewTokenRequested
        /// The server accepted our login.
        case loginAcceptedReceived
        /// The server refused our login with this code (C3, C17).
        case loginRejectedReceived(LoginErrCode)
        /// The 6 s login timer fired (C4).
        case loginTimerFired
        /// The link to the server dropped.
        case linkLost
        /// The link to the server is back.
        case linkRestored
        /// The 4 s interruption timer fired (C5).
        case interruptionTimerFired
        /// The server accepted our automatic re-login (C6).
        case reloginAcceptedReceived
        /// The server refused our re-login for a passing reason; the SDK keeps trying (C7).
        case reloginRejectedReceived
        /// The server ended our session: a remote login of the same user ID, or a ban (C8, C9).
        case kickedReceived(KickReason)
        /// The server says our token expired: in answer to a re-login (C15), or while online (C16).
        case tokenExpiredReceived
        /// The server answered a `renewToken` request.
        case renewTokenResultReceived(RenewTokenErrCode)
    }

    /// The login codes a server may send with a refusal (C3: 1...7). The others are the SDK's own.
    public static let serverLoginFailureCodes: Set<LoginErrCode> = [
        .unknown, .rejected, .invalidArgument, .invalidAppId, .invalidToken, .tokenExpired, .notAuthorized,
    ]

    /// The renewal codes a server may answer with. TOO_OFTEN, NOT_INITIALIZED and USER_NOT_LOGGED_IN are
    /// the SDK's own synchronous codes.
    public static let serverRenewTokenCodes: Set<RenewTokenErrCode> = [
        .ok, .failure, .invalidArgument, .rejected, .tokenExpired, .invalidToken,
    ]

    /// True when an SDK connection state counts as logged in for other objects' API calls (join, leave,
    /// getMembers, renewToken): CONNECTED or RECONNECTING. CONNECTING has not logged in yet, and an
    /// ABORTED client was removed by the server.
    public static func isLoggedIn(_ state: ConnectionState) -> Bool {
        switch state {
        case .connected, .reconnecting: true
        case .disconnected, .connecting, .aborted: false
        }
    }

    public static var initialState: State { .disconnected }

    /// Every event case, with each kick reason and representative valid and invalid server codes.
    public static var representativeEvents: [Event] {
        [
            .loginRequested, .logoutRequested, .renewTokenRequested,
            .loginAcceptedReceived, .loginRejectedReceived(.invalidToken), .loginRejectedReceived(.tokenExpired),
            .loginRejectedReceived(.timeout), .loginTimerFired,
            .linkLost, .linkRestored, .interruptionTimerFired,
            .reloginAcceptedReceived, .reloginRejectedReceived,
            .kickedReceived(.remoteLogin), .kickedReceived(.bannedByServer), .tokenExpiredReceived,
            .renewTokenResultReceived(.ok), .renewTokenResultReceived(.invalidToken),
            .renewTokenResultReceived(.tooOften),
        ]
    }

    public static func sdkStateName(_ state: State) -> String { state.sdkState.sdkName }

    public static func eventLabel(_ event: Event) -> String {
        switch event {
        case .loginRequested: "login"
        case .logoutRequested: "logout"
        case .renewTokenRequested: "renewToken"
        case .loginAcceptedReceived: "loginAcceptedReceived"
        case .loginRejectedReceived(let code): "loginRejectedReceived(\(code.sdkName))"
        case .loginTimerFired: "loginTimerFired"
        case .linkLost: "linkLost"
        case .linkRestored: "linkRestored"
        case .interruptionTimerFired: "interruptionTimerFired"
        case .reloginAcceptedReceived: "reloginAcceptedReceived"
        case .reloginRejectedReceived: "reloginRejectedReceived"
        case .kickedReceived(let reason): "kickedReceived(\(reason.changeReason.sdkName))"
        case .tokenExpiredReceived: "tokenExpiredReceived"
        case .renewTokenResultReceived(let code): "renewTokenResultReceived(\(code.sdkName))"
        }
    }

    public static func effectLabel(_ effect: Effect) -> String { effect.label }
}
