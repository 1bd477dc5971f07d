import RTMMachines
import RTMProtocol

/// The projects a server knows: App ID → optional App Certificate, and the login check of decision 12.
///
/// - An app with a certificate admits a login only with an RTM "006" token that verifies for that app and
///   user: a bad signature, format, App ID or user gives `LOGIN_ERR_INVALID_TOKEN` (5), an expired token
///   `LOGIN_ERR_TOKEN_EXPIRED` (6). The App ID alone (or "") is not enough.
/// - An app without a certificate admits "" and the App ID itself; any other token is invalid (5).
/// - An App ID the registry does not hold gives `LOGIN_ERR_INVALID_APP_ID` (4).
///
/// ```swift
/// var apps = AppRegistry()
/// apps.register(appId: "970CA35de60c44645bbae8a215061b33", certificate: "5CFd2fd1755d40ecb72977518be15d3b")
/// apps.loginCode(appId: appId, token: token, userId: "alice", nowSeconds: 1_700_000_000)  // .ok
/// ```
///
/// Implements rtm-reference §5.1 and decision 12 (through ``RtmTokenVerifier``).
public struct AppRegistry: Hashable, Sendable {
    /// One project: its App ID and, when enabled, its certificate.
    public struct App: Hashable, Sendable {
        public var appId: String
        /// nil (or "") when the project has no certificate.
        public var certificate: String?

        public init(appId: String, certificate: String? = nil) {
            self.appId = appId
            self.certificate = certificate
        }
    }

    private var apps: [String: App] = [:]

    /// A registry holding `apps`.
    public init(_ apps: [App] = []) {
        for app in apps { self.apps[app.appId] = app }
    }

    /// Adds the app, or replaces its certificate.
    public mutating func register(appId: String, certificate: String? = nil) {
        apps[appId] = App(appId: appId, certificate: certificate)
    }

    /// The app with this ID, if registered.
    public func app(_ appId: String) -> App? { apps[appId] }

    /// The verdict on `token` for `userId` logging in to `appId` at Unix time `nowSeconds`; nil when the
    /// App ID is not registered.
    public func tokenVerdict(appId: String, token: String, userId: UserID, nowSeconds: UInt32) -> TokenVerdict? {
        guard let app = apps[appId] else { return nil }
        return RtmTokenVerifier.verify(
            token: token, appId: appId, certificate: app.certificate, userId: userId, now: nowSeconds)
    }

    /// The login outcome decision 12 gives: `.ok`, `.invalidAppId` (4), `.invalidToken` (5) or
    /// `.tokenExpired` (6).
    public func loginCode(appId: String, token: String, userId: UserID, nowSeconds: UInt32) -> LoginErrCode {
        switch tokenVerdict(appId: appId, token: token, userId: userId, nowSeconds: nowSeconds) {
        case nil: .invalidAppId
        case .valid: .ok
        case .invalidToken: .invalidToken
        case .expired: .tokenExpired
        }
    }

    /// The `renewToken` outcome: `.ok`, `.invalidToken` (6, also for an App ID no longer registered) or
    /// `.tokenExpired` (5).
    public func renewCode(appId: String, token: String, userId: UserID, nowSeconds: UInt32) -> RenewTokenErrCode {
        switch tokenVerdict(appId: appId, token: token, userId: userId, nowSeconds: nowSeconds) {
        case nil, .invalidToken: .invalidToken
        case .valid: .ok
        case .expired: .tokenExpired
        }
    }
}
