import Testing

@testable import RTMKit

@Suite struct RtmTokenVerifierTests {
    static let appId = Agora.appId
    static let certificate = Agora.certificate
    static let now: UInt32 = 1_700_000_000

    static func token(user: String = "alice", privilegeExpiredTs: UInt32 = 0, ts: UInt32 = now + 86_400) -> String {
        RtmTokenBuilder.buildToken(
            appId: appId, appCertificate: certificate, userAccount: user, privilegeExpiredTs: privilegeExpiredTs,
            salt: 42, ts: ts)
    }

    static func verify(_ token: String, user: String = "alice", certificate: String? = certificate, now: UInt32 = now)
        -> TokenVerdict
    {
        RtmTokenVerifier.verify(token: token, appId: appId, certificate: certificate, userId: user, now: now)
    }

    @Test("a token built for the user verifies")
    func valid() {
        #expect(Self.verify(Self.token()) == .valid)
    }

    @Test("a forged signature (one byte flipped) is an invalid token")
    func forgedSignature() throws {
        var decoded = try AccessToken.parse(Self.token())
        decoded.signature[0] ^= 0x01
        #expect(Self.verify(decoded.encoded()) == .invalidToken(.signatureMismatch))
    }

    @Test("a token signed with another certificate is an invalid token")
    func otherCertificate() {
        let token = RtmTokenBuilder.buildToken(
            appId: Self.appId, appCertificate: "00000000000000000000000000000000", userAccount: "alice",
            privilegeExpiredTs: 0, salt: 42, ts: Self.now + 60)
        #expect(Self.verify(token) == .invalidToken(.signatureMismatch))
    }

    @Test("an expired token whose ts was edited forward does not verify")
    func tamperedMessage() throws {
        var decoded = try AccessToken.parse(Self.token(ts: Self.now - 1))
        #expect(Self.verify(decoded.encoded()) == .expired)
        decoded.message[7] = 0xFF  // high byte of ts: year 2105
        #expect(Self.verify(decoded.encoded()) == .invalidToken(.signatureMismatch))
    }

    @Test("the token's own ts is the expiry when kRtmLogin is 0")
    func expiredByTs() {
        #expect(Self.verify(Self.token(ts: Self.now)) == .valid)
        #expect(Self.verify(Self.token(ts: Self.now - 1)) == .expired)
    }

    @Test("a non-zero kRtmLogin value is the expiry, not ts")
    func expiredByPrivilege() {
        #expect(Self.verify(Self.token(privilegeExpiredTs: Self.now - 1, ts: Self.now + 86_400)) == .expired)
        #expect(Self.verify(Self.token(privilegeExpiredTs: Self.now + 5, ts: Self.now - 100)) == .valid)
    }

    @Test("a token for another user is an invalid token, not an expired one")
    func otherUser() {
        #expect(Self.verify(Self.token(user: "bob"), user: "alice") == .invalidToken(.userMismatch(userId: "alice")))
        let expiredForBob = Self.token(user: "bob", ts: 1)
        #expect(Self.verify(expiredForBob, user: "alice") == .invalidToken(.userMismatch(userId: "alice")))
    }

    @Test("an RTC token whose channel ‖ uid spells the user ID is caught by the CRCs")
    func concatenationAmbiguity() {
        // HMAC over appId ‖ "ali" ‖ "ce" ‖ m equals the one over appId ‖ "alice" ‖ "" ‖ m.
        let token = AccessToken(
            appId: Self.appId, appCertificate: Self.certificate, channelName: "ali", uid: "ce", salt: 1,
            ts: Self.now + 60, privileges: [1000: 0]
        ).build()
        #expect(Self.verify(token) == .invalidToken(.userMismatch(userId: "alice")))
    }

    @Test("a token for another App ID is an invalid token")
    func otherAppId() {
        let other = "00000000000000000000000000000001"
        let token = RtmTokenBuilder.buildToken(
            appId: other, appCertificate: Self.certificate, userAccount: "alice", privilegeExpiredTs: 0, salt: 1,
            ts: Self.now + 60)
        #expect(Self.verify(token) == .invalidToken(.appIdMismatch(expected: Self.appId, found: other)))
    }

