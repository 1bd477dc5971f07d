/// Builds RTM login tokens as Agora's `RtmTokenBuilder` (rtm-reference §5.1).
///
/// An RTM token is an ``AccessToken`` with `channelName = userAccount`, `uid = ""` and one
/// privilege, `kRtmLogin` (1000), whose value is `privilegeExpiredTs`. The C++ builder's `role`
/// argument (`Rtm_User`) is not encoded, so it is not a parameter here.
///
/// ```swift
/// let token = RtmTokenBuilder.buildToken(
///     appId: "970CA35de60c44645bbae8a215061b33", appCertificate: "5CFd2fd1755d40ecb72977518be15d3b",
///     userAccount: "alice", privilegeExpiredTs: 0, salt: 1, ts: 1_700_086_400)
/// ```
public enum RtmTokenBuilder {
    /// The token, or "" unless `appId` and `appCertificate` are both 32 hex characters.
    ///
    /// - Parameters:
    ///   - privilegeExpiredTs: the login privilege's expiry in Unix seconds; 0 means the token's
    ///     own `ts` is the expiry (decision 12).
    ///   - salt: a random number chosen by the caller (Agora's tools use 1...99,999,999).
    ///   - ts: the token's own expiry in Unix seconds (Agora's tools use now + 24 h).
    public static func buildToken(
        appId: String, appCertificate: String, userAccount: String, privilegeExpiredTs: UInt32, salt: UInt32,
        ts: UInt32
    ) -> String {
        var token = AccessToken(
            appId: appId, appCertificate: appCertificate, channelName: userAccount, uid: "", salt: salt, ts: ts)
        token.addPrivilege(.kRtmLogin, expireTimestamp: privilegeExpiredTs)
        return token.build()
    }
}
