/// Why a token string could not be decoded: the token is malformed, before any question of
/// signature, user or expiry (rtm-reference §5).
///
/// A server maps every case to `LOGIN_ERR_INVALID_TOKEN` (decision 12) or, for Signaling,
/// `LOGIN_E_TOKENWRONG`.
public enum TokenFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The token is the empty string.
    case empty
    /// The token contains characters outside printable ASCII; real tokens never do.
    case notASCII
    /// The token does not start with the expected version ("006" for RTM, "1" for Signaling).
    case wrongVersion(expected: String, found: String)
    /// The token is too short to hold the version and the 32-character App ID.
    case missingAppId(length: Int)
    /// The part after the App ID is not standard base64 with padding.
    case invalidBase64
    /// The decoded bytes end before `field` could be read.
    case truncated(field: String, needed: Int, available: Int)
    /// Bytes follow the last field of `section` ("content" or "message").
    case trailingBytes(section: String, count: Int)
    /// A Signaling token does not have the four `:`-separated fields `1:appId:expiredTs:md5`.
    case wrongFieldCount(expected: Int, found: Int)
    /// A Signaling token's expiry is not a decimal number of seconds that fits in 32 bits.
    case invalidExpiry(String)
    /// A Signaling token's digest is not 32 lowercase hex characters.
    case invalidDigest(String)

    public var description: String {
        switch self {
        case .empty:
            return "the token is empty"
        case .notASCII:
            return "the token contains characters other than printable ASCII"
        case .wrongVersion(let expected, let found):
            return "the token starts with \"\(found)\", expected version \"\(expected)\""
        case .missingAppId(let length):
            return "the token is \(length) characters long: too short for the version and a 32-character App ID"
        case .invalidBase64:
            return "the token's content after the App ID is not standard base64 (with padding)"
        case .truncated(let field, let needed, let available):
            return "the token's content ends inside \(field): \(needed) bytes needed, \(available) left"
        case .trailingBytes(let section, let count):
            return "\(count) unexpected bytes follow the token's \(section)"
        case .wrongFieldCount(let expected, let found):
            return "a Signaling token has \(expected) ':'-separated fields (1:appId:expiredTs:md5), found \(found)"
        case .invalidExpiry(let text):
            return "the Signaling token's expiry \"\(text)\" is not a decimal Unix time in seconds"
        case .invalidDigest(let text):
            return "the Signaling token's digest \"\(text)\" is not 32 lowercase hex characters"
        }
    }
}
