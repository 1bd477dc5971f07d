// Connection, login, logout and token enums (rtm-reference §1.1–1.6).
// Names and values exactly as the C++ headers spell them.

/// The connection state of one IRtmService instance, reported by `onConnectionStateChanged`.
///
/// C++ `CONNECTION_STATE`, rtm-reference §1.1.
public enum ConnectionState: Int, RTMEnum, SwiftCaseNamed {
    /// `CONNECTION_STATE_DISCONNECTED` (1): Initial state; not connected.
    case disconnected = 1
    /// `CONNECTION_STATE_CONNECTING` (2): Logging in.
    case connecting = 2
    /// `CONNECTION_STATE_CONNECTED` (3): Logged in (online).
    case connected = 3
    /// `CONNECTION_STATE_RECONNECTING` (4): Link lost; the SDK keeps re-logging in by itself.
    case reconnecting = 4
    /// `CONNECTION_STATE_ABORTED` (5):
    /// The SDK has given up (kicked by a same-uid login or banned); the app must call logout.
    case aborted = 5

    /// The C++ type name, `CONNECTION_STATE`.
    public static let sdkTypeName = "CONNECTION_STATE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .disconnected: "CONNECTION_STATE_DISCONNECTED"
        case .connecting: "CONNECTION_STATE_CONNECTING"
        case .connected: "CONNECTION_STATE_CONNECTED"
        case .reconnecting: "CONNECTION_STATE_RECONNECTING"
        case .aborted: "CONNECTION_STATE_ABORTED"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .disconnected: "Initial state; not connected."
        case .connecting: "Logging in."
        case .connected: "Logged in (online)."
        case .reconnecting: "Link lost; the SDK keeps re-logging in by itself."
        case .aborted: "The SDK has given up (kicked by a same-uid login or banned); the app must call logout."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .disconnected: "disconnected"
        case .connecting: "connecting"
        case .connected: "connected"
        case .reconnecting: "reconnecting"
        case .aborted: "aborted"
        }
    }
}

/// Why the connection state changed, reported with the new state by `onConnectionStateChanged`.
///
/// C++ `CONNECTION_CHANGE_REASON`, rtm-reference §1.2.
public enum ConnectionChangeReason: Int, RTMEnum, SwiftCaseNamed {
    /// `CONNECTION_CHANGE_REASON_LOGIN` (1): Login started.
    case login = 1
    /// `CONNECTION_CHANGE_REASON_LOGIN_SUCCESS` (2): Logged in (also on a successful auto-reconnect).
    case loginSuccess = 2
    /// `CONNECTION_CHANGE_REASON_LOGIN_FAILURE` (3): Login failed.
    case loginFailure = 3
    /// `CONNECTION_CHANGE_REASON_LOGIN_TIMEOUT` (4): No login within 6 s; the SDK gives up.
    case loginTimeout = 4
    /// `CONNECTION_CHANGE_REASON_INTERRUPTED` (5): Link lost and not recovered within 4 s.
    case interrupted = 5
    /// `CONNECTION_CHANGE_REASON_LOGOUT` (6): The app called logout.
    case logout = 6
    /// `CONNECTION_CHANGE_REASON_BANNED_BY_SERVER` (7): Login banned by Agora.
    case bannedByServer = 7
    /// `CONNECTION_CHANGE_REASON_REMOTE_LOGIN` (8): The same user ID logged in from another instance.
    case remoteLogin = 8

    /// The C++ type name, `CONNECTION_CHANGE_REASON`.
    public static let sdkTypeName = "CONNECTION_CHANGE_REASON"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .login: "CONNECTION_CHANGE_REASON_LOGIN"
        case .loginSuccess: "CONNECTION_CHANGE_REASON_LOGIN_SUCCESS"
        case .loginFailure: "CONNECTION_CHANGE_REASON_LOGIN_FAILURE"
        case .loginTimeout: "CONNECTION_CHANGE_REASON_LOGIN_TIMEOUT"
        case .interrupted: "CONNECTION_CHANGE_REASON_INTERRUPTED"
        case .logout: "CONNECTION_CHANGE_REASON_LOGOUT"
        case .bannedByServer: "CONNECTION_CHANGE_REASON_BANNED_BY_SERVER"
        case .remoteLogin: "CONNECTION_CHANGE_REASON_REMOTE_LOGIN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .login: "Login started."
        case .loginSuccess: "Logged in (also on a successful auto-reconnect)."
        case .loginFailure: "Login failed."
        case .loginTimeout: "No login within 6 s; the SDK gives up."
        case .interrupted: "Link lost and not recovered within 4 s."
        case .logout: "The app called logout."
        case .bannedByServer: "Login banned by Agora."
        case .remoteLogin: "The same user ID logged in from another instance."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .login: "login"
        case .loginSuccess: "loginSuccess"
        case .loginFailure: "loginFailure"
        case .loginTimeout: "loginTimeout"
        case .interrupted: "interrupted"
        case .logout: "logout"
        case .bannedByServer: "bannedByServer"
        case .remoteLogin: "remoteLogin"
        }
    }
}

