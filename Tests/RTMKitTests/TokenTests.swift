import Foundation
import Testing

@testable import RTMKit

/// Agora's own inputs (AccessTokenTest.py, SignalingTokenTest.py), rtm-reference §5.
enum Agora {
    static let appId = "970CA35de60c44645bbae8a215061b33"
    static let certificate = "5CFd2fd1755d40ecb72977518be15d3b"
    static let channel = "7d72365eb983485397e3e3f9d460bdda"
    static let expected006 =
        "006970CA35de60c44645bbae8a215061b33"
        + "IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW"

    static var knownAnswerToken: AccessToken {
        AccessToken(
            appId: appId, appCertificate: certificate, channelName: channel, uid: "2882341273", salt: 1, ts: 1_111_111,
            privileges: [AccessToken.Privilege.kJoinChannel.rawValue: 1_446_455_471])
    }
}

@Suite struct AccessTokenTests {
    @Test("Agora's known-answer AccessToken 006 is reproduced exactly")
    func knownAnswer() {
        #expect(Agora.knownAnswerToken.build() == Agora.expected006)
    }

    @Test("parsing Agora's token gives back its salt, ts, privileges, CRCs and a verifying signature")
    func parseKnownAnswer() throws {
        let decoded = try AccessToken.parse(Agora.expected006)
        #expect(decoded.appId == Agora.appId)
        #expect(decoded.salt == 1)
        #expect(decoded.ts == 1_111_111)
        #expect(decoded.privileges == [1: 1_446_455_471])
        #expect(decoded.crcChannelName == CRC32.checksum(Agora.channel))
        #expect(decoded.crcUid == CRC32.checksum("2882341273"))
        #expect(decoded.signature.count == 32)
        #expect(decoded.signatureMatches(certificate: Agora.certificate, channelName: Agora.channel, uid: "2882341273"))
        #expect(!decoded.signatureMatches(certificate: Agora.certificate, channelName: Agora.channel, uid: "1"))
    }

    @Test("build then parse then encode gives the same string and the inputs back")
    func roundTrip() throws {
        let token = AccessToken(
            appId: Agora.appId, appCertificate: Agora.certificate, channelName: "alice", uid: "", salt: 99_999_999,
            ts: 4_000_000_000, privileges: [1000: 0, 4: 7, 2: 9])
        let text = token.build()
        let decoded = try AccessToken.parse(text)
        #expect(decoded.encoded() == text)
        #expect(decoded.privilegeEntries.map(\.id) == [2, 4, 1000])
        #expect(decoded.privileges == token.privileges)
        #expect(decoded.salt == token.salt)
        #expect(decoded.ts == token.ts)
        #expect(decoded.crcUid == 0)
    }

    @Test(
        "the builder returns an empty string unless App ID and certificate are 32 hex characters",
        arguments: [
            (Agora.appId, "short"),
            ("short", Agora.certificate),
            ("970CA35de60c44645bbae8a215061b3g", Agora.certificate),
            (Agora.appId, Agora.certificate + "0"),
            ("", ""),
        ])
    func builderRejectsBadKeys(appId: String, certificate: String) {
        let token = RtmTokenBuilder.buildToken(
            appId: appId, appCertificate: certificate, userAccount: "alice", privilegeExpiredTs: 0, salt: 1, ts: 1)
        #expect(token == "")
    }

    @Test("an RTM token is a 006 token for channel = user account, uid \"\", privilege kRtmLogin")
    func rtmTokenLayout() throws {
        let text = RtmTokenBuilder.buildToken(
            appId: Agora.appId, appCertificate: Agora.certificate, userAccount: "alice", privilegeExpiredTs: 1234,
            salt: 5, ts: 6)
        let generic = AccessToken(
            appId: Agora.appId, appCertificate: Agora.certificate, channelName: "alice", uid: "", salt: 5, ts: 6,
            privileges: [1000: 1234])
        #expect(text == generic.build())
        let decoded = try AccessToken.parse(text)
        #expect(decoded.privileges == [1000: 1234])
        #expect(decoded.crcChannelName == CRC32.checksum("alice"))
    }

    static let malformedCases: [(String, TokenFormatError)] = [
            ("", .empty),
            ("007" + Agora.appId + "AAAA", .wrongVersion(expected: "006", found: "007")),
            ("006abc", .missingAppId(length: 6)),
            ("006" + Agora.appId + "not base64!", .notASCII),
            ("006" + Agora.appId + "@@@@", .invalidBase64),
            ("006" + Agora.appId + "AAA", .invalidBase64),
            ("006" + Agora.appId, .truncated(field: "the length of the signature", needed: 2, available: 0)),
            ("006" + Agora.appId + "IAAB", .truncated(field: "the signature", needed: 32, available: 1)),
            ("006" + "é" + Agora.appId, .notASCII),
            ]

