import RTMMachines
import RTMSystem

/// What validation makes of a trace before searching: the composed model it is checked against, each
/// actor's lines that the model covers, and the lines it leaves to replay.
///
/// - Clients: one per `rtm` actor, named as the actor; channels come from the trace's own
///   `createChannel` calls (the model starts with none).
/// - Network: reliable, in order, every message arriving within 1 s (timers fire only when due),
///   unless the trace has network lines: then its faults (drops for `loss` or dictated, duplicates,
///   link drops and restores, server restarts) are matched in order, as the lines of one more actor,
///   by the model's fault steps; reordering is allowed when its deliveries are out of send order, and
///   the delay is unbounded when the clock moves while a message is in flight. Sends, deliveries and
///   drops that follow from a fault stay hidden. Explicit `faults` replace all this with free budgets.
/// - Skipped lines: clock lines and the network lines not matched, and the shell-level calls and
///   callbacks the model does not cover (attributes, online status, member counts, token renewal
///   results). A trace with a Signaling actor is skipped whole.
public struct ValidationSetup: Sendable {
    /// A line validation does not match, and why.
    public struct SkippedLine: Hashable, Sendable {
        public var line: Int
        public var reason: String
    }

    /// The model the trace is checked against.
    public let model: RTMSystemModel
    /// The `rtm` actors, in header order: actor `i` is the model's client `i`.
    public let actors: [String]
    /// Per actor, the lines the model must match, in order; when ``followsNetwork``, one more entry
    /// (index `actors.count`) holds the network's fault lines.
    public let lines: [[TraceLine]]
    /// Whether the trace's fault lines are matched in order by the model's fault steps.
    public let followsNetwork: Bool
    public let skipped: [SkippedLine]
    /// Why the whole trace cannot be validated (nil: it can).
    public let unsupported: String?
    /// The network the search assumes, in words.
    public let assumptions: String
    /// How the model's caller-less invitations are named in the trace.
    let callers: InvitationCallers

    /// The delay bound when the trace says nothing of the network.
    public static let defaultDelayMs = 1_000

    /// Prepares `trace`; `faults` overrides the network read from the trace. `scenario` (when `faults` is
    /// nil) supplies the network instead, and names the model: the trace is then checked as an execution
    /// of that scenario's network, its fault lines matched in order, and, when it has network lines,
    /// no fault it does not show.
    public init(trace: Trace, faults: NetworkFaults? = nil, within scenario: Scenario? = nil) throws {
        let rtmActors = trace.header.actors.filter { $0.api == .rtm }
        actors = rtmActors.map(\.name)
        callers = InvitationCallers(userIds: rtmActors.map(\.userId))
        var perActor = Array(repeating: [TraceLine](), count: actors.count)
        var skipped: [SkippedLine] = []
        var faultLines: [TraceLine] = []
        var unsupported: String?
        if let signaling = trace.header.actors.first(where: { $0.api == .signaling }) {
            unsupported = "actor \(signaling.name) uses the legacy Signaling API, which the model does not cover"
                + " (replay only)"
        }
        for line in trace.lines {
            switch line.event {
            case .call(let actor, let call, _):
                if let reason = Self.shellReason(call) {
                    skipped.append(SkippedLine(line: line.line, reason: reason))
                } else if let index = actors.firstIndex(of: actor) {
                    perActor[index].append(line)
                }
            case .callback(let actor, let callback):
                if let reason = Self.shellReason(callback) {
                    skipped.append(SkippedLine(line: line.line, reason: reason))
                } else if let index = actors.firstIndex(of: actor) {
                    perActor[index].append(line)
                }
            case .signalingCall, .signalingCallback:
                skipped.append(SkippedLine(line: line.line, reason: "Signaling line (replay only)"))
            case .network(let step) where faults == nil && Self.isFault(step):
                faultLines.append(line)
            case .network:
                skipped.append(SkippedLine(line: line.line, reason: "network line (the search treats the network as hidden)"))
            case .clock:
                skipped.append(SkippedLine(line: line.line, reason: "clock line (timers fire when due)"))
            }
        }
        let network = faults ?? scenario?.network ?? Self.network(of: trace)
        let searched = Scenario(
            name: scenario?.name ?? trace.header.scenario, summary: "validation of a trace", clients: actors,
            channels: [], calls: Array(repeating: [], count: actors.count), network: network, properties: [])
        model = try RTMSystemModel(searched)
        let dictated = faults == nil && scenario != nil && trace.lines.contains { $0.event.isNetwork }
        followsNetwork = !faultLines.isEmpty || dictated
        lines = followsNetwork ? perActor + [faultLines] : perActor
        self.skipped = skipped
        self.unsupported = unsupported
        if faults == nil, let scenario {
            assumptions = "the network of scenario \(scenario.name): " + Self.describe(network)
        } else {
            assumptions = Self.describe(network)
        }
    }

