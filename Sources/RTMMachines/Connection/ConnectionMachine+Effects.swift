import RTMProtocol

extension ConnectionMachine {
    /// An order for the shell, in the order the shell must carry it out.
    public enum Effect: Hashable, Sendable, Codable {
        /// The synchronous return value of the API call (always the first effect of a `…Requested` event).
        case returnCode(ReturnCode)
        /// Call the app's `IRtmServiceEventHandler`.
        case callback(Callback)
        /// Send this request to the server.
        case send(Request)
        /// Start (or restart) a timer; its expiry comes back as the matching `…Fired` event.
        case startTimer(Timer, ms: Int)
        /// Stop a timer; a firing that races the cancel is ignored.
        case cancelTimer(Timer)
        /// Logout or ABORTED (decision 7): feed `removedBySessionEnd` to every `IChannel` of this service.
        case dropChannelMemberships
        /// Auto-reconnect succeeded (C6): feed `rejoinedAfterReconnect` to every `IChannel` of this service.
        case resumeChannelMemberships

        /// A short, stable label, e.g. `onLoginFailure(LOGIN_ERR_TIMEOUT)` or `startTimer(login, 6000ms)`.
        public var label: String {
            switch self {
            case .returnCode(let code): "return(\(code.sdkName))"
            case .callback(let callback): callback.label
            case .send(let request): "send(\(request.rawValue))"
            case .startTimer(let timer, let ms): "startTimer(\(timer.rawValue), \(ms)ms)"
            case .cancelTimer(let timer): "cancelTimer(\(timer.rawValue))"
            case .dropChannelMemberships: "dropChannelMemberships"
            case .resumeChannelMemberships: "resumeChannelMemberships"
            }
        }
    }

    /// The synchronous return value of one API call.
    public enum ReturnCode: Hashable, Sendable, Codable {
        /// What `login` returns.
        case login(LoginErrCode)
        /// What `logout` returns.
        case logout(LogoutErrCode)
        /// What `renewToken` returns.
        case renewToken(RenewTokenErrCode)

        /// The SDK name of the code, e.g. `LOGIN_ERR_ALREADY_LOGGED_IN`.
        public var sdkName: String {
            switch self {
            case .login(let code): code.sdkName
            case .logout(let code): code.sdkName
            case .renewToken(let code): code.sdkName
            }
        }
    }

    /// A callback of `IRtmServiceEventHandler`, with the SDK's name and arguments.
    public enum Callback: Hashable, Sendable, Codable {
        /// `onLoginSuccess()`.
        case onLoginSuccess
        /// `onLoginFailure(errorCode)`.
        case onLoginFailure(LoginErrCode)
        /// `onLogout(errorCode)`.
        case onLogout(LogoutErrCode)
        /// `onConnectionStateChanged(state, reason)`.
        case onConnectionStateChanged(ConnectionState, ConnectionChangeReason)
        /// `onTokenExpired()`: fired only in RECONNECTING (C15).
        case onTokenExpired
        /// `onRenewTokenResult(token, errorCode)`; the shell adds the token.
        case onRenewTokenResult(RenewTokenErrCode)

        /// A short, stable label, e.g. `onConnectionStateChanged(CONNECTION_STATE_CONNECTED, …)`.
        public var label: String {
            switch self {
            case .onLoginSuccess: "onLoginSuccess"
            case .onLoginFailure(let code): "onLoginFailure(\(code.sdkName))"
            case .onLogout(let code): "onLogout(\(code.sdkName))"
            case .onConnectionStateChanged(let state, let reason):
                "onConnectionStateChanged(\(state.sdkName), \(reason.sdkName))"
            case .onTokenExpired: "onTokenExpired"
            case .onRenewTokenResult(let code): "onRenewTokenResult(\(code.sdkName))"
            }
        }
    }

    /// A request to the server. The shell adds the user ID and the newest token.
    public enum Request: String, Hashable, Sendable, Codable, CaseIterable {
        /// Log in (answered by `loginAccepted` or `loginRejected(code)`).
        case login
        /// End our session, and any login we abandoned; the server sends no answer.
        case logout
        /// Re-log in after an interruption (answered by `reloginAccepted`, `reloginRejected`, `tokenExpired`
        /// or `kicked`).
        case relogin
        /// Replace the session's token (answered by `renewTokenResult(code)`).
        case renewToken
    }

    /// A timer the machine runs.
    public enum Timer: String, Hashable, Sendable, Codable, CaseIterable {
        /// The 6 s login timer (C4).
        case login
        /// The 4 s timer started when the link drops while CONNECTED (C5).
        case interruption
    }
}
