import RTMMachines
import RTMSystem

/// A validated trace as a path of a scenario's own actions, so a state-space diagram can draw it or
/// count the transitions it exercises.
///
/// Validation matches a trace in a model of the trace's actors that makes any API call
/// (``MatchedStep``); a scenario's model makes only its budgeted calls, and its `sendLocalInvitation`
/// creates and sends in one step. The mapping replays the matched steps in the scenario's model:
/// - a call becomes the budget entry that makes it (`sendLocalInvitation(alice->bob#1)` is the entry
///   `{sendLocalInvitation: bob}`), which must be enabled and have calls left;
/// - `createChannel` of a scenario channel (the scenario starts with them created),
///   `createLocalCallInvitation` (the budget's send creates it) and the invitation setters are no steps;
/// - a hidden step (delivery, timer, fault) is the same action, which must be enabled in the scenario
///   (its network decides which are);
/// and after every step the two models must agree on every client's connection, channels and
/// invitations, the server's sessions, the messages in flight and the pending timers.
///
/// ```swift
/// var options = TraceValidator.Options()
/// options.scenario = model.scenario
/// let result = TraceValidator(options: options).validate(trace, file: "t.jsonl")
/// let actions = try ScenarioPath.actions(of: result.matchedPath, in: model)
/// ```
public enum ScenarioPath {
    /// Why a matched execution is not a path of the scenario.
    public struct MappingError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The trace line of the step that does not fit (nil: before the first line).
        public var line: Int?
        public var message: String