/// The result of `IRtmService::initialize`.
///
/// C++ `INIT_ERR_CODE`, rtm-reference §1.3.
public enum InitErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `INIT_ERR_OK` (0): Initialized.
    case ok = 0
    /// `INIT_ERR_FAILURE` (1): Initialization failed.
    case failure = 1
    /// `INIT_ERR_ALREADY_INITIALIZED` (2): The instance is already initialized.
    case alreadyInitialized = 2
    /// `INIT_ERR_INVALID_APP_ID` (3): The App ID is invalid.
    case invalidAppId = 3
    /// `INIT_ERR_INVALID_ARGUMENT` (4): The event handler is empty.
    case invalidArgument = 4

    /// The C++ type name, `INIT_ERR_CODE`.
    public static let sdkTypeName = "INIT_ERR_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "INIT_ERR_OK"
        case .failure: "INIT_ERR_FAILURE"
        case .alreadyInitialized: "INIT_ERR_ALREADY_INITIALIZED"
        case .invalidAppId: "INIT_ERR_INVALID_APP_ID"
        case .invalidArgument: "INIT_ERR_INVALID_ARGUMENT"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "Initialized."
        case .failure: "Initialization failed."
        case .alreadyInitialized: "The instance is already initialized."
        case .invalidAppId: "The App ID is invalid."
        case .invalidArgument: "The event handler is empty."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .alreadyInitialized: "alreadyInitialized"
        case .invalidAppId: "invalidAppId"
        case .invalidArgument: "invalidArgument"
        }
    }
}

/// The result of `login`, returned or passed to `onLoginFailure`.
///
/// C++ `LOGIN_ERR_CODE`, rtm-reference §1.4.
public enum LoginErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `LOGIN_ERR_OK` (0): Success.
    case ok = 0
    /// `LOGIN_ERR_UNKNOWN` (1): Unknown reason.
    case unknown = 1
    /// `LOGIN_ERR_REJECTED` (2): Rejected by the server.
    case rejected = 2
    /// `LOGIN_ERR_INVALID_ARGUMENT` (3): Invalid argument (for example a bad user ID).
    case invalidArgument = 3
    /// `LOGIN_ERR_INVALID_APP_ID` (4): Invalid App ID.
    case invalidAppId = 4
    /// `LOGIN_ERR_INVALID_TOKEN` (5): Invalid token.
    case invalidToken = 5
    /// `LOGIN_ERR_TOKEN_EXPIRED` (6): The token has expired; login rejected.
    case tokenExpired = 6
    /// `LOGIN_ERR_NOT_AUTHORIZED` (7): Unauthorized login.
    case notAuthorized = 7
    /// `LOGIN_ERR_ALREADY_LOGGED_IN` (8): Already logged in or logging in, or still ABORTED without logout.
    case alreadyLoggedIn = 8
    /// `LOGIN_ERR_TIMEOUT` (9): Login timed out (6 s).
    case timeout = 9
    /// `LOGIN_ERR_TOO_OFTEN` (10): More than 2 login calls per second.
    case tooOften = 10
    /// `LOGIN_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101

    /// The C++ type name, `LOGIN_ERR_CODE`.
    public static let sdkTypeName = "LOGIN_ERR_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "LOGIN_ERR_OK"
        case .unknown: "LOGIN_ERR_UNKNOWN"
        case .rejected: "LOGIN_ERR_REJECTED"
        case .invalidArgument: "LOGIN_ERR_INVALID_ARGUMENT"
        case .invalidAppId: "LOGIN_ERR_INVALID_APP_ID"
        case .invalidToken: "LOGIN_ERR_INVALID_TOKEN"
        case .tokenExpired: "LOGIN_ERR_TOKEN_EXPIRED"
        case .notAuthorized: "LOGIN_ERR_NOT_AUTHORIZED"
        case .alreadyLoggedIn: "LOGIN_ERR_ALREADY_LOGGED_IN"
        case .timeout: "LOGIN_ERR_TIMEOUT"
        case .tooOften: "LOGIN_ERR_TOO_OFTEN"
        case .notInitialized: "LOGIN_ERR_NOT_INITIALIZED"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "Success."
        case .unknown: "Unknown reason."
        case .rejected: "Rejected by the server."
        case .invalidArgument: "Invalid argument (for example a bad user ID)."
        case .invalidAppId: "Invalid App ID."
        case .invalidToken: "Invalid token."
        case .tokenExpired: "The token has expired; login rejected."
        case .notAuthorized: "Unauthorized login."
        case .alreadyLoggedIn: "Already logged in or logging in, or still ABORTED without logout."
        case .timeout: "Login timed out (6 s)."
        case .tooOften: "More than 2 login calls per second."
        case .notInitialized: "The IRtmService instance is not initialized."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .unknown: "unknown"
        case .rejected: "rejected"
        case .invalidArgument: "invalidArgument"
        case .invalidAppId: "invalidAppId"
        case .invalidToken: "invalidToken"
        case .tokenExpired: "tokenExpired"
        case .notAuthorized: "notAuthorized"
        case .alreadyLoggedIn: "alreadyLoggedIn"
        case .timeout: "timeout"
        case .tooOften: "tooOften"
        case .notInitialized: "notInitialized"
        }
    }
}