    /// The network faults a trace's network and clock lines allow (none when it has no network line).
    public static func network(of trace: Trace) -> NetworkFaults {
        var faults = NetworkFaults(delay: .bounded(ms: defaultDelayMs), capacity: 64)
        var inFlight: [UInt64: String] = [:]  // id → "from>to"
        var sentOrder: [String: [UInt64]] = [:]
        var sawNetwork = false
        for line in trace.lines {
            switch line.event {
            case .network(let step):
                sawNetwork = true
                switch step {
                case .send(let id, let from, let to, _):
                    inFlight[id] = "\(from)>\(to)"
                    sentOrder["\(from)>\(to)", default: []].append(id)
                case .deliver(let id):
                    if let link = inFlight.removeValue(forKey: id) {
                        if sentOrder[link]?.first != id { faults.reorder = true }
                        sentOrder[link]?.removeAll { $0 == id }
                    }
                case .drop(let id, let reason):
                    if let link = inFlight.removeValue(forKey: id) { sentOrder[link]?.removeAll { $0 == id } }
                    switch reason {
                    case .loss, .dictated, nil: faults.loss += 1
                    case .linkDown, .restart: break
                    }
                case .duplicate(let id, let copy):
                    faults.duplication += 1
                    if let copy, let link = inFlight[id] {
                        inFlight[copy] = link
                        // The copy travels right behind the original, as in the model.
                        let at = sentOrder[link]?.firstIndex(of: id).map { $0 + 1 } ?? sentOrder[link]?.count ?? 0
                        sentOrder[link, default: []].insert(copy, at: at)
                    }
                case .linkDown: faults.linkDrops += 1
                case .linkUp: break
                case .serverRestart: faults.serverRestarts += 1
                }
            case .clock:
                if !inFlight.isEmpty { faults.delay = .unbounded }
            case .call, .callback, .signalingCall, .signalingCallback:
                break
            }
        }
        if !sawNetwork { faults.delay = .bounded(ms: defaultDelayMs) }
        return faults
    }

    /// Whether a network line is a fault the model takes as a step of its own (a loss, a duplicate, a
    /// link going down or up, a server restart); drops caused by a link drop or a restart are not.
    static func isFault(_ step: TraceNetworkStep) -> Bool {
        switch step {
        case .drop(_, let reason):
            switch reason {
            case .loss, .dictated, nil: true
            case .linkDown, .restart: false
            }
        case .duplicate, .linkDown, .linkUp, .serverRestart: true
        case .send, .deliver: false
        }
    }

    /// Whether the model's `action` is the network's fault `step` (nil: the action is no fault).
    func fault(_ action: SystemAction, is step: TraceNetworkStep) -> Bool? {
        func names(_ client: Int, _ a: String, _ b: String) -> Bool {
            guard actors.indices.contains(client) else { return false }
            return (a == actors[client] && b == "server") || (b == actors[client] && a == "server")
        }
        switch action {
        case .call, .deliverUp, .deliverDown, .fire: return nil
        case .lose: if case .drop = step { return true } else { return false }
        case .duplicate: if case .duplicate = step { return true } else { return false }
        case .dropLink(let client): if case .linkDown(let a, let b) = step { return names(client, a, b) } else { return false }
        case .restoreLink(let client): if case .linkUp(let a, let b) = step { return names(client, a, b) } else { return false }
        case .restartServer: if case .serverRestart = step { return true } else { return false }
        }
    }