    @Test("a signed token without kRtmLogin (an RTC token) is an invalid token")
    func noLoginPrivilege() {
        let token = AccessToken(
            appId: Self.appId, appCertificate: Self.certificate, channelName: "alice", uid: "", salt: 1,
            ts: Self.now + 60, privileges: [1: 0]
        ).build()
        #expect(Self.verify(token) == .invalidToken(.missingLoginPrivilege))
    }

    @Test("on an app with a certificate, the App ID or an empty token is refused")
    func appIdOnlyTokenOnCertificateApp() {
        #expect(Self.verify(Self.appId) == .invalidToken(.certificateRequiresToken))
        #expect(Self.verify("") == .invalidToken(.certificateRequiresToken))
    }

    @Test("on an app without a certificate, an empty token or the App ID is accepted, nothing else")
    func noCertificate() {
        #expect(Self.verify("", certificate: nil) == .valid)
        #expect(Self.verify(Self.appId, certificate: "") == .valid)
        #expect(Self.verify(Self.token(), certificate: nil) == .invalidToken(.notAcceptedWithoutCertificate))
        #expect(Self.verify("_no_need_token", certificate: nil) == .invalidToken(.notAcceptedWithoutCertificate))
    }

    @Test(
        "garbage strings are invalid tokens and never crash",
        arguments: [
            "x", "006", "006" + Agora.appId, "006" + Agora.appId + "=", "006" + Agora.appId + "AAAAAAAA",
            "1:" + Agora.appId + ":1:2", "\u{FEFF}006", String(repeating: "0", count: 100_000), "🙂🙂🙂",
            Agora.expected006,
        ])
    func garbage(token: String) {
        let verdict = Self.verify(token)
        #expect(!verdict.isValid)
        #expect(verdict != .expired)
    }
}

@Suite struct SignalingTokenVerifierTests {
    static let appId = Agora.appId
    static let certificate = Agora.certificate
    static let token = SignalingToken.build(
        account: "carol", appId: appId, appCertificate: certificate, expiredTs: 2_000)

    static func verify(
        _ token: String, account: String = "carol", certificate: String? = certificate, now: UInt32 = 1_000
    ) -> TokenVerdict {
        SignalingToken.verify(token: token, appId: appId, certificate: certificate, account: account, now: now)
    }

    @Test("a token built for the account verifies until its expiry")
    func validThenExpired() {
        #expect(Self.verify(Self.token, now: 2_000) == .valid)
        #expect(Self.verify(Self.token, now: 2_001) == .expired)
    }

    @Test("a token for another account, App ID or certificate does not verify")
    func mismatches() {
        #expect(Self.verify(Self.token, account: "dave") == .invalidToken(.signatureMismatch))
        let otherApp = SignalingToken.build(
            account: "carol", appId: "x", appCertificate: Self.certificate, expiredTs: 2_000)
        #expect(Self.verify(otherApp) == .invalidToken(.appIdMismatch(expected: Self.appId, found: "x")))
        let otherCert = SignalingToken.build(
            account: "carol", appId: Self.appId, appCertificate: "y", expiredTs: 2_000)
        #expect(Self.verify(otherCert) == .invalidToken(.signatureMismatch))
    }

    @Test("an edited expiry does not verify")
    func editedExpiry() {
        let edited = Self.token.replacingOccurrences(of: ":2000:", with: ":9000:")
        #expect(edited != Self.token)
        #expect(Self.verify(edited) == .invalidToken(.signatureMismatch))
    }

    @Test("_no_need_token is accepted only when the app has no certificate (decision 13)")
    func noNeedToken() {
        #expect(Self.verify("_no_need_token", certificate: nil) == .valid)
        #expect(Self.verify("_no_need_token") == .invalidToken(.certificateRequiresToken))
        #expect(Self.verify(Self.token, certificate: nil) == .invalidToken(.notAcceptedWithoutCertificate))
    }

    @Test("garbage is an invalid token", arguments: ["", ":", "1:::", "1:a:b:c:d", "1:\(Agora.appId):1:zz"])
    func garbage(token: String) {
        #expect(!Self.verify(token).isValid)
        #expect(Self.verify(token) != .expired)
    }
}
