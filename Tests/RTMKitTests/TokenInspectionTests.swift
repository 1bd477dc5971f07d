import Testing

@testable import RTMKit

@Suite struct TokenInspectionTests {
    static let token = RtmTokenBuilder.buildToken(
        appId: Agora.appId, appCertificate: Agora.certificate, userAccount: "alice", privilegeExpiredTs: 0, salt: 1,
        ts: 1_893_456_000)

    @Test("a valid RTM token's report gives the verdict and every decoded field")
    func rtmReport() {
        let report = TokenInspection.inspect(
            token: Self.token, appId: Agora.appId, certificate: Agora.certificate, userId: "alice",
            now: 1_700_000_000)
        #expect(report.scheme == .rtm)
        #expect(report.verdict == .valid)
        #expect(report.lines.first == "verdict: valid")
        let text = report.lines.joined(separator: "\n")
        #expect(text.contains("ts: 1893456000 (2030-01-01T00:00:00Z)"))
        #expect(text.contains("privilege kRtmLogin (1000): 0 (no own expiry)"))
        #expect(text.contains("crcChannelName: 278ebc47 (matches user \"alice\")"))
        #expect(text.contains("login expiry: 1893456000 (2030-01-01T00:00:00Z)"))
    }

    @Test("a token for another user says so in the verdict and the CRC line")
    func otherUser() {
        let report = TokenInspection.inspect(
            token: Self.token, appId: Agora.appId, certificate: Agora.certificate, userId: "bob", now: 0)
        #expect(report.verdict == .invalidToken(.userMismatch(userId: "bob")))
        #expect(report.lines.contains("crcChannelName: 278ebc47 (does not match user \"bob\")"))
    }

    @Test("auto picks the Signaling scheme for 1:… and _no_need_token, RTM for the rest")
    func autoScheme() {
        let signaling = SignalingToken.build(
            account: "carol", appId: Agora.appId, appCertificate: Agora.certificate, expiredTs: 10)
        let report = TokenInspection.inspect(
            token: signaling, appId: Agora.appId, certificate: Agora.certificate, userId: "carol", now: 11)
        #expect(report.scheme == .signaling)
        #expect(report.verdict == .expired)
        #expect(report.lines.contains("expiredTs: 10 (1970-01-01T00:00:10Z)"))
        #expect(TokenInspection.resolved(.auto, token: "_no_need_token") == .signaling)
        #expect(TokenInspection.resolved(.auto, token: "") == .rtm)
        #expect(TokenInspection.resolved(.rtm, token: "1:x") == .rtm)
    }

    @Test("an undecodable token gives the verdict and no fields")
    func garbage() {
        let report = TokenInspection.inspect(
            token: "006zz", appId: Agora.appId, certificate: Agora.certificate, userId: "a", now: 0)
        #expect(report.fields.isEmpty)
        #expect(report.lines.first == "verdict: invalid token: malformed: \(TokenFormatError.missingAppId(length: 5))")
    }

    @Test(
        "Unix seconds format as UTC ISO 8601",
        arguments: [
            (UInt32(0), "1970-01-01T00:00:00Z"), (1_446_455_471, "2015-11-02T09:11:11Z"),
            (951_782_400, "2000-02-29T00:00:00Z"), (UInt32.max, "2106-02-07T06:28:15Z"),
        ])
    func iso8601(seconds: UInt32, text: String) {
        #expect(UnixTime.iso8601(seconds) == text)
    }
}
