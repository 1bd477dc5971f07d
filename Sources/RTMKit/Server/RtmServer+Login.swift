import RTMMachines
import RTMProtocol

/// Login, re-login and `renewToken`: the token checks of decision 12 in front of the core.
extension RtmServer {
    /// The login outcome for this user, app and token now: `.invalidArgument` for a user ID the SDK would
    /// have refused, else the registry's verdict.
    func loginCode(appId: String, token: String, userId: UserID) -> LoginErrCode {
        let argument = Validation.loginUserId(userId)
        guard argument == .ok else { return argument }
        return apps.loginCode(appId: appId, token: token, userId: userId, nowSeconds: nowSeconds)
    }

    /// `login`: the verdict goes to the core, which answers `loginAccepted` or `loginRejected(code)`.
    func login(_ conn: ConnectionID, appId: String, token: String, userId: UserID) {
        let code = loginCode(appId: appId, token: token, userId: userId)
        if code == .ok { identities[conn] = Identity(appId: appId, userId: userId, awaitingRenewal: false) }
        stepCore(.requestReceived(conn, .login(user: userId, tokenVerdict: code)))
    }

    /// The SDK's automatic re-login (C6). Its token is checked again: an expired one is answered with
    /// ``KitDownlink/tokenExpired`` (C15: `onTokenExpired`, the client stays RECONNECTING and may
    /// `renewToken`); any other refusal with ``KitDownlink/reloginRejected(_:)``. A refused re-login leaves
    /// the session as it was (within the grace it still lingers, and the grace timer still runs).
    func relogin(_ conn: ConnectionID, appId: String, token: String, userId: UserID, channels: [ChannelID]) {
        let code = loginCode(appId: appId, token: token, userId: userId)
        switch code {
        case .ok:
            identities[conn] = Identity(appId: appId, userId: userId, awaitingRenewal: false)
            stepCore(.requestReceived(conn, .relogin(user: userId, channels: channels)))
        case .tokenExpired:
            identities[conn] = Identity(appId: appId, userId: userId, awaitingRenewal: true)
            send(conn, .tokenExpired)
        case .unknown, .rejected, .invalidArgument, .invalidAppId, .invalidToken, .notAuthorized,
            .alreadyLoggedIn, .timeout, .tooOften, .notInitialized:
            send(conn, .reloginRejected(code))
        }
    }

    /// `renewToken`: the new token is checked for the connection's proven user and app. Allowed while the
    /// connection has a session, or after a re-login was refused as expired; otherwise
    /// `RENEW_TOKEN_ERR_USER_NOT_LOGGED_IN`. An expired token gives `RENEW_TOKEN_ERR_TOKEN_EXPIRED` (5), an
    /// invalid one `RENEW_TOKEN_ERR_INVALID_TOKEN` (6).
    func renewToken(_ conn: ConnectionID, token: String, requestId: Int) {
        guard let identity = identities[conn],
            identity.awaitingRenewal || core.session(conn)?.user == identity.userId
        else {
            send(conn, .renewTokenResult(requestId: requestId, .userNotLoggedIn))
            return
        }
        let code = apps.renewCode(appId: identity.appId, token: token, userId: identity.userId, nowSeconds: nowSeconds)
        send(conn, .renewTokenResult(requestId: requestId, code))
    }
}
