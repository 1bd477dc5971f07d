import Crypto
import Foundation

/// Agora's AccessToken version "006" in its general form: the token RTM login uses
/// (rtm-reference §5.1) and RTC uses for channels.
///
/// `build()` reproduces the C++ `AccessToken::Build` byte for byte:
/// 1. `message = u32 salt ‖ u32 ts ‖ u16 n ‖ n × (u16 privilege ‖ u32 expireTs)`, sorted by key;
/// 2. `signature = HMAC-SHA256(key: appCertificate, appId ‖ channelName ‖ uid ‖ message)`;
/// 3. `content = string(signature) ‖ u32 crc32(channelName) ‖ u32 crc32(uid) ‖ string(message)`;
/// 4. `token = "006" ‖ appId ‖ base64(content)`.
/// Integers are little-endian; a string is a `u16` length then its bytes.
///
/// Nothing here reads a clock or a random source: `salt` and `ts` are inputs.
///
/// ```swift
/// var token = AccessToken(appId: appId, appCertificate: cert, channelName: "alice", uid: "",
///                         salt: 1, ts: 1_700_086_400)
/// token.privileges[AccessToken.Privilege.kRtmLogin.rawValue] = 0
/// let text = token.build()
/// let decoded = try AccessToken.parse(text)
/// ```
public struct AccessToken: Hashable, Sendable {
    /// The version prefix of every token this type writes or reads.
    public static let version = "006"
    /// The length of an App ID (and of an App Certificate) in characters.
    public static let appIdLength = 32

    /// Privilege IDs, spelled as the C++ `AccessToken::Privileges` enum.
    public enum Privilege: UInt16, CaseIterable, Hashable, Sendable {
        case kJoinChannel = 1
        case kPublishAudioStream = 2
        case kPublishVideoStream = 3
        case kPublishDataStream = 4
        case kAdministrateChannel = 101
        /// RTM login: its value is the login's expiry in Unix seconds (0: see ``RtmTokenVerifier``).
        case kRtmLogin = 1000
    }

    /// The project's App ID: 32 hex characters for a token to be built.
    public var appId: String
    /// The project's App Certificate, the HMAC key: 32 hex characters for a token to be built.
    public var appCertificate: String
    /// The channel name; an RTM token puts the user account here.
    public var channelName: String
    /// The uid as a decimal string, or "" (an RTM token's uid is always "").
    public var uid: String
    /// A random number that makes two tokens with the same inputs differ (C++: `random_device`).
    public var salt: UInt32
    /// The token's own expiry in Unix seconds (the C++ builder uses now + 24 h).
    public var ts: UInt32
    /// Privilege ID to expiry (Unix seconds). Packed sorted by ID.
    public var privileges: [UInt16: UInt32]

    public init(
        appId: String, appCertificate: String, channelName: String, uid: String, salt: UInt32, ts: UInt32,
        privileges: [UInt16: UInt32] = [:]
    ) {
        self.appId = appId
        self.appCertificate = appCertificate
        self.channelName = channelName
        self.uid = uid
        self.salt = salt
        self.ts = ts
        self.privileges = privileges
    }

    /// Grants `privilege` until `expireTimestamp` (C++ `AddPrivilege`).
    public mutating func addPrivilege(_ privilege: Privilege, expireTimestamp: UInt32) {
        privileges[privilege.rawValue] = expireTimestamp
    }

    /// The token string, or "" when the App ID or the certificate is not 32 hex characters (as
    /// the C++ builder) or a field is too long to pack (over 65,535 bytes).
    public func build() -> String {
        guard Hex.isHex(appId, count: Self.appIdLength), Hex.isHex(appCertificate, count: Self.appIdLength) else {
            return ""
        }
        do {
            let message = try Self.packMessage(salt: salt, ts: ts, privileges: privileges)
            let signature = Self.signature(
                certificate: appCertificate, appId: appId, channelName: channelName, uid: uid, message: message)
            let content = try Self.packContent(
                signature: signature, crcChannelName: CRC32.checksum(channelName), crcUid: CRC32.checksum(uid),
                message: message)
            return Self.version + appId + Data(content).base64EncodedString()
        } catch {
            return ""
        }
    }