/// The result of `logout`, passed to `onLogout`.
///
/// C++ `LOGOUT_ERR_CODE`, rtm-reference §1.5.
public enum LogoutErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `LOGOUT_ERR_OK` (0): Logged out.
    case ok = 0
    /// `LOGOUT_ERR_REJECTED` (1): Logout failed (reserved in 1.4).
    case rejected = 1
    /// `LOGOUT_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `LOGOUT_ERR_USER_NOT_LOGGED_IN` (102): The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `LOGOUT_ERR_CODE`.
    public static let sdkTypeName = "LOGOUT_ERR_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "LOGOUT_ERR_OK"
        case .rejected: "LOGOUT_ERR_REJECTED"
        case .notInitialized: "LOGOUT_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "LOGOUT_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "Logged out."
        case .rejected: "Logout failed (reserved in 1.4)."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .rejected: "rejected"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}

/// The result of `renewToken`, passed to `onRenewTokenResult`.
///
/// C++ `RENEW_TOKEN_ERR_CODE`, rtm-reference §1.6.
public enum RenewTokenErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `RENEW_TOKEN_ERR_OK` (0): Token renewed.
    case ok = 0
    /// `RENEW_TOKEN_ERR_FAILURE` (1): Renewal failed.
    case failure = 1
    /// `RENEW_TOKEN_ERR_INVALID_ARGUMENT` (2): Invalid argument.
    case invalidArgument = 2
    /// `RENEW_TOKEN_ERR_REJECTED` (3): Rejected by the server (reserved in 1.4).
    case rejected = 3
    /// `RENEW_TOKEN_ERR_TOO_OFTEN` (4): More than 2 renewToken calls per second.
    case tooOften = 4
    /// `RENEW_TOKEN_ERR_TOKEN_EXPIRED` (5): The new token has already expired.
    case tokenExpired = 5
    /// `RENEW_TOKEN_ERR_INVALID_TOKEN` (6): The new token is invalid.
    case invalidToken = 6
    /// `RENEW_TOKEN_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `RENEW_TOKEN_ERR_USER_NOT_LOGGED_IN` (102): The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `RENEW_TOKEN_ERR_CODE`.
    public static let sdkTypeName = "RENEW_TOKEN_ERR_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "RENEW_TOKEN_ERR_OK"
        case .failure: "RENEW_TOKEN_ERR_FAILURE"
        case .invalidArgument: "RENEW_TOKEN_ERR_INVALID_ARGUMENT"
        case .rejected: "RENEW_TOKEN_ERR_REJECTED"
        case .tooOften: "RENEW_TOKEN_ERR_TOO_OFTEN"
        case .tokenExpired: "RENEW_TOKEN_ERR_TOKEN_EXPIRED"
        case .invalidToken: "RENEW_TOKEN_ERR_INVALID_TOKEN"
        case .notInitialized: "RENEW_TOKEN_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "RENEW_TOKEN_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "Token renewed."
        case .failure: "Renewal failed."
        case .invalidArgument: "Invalid argument."
        case .rejected: "Rejected by the server (reserved in 1.4)."
        case .tooOften: "More than 2 renewToken calls per second."
        case .tokenExpired: "The new token has already expired."
        case .invalidToken: "The new token is invalid."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .invalidArgument: "invalidArgument"
        case .rejected: "rejected"
        case .tooOften: "tooOften"
        case .tokenExpired: "tokenExpired"
        case .invalidToken: "invalidToken"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}
