import Crypto

/// The legacy Signaling SDK's login token (rtm-reference §5.2):
/// `"1:" + appId + ":" + expiredTs + ":" + md5hex(account + appId + appCertificate + expiredTs)`.
///
/// ```swift
/// let token = SignalingToken.build(account: "TestAccount", appId: appId, appCertificate: cert,
///                                  expiredTs: 1_446_455_471)
/// let verdict = SignalingToken.verify(token: token, appId: appId, certificate: cert,
///                                     account: "TestAccount", now: 1_446_455_000)  // .valid
/// ```
public struct SignalingToken: Hashable, Sendable {
    /// The version field, the token's first.
    public static let version = "1"
    /// The debug token accepted only when the app has no certificate (decision 13).
    public static let noNeedToken = "_no_need_token"

    /// The App ID the token names.
    public var appId: String
    /// The expiry in Unix seconds.
    public var expiredTs: UInt32
    /// 32 lowercase hex characters: the MD5 of `account + appId + appCertificate + expiredTs`.
    public var digest: String

    public init(appId: String, expiredTs: UInt32, digest: String) {
        self.appId = appId
        self.expiredTs = expiredTs
        self.digest = digest
    }

    /// The token for `account` (inputs are concatenated as strings with no separators).
    public static func build(account: String, appId: String, appCertificate: String, expiredTs: UInt32) -> String {
        let token = SignalingToken(
            appId: appId, expiredTs: expiredTs,
            digest: digest(account: account, appId: appId, appCertificate: appCertificate, expiredTs: expiredTs))
        return token.encoded()
    }

    /// `md5hex(account + appId + appCertificate + expiredTs)`.
    public static func digest(account: String, appId: String, appCertificate: String, expiredTs: UInt32) -> String {
        let text = account + appId + appCertificate + String(expiredTs)
        return Hex.lowercase(Insecure.MD5.hash(data: Array(text.utf8)))
    }

    /// The token string.
    public func encoded() -> String {
        [Self.version, appId, String(expiredTs), digest].joined(separator: ":")
    }

    /// Decodes `1:appId:expiredTs:md5`.
    /// - Throws: ``TokenFormatError`` saying which field is malformed.
    public static func parse(_ token: String) throws(TokenFormatError) -> SignalingToken {
        guard !token.isEmpty else { throw .empty }
        guard token.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { throw .notASCII }
        let fields = token.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard fields[0] == version else { throw .wrongVersion(expected: version, found: fields[0]) }
        guard fields.count == 4 else { throw .wrongFieldCount(expected: 4, found: fields.count) }
        let expiryText = fields[2]
        guard !expiryText.isEmpty, expiryText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let expiredTs = UInt32(expiryText)
        else { throw .invalidExpiry(expiryText) }
        let digest = fields[3]
        guard Hex.isHex(digest, count: 32), digest == digest.lowercased() else { throw .invalidDigest(digest) }
        return SignalingToken(appId: fields[1], expiredTs: expiredTs, digest: digest)
    }

    /// The verdict for a Signaling login by `account` to `appId` at Unix time `now` (seconds).
    ///
    /// Without a certificate only ``noNeedToken`` is accepted; with one, the token must name this
    /// App ID, its digest must match this account and certificate, and `now ≤ expiredTs`.
    public static func verify(token: String, appId: String, certificate: String?, account: String, now: UInt32)
        -> TokenVerdict
    {
        guard let certificate, !certificate.isEmpty else {
            return token == noNeedToken ? .valid : .invalidToken(.notAcceptedWithoutCertificate)
        }
        if token == noNeedToken || token.isEmpty || token == appId {
            return .invalidToken(.certificateRequiresToken)
        }
        let parsed: SignalingToken
        do {
            parsed = try parse(token)
        } catch {
            return .invalidToken(.malformed(error))
        }
        guard parsed.appId == appId else {
            return .invalidToken(.appIdMismatch(expected: appId, found: parsed.appId))
        }
        let expected = digest(account: account, appId: appId, appCertificate: certificate, expiredTs: parsed.expiredTs)
        guard constantTimeEquals(Array(expected.utf8), Array(parsed.digest.utf8)) else {
            return .invalidToken(.signatureMismatch)
        }
        return now > parsed.expiredTs ? .expired : .valid
    }
}
