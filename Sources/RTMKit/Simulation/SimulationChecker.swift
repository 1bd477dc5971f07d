import RTMMachines
import RTMProtocol

/// Watches an ``RtmSimulation``'s event stream, counts what happened and judges the RTM properties on the
/// run — the same properties the model checker proves on small scenarios (RTMSystem), here on runs too large to
/// exhaust:
/// - `peer-message-exactly-once`: every `PEER_MESSAGE_ERR_OK` message reached its receiver exactly once, and no
///   message reached anyone twice (§3.2).
/// - `invitation-agreement`: an invitation that ended on both sides ended the same way on both (decision 11);
///   invitations whose caller or callee logged out, lost its link or saw the server restart are excluded.
/// - `member-joined-never-to-self` and `channel-message-never-echoed` (§3.3, §3.4).
/// - `no-protocol-violation`: no machine (client or server) refused an input.
///
/// Peer and channel messages are told apart by their text, so a workload sends each text once.
public final class SimulationChecker {
    unowned let simulation: RtmSimulation

    // Peer messages.
    var peerSent: [String: [Int: (to: UserID, text: String)]] = [:]
    public private(set) var peerMessagesSent = 0
    public private(set) var peerResults: [PeerMessageErrCode: Int] = [:]
    var okMessages: [(service: String, messageId: Int)] = []
    var deliveries: [String: Int] = [:]
    public private(set) var peerMessagesDelivered = 0
    public private(set) var offlineMessagesDelivered = 0
    // Channels.
    public private(set) var channelMessagesSent = 0
    public private(set) var channelResults: [ChannelMessageErrCode: Int] = [:]
    public private(set) var channelMessagesDelivered = 0
    public private(set) var memberJoinedCount = 0
    var selfJoins: [String] = []
    var echoes: [String] = []
    // Invitations.
    public private(set) var invitationsSent = 0
    public private(set) var callerOutcomes: [String: Int] = [:]
    public private(set) var calleeOutcomes: [String: Int] = [:]
    var interrupted: Set<InvitationKey> = []
    // Violations.
    var violations: [String] = []

    /// A checker observing `simulation` from now on.
    public init(_ simulation: RtmSimulation) {
        self.simulation = simulation
        simulation.observe { [unowned self] entry in self.observe(entry.event) }
    }

    func observe(_ event: SimulationEvent) {
        switch event {
        case .apiCall(let name, .logout):
            if let service = simulation.service(named: name) { interrupt(service) }
        case .apiReturned(let name, .sendMessageToPeer(let peer, let text, _), .peerMessage(.ok, let id)):
            peerMessagesSent += 1
            peerSent[name, default: [:]][id] = (peer, text)
        case .apiReturned(_, .sendMessage, .channelMessage(.ok, _)):
            channelMessagesSent += 1
        case .apiReturned(_, .sendLocalInvitation, .invitation(.ok)):
            invitationsSent += 1
        case .callback(let name, let callback):
            observe(callback, at: name)
        case .violation(let source, let violation):
            violations.append("\(source): \(violation)")
        case .network(let entry):
            switch entry.step {
            case .linkDown(let link):
                let other = link.a == RtmSimulation.serverEndpoint ? link.b : link.a
                if let service = simulation.service(named: other.rawValue) { interrupt(service) }
            case .endpointRestarted(RtmSimulation.serverEndpoint):
                for service in simulation.services { interrupt(service) }
            default:
                break
            }
        case .serviceCreated, .apiCall, .apiReturned:
            break
        }
    }

    func observe(_ callback: RtmCallback, at name: String) {
        let me = simulation.service(named: name)?.userId
        switch callback {
        case .onSendMessageResult(let id, let code):
            peerResults[code, default: 0] += 1
            if code == .ok { okMessages.append((name, id)) }
        case .onMessageReceivedFromPeer(_, let text, let isOffline):
            peerMessagesDelivered += 1
            if isOffline { offlineMessagesDelivered += 1 }
            deliveries["\(me ?? name)\u{0}\(text)", default: 0] += 1
        case .onChannelSendMessageResult(_, _, let code):
            channelResults[code, default: 0] += 1
        case .onMessageReceived(let channel, let user, let text):
            channelMessagesDelivered += 1
            if user == me { echoes.append("\(name) received its own message \"\(text)\" in \(channel)") }
        case .onMemberJoined(let channel, let user):
            memberJoinedCount += 1
            if user == me { selfJoins.append("\(name) got onMemberJoined(\(user)) in \(channel)") }
        case .onLocalInvitationAccepted: callerOutcomes["LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE", default: 0] += 1
        case .onLocalInvitationRefused: callerOutcomes["LOCAL_INVITATION_STATE_REFUSED_BY_REMOTE", default: 0] += 1
        case .onLocalInvitationCanceled: callerOutcomes["LOCAL_INVITATION_STATE_CANCELED", default: 0] += 1
        case .onLocalInvitationFailure(_, let code): callerOutcomes[code.sdkName, default: 0] += 1
        case .onRemoteInvitationAccepted: calleeOutcomes["REMOTE_INVITATION_STATE_ACCEPTED", default: 0] += 1
        case .onRemoteInvitationRefused: calleeOutcomes["REMOTE_INVITATION_STATE_REFUSED", default: 0] += 1
        case .onRemoteInvitationCanceled: calleeOutcomes["REMOTE_INVITATION_STATE_CANCELED", default: 0] += 1
        case .onRemoteInvitationFailure(_, let code): calleeOutcomes[code.sdkName, default: 0] += 1
        case .onConnectionStateChanged(.aborted, _):
            if let service = simulation.service(named: name) { interrupt(service) }
        default:
            break
        }
    }

