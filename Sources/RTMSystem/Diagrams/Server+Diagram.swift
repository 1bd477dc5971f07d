import RTMMachines
import RTMProtocol

/// The server machine, as diagrams see it.
///
/// The server's state is not an SDK enum: it is every session, channel, stored message and
/// invitation at once. Its representative events are a small scenario (connections `#0` and `#1`,
/// users alice and bob, channel lobby), and its diagrams are per-concern views of the states that
/// scenario reaches (``ServerView``): who is online, and who is in lobby. Edges carry the
/// request or timer and the messages the server sends (`→#0 loginAccepted`).
extension ServerMachine: DiagrammableMachine {
    public static var diagramName: String { "Server" }
    public static var diagramCaption: String { "RtmServer core; connections #0, #1, users alice, bob, channel lobby" }
    /// The server runs for ever.
    public static func isTerminal(_ state: State) -> Bool { false }

    /// Sessions and channel members, e.g. `online[alice] lobby[alice]`.
    public static func detailLabel(_ state: State) -> String {
        let channels = state.channels.map { "\($0.id)[\($0.members.joined(separator: ","))]" }
        return ([sdkStateName(state)] + channels).joined(separator: " ")
    }

    public static func diagramEffect(_ effect: Effect) -> DiagramEffect {
        switch effect {
        case .send(let conn, let message): .message("→\(conn) \(messageLabel(message))")
        case .startTimer, .cancelTimer: .internalOrder
        }
    }

    /// The request with the arguments that decide its outcome (user, token verdict, channel, peer).
    public static func diagramEventLabel(_ event: Event) -> String {
        switch event {
        case .requestReceived(let conn, let request): "\(conn) \(requestLabel(request))"
        case .linkLost(let conn): "linkLost(\(conn))"
        case .timerFired(.grace(let conn)): "graceTimerFired(\(conn))"
        case .timerFired(.invitation(let key, let timer)): "invitationTimerFired(\(key), \(timer.rawValue))"
        case .restarted: "serverRestarted"
        }
    }

    static func requestLabel(_ request: ClientRequest) -> String {
        switch request {
        case .login(let user, let verdict): verdict == .ok ? "login(\(user))" : "login(\(user), \(verdict.sdkName))"
        case .relogin(let user, _): "relogin(\(user))"
        case .logout: "logout"
        case .join(let channel): "join(\(channel))"
        case .leave(let channel): "leave(\(channel))"
        case .channelMessage(let channel, _, _): "channelMessage(\(channel))"
        case .getMembers(let channel, _): "getMembers(\(channel))"
        case .peerMessage(let to, _, _, let offline): offline ? "peerMessage(\(to), offline)" : "peerMessage(\(to))"
        case .peerMessageAck(let from, _): "peerMessageAck(\(from))"
        case .invitation(_, let request): "invitation.\(request.label)"
        }
    }

    /// The message's name with the arguments a reader needs (codes, users), without texts and ids.
    static func messageLabel(_ message: ServerMessage) -> String {
        switch message {
        case .loginAccepted: "loginAccepted"
        case .loginRejected(let code): "loginRejected(\(code.sdkName))"
        case .reloginAccepted: "reloginAccepted"
        case .kicked(let reason): "kicked(\(reason.sdkName))"
        case .joinAccepted(_, let count): "joinAccepted(\(count))"
        case .joinRejected(_, let code): "joinRejected(\(code.sdkName))"
        case .leaveAccepted: "leaveAccepted"
        case .memberJoined(_, let user): "memberJoined(\(user))"
        case .memberLeft(_, let user): "memberLeft(\(user))"
        case .memberCount(_, let count): "memberCount(\(count))"
        case .channelMessage(_, let from, _, _): "channelMessage(\(from))"
        case .channelMessageAck(_, _, let code): "channelMessageAck(\(code.sdkName))"
        case .members(_, _, let users, let code): "members(\(users.count), \(code.sdkName))"
        case .peerMessage(let from, _, _, let stored): stored ? "peerMessage(\(from), offline)" : "peerMessage(\(from))"
        case .peerMessageResult(_, let code): "peerMessageResult(\(code.sdkName))"
        case .invitation(_, let notice): "invitation.\(notice.label)"
        }
    }
}

/// A per-concern view of the server machine's states.
public enum ServerView: String, Hashable, Sendable, CaseIterable, Codable {
    /// Who is online, and who is within the 30 s grace after a link loss: `online[alice,bob(grace)]`.
    case sessions
    /// Who is a member of channel lobby: `lobby[alice,bob]`.
    case channel

    /// The node a server state falls into in this view.
    public func key(_ state: ServerMachine.State) -> String {
        switch self {
        case .sessions: ServerMachine.sdkStateName(state)
        case .channel: "lobby[\(state.members("lobby").joined(separator: ","))]"
        }
    }

    /// The table of the server machine seen through this view.
    ///
    /// The scenario is the machine's representative events without peer messages and invitations
    /// (the offline store and the invitation records would multiply the states without changing
    /// sessions or members; the invitation machines have diagrams of their own). Steps that leave the
    /// view's node unchanged are not drawn; a (from, to, request) row lists only the messages the
    /// server sends every time it is taken.
    public func table() -> MachineTable {
        let events = ServerMachine.representativeEvents.filter { event in
            switch event {
            case .requestReceived(_, .peerMessage), .requestReceived(_, .peerMessageAck),
                .requestReceived(_, .invitation), .timerFired(.invitation):
                false
            case .requestReceived, .linkLost, .timerFired(.grace), .restarted: true
            }
        }
        var table = MachineTable.derive(
            ServerMachine.self,
            name: "Server_\(rawValue)",
            caption: "\(ServerMachine.diagramCaption); \(summary); steps that keep the view's state are not drawn",
            detail: true,
            events: events,
            key: key,
            sdkName: key
        )
        var order: [[String]] = []
        var merged: [[String]: MachineTable.Transition] = [:]
        for row in table.transitions where row.from != row.to {
            let rowKey = [row.from, row.to, row.event]
            if var existing = merged[rowKey] {
                existing.callbacks = existing.callbacks.filter(row.callbacks.contains)
                merged[rowKey] = existing
            } else {
                order.append(rowKey)
                merged[rowKey] = row
            }
        }
        table.transitions = order.compactMap { merged[$0] }
        return table
    }

    /// What the view shows, in a few words.
    public var summary: String {
        switch self {
        case .sessions: "sessions (who is online, who is in the grace period)"
        case .channel: "members of lobby"
        }
    }
}
