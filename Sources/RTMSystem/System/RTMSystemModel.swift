import ModelChecker
import RTMMachines
import RTMProtocol

/// The composed RTM system of a scenario, as a model for the checker: N client cores (the exact
/// `ClientCore` RTMKit embeds), the server core (`ServerMachine`), a network whose faults the
/// scenario chooses, and timers on a virtual clock.
///
/// The nondeterministic inputs are the users' API calls (bounded by the scenario's budgets), the
/// order of deliveries, the faults, and which of the earliest timers fires. Without `delay`, a timer
/// fires only when nothing is in flight (messages take no time compared with the SDK's timeouts).
public struct RTMSystemModel: Model, Sendable {
    public typealias State = SystemState
    public typealias Action = SystemAction

    public let scenario: Scenario
    /// The properties checked, after the scenario's selection.
    public let selected: [Property<RTMSystemModel>]
    /// The server core's step function: `ServerMachine.step`, or a planted bug in a test.
    /// The marks and violation kinds the selected properties read (others are not recorded: they
    /// would split states no property tells apart).
    let marksKept: Set<String>
    let violationsKept: [String]
    public let serverStep: @Sendable (ServerMachine.State, ServerMachine.Event) -> Step<ServerMachine.State, ServerMachine.Effect>
    /// The scenario's symmetry declaration, checked against its budgets (see `RTMSystemModel+Symmetry`).
    var symmetryPlan: SymmetryPlan?
    /// Offer the partial-order reduction a ``progress(_:)`` measure (on by default; off, its cycle
    /// proviso refuses every ample set that reaches a state found before).
    public var measuresProgress = true
    /// Offer server reads as ample sets (`RTMSystemModel+ServerReads`): on for the documented server
    /// step and a scenario whose footprints are tracked, off under a planted server. Only this module
    /// (and its tests, to compare) may turn it off: turning it on elsewhere would be unsound.
    public internal(set) var offersServerReads: Bool
    /// The server is the documented one (no planted `serverStep`): its steps are taken in place
    /// (``ServerMachine/apply(_:to:)``), on the successor's own server state, instead of on a copy.
    var documentedServer: Bool

    /// A model of `scenario`; `serverStep` replaces the documented server (a planted bug in a test).
    public init(
        _ scenario: Scenario,
        serverStep: (@Sendable (ServerMachine.State, ServerMachine.Event) -> Step<ServerMachine.State, ServerMachine.Effect>)? = nil
    ) throws {
        self.scenario = scenario
        self.serverStep = serverStep ?? ServerMachine.step
        offersServerReads = serverStep == nil && Self.readFootprintsTracked(scenario)
        documentedServer = serverStep == nil
        symmetryPlan = try SymmetryPlan(scenario)
        let all = Self.allProperties
        if let names = scenario.properties {
            var chosen: [Property<RTMSystemModel>] = []
            for name in names {
                let matching = all.filter { $0.name == name || $0.name == "\(name) (premise)" }
                guard !matching.isEmpty else {
                    throw ScenarioError(
                        file: scenario.name, line: 1, column: 1,
                        message: "expected a property name; '\(name)' is none of: \(Self.propertyNames.joined(separator: ", "))")
                }
                chosen += matching
            }
            selected = chosen
        } else {
            selected = all.filter { Self.applies($0.name, to: scenario) }
        }
        let bases = Set(selected.map { $0.name.replacingOccurrences(of: " (premise)", with: "") })
        marksKept = Set(bases.flatMap { Self.notesRead[$0]?.marks ?? [] })
        violationsKept = bases.flatMap { Self.notesRead[$0]?.violations ?? [] }.sorted()
        for name in scenario.expectations.keys where !Self.propertyNames.contains(name)
            && !all.contains(where: { $0.name == name })
        {
            throw ScenarioError(
                file: scenario.name, line: 1, column: 1,
                message: "expected a property name in 'expect'; '\(name)' is none of: \(Self.propertyNames.joined(separator: ", "))")
        }
    }

    public var properties: [Property<RTMSystemModel>] { selected }