    /// Why the model does not cover `call` (nil: it does).
    public static func shellReason(_ call: RtmApiCall) -> String? {
        switch call {
        case .login, .logout, .renewToken, .sendMessageToPeer, .createChannel, .join, .leave, .sendMessage,
            .getMembers, .releaseChannel, .createLocalCallInvitation, .setContent, .setChannelId, .setResponse,
            .sendLocalInvitation, .cancelLocalInvitation, .acceptRemoteInvitation, .refuseRemoteInvitation:
            nil
        case .queryPeersOnlineStatus, .setLocalUserAttributes, .addOrUpdateLocalUserAttributes,
            .deleteLocalUserAttributesByKeys, .clearLocalUserAttributes, .getUserAttributes, .getUserAttributesByKeys,
            .getChannelMemberCount, .setChannelAttributes, .addOrUpdateChannelAttributes,
            .deleteChannelAttributesByKeys, .clearChannelAttributes, .getChannelAttributes,
            .getChannelAttributesByKeys:
            "\(call.sdkName) is handled by the SDK shell, not the model (replay checks it)"
        }
    }

    /// Why the model does not produce `callback` (nil: it does).
    public static func shellReason(_ callback: RtmCallback) -> String? {
        switch callback {
        case .onLoginSuccess, .onLoginFailure, .onLogout, .onConnectionStateChanged, .onSendMessageResult,
            .onMessageReceivedFromPeer, .onJoinSuccess, .onJoinFailure, .onLeave, .onMemberJoined, .onMemberLeft,
            .onMemberCountUpdated, .onMessageReceived, .onChannelSendMessageResult, .onGetMembers,
            .onLocalInvitationReceivedByPeer, .onLocalInvitationAccepted, .onLocalInvitationRefused,
            .onLocalInvitationCanceled, .onLocalInvitationFailure, .onRemoteInvitationReceived,
            .onRemoteInvitationAccepted, .onRemoteInvitationRefused, .onRemoteInvitationCanceled,
            .onRemoteInvitationFailure:
            nil
        case .onTokenExpired, .onRenewTokenResult:
            "\(callback.sdkName) comes from token handling, which the model leaves out (replay checks it)"
        case .onQueryPeersOnlineStatusResult, .onSetLocalUserAttributesResult, .onAddOrUpdateLocalUserAttributesResult,
            .onDeleteLocalUserAttributesResult, .onClearLocalUserAttributesResult, .onGetUserAttributesResult,
            .onGetChannelMemberCountResult, .onSetChannelAttributesResult, .onAddOrUpdateChannelAttributesResult,
            .onDeleteChannelAttributesResult, .onClearChannelAttributesResult, .onGetChannelAttributesResult,
            .onAttributesUpdated:
            "\(callback.sdkName) answers a call the SDK shell handles, not the model (replay checks it)"
        }
    }

    static func describe(_ n: NetworkFaults) -> String {
        var parts: [String] = []
        switch n.delay {
        case .none: parts.append("no delay")
        case .bounded(let ms): parts.append("every message arrives within \(ms) ms")
        case .unbounded: parts.append("unbounded delay")
        }
        parts.append(n.reorder ? "links may reorder" : "in order")
        let faults = [
            (n.loss, "loss", "losses"), (n.duplication, "duplication", "duplications"),
            (n.linkDrops, "link drop", "link drops"), (n.serverRestarts, "server restart", "server restarts"),
        ].filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
        parts.append(faults.isEmpty ? "no faults" : faults.joined(separator: ", "))
        return parts.joined(separator: ", ")
    }
}

extension TraceEvent {
    /// Whether this is a network line.
    var isNetwork: Bool {
        switch self {
        case .network: true
        case .call, .callback, .signalingCall, .signalingCallback, .clock: false
        }
    }
}
