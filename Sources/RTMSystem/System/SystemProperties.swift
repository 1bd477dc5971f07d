import ModelChecker
import RTMMachines
import RTMProtocol

extension RTMSystemModel {
    /// One selectable property: its invariant, the `sometimes` twin proving its premise reachable,
    /// and the observation notes both read (only those are kept in states, ``note(_:_:)``).
    struct PropertyDefinition: Sendable {
        let name: String
        /// The sticky marks and violation kinds the two predicates read.
        let marks: [String]
        let violations: [String]
        let holds: @Sendable (RTMSystemModel, SystemState) -> Bool
        let premise: @Sendable (RTMSystemModel, SystemState) -> Bool
    }

    /// Every property, in report order: the one table names, predicates and notes come from.
    static let definitions: [PropertyDefinition] = [
        PropertyDefinition(
            name: "invitation-agreement", marks: [], violations: [],
            holds: { model, s in model.invitationDisagreement(s) == nil },
            premise: { model, s in model.someInvitationEndedOnBothSides(s) }),
        PropertyDefinition(
            name: "invitation-ends", marks: [], violations: [],
            holds: { model, s in model.unendedInvitationAtRest(s) == nil },
            premise: { model, s in model.isFinal(s) && model.someInvitationEndedOnBothSides(s) }),
        PropertyDefinition(
            name: "no-callback-after-logout", marks: ["logout-with-pending", "input-after-logout"],
            violations: ["callback-after-logout"],
            holds: { _, s in !s.seen.violated("callback-after-logout") },
            premise: { _, s in s.seen.has("logout-with-pending") || s.seen.has("input-after-logout") }),
        PropertyDefinition(
            name: "member-joined-never-to-self", marks: ["member-joined"], violations: ["member-joined-to-self"],
            holds: { _, s in !s.seen.violated("member-joined-to-self") },
            premise: { _, s in s.seen.has("member-joined") }),
        PropertyDefinition(
            name: "channel-message-never-echoed", marks: ["channel-message-received"], violations: ["channel-echo"],
            holds: { _, s in !s.seen.violated("channel-echo") },
            premise: { _, s in s.seen.has("channel-message-received") }),
        PropertyDefinition(
            name: "peer-message-exactly-once", marks: ["peer-ok"], violations: ["peer-lost", "peer-duplicate"],
            holds: { _, s in !s.seen.violated("peer-lost") && !s.seen.violated("peer-duplicate") },
            premise: { _, s in s.seen.has("peer-ok") }),
        PropertyDefinition(
            name: "offline-message-delivered", marks: ["offline-delivered"], violations: [],
            holds: { model, s in model.undeliveredCachedMessage(s) == nil },
            premise: { _, s in s.seen.has("offline-delivered") }),
        PropertyDefinition(
            name: "membership-agrees-when-quiet", marks: [], violations: [],
            holds: { model, s in model.membershipDisagreement(s) == nil },
            premise: { model, s in model.quietWithMember(s) }),
        PropertyDefinition(
            name: "no-protocol-violation", marks: ["server-received"], violations: ["protocol"],
            holds: { _, s in !s.seen.violated("protocol") },
            premise: { _, s in s.seen.has("server-received") }),
    ]

    /// The property names a scenario may select (each `sometimes` twin is named "<name> (premise)").
    public static var propertyNames: [String] { definitions.map(\.name) }

    /// Every property, each with a `sometimes` twin proving its premise reachable.
    public static var allProperties: [Property<RTMSystemModel>] {
        definitions.flatMap { definition in
            [
                Property<RTMSystemModel>.always(definition.name, definition.holds),
                .sometimes("\(definition.name) (premise)", definition.premise),
            ]
        }
    }

