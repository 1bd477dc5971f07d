import RTMMachines
import RTMProtocol
import StateGraph

/// The machines `rtmcheck render --machine` draws, by their command-line names.
///
/// ```swift
/// let graph = DiagramMachine.localInvitation.graph()
/// ```
public enum DiagramMachine: String, Hashable, Sendable, CaseIterable, Codable {
    /// ``ConnectionMachine``.
    case connection
    /// ``ChannelMembershipMachine``.
    case channel
    /// ``LocalInvitationMachine``.
    case localInvitation = "local-invitation"
    /// ``RemoteInvitationMachine``.
    case remoteInvitation = "remote-invitation"
    /// ``ServerMachine``, seen through ``ServerView/sessions`` (or another view).
    case server

    /// The transition table: SDK states, or internal states with `detail`. The server is drawn
    /// through `serverView`; its states have no SDK names, so `detail` does not apply.
    public func table(detail: Bool = false, serverView: ServerView = .sessions) -> MachineTable {
        switch self {
        case .connection: MachineTable.derive(ConnectionMachine.self, detail: detail)
        case .channel: MachineTable.derive(ChannelMembershipMachine.self, detail: detail)
        case .localInvitation: MachineTable.derive(LocalInvitationMachine.self, detail: detail)
        case .remoteInvitation: MachineTable.derive(RemoteInvitationMachine.self, detail: detail)
        case .server: serverView.table()
        }
    }

    /// The diagram.
    public func graph(detail: Bool = false, serverView: ServerView = .sessions) -> StateGraph {
        MachineDiagram.graph(table(detail: detail, serverView: serverView))
    }

    /// The SDK's names of the machine's observable states, in the SDK's order (the server has
    /// none: an empty list).
    public var sdkStateNames: [String] {
        switch self {
        case .connection: ConnectionState.allCases.map(\.sdkName)
        case .channel: ChannelMembershipState.allCases.map(\.sdkName)
        case .localInvitation: LocalInvitationState.allCases.map(\.sdkName)
        case .remoteInvitation: RemoteInvitationState.allCases.map(\.sdkName)
        case .server: []
        }
    }
}
