import RTMMachines
import RTMProtocol

/// A legacy Signaling client (`IAgoraAPI`, `agora_sig.h`) over RTMKit: the left column of the migration
/// table [D-SEED], talking to RTM clients through the same ``RtmServer``.
///
/// The imperative shell around the pure ``SignalingAdapter``: it owns one ``RtmService`` in an
/// ``RtmSimulation``, makes the RTM calls the adapter asks for and hands their return values back, feeds
/// every RTM callback to the adapter, and fires the resulting callbacks on ``handler``. RTM callbacks that
/// arrive while it is busy (inside an RTM call) are queued and handled in order once it is done.
///
/// Login tokens are Signaling "1:" tokens (decision 13), checked here with the app's certificate from the
/// simulation's ``AppRegistry`` at the server's clock (`_no_need_token` only without a certificate). The
/// embedded RTM client then logs in with an RTM token minted for the account (expiring with the Signaling
/// token), or "" when the app has no certificate: the part Agora's Signaling gateway played. See
/// docs/signaling.md for the translation tables and decisions.
///
/// The simulation owns the embedded ``RtmService``, not this client: keep a reference to the client for as
/// long as the app runs (a dropped client's RTM instance stays logged in but reports to no one).
///
/// ```swift
/// let carol = SignalingClient(simulation: sim, appId: appId, handler: handler, name: "carol")
/// carol.login("carol", token: SignalingToken.build(account: "carol", appId: appId, appCertificate: cert,
///                                                  expiredTs: expiry))
/// sim.runUntilQuiet()                   // onLoginSuccess(0)
/// carol.channelJoin("lobby")
/// sim.runUntilQuiet()                   // onChannelJoined, onChannelUserList, onChannelAttrUpdated…
/// ```
///
/// Implements DESIGN.md "The real implementation" (`SignalingClient`), rtm-reference §1.21, §2.2, §3.6–3.8,
/// §5.2 and decision 13.
public final class SignalingClient {
    /// The App ID (the Signaling `vendorID`).
    public let appId: String
    /// The embedded RTM client.
    public let service: RtmService
    /// The translation state.
    public private(set) var adapter = SignalingAdapter()
    /// Receives the Signaling callbacks.
    public var handler: SignalingEventHandler?

    unowned let simulation: RtmSimulation
    var bridge: SignalingRtmBridge?
    /// RTM callbacks waiting for the current work to finish.
    var inbox: [(RtmCallback, RemoteInvitationDetails?)] = []
    /// How deep we are in API calls and RTM calls; RTM callbacks are handled only at depth 0.
    var depth = 0

    /// A Signaling client of `appId` in `simulation`; `name` names its RTM instance (its network endpoint).
    public init(simulation: RtmSimulation, appId: String, handler: SignalingEventHandler?, name: String? = nil) {
        self.simulation = simulation
        self.appId = appId
        self.handler = handler
        let bridge = SignalingRtmBridge()
        service = simulation.createService(appId: appId, handler: bridge, name: name)
        self.bridge = bridge
        bridge.client = self
        _ = service.getRtmCallManager(bridge)
    }

    // MARK: The Signaling API

    /// Makes one Signaling call (the typed methods below all come here).
    public func perform(_ call: SignalingCall) {
        work { run(adapter.perform(call)) }
    }

    /// `login(vendorID, account, token, uid, deviceID)`.
    public func login(_ account: String, token: String, uid: UInt32 = 0, deviceID: String? = nil) {
        perform(.login(account: account, token: token))
    }

    /// `login2(vendorID, account, token, uid, deviceID, retry_time_in_s, retry_count)`.
    public func login2(
        _ account: String, token: String, uid: UInt32 = 0, deviceID: String? = nil, retryTimeInS: Int = 30,
        retryCount: Int = 3
    ) {
        perform(.login2(account: account, token: token, retryTimeInS: retryTimeInS, retryCount: retryCount))
    }

    /// `logout()`.
    public func logout() { perform(.logout) }

    /// `getStatus()`: `LOGIN_STATE_*`.
    public func getStatus() -> SignalingLoginState { adapter.status }

    /// `messageInstantSend(account, uid, msg, msgID)`.
    public func messageInstantSend(_ account: String, uid: UInt32 = 0, _ msg: String, _ msgID: String) {
        perform(.messageInstantSend(account: account, msg: msg, msgID: msgID))
    }

    /// `queryUserStatus(account)`.
    public func queryUserStatus(_ account: String) { perform(.queryUserStatus(account: account)) }

    /// `setAttr(name, value)`.
    public func setAttr(_ name: String, _ value: String) { perform(.setAttr(name: name, value: value)) }

    /// `getAttr(name)`.
    public func getAttr(_ name: String) { perform(.getAttr(name: name)) }

    /// `getAttrAll()`.
    public func getAttrAll() { perform(.getAttrAll) }

    /// `getUserAttr(account, name)`.
    public func getUserAttr(_ account: String, _ name: String) { perform(.getUserAttr(account: account, name: name)) }

    /// `getUserAttrAll(account)`.
    public func getUserAttrAll(_ account: String) { perform(.getUserAttrAll(account: account)) }

    /// `channelJoin(channelID)`.
    public func channelJoin(_ channelID: String) { perform(.channelJoin(channel: channelID)) }

    /// `channelLeave(channelID)`.
    public func channelLeave(_ channelID: String) { perform(.channelLeave(channel: channelID)) }