        public var description: String { "\(line.map(String.init) ?? "1"): \(message)" }
    }

    /// Why the trace with `header` is not one of `scenario`'s (nil: it is). A trace belongs to a
    /// scenario when its header names it (`"scenario":"invitation"` for Models/invitation.yaml; with
    /// `requireName` false any name does) and its actors are the scenario's clients, in order, all `rtm`
    /// actors logging in under their own names (as the scenario's clients do).
    public static func membership(of header: TraceHeader, in scenario: Scenario, requireName: Bool = true)
        -> String?
    {
        if requireName, header.scenario != scenario.name {
            return "it is a trace of \(header.scenario)"
        }
        if let signaling = header.actors.first(where: { $0.api == .signaling }) {
            return "actor \(signaling.name) uses the legacy Signaling API, which the model does not cover"
        }
        let actors = header.actors.map(\.name)
        guard actors == scenario.clients else {
            return "its actors [\(actors.joined(separator: ", "))] are not the scenario's clients"
                + " [\(scenario.clients.joined(separator: ", "))]"
        }
        if let actor = header.actors.first(where: { $0.userId != $0.name }) {
            return "actor \(actor.name) logs in as \(actor.userId); the scenario's clients use their own names"
        }
        return nil
    }

    /// The validator for traces of `scenario`: within its network (``TraceValidator/Options/scenario``).
    public static func validator(for scenario: Scenario) -> TraceValidator {
        var options = TraceValidator.Options()
        options.scenario = scenario
        return TraceValidator(options: options)
    }

    /// The scenario actions that retrace `steps` (a ``TraceValidation/matchedPath`` of a trace whose actors
    /// are `model`'s clients), from `model`'s first initial state.
    public static func actions(of steps: [MatchedStep], in model: RTMSystemModel) throws(MappingError)
        -> [SystemAction]
    {
        guard var state = model.initialStates.first else { return [] }
        let name = model.scenario.name
        var path: [SystemAction] = []
        var enabled: [SystemAction] = []
        var line: Int?
        for step in steps {
            line = step.lines.first ?? line
            enabled.removeAll(keepingCapacity: true)
            model.actions(state, into: &enabled)
            let action: SystemAction?
            switch step.move {
            case .hidden(let hidden):
                guard enabled.contains(hidden) else {
                    throw MappingError(
                        line: line,
                        message: "the trace goes on with '\(model.describe(action: hidden))', which scenario \(name)"
                            + " does not allow here (\(model.scenario.network.summary))")
                }
                action = hidden
            case .call(let client, let call):
                action = try budgetAction(call, client: client, enabled: enabled, model: model, line: line)
            }
            if let action, let next = model.next(state, action) {
                path.append(action)
                state = next
            }
            guard Signature(state, model) == Signature(step.state, model) else {
                throw MappingError(
                    line: line,
                    message: "scenario \(name) cannot follow the trace here: it reaches"
                        + " '\(model.describe(state: state))' where the trace's execution is in"
                        + " '\(model.describe(state: step.state))'")
            }
        }
        return path
    }

    /// The enabled budget entry that makes `call` (nil: the call is no step of the scenario).
    static func budgetAction(
        _ call: RtmApiCall, client: Int, enabled: [SystemAction], model: RTMSystemModel, line: Int?
    ) throws(MappingError) -> SystemAction? {
        let scenario = model.scenario
        let who = scenario.clients.indices.contains(client) ? scenario.clients[client] : "client \(client)"
        let target: String?
        var offline = false
        switch call {
        case .createChannel(let channel):
            guard scenario.channels.contains(channel) else {
                throw MappingError(
                    line: line,
                    message: "\(who) creates channel \(channel), which scenario \(scenario.name) does not have")
            }
            return nil
        case .createLocalCallInvitation, .setContent, .setChannelId, .setResponse:
            return nil
        case .login, .logout, .renewToken:
            target = nil
        case .join(let channel), .leave(let channel), .sendMessage(let channel, _), .getMembers(let channel):
            target = channel
        case .sendMessageToPeer(let peer, _, let enableOffline):
            target = peer
            offline = enableOffline
        case .sendLocalInvitation(let key), .cancelLocalInvitation(let key):
            target = key.callee
        case .acceptRemoteInvitation(let key), .refuseRemoteInvitation(let key):
            target = key.caller
        case .queryPeersOnlineStatus, .setLocalUserAttributes, .addOrUpdateLocalUserAttributes,
            .deleteLocalUserAttributesByKeys, .clearLocalUserAttributes, .getUserAttributes, .getUserAttributesByKeys,
            .getChannelMemberCount, .setChannelAttributes, .addOrUpdateChannelAttributes,
            .deleteChannelAttributesByKeys, .clearChannelAttributes, .getChannelAttributes,
            .getChannelAttributesByKeys, .releaseChannel:
            target = nil
        }
        let wanted = ScenarioCall(call)
        for action in enabled {
            guard case .call(client, let entry) = action, scenario.calls[client].indices.contains(entry) else {
                continue
            }
            let budget = scenario.calls[client][entry]
            if budget.call == wanted, budget.target == target,
                budget.call != .sendMessageToPeer || budget.offline == offline
            {
                return action
            }
        }
        let written = call.sdkName + (target.map { "(\($0))" } ?? "()")
        throw MappingError(
            line: line,
            message: "\(who)'s \(written) is not a call scenario \(scenario.name) can make here"
                + " (not in its budget for \(who), none left, or its object does not exist)")
    }

    /// What both models must agree on after every step: each client's connection, channels (those not
    /// just created) and invitations (those sent; an unsent invitation is named after its creator), the
    /// server's sessions and members, the number of messages in flight, the pending timers and the
    /// fault budgets. Message texts and invitation contents differ (the scenario writes its own) and are
    /// left out.
    struct Signature: Equatable {
        var parts: [String]
        var timers: [PendingTimer]
        var faults: FaultBudget

        init(_ state: SystemState, _ model: RTMSystemModel) {
            parts = []
            for (index, node) in state.clients.enumerated() {
                let core = node.core
                let me = model.scenario.clients.indices.contains(index) ? model.scenario.clients[index] : ""
                func named(_ key: InvitationKey) -> String {
                    key.caller.isEmpty
                        ? "\(InvitationKey(caller: me, callee: key.callee, serial: key.serial))" : "\(key)"
                }
                var part = "\(me): \(core.connectionState.sdkName)"
                for slot in core.channels.sorted(by: { $0.id < $1.id }) where slot.machine.membership != .created {
                    part += " \(slot.id)=\(slot.machine.membership.sdkName)"
                }
                for slot in core.locals where slot.machine != .idle {
                    part += " \(named(slot.key))=\(slot.machine.sdkState.sdkName)"
                }
                for slot in core.remotes { part += " \(named(slot.key))=\(slot.machine.sdkState.sdkName)" }
                if index < state.links.count {
                    let link = state.links[index]
                    part += " link \(link.isUp ? "up" : "down") ↑\(link.up.count) ↓\(link.down.count)"
                }
                parts.append(part)
            }
            parts.append("server: \(ServerMachine.sdkStateName(state.server))")
            for channel in state.server.channels.sorted(by: { $0.id < $1.id }) {
                parts.append("server: \(channel.id)[\(channel.members.joined(separator: ","))]")
            }
            timers = state.timers
            faults = state.faults
        }
    }
}

extension NetworkFaults {
    /// The network in words, for messages.
    var summary: String { ValidationSetup.describe(self) }
}
