import ModelChecker
import RTMMachines

/// The explored state graph of a scenario as JSON for other tools: every state with its
/// fingerprint and what each client and the server are in (SDK names), every transition with the
/// action in the SDK's words.
///
/// ```json
/// {"scenario": "invitation", "truncated": false,
///  "states": [{"id": 0, "fingerprint": "…", "initial": true,
///              "clients": {"alice": {"connection": "CONNECTION_STATE_DISCONNECTED", …}}, "server": {…}}],
///  "transitions": [{"from": 0, "to": 1, "action": "alice: login()"}]}
/// ```
public struct StateSpaceExport: Codable, Hashable, Sendable {
    /// One client's objects, by SDK state names.
    public struct ClientRecord: Codable, Hashable, Sendable {
        /// `CONNECTION_STATE_…`.
        public var connection: String
        /// Channel id → membership (`JOINED`, RTMCheck's names).
        public var channels: [String: String]
        /// Callee → `LOCAL_INVITATION_STATE_…` of the newest outgoing invitation.
        public var local: [String: String]
        /// Caller → `REMOTE_INVITATION_STATE_…` of the newest incoming invitation.
        public var remote: [String: String]
    }

    /// The server's sessions and channel members.
    public struct ServerRecord: Codable, Hashable, Sendable {
        /// Who is online: `online[alice,bob(grace)]`.
        public var sessions: String
        /// Channel id → members.
        public var channels: [String: [String]]
    }

    /// One explored state.
    public struct StateRecord: Codable, Hashable, Sendable {
        public var id: Int
        /// The checker's stable fingerprint, in hex.
        public var fingerprint: String
        public var initial: Bool
        /// Client name → its objects.
        public var clients: [String: ClientRecord]
        public var server: ServerRecord
    }

    /// One transition.
    public struct TransitionRecord: Codable, Hashable, Sendable {
        public var from: Int
        public var to: Int
        public var action: String
    }

    public var scenario: String
    /// Whether the state cap stopped the exploration.
    public var truncated: Bool
    public var states: [StateRecord]
    public var transitions: [TransitionRecord]

    /// The export of `space`.
    public init(_ space: ExploredSpace<RTMSystemModel>, model: RTMSystemModel) {
        let initial = Set(space.initial)
        let names = model.scenario.clients
        scenario = model.scenario.name
        truncated = space.truncated
        states = space.states.enumerated().map { index, state in
            var clients: [String: ClientRecord] = [:]
            for (client, node) in state.clients.enumerated() where client < names.count {
                let core = node.core
                clients[names[client]] = ClientRecord(
                    connection: core.connectionState.sdkName,
                    channels: Dictionary(core.channels.map { ($0.id, $0.machine.membership.sdkName) }) { $1 },
                    local: Dictionary(core.locals.map { ($0.key.callee, $0.machine.sdkState.sdkName) }) { $1 },
                    remote: Dictionary(core.remotes.map { ($0.key.caller, $0.machine.sdkState.sdkName) }) { $1 }
                )
            }
            return StateRecord(
                id: index,
                fingerprint: model.fingerprint(state).description,
                initial: initial.contains(index),
                clients: clients,
                server: ServerRecord(
                    sessions: ServerMachine.sdkStateName(state.server),
                    channels: Dictionary(state.server.channels.map { ($0.id, $0.members) }) { $1 }
                )
            )
        }
        transitions = space.transitions.map { transition in
            TransitionRecord(
                from: transition.from, to: transition.to,
                action: StateSpaceDiagram.actionLabel(
                    transition.action, in: space.states[transition.from], model: model)
            )
        }
    }
}