    @Test("malformed tokens are thrown errors that say what is wrong", arguments: malformedCases)
    func malformed(token: String, expected: TokenFormatError) {
        #expect(throws: expected) { try AccessToken.parse(token) }
    }

    @Test("bytes after the last field are rejected, naming the section")
    func trailingBytes() throws {
        let decoded = try AccessToken.parse(Agora.expected006)
        let content = Array(Data(base64Encoded: String(Agora.expected006.dropFirst(35))) ?? Data()) + [0]
        let padded = "006" + decoded.appId + Data(content).base64EncodedString()
        #expect(throws: TokenFormatError.trailingBytes(section: "content", count: 1)) { try AccessToken.parse(padded) }
    }

    @Test(
        "arbitrary garbage never crashes the parser",
        arguments: [
            "006", "006" + String(repeating: "A", count: 32) + "====", "006" + Agora.appId + "////////",
            "006" + Agora.appId + String(repeating: "/", count: 4000), "\u{0}\u{0}\u{0}", "006\n", "0",
            "006" + Agora.appId + "IAA", String(Agora.expected006.dropLast(4)), Agora.expected006 + "AAAA",
        ])
    func garbage(token: String) {
        #expect(throws: TokenFormatError.self) { try AccessToken.parse(token) }
    }
}

@Suite struct CRC32Tests {
    @Test(
        "matches zlib's CRC-32",
        arguments: [("", UInt32(0)), ("123456789", 0xCBF4_3926), ("hello", 0x3610_A686), ("a", 0xE8B7_BE43)])
    func knownValues(text: String, crc: UInt32) {
        #expect(CRC32.checksum(text) == crc)
    }

    @Test("a running update equals the checksum of the concatenation")
    func incremental() {
        #expect(CRC32.update(CRC32.checksum("12345"), with: Array("6789".utf8)) == 0xCBF4_3926)
    }
}

@Suite struct SignalingTokenTests {
    @Test("Agora's first Signaling known answer")
    func knownAnswerLowercase() {
        let token = SignalingToken.build(
            account: "TestAccount", appId: "970ca35de60c44645bbae8a215061b33",
            appCertificate: "5cfd2fd1755d40ecb72977518be15d3b", expiredTs: 1_446_455_471)
        #expect(token == "1:970ca35de60c44645bbae8a215061b33:1446455471:4815d52c4fd440bac35b981c12798774")
    }

    @Test("Agora's second Signaling known answer (mixed-case App ID and certificate)")
    func knownAnswerMixedCase() {
        let token = SignalingToken.build(
            account: "2882341273", appId: Agora.appId, appCertificate: Agora.certificate, expiredTs: 1_514_219_634)
        #expect(token == "1:970CA35de60c44645bbae8a215061b33:1514219634:82539e1f3973bcfe3f0d0c8993e6c051")
    }

    @Test("parse round trip")
    func roundTrip() throws {
        let text = SignalingToken.build(
            account: "bob", appId: Agora.appId, appCertificate: Agora.certificate, expiredTs: 7)
        let parsed = try SignalingToken.parse(text)
        #expect(parsed.appId == Agora.appId)
        #expect(parsed.expiredTs == 7)
        #expect(parsed.encoded() == text)
    }

    static let malformedCases: [(String, TokenFormatError)] = [
            ("", .empty),
            ("2:a:1:d", .wrongVersion(expected: "1", found: "2")),
            ("1:a:1", .wrongFieldCount(expected: 4, found: 3)),
            ("1:a:-5:4815d52c4fd440bac35b981c12798774", .invalidExpiry("-5")),
            ("1:a:99999999999:4815d52c4fd440bac35b981c12798774", .invalidExpiry("99999999999")),
            ("1:a:5:4815D52C4FD440BAC35B981C12798774", .invalidDigest("4815D52C4FD440BAC35B981C12798774")),
            ("1:a:5:", .invalidDigest("")),
            ]

    @Test("malformed Signaling tokens are thrown errors", arguments: malformedCases)
    func malformed(token: String, expected: TokenFormatError) {
        #expect(throws: expected) { try SignalingToken.parse(token) }
    }
}
