/// A token's verdict together with what it decodes to: the report behind
/// `rtmcheck token verify`.
///
/// ```swift
/// let report = TokenInspection.inspect(token: token, appId: appId, certificate: cert,
///                                      userId: "alice", now: 1_700_000_000)
/// print(report.lines.joined(separator: "\n"))
/// ```
public struct TokenInspection: Hashable, Sendable {
    /// Which token scheme to check against.
    public enum Scheme: String, Hashable, Sendable, CaseIterable {
        /// Decide from the token: "1:…" and `_no_need_token` are Signaling, the rest RTM.
        case auto
        /// AccessToken "006" (rtm-reference §5.1), checked by ``RtmTokenVerifier``.
        case rtm
        /// The legacy Signaling token (§5.2), checked by
        /// ``SignalingToken/verify(token:appId:certificate:account:now:)``.
        case signaling
    }

    /// One decoded field, for display.
    public struct Field: Hashable, Sendable {
        public var name: String
        public var value: String
    }

    /// The scheme the token was checked as (never `.auto`).
    public var scheme: Scheme
    public var verdict: TokenVerdict
    /// The decoded fields; empty when the token could not be decoded or is a bare App ID.
    public var fields: [Field]

    /// The report as text lines: the verdict first, then one `name: value` line per field.
    public var lines: [String] {
        ["verdict: \(verdict)", "scheme: \(scheme.rawValue)"] + fields.map { "\($0.name): \($0.value)" }
    }

    /// Checks `token` for a login by `userId` to `appId` at Unix time `now`, and decodes it.
    public static func inspect(
        token: String, appId: String, certificate: String?, userId: String, now: UInt32, scheme: Scheme = .auto
    ) -> TokenInspection {
        switch resolved(scheme, token: token) {
        case .signaling:
            return inspectSignaling(token: token, appId: appId, certificate: certificate, account: userId, now: now)
        case .auto, .rtm:
            return inspectRtm(token: token, appId: appId, certificate: certificate, userId: userId, now: now)
        }
    }

    static func resolved(_ scheme: Scheme, token: String) -> Scheme {
        switch scheme {
        case .rtm, .signaling: return scheme
        case .auto: return token.hasPrefix("1:") || token == SignalingToken.noNeedToken ? .signaling : .rtm
        }
    }

    static func inspectRtm(token: String, appId: String, certificate: String?, userId: String, now: UInt32)
        -> TokenInspection
    {
        let verdict = RtmTokenVerifier.verify(
            token: token, appId: appId, certificate: certificate, userId: userId, now: now)
        guard let decoded = try? AccessToken.parse(token) else {
            return TokenInspection(scheme: .rtm, verdict: verdict, fields: [])
        }
        var fields: [Field] = [
            Field(name: "version", value: AccessToken.version),
            Field(name: "appId", value: decoded.appId),
            Field(name: "salt", value: "\(decoded.salt)"),
            Field(name: "ts", value: timestamp(decoded.ts)),
        ]
        for entry in decoded.privilegeEntries {
            let name = AccessToken.Privilege(rawValue: entry.id).map { "\($0) (\(entry.id))" } ?? "\(entry.id)"
            let value = entry.expireTimestamp == 0 ? "0 (no own expiry)" : timestamp(entry.expireTimestamp)
            fields.append(Field(name: "privilege \(name)", value: value))
        }
        let userMatch = decoded.crcChannelName == CRC32.checksum(userId) ? "matches" : "does not match"
        fields += [
            Field(name: "crcChannelName", value: "\(hex32(decoded.crcChannelName)) (\(userMatch) user \"\(userId)\")"),
            Field(name: "crcUid", value: hex32(decoded.crcUid) + (decoded.crcUid == 0 ? " (uid \"\")" : "")),
            Field(name: "signature", value: Hex.lowercase(decoded.signature)),
        ]
        if let expiry = RtmTokenVerifier.loginExpiry(of: decoded) {
            fields.append(Field(name: "login expiry", value: timestamp(expiry)))
        }
        fields.append(Field(name: "now", value: timestamp(now)))
        return TokenInspection(scheme: .rtm, verdict: verdict, fields: fields)
    }

    static func inspectSignaling(token: String, appId: String, certificate: String?, account: String, now: UInt32)
        -> TokenInspection
    {
        let verdict = SignalingToken.verify(
            token: token, appId: appId, certificate: certificate, account: account, now: now)
        guard let parsed = try? SignalingToken.parse(token) else {
            return TokenInspection(scheme: .signaling, verdict: verdict, fields: [])
        }
        let fields = [
            Field(name: "version", value: SignalingToken.version),
            Field(name: "appId", value: parsed.appId),
            Field(name: "expiredTs", value: timestamp(parsed.expiredTs)),
            Field(name: "digest", value: parsed.digest),
            Field(name: "now", value: timestamp(now)),
        ]
        return TokenInspection(scheme: .signaling, verdict: verdict, fields: fields)
    }

    static func timestamp(_ seconds: UInt32) -> String {
        "\(seconds) (\(UnixTime.iso8601(seconds)))"
    }

    static func hex32(_ value: UInt32) -> String {
        Hex.lowercase([24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> UInt32($0)) })
    }
}
