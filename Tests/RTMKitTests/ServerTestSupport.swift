import RTMMachines
import RTMProtocol

@testable import RTMKit

/// Apps, tokens and a small driver around ``RtmServer`` for the server-shell tests.
enum ServerFixture {
    /// An app with a certificate (Agora's own test values).
    static let certApp = Agora.appId
    static let certificate = Agora.certificate
    /// An app without a certificate.
    static let openApp = "0123456789abcdef0123456789abcdef"
    /// A third project, with its own certificate, registered too.
    static let otherApp = "fedcba9876543210fedcba9876543210"
    static let otherCertificate = "00112233445566778899aabbccddeeff"

    /// The server clock at the start of every test: 2023-11-14T22:13:20Z, in Unix ms.
    static let startMs: Int64 = 1_700_000_000_000
    static let nowSeconds: UInt32 = 1_700_000_000

    static var apps: AppRegistry {
        AppRegistry([
            .init(appId: certApp, certificate: certificate),
            .init(appId: openApp),
            .init(appId: otherApp, certificate: otherCertificate),
        ])
    }

    /// An RTM token for `user`, valid for 24 h unless told otherwise.
    static func token(
        _ user: UserID, appId: String = certApp, certificate: String = certificate,
        privilegeExpiredTs: UInt32 = 0, ts: UInt32 = nowSeconds + 86_400
    ) -> String {
        RtmTokenBuilder.buildToken(
            appId: appId, appCertificate: certificate, userAccount: user, privilegeExpiredTs: privilegeExpiredTs,
            salt: 7, ts: ts)
    }
}

/// Drives one ``RtmServer`` and keeps what it sent, per connection.
final class ServerDriver {
    let server: RtmServer
    /// Every output so far, in order.
    private(set) var outputs: [RtmServer.Output] = []
    /// How many messages to each connection have been read by ``take(_:)``.
    private var readUpTo: [ConnectionID: Int] = [:]

    init(apps: AppRegistry = ServerFixture.apps) {
        server = RtmServer(apps: apps, nowMs: ServerFixture.startMs)
    }

    /// Connections named by small integers, as a driver assigns them.
    static func conn(_ raw: Int) -> ConnectionID { ConnectionID(raw) }

    @discardableResult
    func send(_ uplink: KitUplink, from conn: Int) -> [RtmServer.Output] {
        record(server.receive(uplink, from: ConnectionID(conn)))
    }

    @discardableResult
    func record(_ new: [RtmServer.Output]) -> [RtmServer.Output] {
        outputs += new
        return new
    }

    /// Logs `user` in on `conn` to the certificate app with a valid token; returns what `conn` got.
    @discardableResult
    func login(_ user: UserID, on conn: Int) -> [KitDownlink] {
        send(.login(appId: ServerFixture.certApp, token: ServerFixture.token(user), userId: user), from: conn)
        return take(conn)
    }

    @discardableResult
    func join(_ channel: ChannelID, on conn: Int) -> [KitDownlink] {
        send(.core(.join(channel)), from: conn)
        return take(conn)
    }

    /// The messages sent to `conn` since the last `take` for it.
    func take(_ conn: Int) -> [KitDownlink] {
        let all = messages(to: conn)
        let start = readUpTo[ConnectionID(conn), default: 0]
        readUpTo[ConnectionID(conn)] = all.count
        return Array(all[start...])
    }

    /// Every message ever sent to `conn`.
    func messages(to conn: Int) -> [KitDownlink] {
        outputs.compactMap {
            if case .send(let to, let message) = $0, to == ConnectionID(conn) { message } else { nil }
        }
    }

    /// Marks everything sent so far as read, on every connection.
    func drain() {
        for conn in Set(outputs.compactMap { if case .send(let to, _) = $0 { to.raw } else { nil } }) {
            _ = take(conn)
        }
    }
}

/// `count` attributes `k0`, `k1`, … with value `value`.
func attributes(_ count: Int, value: String = "v") -> [RtmAttribute] {
    (0..<count).map { RtmAttribute(key: "k\($0)", value: value) }
}

/// A string of `bytes` ASCII bytes.
func bytes(_ bytes: Int) -> String { String(repeating: "x", count: bytes) }