    /// Which property a selection names applies to a scenario at all (e.g. no invitations in it).
    public static func applies(_ name: String, to scenario: Scenario) -> Bool {
        let base = name.replacingOccurrences(of: " (premise)", with: "")
        let calls = Set(scenario.calls.flatMap { $0.map(\.call) })
        switch base {
        case "invitation-agreement", "invitation-ends": return calls.contains(.sendLocalInvitation)
        case "no-callback-after-logout": return calls.contains(.logout)
        case "member-joined-never-to-self", "membership-agrees-when-quiet": return calls.contains(.join)
        case "channel-message-never-echoed": return calls.contains(.sendMessage)
        case "peer-message-exactly-once": return calls.contains(.sendMessageToPeer)
        case "offline-message-delivered":
            return scenario.calls.joined().contains { $0.call == .sendMessageToPeer && $0.offline }
        default: return true
        }
    }

    /// The first invitation whose two ends ended with different outcomes.
    func invitationDisagreement(_ s: SystemState) -> String? {
        // Checked on every state: the nodes are borrowed through the buffer, not copied out of the array.
        s.clients.withUnsafeBufferPointer { clients in
            for callerIndex in clients.indices {
                for local in clients[callerIndex].core.locals
                where local.machine.isTerminal && !s.seen.interrupted.contains(local.key) {
                    guard let calleeIndex = scenario.clientIndex(local.key.callee), calleeIndex != callerIndex,
                        let remote = clients[calleeIndex].core.remote(local.key),
                        remote.machine.isTerminal
                    else { continue }
                    guard !Self.endsAgree(local.machine, remote.machine) else { continue }
                    return "\(local.key): caller \(local.machine.sdkState.sdkName), "
                        + "callee \(remote.machine.sdkState.sdkName)"
                }
            }
            return nil
        }
    }

    /// Whether an invitation's two ended ends tell the same outcome (`invitation-agreement`): both
    /// accepted, both refused, both canceled or both failed.
    static func endsAgree(_ local: LocalInvitationMachine.State, _ remote: RemoteInvitationMachine.State) -> Bool {
        switch (local.sdkState, remote.sdkState) {
        case (.acceptedByRemote, .accepted), (.refusedByRemote, .refused), (.canceled, .canceled), (.failure, .failure):
            true
        default:
            false
        }
    }

    func someInvitationEndedOnBothSides(_ s: SystemState) -> Bool {
        for caller in s.clients {
            for local in caller.core.locals where local.machine.isTerminal {
                if let j = scenario.clientIndex(local.key.callee), let remote = s.clients[j].core.remote(local.key),
                    remote.machine.isTerminal
                {
                    return true
                }
            }
        }
        return false
    }

    /// At rest (nothing in flight, no timer pending) every sent invitation has ended on both sides.
    func unendedInvitationAtRest(_ s: SystemState) -> String? {
        guard isFinal(s) else { return nil }
        for (i, node) in s.clients.enumerated() {
            for local in node.core.locals where local.machine != .idle && !local.machine.isTerminal {
                return "\(name(i)): \(local.key) still \(local.machine.sdkState.sdkName) with no timer left"
            }
            for remote in node.core.remotes where !remote.machine.isTerminal {
                return "\(name(i)): \(remote.key) still \(remote.machine.sdkState.sdkName) with no timer left"
            }
        }
        return nil
    }

    /// Once the network is quiet, a connected client's view of each channel matches the server's.
    func membershipDisagreement(_ s: SystemState) -> String? {
        guard s.networkQuiet else { return nil }
        for (i, node) in s.clients.enumerated() where node.core.connectionState == .connected && s.links[i].isUp {
            let channelTimer = s.timers.contains {
                if case .client(i, .channel) = $0.owner { true } else { false }
            }
            guard !channelTimer else { continue }
            for slot in node.core.channels {
                let clientSays = slot.machine.membership == .joined
                let serverSays = s.server.members(slot.id).contains(name(i))
                if clientSays != serverSays {
                    return "\(name(i)) sees \(slot.id) \(slot.machine.membership.sdkName), server says member=\(serverSays)"
                }
            }
        }
        return nil
    }