    /// `messageChannelSend(channelID, msg, msgID)`.
    public func messageChannelSend(_ channelID: String, _ msg: String, _ msgID: String) {
        perform(.messageChannelSend(channel: channelID, msg: msg, msgID: msgID))
    }

    /// `messageChannelSendForce(channelID, msg, msgID)` (only as a member: docs/signaling.md).
    public func messageChannelSendForce(_ channelID: String, _ msg: String, _ msgID: String) {
        perform(.messageChannelSendForce(channel: channelID, msg: msg, msgID: msgID))
    }

    /// `channelSetAttr(channelID, name, value)`.
    public func channelSetAttr(_ channelID: String, _ name: String, _ value: String) {
        perform(.channelSetAttr(channel: channelID, name: name, value: value))
    }

    /// `channelDelAttr(channelID, name)`.
    public func channelDelAttr(_ channelID: String, _ name: String) {
        perform(.channelDelAttr(channel: channelID, name: name))
    }

    /// `channelClearAttr(channelID)`.
    public func channelClearAttr(_ channelID: String) { perform(.channelClearAttr(channel: channelID)) }

    /// `channelQueryUserNum(channelID)`.
    public func channelQueryUserNum(_ channelID: String) { perform(.channelQueryUserNum(channel: channelID)) }

    /// `invoke(name, req, callID)`.
    public func invoke(_ name: String, _ req: String, _ callID: String) {
        perform(.invoke(name: name, req: req, callID: callID))
    }

    /// `channelInviteUser(channelID, account, uid)`.
    public func channelInviteUser(_ channelID: String, _ account: String, uid: UInt32 = 0) {
        perform(.channelInviteUser(channel: channelID, account: account))
    }

    /// `channelInviteUser2(channelID, account, extra)`.
    public func channelInviteUser2(_ channelID: String, _ account: String, _ extra: String) {
        perform(.channelInviteUser2(channel: channelID, account: account, extra: extra))
    }

    /// `channelInviteDTMF(channelID, phoneNum, dtmf)`.
    public func channelInviteDTMF(_ channelID: String, _ phoneNum: String, _ dtmf: String) {
        perform(.channelInviteDTMF(channel: channelID, account: phoneNum, dtmf: dtmf))
    }

    /// `channelInviteAccept(channelID, account, uid[, extra])`.
    public func channelInviteAccept(_ channelID: String, _ account: String, uid: UInt32 = 0, extra: String = "") {
        perform(.channelInviteAccept(channel: channelID, account: account, extra: extra))
    }

    /// `channelInviteRefuse(channelID, account, uid, extra)`.
    public func channelInviteRefuse(_ channelID: String, _ account: String, uid: UInt32 = 0, extra: String = "") {
        perform(.channelInviteRefuse(channel: channelID, account: account, extra: extra))
    }

    /// `channelInviteEnd(channelID, account, uid)`.
    public func channelInviteEnd(_ channelID: String, _ account: String, uid: UInt32 = 0) {
        perform(.channelInviteEnd(channel: channelID, account: account))
    }

    // MARK: The shell

    /// Runs `body`, then (at the outermost level) the RTM callbacks that arrived meanwhile, in order.
    func work(_ body: () -> Void) {
        depth += 1
        body()
        depth -= 1
        guard depth == 0 else { return }
        depth += 1
        while !inbox.isEmpty {
            let (callback, details) = inbox.removeFirst()
            run(adapter.received(callback, invitation: details))
        }
        depth -= 1
    }

    /// One RTM callback of the embedded client.
    func rtmCallback(_ callback: RtmCallback, details: RemoteInvitationDetails? = nil) {
        inbox.append((callback, details))
        if depth == 0 { work {} }
    }

    /// Carries out the adapter's actions in order, depth first.
    func run(_ actions: [SignalingAction]) {
        for action in actions {
            switch action {
            case .callback(let callback):
                if let handler { callback.dispatch(to: handler) }
            case .verifyToken(let account, let token):
                let (verdict, rtmToken) = checkToken(account: account, token: token)
                run(adapter.tokenVerified(verdict, rtmToken: rtmToken))
            case .rtm(let call, let tag):
                run(adapter.returned(rtmCall(call), for: tag))
            }
        }
    }

    /// Makes one RTM call; a created channel object gets this client's channel handler.
    func rtmCall(_ call: RtmApiCall) -> RtmApiResult {
        let result = service.perform(call)
        if case .createChannel(let id) = call, let channel = service.channels[id] {
            channel.handler = SignalingChannelBridge(client: self, channelId: id)
        }
        return result
    }

    /// The Signaling verdict on `token` for `account` now, and the RTM token to log in with.
    ///
    /// An App ID the server does not know is left to the server to refuse (`LOGIN_ERR_INVALID_APP_ID` →
    /// `LOGIN_E_FAILED`).
    func checkToken(account: String, token: String) -> (TokenVerdict, String) {
        guard let app = simulation.server.apps.app(appId) else { return (.valid, "") }
        let now = UInt32(clamping: simulation.unixNowMs / 1000)
        let verdict = SignalingToken.verify(
            token: token, appId: appId, certificate: app.certificate, account: account, now: now)
        guard verdict.isValid, let certificate = app.certificate, !certificate.isEmpty else { return (verdict, "") }
        let expiry = (try? SignalingToken.parse(token).expiredTs) ?? 0
        let rtmToken = RtmTokenBuilder.buildToken(
            appId: appId, appCertificate: certificate, userAccount: account, privilegeExpiredTs: expiry, salt: 1,
            ts: now &+ 86_400)
        return (verdict, rtmToken)
    }
}