    public var initialStates: [SystemState] {
        var clients: [ClientNode] = []
        for (i, _) in scenario.clients.enumerated() {
            var core = ClientCore()
            for channel in scenario.channels { _ = core.handle(.api(.createChannel(channelId: channel))) }
            clients.append(ClientNode(core: core, callsLeft: scenario.calls[i].map(\.times), loggedOut: false))
        }
        let faults = FaultBudget(
            losses: scenario.network.loss, duplications: scenario.network.duplication,
            linkDrops: scenario.network.linkDrops, restarts: scenario.network.serverRestarts)
        var state = SystemState(
            clients: clients, server: ServerMachine.initialState,
            links: Array(repeating: Link(), count: clients.count), timers: [], faults: faults,
            seen: Observations())
        if scenario.start == .online { settleOnline(&state) }
        return [state]
    }

    /// A state is final (not a deadlock) when nothing is in flight and no timer is pending.
    public func isFinal(_ state: SystemState) -> Bool { state.timers.isEmpty && state.networkQuiet }

    public func fingerprint(_ state: SystemState) -> Fingerprint { StateFingerprint.of(state) }

    /// Exact storage keeps the words the fingerprint is fed (``StateFingerprint``), not the states.
    public var encodesStates: Bool { true }

    public func fingerprint(_ state: SystemState, recordingInto encoder: UnsafeMutablePointer<StateEncoder>)
        -> Fingerprint
    {
        StateFingerprint.of(state, recordingInto: encoder)
    }

    /// A breadth-first search may keep its frontier as those words and rebuild each state from them.
    public var decodesStates: Bool { true }

    /// The state whose encoding (``fingerprint(_:recordingInto:)``) is `encoding`, or nil when the bytes
    /// are not exactly one state's encoding (see `Hashing/*+Decoding.swift`). Its server index is
    /// derived once, here.
    public func decode(_ encoding: UnsafeBufferPointer<UInt8>) -> SystemState? {
        do throws(StateDecoder.Failure) {
            return try SystemState(encoding: encoding)
        } catch {
            return nil
        }
    }

    public func actions(_ state: SystemState, into actions: inout [SystemAction]) {
        // Parts are read in place, not through copies: a copy retains arrays that many states share,
        // which parallel workers contend for. Client nodes are borrowed through the buffer, since an
        // array's subscript hands out a copy of the whole node.
        let network = scenario.network
        state.clients.withUnsafeBufferPointer { clients in
            for i in clients.indices {
                // The core through a pointer: `clients[i].core` hands a call a copy of the core, which
                // retains every array it holds.
                let core = ClientNode.core(of: clients.baseAddress! + i)
                for entry in clients[i].callsLeft.indices
                where clients[i].callsLeft[entry] > 0 && callEnabled(core, i, entry)
                    && (scenario.apiErrors || callSucceeds(core, i, entry))
                {
                    actions.append(.call(client: i, entry: entry))
                }
            }
        }
        let window = network.reorder ? network.capacity : 1
        for i in state.links.indices {
            let up = state.links[i].up.count
            let down = state.links[i].down.count
            for index in 0..<min(window, up) { actions.append(.deliverUp(client: i, index: index)) }
            for index in 0..<min(window, down) { actions.append(.deliverDown(client: i, index: index)) }
            if state.faults.losses > 0 {
                for index in 0..<up { actions.append(.lose(client: i, upward: true, index: index)) }
                for index in 0..<down { actions.append(.lose(client: i, upward: false, index: index)) }
            }
            if state.faults.duplications > 0 {
                for index in 0..<up { actions.append(.duplicate(client: i, upward: true, index: index)) }
                for index in 0..<down { actions.append(.duplicate(client: i, upward: false, index: index)) }
            }
            if state.links[i].isUp {
                if state.faults.linkDrops > 0 { actions.append(.dropLink(client: i)) }
            } else {
                actions.append(.restoreLink(client: i))
            }
        }
        if state.faults.restarts > 0 { actions.append(.restartServer) }
        if let first = state.timers.first?.msLeft, timersMayFire(state, first) {
            for index in state.timers.indices where state.timers[index].msLeft == first {
                actions.append(.fire(index: index))
            }
        }
    }