    /// At rest, every message the server cached has reached its receiver if the receiver is online.
    func undeliveredCachedMessage(_ s: SystemState) -> String? {
        guard isFinal(s) else { return nil }
        for text in s.seen.cached where !s.seen.delivered.contains(text) {
            guard let receiver = text.split(separator: ">").last.map(String.init),
                let r = scenario.clientIndex(receiver), s.clients[r].core.connectionState == .connected
            else { continue }
            return "\(text) was cached by the server but never delivered, though \(receiver) is online"
        }
        return nil
    }

    func quietWithMember(_ s: SystemState) -> Bool {
        s.networkQuiet && s.clients.contains { $0.core.channels.contains { $0.machine.membership == .joined } }
    }

    /// The marks and violation kinds each property reads.
    static let notesRead: [String: (marks: [String], violations: [String])] = Dictionary(
        uniqueKeysWithValues: definitions.map { ($0.name, (marks: $0.marks, violations: $0.violations)) })

    /// Records the sticky mark `mark` if a selected property reads it.
    func note(_ mark: String, _ s: inout SystemState) {
        if marksKept.contains(mark) { s.seen.mark(mark) }
    }

    /// Records a violation note ("kind: detail") if a selected property reads its kind.
    func violate(_ note: String, _ s: inout SystemState) {
        let kind = note.prefix { $0 != ":" }
        if violationsKept.contains(where: { $0 == kind }) { s.seen.violate(note) }
    }

    /// Records what a callback tells the properties.
    func observe(_ i: Int, _ callback: RtmCallback, _ s: inout SystemState) {
        let me = name(i)
        if s.clients[i].loggedOut, Self.comesFromTheServer(callback) {
            violate("callback-after-logout: \(me) got \(callback.rendered) after logout", &s)
        }
        switch callback {
        case .onMemberJoined(let channel, let user):
            note("member-joined", &s)
            if user == me { violate("member-joined-to-self: \(me) got onMemberJoined(\(channel), \(user))", &s) }
        case .onMessageReceived(let channel, let user, _):
            note("channel-message-received", &s)
            if user == me { violate("channel-echo: \(me) received its own message in \(channel)", &s) }
        case .onMessageReceivedFromPeer(_, let text, let isOffline):
            note("peer-delivered", &s)
            if isOffline { note("offline-delivered", &s) }
            let index = s.seen.delivered.firstIndex { $0 >= text } ?? s.seen.delivered.count
            if index < s.seen.delivered.count, s.seen.delivered[index] == text {
                violate("peer-duplicate: \(me) received \"\(text)\" twice", &s)
            } else {
                s.seen.delivered.insert(text, at: index)
            }
        case .onSendMessageResult(let messageId, let code):
            if code == .cachedByServer, let text = s.seen.sent.first(where: { $0.hasPrefix("\(me):\(messageId)>") }) {
                let index = s.seen.cached.firstIndex { $0 >= text } ?? s.seen.cached.count
                if index == s.seen.cached.count || s.seen.cached[index] != text { s.seen.cached.insert(text, at: index) }
            }
            if code == .ok {
                note("peer-ok", &s)
                if !s.seen.delivered.contains(where: { $0.hasPrefix("\(me):\(messageId)>") }) {
                    violate("peer-lost: \(me)'s message \(messageId) reported OK but never delivered", &s)
                }
            }
        default:
            break
        }
    }

    /// Callbacks only a live session can cause (not the results of calls made before a logout).
    static func comesFromTheServer(_ callback: RtmCallback) -> Bool {
        switch callback {
        case .onLoginSuccess, .onMessageReceivedFromPeer, .onJoinSuccess, .onMemberJoined, .onMemberLeft,
            .onMemberCountUpdated, .onMessageReceived, .onAttributesUpdated, .onLocalInvitationReceivedByPeer,
            .onLocalInvitationAccepted, .onLocalInvitationRefused, .onRemoteInvitationReceived,
            .onRemoteInvitationAccepted, .onRemoteInvitationRefused, .onRemoteInvitationCanceled, .onTokenExpired:
            return true
        default:
            return false
        }
    }
}
