import RTMMachines
import RTMSystem

/// Writes an execution of the model as trace lines: each action's calls with what they returned, the
/// callbacks it caused, and the network and clock steps around them.
///
/// The model's messages carry no IDs; the renderer numbers them in send order (1, 2, …) as
/// RTMKit's simulated network does, so a dictated replay can follow the trace step by step:
/// - `deliver`, `drop` (`loss`), `duplicate`, `linkDown`, `linkUp`, `serverRestart` come first, then
///   the calls and callbacks the step caused, then the `send` lines of the messages it sent;
/// - messages lost because their connection ended (a link drop, a server restart, a new login or a
///   logout) get `drop` lines with reason `linkDown` or `restart`;
/// - a message the server sends on a connection its client closed (it logged out and the server has not
///   heard yet: ``Trail/closedSends``) gets a `send` line and, right after it, a `drop` with reason
///   `linkDown`, as RTMKit's network logs it;
/// - a timer firing is preceded by a `clock` line moving time to it (`+6s`).
public struct TraceRenderer {
    public let model: RTMSystemModel
    /// The server's endpoint name in network lines.
    public static let server = "server"

    var up: [[Flight<ClientRequest>]]
    var down: [[Flight<ServerMessage>]]
    var nextId: UInt64 = 1
    /// Invitations created before login are named with their creator's user ID (the client's name).
    let callers: InvitationCallers

    struct Flight<Message: Hashable> {
        var id: UInt64
        var message: Message
    }

    public init(model: RTMSystemModel) {
        self.model = model
        let clients = model.scenario.clients.count
        up = Array(repeating: [], count: clients)
        down = Array(repeating: [], count: clients)
        callers = InvitationCallers(userIds: model.scenario.clients)
    }

    /// The lines that set up the initial state: each client creates the scenario's channels (the model
    /// starts with them created).
    public func prologue() -> [TraceEvent] {
        var events: [TraceEvent] = []
        for client in model.scenario.clients {
            for channel in model.scenario.channels {
                events.append(.call(actor: client, .createChannel(channelId: channel), returned: .channelCreated(true)))
            }
        }
        return events
    }

    /// The lines for `action` taken in `state`; returns them and the next state.
    public mutating func render(_ action: SystemAction, from state: SystemState) -> ([TraceEvent], SystemState) {
        var events: [TraceEvent] = []
        switch action {
        case .call:
            break
        case .deliverUp(let i, let index):
            if index < up[i].count { events.append(.network(.deliver(id: up[i].remove(at: index).id))) }
        case .deliverDown(let i, let index):
            if index < down[i].count { events.append(.network(.deliver(id: down[i].remove(at: index).id))) }
        case .lose(let i, let upward, let index):
            let id = upward ? (index < up[i].count ? up[i].remove(at: index).id : nil)
                : (index < down[i].count ? down[i].remove(at: index).id : nil)
            if let id { events.append(.network(.drop(id: id, reason: .loss))) }
        case .duplicate(let i, let upward, let index):
            let copy = nextId
            if upward, index < up[i].count {
                nextId += 1
                events.append(.network(.duplicate(id: up[i][index].id, copy: copy)))
                up[i].insert(Flight(id: copy, message: up[i][index].message), at: index + 1)
            } else if !upward, index < down[i].count {
                nextId += 1
                events.append(.network(.duplicate(id: down[i][index].id, copy: copy)))
                down[i].insert(Flight(id: copy, message: down[i][index].message), at: index + 1)
            }
        case .dropLink(let i):
            events.append(.network(.linkDown(a: name(i), b: Self.server)))
            events += dropAll(client: i, reason: .linkDown)
        case .restoreLink(let i):
            events.append(.network(.linkUp(a: name(i), b: Self.server)))
        case .restartServer:
            events.append(.network(.serverRestart))
            for i in up.indices { events += dropAll(client: i, reason: .restart) }
        case .fire(let index):
            if index < state.timers.count, state.timers[index].msLeft > 0 {
                events.append(.clock(.by(ms: UInt64(state.timers[index].msLeft))))
            }
        }
        let (next, trail) = model.observe(action, from: state)
        for event in trail.events.map(callers.normalize) {
            switch event {
            case .returned(let client, let call, let result):
                events.append(.call(actor: name(client), call, returned: result))
            case .callback(let client, let callback):
                events.append(.callback(actor: name(client), callback))
            }
        }
        for i in next.links.indices where i < up.count {
            events += Self.reconcile(&up[i], next.links[i].up.map(\.message), &nextId, from: name(i), to: Self.server) {
                $0.label
            }
            events += Self.reconcile(
                &down[i], next.links[i].down.map(\.message), &nextId, from: Self.server, to: name(i)
            ) { $0.label }
            for lost in trail.closedSends where lost.client == i {
                events.append(.network(.send(id: nextId, from: Self.server, to: name(i), summary: lost.message.label)))
                events.append(.network(.drop(id: nextId, reason: .linkDown)))
                nextId += 1
            }
        }
        return (events, next)
    }

    /// Lines for the messages in flight on client `i`'s link, all lost.
    mutating func dropAll(client i: Int, reason: DropCause) -> [TraceEvent] {
        let ids = up[i].map(\.id) + down[i].map(\.id)
        up[i].removeAll()
        down[i].removeAll()
        return ids.map { .network(.drop(id: $0, reason: reason)) }
    }

    /// Brings one direction's numbered messages in line with the model's: messages the step appended
    /// are sent; if the step cleared the direction (a connection ended), the old ones are dropped.
    static func reconcile<Message: Hashable>(
        _ flights: inout [Flight<Message>], _ after: [Message], _ nextId: inout UInt64, from: String, to: String,
        label: (Message) -> String
    ) -> [TraceEvent] {
        var events: [TraceEvent] = []
        let kept = flights.count <= after.count && zip(flights, after).allSatisfy { $0.message == $1 }
        if !kept {
            events += flights.map { .network(.drop(id: $0.id, reason: .linkDown)) }
            flights.removeAll()
        }
        for message in after.dropFirst(flights.count) {
            flights.append(Flight(id: nextId, message: message))
            events.append(.network(.send(id: nextId, from: from, to: to, summary: label(message))))
            nextId += 1
        }
        return events
    }

    func name(_ i: Int) -> String {
        model.scenario.clients.indices.contains(i) ? model.scenario.clients[i] : "client\(i)"
    }
}
