import RTMMachines

/// The transition table of a machine, found by exploring it: every reachable state under every
/// representative event.
///
/// This is what a machine diagram draws, and nothing else: the table is derived from the pure
/// machine (``StateMachine/reachableStates()`` and ``StateMachine/step(_:_:)``), never written by
/// hand. States are grouped into nodes by a key, the SDK state name by default, so internal detail
/// (`sentToRemote(calleeOffline:cancelRequested:)`) merges into the SDK's
/// `LOCAL_INVITATION_STATE_SENT_TO_REMOTE`; with `detail` each internal state is its own node.
///
/// A step falls into one of four rows:
/// - a move (to another node, or back to the same node with callbacks or messages): a
///   ``Transition``, drawn as an edge;
/// - an API call that returns a code and changes nothing: a ``ReturnOnlyCall``, drawn in its
///   state's annotation ("cancelLocalInvitation → NOT_STARTED (2)");
/// - `.ignored` (a documented race): counted in ``ignoredSteps``;
/// - `.rejected` (a protocol violation or an impossible event): counted in ``rejectedSteps``.
///
/// ```swift
/// let table = MachineTable.derive(LocalInvitationMachine.self)
/// table.transitions.count   // the edges of the SDK-level diagram
/// ```
///
/// - Complexity: O(s × e) steps for s reachable states and e representative events.
public struct MachineTable: Hashable, Sendable, Codable {
    /// One node of the diagram: an SDK state, or one internal state with `detail`.
    public struct State: Hashable, Sendable, Codable {
        /// The node's stable id: the SDK state name, or the internal label with `detail`.
        public var id: String
        /// The SDK's name of the observable state.
        public var sdkName: String
        /// The machine states this node stands for (their internal labels), in exploration order.
        public var members: [String]
        /// Whether the machine starts here.
        public var isInitial: Bool
        /// Whether every member ends the lifecycle.
        public var isTerminal: Bool
    }

    /// A step that moves, or stays with an observable effect: one edge row.
    public struct Transition: Hashable, Sendable, Codable {
        /// The source node's id.
        public var from: String
        /// The target node's id.
        public var to: String
        /// The event's label (API call, message or timer).
        public var event: String
        /// The callbacks (and, for the server, messages) the step produces, in order, shortened.
        public var callbacks: [String]
        /// The code the API call returned, when it is one.
        public var returnCode: String?
    }

    /// An API call that only returns a code in this state and changes nothing.
    public struct ReturnOnlyCall: Hashable, Sendable, Codable {
        /// The node's id.
        public var state: String
        /// The call's label.
        public var call: String
        /// The code's SDK name (`INVITATION_API_CALL_ERR_NOT_STARTED`).
        public var code: String
        /// The code's value.
        public var value: Int
    }

    /// The machine's diagram name (`LocalInvitation`).
    public var name: String
    /// One line on what the diagram shows.
    public var caption: String
    /// Whether nodes are internal states.
    public var detail: Bool
    /// The nodes, in exploration order (the initial node first).
    public var states: [State]
    /// The edge rows, each (from, to, event) once, in exploration order.
    public var transitions: [Transition]
    /// The return-only API calls, each (state, call, code) once, in exploration order.
    public var returnOnlyCalls: [ReturnOnlyCall]
    /// How many (state, event) pairs the machine ignores as documented races.
    public var ignoredSteps: Int
    /// How many (state, event) pairs the machine rejects.
    public var rejectedSteps: Int

    /// Explores `machine` and groups its states by SDK name (or by internal label with `detail`).
    public static func derive<M: DiagrammableMachine>(_ machine: M.Type, detail: Bool = false) -> MachineTable {
        derive(
            machine,
            name: M.diagramName,
            caption: detail ? M.diagramCaption + ", internal states" : M.diagramCaption,
            detail: detail,
            key: { detail ? M.detailLabel($0) : M.sdkStateName($0) },
            sdkName: { M.sdkStateName($0) }
        )
    }