    /// Whether the earliest timers (due in `ms`) may fire now, given the messages in flight.
    func timersMayFire(_ state: SystemState, _ ms: Int) -> Bool {
        switch scenario.network.delay {
        case .none: state.networkQuiet
        case .unbounded: true
        case .bounded: ms <= (state.earliestDeadline ?? Int.max)
        }
    }

    /// The deadline a message gets when sent.
    var sendDeadline: Int {
        if case .bounded(let ms) = scenario.network.delay { ms } else { 0 }
    }

    /// Calls on an invitation need the invitation object to exist.
    func callEnabled(_ core: borrowing ClientCore, _ i: Int, _ entry: Int) -> Bool {
        withUnsafePointer(to: core) { callEnabled($0, i, entry) }
    }

    /// ``callEnabled(_:_:_:)-(ClientCore,_,_)`` of the core at `core`, read in place.
    func callEnabled(_ core: UnsafePointer<ClientCore>, _ i: Int, _ entry: Int) -> Bool {
        let budget = scenario.calls[i][entry]
        switch budget.call {
        case .cancelLocalInvitation:
            return core.pointee.locals.contains { $0.key.callee == budget.target }
        case .acceptRemoteInvitation, .refuseRemoteInvitation:
            return core.pointee.remotes.contains { $0.key.caller == budget.target }
        case .login, .logout, .renewToken, .join, .leave, .sendMessage, .getMembers, .sendMessageToPeer,
            .sendLocalInvitation:
            return true
        }
    }

    public func next(_ state: SystemState, _ action: SystemAction) -> SystemState? {
        var s = state
        var trail: Trail? = nil
        apply(action, to: &s, trail: &trail)
        return s
    }

    /// Replays `action` on `state` and returns what it produced, in SDK vocabulary, for reports.
    public func explain(_ action: SystemAction, from state: SystemState) -> (SystemState, [String]) {
        let (s, trail) = observe(action, from: state)
        return (s, trail.lines)
    }

    /// Applies `action` and returns what every client observed (API returns and callbacks, in order).
    public func observe(_ action: SystemAction, from state: SystemState) -> (SystemState, Trail) {
        var s = state
        var trail: Trail? = Trail()
        apply(action, to: &s, trail: &trail)
        return (s, trail ?? Trail())
    }

    /// Makes an arbitrary API call on client `client` (trace validation drives the model this way).
    public func perform(_ call: RtmApiCall, client: Int, from state: SystemState) -> (SystemState, Trail) {
        var s = state
        var trail: Trail? = Trail()
        callApi(client, call, &s, &trail)
        return (s, trail ?? Trail())
    }

    public func describe(action: SystemAction) -> String {
        switch action {
        case .call(let i, let entry):
            let budget = scenario.calls[i][entry]
            return "\(name(i)): \(budget.call.rawValue)(\(budget.target ?? ""))"
        case .deliverUp(let i, let index): return "deliver \(name(i)) → server" + (index > 0 ? " [#\(index)]" : "")
        case .deliverDown(let i, let index): return "deliver server → \(name(i))" + (index > 0 ? " [#\(index)]" : "")
        case .lose(let i, let upward, let index):
            return "network loses \(upward ? "\(name(i)) → server" : "server → \(name(i))") message #\(index)"
        case .duplicate(let i, let upward, let index):
            return "network duplicates \(upward ? "\(name(i)) → server" : "server → \(name(i))") message #\(index)"
        case .dropLink(let i): return "link of \(name(i)) drops"
        case .restoreLink(let i): return "link of \(name(i)) comes back"
        case .restartServer: return "server restarts"
        case .fire(let index): return "timer #\(index) fires"
        }
    }

    public func describe(state: SystemState) -> String {
        var parts: [String] = []
        for (i, node) in state.clients.enumerated() {
            var p = "\(name(i)): \(node.core.connectionState.sdkName)"
            for slot in node.core.channels where slot.machine.membership != .created {
                p += " \(slot.id)=\(slot.machine.membership.sdkName)"
            }
            for slot in node.core.locals { p += " \(slot.key)=\(slot.machine.sdkState.sdkName)" }
            for slot in node.core.remotes { p += " \(slot.key)=\(slot.machine.sdkState.sdkName)" }
            parts.append(p)
        }
        return parts.joined(separator: "; ")
    }

