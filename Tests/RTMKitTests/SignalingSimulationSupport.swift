import RTMMachines
import RTMProtocol

@testable import RTMKit

/// Records a Signaling client's callbacks in order.
final class SignalingRecorder: SignalingEventHandler {
    var callbacks: [SignalingCallback] = []

    func onSignalingCallback(_ callback: SignalingCallback) { callbacks.append(callback) }

    /// Takes the callbacks recorded since the last take.
    func take() -> [SignalingCallback] {
        defer { callbacks.removeAll() }
        return callbacks
    }
}

/// A simulation with one app, Signaling clients and RTM clients, and a log of every RTM callback by
/// service name (through the simulation's observer).
final class InteropWorld {
    static let appId = "970CA35de60c44645bbae8a215061b33"
    static let certificate = "5CFd2fd1755d40ecb72977518be15d3b"

    let sim: RtmSimulation
    let withCertificate: Bool
    /// RTM callbacks by service name, in order.
    private(set) var rtmCallbacks: [String: [RtmCallback]] = [:]

    init(withCertificate: Bool = true) {
        self.withCertificate = withCertificate
        sim = RtmSimulation(
            seed: 1,
            apps: AppRegistry([.init(appId: Self.appId, certificate: withCertificate ? Self.certificate : nil)]))
        sim.observe { [unowned self] entry in
            if case .callback(let service, let callback) = entry.event {
                self.rtmCallbacks[service, default: []].append(callback)
            }
        }
    }

    /// The server clock in Unix seconds.
    var nowSeconds: UInt32 { UInt32(sim.unixNowMs / 1000) }

    /// A valid Signaling token for `account` (or `_no_need_token` without a certificate).
    func signalingToken(_ account: String, expiresIn seconds: UInt32 = 3600) -> String {
        guard withCertificate else { return SignalingToken.noNeedToken }
        return SignalingToken.build(
            account: account, appId: Self.appId, appCertificate: Self.certificate, expiredTs: nowSeconds + seconds)
    }

    /// An RTM token for `userId` (or "" without a certificate).
    func rtmToken(_ userId: String) -> String {
        guard withCertificate else { return "" }
        return RtmTokenBuilder.buildToken(
            appId: Self.appId, appCertificate: Self.certificate, userAccount: userId, privilegeExpiredTs: 0, salt: 7,
            ts: nowSeconds + 86_400)
    }

    /// A Signaling client, logged in as `account` when `login` is true.
    func signaling(_ account: String, login: Bool = true) -> (SignalingClient, SignalingRecorder) {
        let recorder = SignalingRecorder()
        let client = SignalingClient(simulation: sim, appId: Self.appId, handler: recorder, name: account)
        if login {
            client.login(account, token: signalingToken(account))
            settle()
            _ = recorder.take()
        }
        return (client, recorder)
    }

    /// An RTM client, logged in as `userId` when `login` is true.
    func rtm(_ userId: String, login: Bool = true) -> RtmService {
        let service = sim.createService(appId: Self.appId, handler: nil, name: userId)
        _ = service.getRtmCallManager(nil)
        if login {
            service.login(token: rtmToken(userId), userId: userId)
            settle()
            _ = take(service)
        }
        return service
    }

    /// Takes the RTM callbacks `service` got since the last take.
    func take(_ service: RtmService) -> [RtmCallback] {
        defer { rtmCallbacks[service.name] = [] }
        return rtmCallbacks[service.name] ?? []
    }

    /// Lets a second of virtual time pass: enough for every round trip, too little for any timeout.
    func settle(ms: UInt64 = 1_000) { sim.run(forMs: ms) }
}
