import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// Collects what one service's handler objects were told, as ``RtmCallback`` values rebuilt from the handler
/// arguments, so a test can compare them with the simulation's event stream.
final class HandlerLog: RtmServiceEventHandler, RtmCallEventHandler {
    var callbacks: [RtmCallback] = []
    var lastRenewToken = ""
    var remoteInvitations: [RemoteInvitation] = []
    var localInvitations: [LocalInvitation] = []

    func onLoginSuccess() { callbacks.append(.onLoginSuccess) }
    func onLoginFailure(_ errorCode: LoginErrCode) { callbacks.append(.onLoginFailure(errorCode)) }
    func onLogout(_ errorCode: LogoutErrCode) { callbacks.append(.onLogout(errorCode)) }
    func onConnectionStateChanged(_ state: ConnectionState, _ reason: ConnectionChangeReason) {
        callbacks.append(.onConnectionStateChanged(state, reason))
    }
    func onTokenExpired() { callbacks.append(.onTokenExpired) }
    func onRenewTokenResult(_ token: String, _ errorCode: RenewTokenErrCode) {
        lastRenewToken = token
        callbacks.append(.onRenewTokenResult(errorCode))
    }
    func onSendMessageResult(_ messageId: Int, _ errorCode: PeerMessageErrCode) {
        callbacks.append(.onSendMessageResult(messageId: messageId, errorCode))
    }
    func onMessageReceivedFromPeer(_ peerId: UserID, _ message: RtmMessage) {
        callbacks.append(
            .onMessageReceivedFromPeer(peerId: peerId, text: message.text, isOffline: message.isOfflineMessage))
    }
    func onQueryPeersOnlineStatusResult(
        _ requestId: Int, _ peersStatus: [PeerStatus], _ errorCode: QueryPeersOnlineStatusErr
    ) {
        callbacks.append(.onQueryPeersOnlineStatusResult(requestId: requestId, statuses: peersStatus, errorCode))
    }
    func onSetLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        callbacks.append(.onSetLocalUserAttributesResult(requestId: requestId, errorCode))
    }
    func onAddOrUpdateLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        callbacks.append(.onAddOrUpdateLocalUserAttributesResult(requestId: requestId, errorCode))
    }
    func onDeleteLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        callbacks.append(.onDeleteLocalUserAttributesResult(requestId: requestId, errorCode))
    }
    func onClearLocalUserAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        callbacks.append(.onClearLocalUserAttributesResult(requestId: requestId, errorCode))
    }
    func onGetUserAttributesResult(
        _ requestId: Int, _ userId: UserID, _ attributes: [RtmAttribute], _ errorCode: AttributeOperationErr
    ) {
        callbacks.append(
            .onGetUserAttributesResult(requestId: requestId, userId: userId, attributes: attributes, errorCode))
    }
    func onGetChannelMemberCountResult(
        _ requestId: Int, _ channelMemberCounts: [ChannelMemberCount], _ errorCode: GetChannelMemberCountErrCode
    ) {
        callbacks.append(.onGetChannelMemberCountResult(requestId: requestId, counts: channelMemberCounts, errorCode))
    }
    func onSetChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        callbacks.append(.onSetChannelAttributesResult(requestId: requestId, errorCode))
    }
    func onAddOrUpdateChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        callbacks.append(.onAddOrUpdateChannelAttributesResult(requestId: requestId, errorCode))
    }
    func onDeleteChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        callbacks.append(.onDeleteChannelAttributesResult(requestId: requestId, errorCode))
    }
    func onClearChannelAttributesResult(_ requestId: Int, _ errorCode: AttributeOperationErr) {
        callbacks.append(.onClearChannelAttributesResult(requestId: requestId, errorCode))
    }
    func onGetChannelAttributesResult(
        _ requestId: Int, _ attributes: [RtmChannelAttribute], _ errorCode: AttributeOperationErr
    ) {
        callbacks.append(.onGetChannelAttributesResult(requestId: requestId, attributes: attributes, errorCode))
    }

    func onLocalInvitationReceivedByPeer(_ localInvitation: LocalInvitation) {
        localInvitations.append(localInvitation)
        callbacks.append(.onLocalInvitationReceivedByPeer(localInvitation.key))
    }
    func onLocalInvitationAccepted(_ localInvitation: LocalInvitation, _ response: String) {
        callbacks.append(.onLocalInvitationAccepted(localInvitation.key, response: response))
    }
    func onLocalInvitationRefused(_ localInvitation: LocalInvitation, _ response: String) {
        callbacks.append(.onLocalInvitationRefused(localInvitation.key, response: response))
    }
    func onLocalInvitationCanceled(_ localInvitation: LocalInvitation) {
        callbacks.append(.onLocalInvitationCanceled(localInvitation.key))
    }
    func onLocalInvitationFailure(_ localInvitation: LocalInvitation, _ errorCode: LocalInvitationErrCode) {
        callbacks.append(.onLocalInvitationFailure(localInvitation.key, errorCode))
    }
    func onRemoteInvitationReceived(_ remoteInvitation: RemoteInvitation) {
        remoteInvitations.append(remoteInvitation)
        callbacks.append(.onRemoteInvitationReceived(remoteInvitation.key))
    }
    func onRemoteInvitationAccepted(_ remoteInvitation: RemoteInvitation) {
        callbacks.append(.onRemoteInvitationAccepted(remoteInvitation.key))
    }
    func onRemoteInvitationRefused(_ remoteInvitation: RemoteInvitation) {
        callbacks.append(.onRemoteInvitationRefused(remoteInvitation.key))
    }
    func onRemoteInvitationCanceled(_ remoteInvitation: RemoteInvitation) {
        callbacks.append(.onRemoteInvitationCanceled(remoteInvitation.key))
    }
    func onRemoteInvitationFailure(_ remoteInvitation: RemoteInvitation, _ errorCode: RemoteInvitationErrCode) {
        callbacks.append(.onRemoteInvitationFailure(remoteInvitation.key, errorCode))
    }
}

