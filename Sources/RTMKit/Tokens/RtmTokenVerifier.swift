/// Checks an RTM login token the way RTMCheck's server does (decision 12; Agora's own server
/// check is not public, rtm-reference §5.1 "a plausible model").
///
/// - App without a certificate (`certificate` nil or ""): the empty token or the App ID is
///   accepted; anything else is ``TokenRejection/notAcceptedWithoutCertificate``.
/// - App with a certificate: the token must be a well-formed "006" token for this App ID, issued
///   for `userId` (`crc32(userId)` and `crc32("")` match), signed with the certificate over
///   `appId ‖ userId ‖ "" ‖ message`, and grant `kRtmLogin`. Its expiry is the `kRtmLogin`
///   value when non-zero, else the token's `ts`; `now > expiry` gives ``TokenVerdict/expired``.
///
/// A token that is both invalid and expired is reported invalid.
public enum RtmTokenVerifier {
    /// The verdict for a login by `userId` to `appId` at Unix time `now` (seconds).
    public static func verify(token: String, appId: String, certificate: String?, userId: String, now: UInt32)
        -> TokenVerdict
    {
        guard let certificate, !certificate.isEmpty else {
            return token.isEmpty || token == appId ? .valid : .invalidToken(.notAcceptedWithoutCertificate)
        }
        if token.isEmpty || token == appId {
            return .invalidToken(.certificateRequiresToken)
        }
        let decoded: DecodedAccessToken
        do {
            decoded = try AccessToken.parse(token)
        } catch {
            return .invalidToken(.malformed(error))
        }
        guard decoded.appId == appId else {
            return .invalidToken(.appIdMismatch(expected: appId, found: decoded.appId))
        }
        guard decoded.crcChannelName == CRC32.checksum(userId), decoded.crcUid == CRC32.checksum("") else {
            return .invalidToken(.userMismatch(userId: userId))
        }
        guard decoded.signatureMatches(certificate: certificate, channelName: userId, uid: "") else {
            return .invalidToken(.signatureMismatch)
        }
        guard let expiry = loginExpiry(of: decoded) else {
            return .invalidToken(.missingLoginPrivilege)
        }
        return now > expiry ? .expired : .valid
    }

    /// The expiry decision 12 checks: `kRtmLogin`'s value when non-zero, else the token's `ts`;
    /// nil when the token grants no `kRtmLogin`.
    public static func loginExpiry(of token: DecodedAccessToken) -> UInt32? {
        guard let privilege = token.privileges[AccessToken.Privilege.kRtmLogin.rawValue] else { return nil }
        return privilege != 0 ? privilege : token.ts
    }
}
