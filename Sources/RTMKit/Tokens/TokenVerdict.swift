/// The outcome of checking a login token (decisions 12 and 13).
///
/// The server maps it to the SDK's codes: for RTM, ``invalidToken(_:)`` is
/// `LOGIN_ERR_INVALID_TOKEN` (5) and ``expired`` is `LOGIN_ERR_TOKEN_EXPIRED` (6); for
/// Signaling both are `LOGIN_E_TOKENWRONG` / `LOGIN_E_TOKENEXPIRED`.
public enum TokenVerdict: Hashable, Sendable, CustomStringConvertible {
    /// The token admits this user to this app now.
    case valid
    /// The token does not admit this user to this app, whatever the time.
    case invalidToken(TokenRejection)
    /// The token is genuine for this user and app, but its expiry has passed.
    case expired

    /// Whether the login may proceed.
    public var isValid: Bool {
        if case .valid = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .valid: return "valid"
        case .invalidToken(let reason): return "invalid token: \(reason)"
        case .expired: return "expired"
        }
    }
}

/// Why a token is invalid, for logs and for the `rtmcheck token verify` report.
public enum TokenRejection: Hashable, Sendable, CustomStringConvertible {
    /// The token could not be decoded.
    case malformed(TokenFormatError)
    /// The app has a certificate, so a signed token is required; an empty token, the App ID or
    /// `_no_need_token` is not enough.
    case certificateRequiresToken
    /// The app has no certificate: only an empty token or the App ID (RTM), or `_no_need_token`
    /// (Signaling), is accepted.
    case notAcceptedWithoutCertificate
    /// The token was issued for another App ID.
    case appIdMismatch(expected: String, found: String)
    /// The token was issued for another user: its user-account or uid CRC does not match.
    case userMismatch(userId: String)
    /// The signature does not verify under the app's certificate for this user.
    case signatureMismatch
    /// The "006" token grants no RTM login privilege (`kRtmLogin`, 1000): it is not an RTM token.
    case missingLoginPrivilege

    public var description: String {
        switch self {
        case .malformed(let error):
            return "malformed: \(error)"
        case .certificateRequiresToken:
            return "the app has a certificate: a signed token is required"
        case .notAcceptedWithoutCertificate:
            return "the app has no certificate: use an empty token or the App ID (Signaling: _no_need_token)"
        case .appIdMismatch(let expected, let found):
            return "the token is for App ID \(found), not \(expected)"
        case .userMismatch(let userId):
            return "the token was not issued for user \"\(userId)\""
        case .signatureMismatch:
            return "the signature does not verify with the app's certificate"
        case .missingLoginPrivilege:
            return "the token grants no kRtmLogin (1000) privilege"
        }
    }
}