    /// Explores `machine` under `events` (by default its representative events) and groups its
    /// states by `key`; `sdkName` names each node's observable state (the first member's, when
    /// members differ).
    public static func derive<M: DiagrammableMachine>(
        _ machine: M.Type,
        name: String,
        caption: String,
        detail: Bool,
        events: [M.Event] = M.representativeEvents,
        key: (M.State) -> String,
        sdkName: (M.State) -> String
    ) -> MachineTable {
        var table = MachineTable(
            name: name, caption: caption, detail: detail, states: [], transitions: [], returnOnlyCalls: [],
            ignoredSteps: 0, rejectedSteps: 0
        )
        var stateIndex: [String: Int] = [:]
        var seenTransitions: [String: Set<[String]>] = [:]
        var seenReturns: Set<[String]> = []

        for state in reachableStates(M.self, events: events) {
            let id = key(state)
            if let index = stateIndex[id] {
                table.states[index].members.append(M.detailLabel(state))
                table.states[index].isTerminal = table.states[index].isTerminal && M.isTerminal(state)
                table.states[index].isInitial = table.states[index].isInitial || state == M.initialState
            } else {
                stateIndex[id] = table.states.count
                table.states.append(
                    State(
                        id: id, sdkName: sdkName(state), members: [M.detailLabel(state)],
                        isInitial: state == M.initialState, isTerminal: M.isTerminal(state)
                    )
                )
            }
            for event in events {
                switch M.step(state, event) {
                case .ignored:
                    table.ignoredSteps += 1
                case .rejected:
                    table.rejectedSteps += 1
                case .moved(let next, let effects):
                    let meanings = effects.map(M.diagramEffect)
                    let label = M.diagramEventLabel(event)
                    if next == state, let code = onlyReturnCode(meanings) {
                        let row = ReturnOnlyCall(state: id, call: label, code: code.name, value: code.value)
                        if seenReturns.insert([id, label, code.name]).inserted { table.returnOnlyCalls.append(row) }
                        continue
                    }
                    let transition = Transition(
                        from: id, to: key(next), event: label,
                        callbacks: meanings.compactMap(Self.drawn),
                        returnCode: meanings.lazy.compactMap(Self.returned).first
                    )
                    let rowKey = [transition.from, transition.to, transition.event]
                    if seenTransitions[rowKey.joined(separator: "\u{1F}"), default: []]
                        .insert(transition.callbacks).inserted
                    {
                        table.transitions.append(transition)
                    }
                }
            }
        }
        return table
    }

    /// Every state reachable from the initial state through `events`, in BFS order.
    static func reachableStates<M: StateMachine>(_ machine: M.Type, events: [M.Event]) -> [M.State] {
        var seen: Set<M.State> = [M.initialState]
        var order: [M.State] = [M.initialState]
        var index = 0
        while index < order.count {
            let state = order[index]
            index += 1
            for event in events {
                let next = M.step(state, event).state(after: state)
                if seen.insert(next).inserted { order.append(next) }
            }
        }
        return order
    }

    /// The code, when every effect is a return code (there is at least one) and they agree.
    static func onlyReturnCode(_ effects: [DiagramEffect]) -> (name: String, value: Int)? {
        var found: (name: String, value: Int)?
        for effect in effects {
            guard case .returnCode(let name, let value) = effect else { return nil }
            found = (name, value)
        }
        return found
    }

    private static func drawn(_ effect: DiagramEffect) -> String? {
        switch effect {
        case .callback(let label): DiagramText.shorten(label)
        case .message(let label): DiagramText.shorten(label)
        case .returnCode, .internalOrder: nil
        }
    }

    private static func returned(_ effect: DiagramEffect) -> String? {
        if case .returnCode(let name, _) = effect { return name }
        return nil
    }

    /// The node with this id.
    public func state(_ id: String) -> State? {
        states.first { $0.id == id }
    }
}