    /// Decodes a "006" token as the C++ `AccessToken::FromString`: version, the 32-character
    /// App ID, then the base64 content and the message inside it.
    ///
    /// Only the format is checked here; ``RtmTokenVerifier`` checks the signature.
    /// - Throws: ``TokenFormatError`` saying what is malformed.
    public static func parse(_ token: String) throws(TokenFormatError) -> DecodedAccessToken {
        guard !token.isEmpty else { throw .empty }
        let bytes = Array(token.utf8)
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { throw .notASCII }
        let versionLength = version.utf8.count
        let foundVersion = String(decoding: bytes.prefix(versionLength), as: UTF8.self)
        guard foundVersion == version else { throw .wrongVersion(expected: version, found: foundVersion) }
        guard bytes.count >= versionLength + appIdLength else { throw .missingAppId(length: bytes.count) }
        let appId = String(decoding: bytes[versionLength..<versionLength + appIdLength], as: UTF8.self)
        let encoded = String(decoding: bytes[(versionLength + appIdLength)...], as: UTF8.self)
        guard let content = Data(base64Encoded: encoded) else { throw .invalidBase64 }

        var reader = TokenReader(Array(content))
        let signature = try reader.string(field: "the signature")
        let crcChannelName = try reader.u32(field: "the channel name CRC")
        let crcUid = try reader.u32(field: "the uid CRC")
        let message = try reader.string(field: "the message")
        try reader.expectEnd(of: "content")

        var messageReader = TokenReader(message)
        let salt = try messageReader.u32(field: "the salt")
        let ts = try messageReader.u32(field: "the timestamp")
        let count = try messageReader.u16(field: "the privilege count")
        var entries: [DecodedAccessToken.PrivilegeEntry] = []
        for index in 0..<Int(count) {
            let id = try messageReader.u16(field: "privilege #\(index + 1)")
            let expire = try messageReader.u32(field: "the expiry of privilege #\(index + 1)")
            entries.append(.init(id: id, expireTimestamp: expire))
        }
        try messageReader.expectEnd(of: "message")

        return DecodedAccessToken(
            appId: appId, signature: signature, crcChannelName: crcChannelName, crcUid: crcUid, message: message,
            salt: salt, ts: ts, privilegeEntries: entries)
    }

    static func packMessage(salt: UInt32, ts: UInt32, privileges: [UInt16: UInt32]) throws(TokenWriter.Overflow)
        -> [UInt8]
    {
        var writer = TokenWriter()
        writer.u32(salt)
        writer.u32(ts)
        try writer.map(privileges)
        return writer.bytes
    }

    static func packContent(signature: [UInt8], crcChannelName: UInt32, crcUid: UInt32, message: [UInt8])
        throws(TokenWriter.Overflow) -> [UInt8]
    {
        var writer = TokenWriter()
        try writer.string(signature)
        writer.u32(crcChannelName)
        writer.u32(crcUid)
        try writer.string(message)
        return writer.bytes
    }

    /// `HMAC-SHA256(key: certificate, appId ‖ channelName ‖ uid ‖ message)`, 32 raw bytes.
    static func signature(certificate: String, appId: String, channelName: String, uid: String, message: [UInt8])
        -> [UInt8]
    {
        let key = SymmetricKey(data: Array(certificate.utf8))
        let signed = Array(appId.utf8) + Array(channelName.utf8) + Array(uid.utf8) + message
        return Array(HMAC<SHA256>.authenticationCode(for: signed, using: key))
    }
}

/// What a "006" token carries, as read by ``AccessToken/parse(_:)``.
///
/// The channel name and uid are not in the token, only their CRC-32s; the certificate is not in
/// it at all. So a decoded token cannot be rebuilt, only re-encoded (``encoded()``) or checked
/// against a candidate channel and uid (``signatureMatches(certificate:channelName:uid:)``).
public struct DecodedAccessToken: Hashable, Sendable {
    /// One privilege as it appears in the message, in wire order.
    public struct PrivilegeEntry: Hashable, Sendable {
        public var id: UInt16
        public var expireTimestamp: UInt32

        public init(id: UInt16, expireTimestamp: UInt32) {
            self.id = id
            self.expireTimestamp = expireTimestamp
        }
    }

    /// The 32 characters after the version.
    public var appId: String
    /// The HMAC-SHA256 signature (32 bytes in a well-formed token).
    public var signature: [UInt8]
    /// `crc32(channelName)`: for an RTM token, of the user account.
    public var crcChannelName: UInt32
    /// `crc32(uid)`: 0 for an RTM token, whose uid is "".
    public var crcUid: UInt32
    /// The signed message bytes exactly as found.
    public var message: [UInt8]
    public var salt: UInt32
    /// The token's own expiry in Unix seconds.
    public var ts: UInt32
    /// The privileges in wire order (a builder writes them sorted, without repeats).
    public var privilegeEntries: [PrivilegeEntry]

    /// The privileges as a map; a repeated ID keeps its last value.
    public var privileges: [UInt16: UInt32] {
        Dictionary(privilegeEntries.map { ($0.id, $0.expireTimestamp) }, uniquingKeysWith: { _, last in last })
    }

    /// The token string again: `parse(t).encoded() == t` for every well-formed `t`.
    public func encoded() -> String {
        let content = try? AccessToken.packContent(
            signature: signature, crcChannelName: crcChannelName, crcUid: crcUid, message: message)
        return AccessToken.version + appId + Data(content ?? []).base64EncodedString()
    }

    /// Whether the signature is the HMAC of `appId ‖ channelName ‖ uid ‖ message` under
    /// `certificate` (compared in constant time).
    public func signatureMatches(certificate: String, channelName: String, uid: String) -> Bool {
        let expected = AccessToken.signature(
            certificate: certificate, appId: appId, channelName: channelName, uid: uid, message: message)
        return constantTimeEquals(expected, signature)
    }
}