    /// The service's invitations in progress no longer count for agreement: it is logging out or lost its link.
    func interrupt(_ service: RtmService) {
        for slot in service.core.locals where slot.machine != .idle && !slot.machine.isTerminal {
            interrupted.insert(slot.key)
        }
        for slot in service.core.remotes where !slot.machine.isTerminal { interrupted.insert(slot.key) }
    }

    // MARK: Verdicts

    /// The verdict on every property, in a fixed order.
    public func verdicts() -> [PropertyVerdict] {
        [peerVerdict(), invitationVerdict(), selfJoinVerdict(), echoVerdict(), violationVerdict()]
    }

    func peerVerdict() -> PropertyVerdict {
        var problems: [String] = []
        for (service, id) in okMessages {
            guard let message = peerSent[service]?[id] else {
                problems.append("\(service)'s message \(id) reported OK but was never sent")
                continue
            }
            let copies = deliveries["\(message.to)\u{0}\(message.text)", default: 0]
            if copies != 1 { problems.append("\"\(message.text)\" reported OK, delivered \(copies) times") }
        }
        for (key, copies) in deliveries.sorted(by: { $0.key < $1.key }) where copies > 1 {
            problems.append("\"\(key.split(separator: "\u{0}").last ?? "")\" delivered \(copies) times")
        }
        return PropertyVerdict(
            name: "peer-message-exactly-once", problems: problems,
            premise: "\(okMessages.count) OK messages, each delivered once")
    }

    func invitationVerdict() -> PropertyVerdict {
        var ended = 0
        var problems: [String] = []
        // The services of each user, in creation order: finding a callee costs O(its instances), not O(services).
        var servicesOf: [UserID: [RtmService]] = [:]
        for service in simulation.services {
            if let user = service.userId { servicesOf[user, default: []].append(service) }
        }
        for service in simulation.services {
            for local in service.core.locals where local.machine.isTerminal && !interrupted.contains(local.key) {
                guard
                    let callee = servicesOf[local.key.callee]?.first(where: { $0.core.remote(local.key) != nil }),
                    let remote = callee.core.remote(local.key), remote.machine.isTerminal
                else { continue }
                ended += 1
                switch (local.machine.sdkState, remote.machine.sdkState) {
                case (.acceptedByRemote, .accepted), (.refusedByRemote, .refused), (.canceled, .canceled),
                    (.failure, .failure):
                    continue
                default:
                    problems.append(
                        "\(local.key): caller \(local.machine.sdkState), callee \(remote.machine.sdkState)")
                }
            }
        }
        return PropertyVerdict(
            name: "invitation-agreement", problems: problems,
            premise: "\(ended) invitations ended on both sides; \(interrupted.count) interrupted, excluded")
    }

    func selfJoinVerdict() -> PropertyVerdict {
        PropertyVerdict(
            name: "member-joined-never-to-self", problems: selfJoins, premise: "\(memberJoinedCount) onMemberJoined")
    }

    func echoVerdict() -> PropertyVerdict {
        PropertyVerdict(
            name: "channel-message-never-echoed", problems: echoes,
            premise: "\(channelMessagesDelivered) onMessageReceived")
    }

    func violationVerdict() -> PropertyVerdict {
        PropertyVerdict(name: "no-protocol-violation", problems: violations, premise: "client and server machines")
    }
}

/// Whether one property held on a run, with what it was checked on and its first counterexamples.
public struct PropertyVerdict: Hashable, Sendable {
    public var name: String
    /// What went wrong, in order; empty when the property held.
    public var problems: [String]
    /// What the property was checked on (so "holds" is not vacuous).
    public var premise: String

    public var holds: Bool { problems.isEmpty }
}