/// One channel object's handler, writing into its service's ``HandlerLog``.
final class ChannelLog: RtmChannelEventHandler {
    let channel: ChannelID
    let log: HandlerLog

    init(_ channel: ChannelID, _ log: HandlerLog) {
        self.channel = channel
        self.log = log
    }

    func onJoinSuccess() { log.callbacks.append(.onJoinSuccess(channel: channel)) }
    func onJoinFailure(_ errorCode: JoinChannelErr) {
        log.callbacks.append(.onJoinFailure(channel: channel, errorCode))
    }
    func onLeave(_ errorCode: LeaveChannelErr) { log.callbacks.append(.onLeave(channel: channel, errorCode)) }
    func onMessageReceived(_ userId: UserID, _ message: RtmMessage) {
        log.callbacks.append(.onMessageReceived(channel: channel, userId: userId, text: message.text))
    }
    func onSendMessageResult(_ messageId: Int, _ state: ChannelMessageErrCode) {
        log.callbacks.append(.onChannelSendMessageResult(channel: channel, messageId: messageId, state))
    }
    func onMemberJoined(_ member: RtmChannelMember) {
        log.callbacks.append(.onMemberJoined(channel: member.channelId, userId: member.userId))
    }
    func onMemberLeft(_ member: RtmChannelMember) {
        log.callbacks.append(.onMemberLeft(channel: member.channelId, userId: member.userId))
    }
    func onGetMembers(_ members: [RtmChannelMember], _ errorCode: GetMembersErr) {
        log.callbacks.append(.onGetMembers(channel: channel, members: members.map(\.userId), errorCode))
    }
    func onAttributesUpdated(_ attributes: [RtmChannelAttribute]) {
        log.callbacks.append(.onAttributesUpdated(channel: channel, attributes: attributes))
    }
    func onMemberCountUpdated(_ memberCount: Int) {
        log.callbacks.append(.onMemberCountUpdated(channel: channel, count: memberCount))
    }
}

/// A simulation with the server fixture's apps, services named after their users, and every service's callbacks
/// recorded twice: from the event stream and from the handler objects (``check()`` compares them).
final class World {
    let sim: RtmSimulation
    private(set) var stream: [SimulationTraceEntry] = []
    private var streamCallbacks: [String: [RtmCallback]] = [:]
    private var logs: [String: HandlerLog] = [:]
    private var readUpTo: [String: Int] = [:]
    private(set) var services: [String: RtmService] = [:]

    init(seed: UInt64 = 1, faults: FaultPlan = .none, apps: AppRegistry = ServerFixture.apps) {
        sim = RtmSimulation(seed: seed, apps: apps, faults: faults)
        sim.observe { [unowned self] entry in
            stream.append(entry)
            if case .callback(let service, let callback) = entry.event {
                streamCallbacks[service, default: []].append(callback)
            }
        }
    }

    /// A service named `name` on `appId`, with a recording handler and call manager.
    @discardableResult
    func client(_ name: String, appId: String = ServerFixture.certApp) -> RtmService {
        let log = HandlerLog()
        let service = sim.createService(appId: appId, handler: log, name: name)
        _ = service.getRtmCallManager(log)
        logs[name] = log
        services[name] = service
        return service
    }

    subscript(_ name: String) -> RtmService { services[name]! }

    func log(_ name: String) -> HandlerLog { logs[name]! }

    /// Creates a channel object on `name` with a recording handler.
    @discardableResult
    func channel(_ name: String, _ channel: ChannelID) -> RtmChannel? {
        self[name].createChannel(channel, ChannelLog(channel, logs[name]!))
    }

    /// Logs `name` in with a valid token for its app and runs until quiet.
    func login(_ names: String...) {
        for name in names {
            let service = self[name]
            let token = service.appId == ServerFixture.openApp ? "" : ServerFixture.token(name, appId: service.appId)
            #expect(service.login(token: token, userId: name) == .ok)
            settle()
        }
    }

    func settle() { sim.runUntilQuiet() }

    /// The callbacks `name` received since the last `take`, as the SDK would print them.
    func take(_ name: String) -> [String] {
        let all = streamCallbacks[name] ?? []
        let start = readUpTo[name, default: 0]
        readUpTo[name] = all.count
        return all[start...].map(\.rendered)
    }

    /// Marks every callback so far as read.
    func drain() { for name in services.keys { _ = take(name) } }

    /// Every service's handler objects got exactly the callbacks of the event stream, in order; no violations.
    func check(sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, log) in logs {
            #expect(log.callbacks == (streamCallbacks[name] ?? []), "\(name)", sourceLocation: sourceLocation)
            #expect(self[name].violations.isEmpty, "\(name)", sourceLocation: sourceLocation)
        }
        #expect(sim.server.violations.isEmpty, sourceLocation: sourceLocation)
    }

    /// The stream as text, one line per event.
    var text: String { stream.map(\.description).joined(separator: "\n") }
}

/// The callbacks of a successful first login, as printed.
let loginCallbacks = [
    "onConnectionStateChanged(CONNECTION_STATE_CONNECTING, CONNECTION_CHANGE_REASON_LOGIN)", "onLoginSuccess()",
    "onConnectionStateChanged(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGE_REASON_LOGIN_SUCCESS)",
]