    public func coverageKeys(_ state: SystemState, _ action: SystemAction, into keys: inout [String]) {
        switch action {
        case .call(let i, let entry):
            let call = scenario.calls[i][entry].call
            keys.append("\(call.rawValue) in \(relevantState(state.clients[i].core, call))")
        case .deliverDown(let i, let index):
            if index < state.links[i].down.count { keys.append("deliver \(state.links[i].down[index].message.label)") }
        case .deliverUp(let i, let index):
            if index < state.links[i].up.count {
                keys.append("server receives \(state.links[i].up[index].message.label)")
            }
        case .fire(let index):
            if index < state.timers.count { keys.append("timer \(state.timers[index].owner.label) fires") }
        case .lose, .duplicate, .dropLink, .restoreLink, .restartServer:
            keys.append(describe(action: action).replacingNames())
        }
    }

    /// The coverage key of `call` made by client `client` in `state`, exactly as
    /// ``coverageKeys(_:_:into:)`` gives it for a budget call (trace validation keys the calls it
    /// makes with ``perform(_:client:from:)`` this way).
    public func coverageKey(for call: ScenarioCall, client: Int, in state: SystemState) -> String {
        guard state.clients.indices.contains(client) else { return call.rawValue }
        return "\(call.rawValue) in \(relevantState(state.clients[client].core, call))"
    }

    func relevantState(_ core: ClientCore, _ call: ScenarioCall) -> String {
        switch call {
        case .login, .logout, .renewToken, .sendMessageToPeer: core.connectionState.sdkName
        case .join, .leave, .sendMessage, .getMembers: core.channels.first?.machine.membership.sdkName ?? "-"
        case .sendLocalInvitation, .cancelLocalInvitation: core.locals.last?.machine.sdkState.sdkName ?? "none"
        case .acceptRemoteInvitation, .refuseRemoteInvitation: core.remotes.last?.machine.sdkState.sdkName ?? "none"
        }
    }

    func name(_ i: Int) -> String { scenario.clients[i] }
}

extension String {
    /// Coverage keys are per transition kind, not per client.
    fileprivate func replacingNames() -> String {
        if hasPrefix("network loses") { return "network loses a message" }
        if hasPrefix("network duplicates") { return "network duplicates a message" }
        if hasPrefix("link of"), hasSuffix("drops") { return "a link drops" }
        if hasPrefix("link of") { return "a link comes back" }
        return self
    }
}

extension ServerMessage {
    public var label: String {
        switch self {
        case .loginAccepted: "loginAccepted"
        case .loginRejected(let c): "loginRejected(\(c.sdkName))"
        case .reloginAccepted: "reloginAccepted"
        case .kicked(let r): "kicked(\(r.sdkName))"
        case .joinAccepted: "joinAccepted"
        case .joinRejected(_, let c): "joinRejected(\(c.sdkName))"
        case .leaveAccepted: "leaveAccepted"
        case .memberJoined: "memberJoined"
        case .memberLeft: "memberLeft"
        case .memberCount: "memberCount"
        case .channelMessage: "channelMessage"
        case .channelMessageAck(_, _, let c): "channelMessageAck(\(c.sdkName))"
        case .members: "members"
        case .peerMessage(_, _, _, let offline): offline ? "peerMessage(offline)" : "peerMessage"
        case .peerMessageResult(_, let c): "peerMessageResult(\(c.sdkName))"
        case .invitation(_, let notice): "invitation.\(notice.label)"
        }
    }
}

extension TimerOwner {
    public var label: String {
        switch self {
        case .client(_, let t):
            switch t {
            case .connection(let c): "connection.\(c.rawValue)"
            case .channel(_, let c): "channel.\(c.label)"
            case .local(_, let l):
                switch l {
                case .noAck: "local.noAck"
                case .expiry: "local.expiry"
                }
            case .remote(_, let r):
                switch r {
                case .expiry: "remote.expiry"
                case .acceptAck: "remote.acceptAck"
                }
            case .peerMessage: "peerMessage"
            }
        case .server(let t):
            switch t {
            case .grace: "server.grace"
            case .invitation(_, let i): "server.invitation.\(i.rawValue)"
            }
        }
    }
}
