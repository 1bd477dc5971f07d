import ModelChecker
import RTMMachines
import RTMSystem

/// Asks whether the model allows a trace: searches the composed model for an execution whose
/// observable events (each actor's calls, their return codes, and its callbacks) are the trace's.
///
/// The search is breadth-first over pairs (system state, how far each actor's lines are matched). From
/// a pair it may
/// - make the next call of any actor whose next line is a call (``RTMSystemModel/perform(_:client:from:)``),
///   when what the call returned equals the line's `returns` (if it has one), or
/// - take any hidden step of the model (a delivery, a timer, a fault the network allows),
/// and every callback a move produces must be the next line of the actor that receives it. Each
/// actor's lines must be matched in order; different actors' lines may interleave in any way (the
/// file's interleaving is one observation among many, see docs/trace-format.md rule 1). The trace is a
/// prefix of an execution: it is accepted when every line is matched (with ``Options/complete``, only
/// when the system can then go quiet without any further callback).
///
/// When nothing matches, the first line that no execution reaches is reported (the furthest point any
/// branch of the search got to), with the model states reachable just before it and what they could
/// have produced instead.
///
/// ```swift
/// let result = TraceValidator().validate(try TraceReader.read(path: "t.jsonl"), file: "t.jsonl")
/// print(result.text())   // "t.jsonl: valid (14 lines matched, 212 states searched)"
/// ```
///
/// - Complexity: O(*s* × *a*) for the *s* (state, progress) pairs searched and *a* actions per state;
///   *s* is small for a trace (its lines pin the calls and most callbacks) and capped by
///   ``Options/maxStates``.
public struct TraceValidator: Sendable {
    public struct Options: Sendable {
        /// Overrides the network the trace's own lines imply (e.g. to allow loss in a trace without
        /// network lines).
        public var faults: NetworkFaults?
        /// Also require that after the last line the system can go quiet (nothing in flight, no timer
        /// pending) without any further callback: the trace shows everything that happened.
        public var complete = false
        /// The most (state, progress) pairs searched before giving up (reported as inconclusive).
        public var maxStates = 2_000_000
        /// Validate within this scenario's network (its delay, reordering and fault budgets) instead of
        /// the one the trace's lines imply; the trace's fault lines are still matched in order, and a trace
        /// with network lines allows no fault it does not show. Its actors must be the scenario's clients
        /// (``ScenarioPath/membership(of:in:)``) for ``ScenarioPath`` to map the result onto it.
        public var scenario: Scenario?
        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads and validates the trace at `path`; a malformed trace throws its ``TraceError``.
    public func validate(path: String) throws -> TraceValidation {
        let trace = try TraceReader.read(path: path)
        return validate(trace, file: path)
    }

    /// Validates a trace already read; `file` names it in the report.
    public func validate(_ trace: Trace, file: String) -> TraceValidation {
        let setup: ValidationSetup
        do {
            setup = try ValidationSetup(trace: trace, faults: options.faults, within: options.scenario)
        } catch {
            return TraceValidation(
                file: file, verdict: .skipped, linesMatched: 0, skipped: [], explored: 0,
                assumptions: "", failure: nil, reason: "cannot build the model: \(error)")
        }
        if let reason = setup.unsupported {
            return TraceValidation(
                file: file, verdict: .skipped, linesMatched: 0, skipped: setup.skipped, explored: 0,
                assumptions: setup.assumptions, failure: nil, reason: reason)
        }
        var search = ValidationSearch(setup: setup, options: options)
        return search.run(file: file)
    }
}

/// One point of the validation search: the system state and, per actor, how many of its lines are
/// matched.
struct SearchNode: Hashable {
    var state: SystemState
    var cursors: [Int]
}

/// How the search got from one node to the next.
enum SearchMove: Hashable {
    /// A step of the model no trace line names (delivery, timer, fault).
    case hidden(SystemAction)
    /// The next line of actor `actor`, a call (as the model names its invitation).
    case call(actor: Int, RtmApiCall)
}

/// Why a move's events do not fit the trace.
struct Mismatch: Hashable {
    /// The actor whose next line did not match.
    var actor: Int
    /// What the model produced.
    var event: ObservedEvent
}

/// The breadth-first search behind ``TraceValidator``.
struct ValidationSearch {
    let setup: ValidationSetup
    let options: TraceValidator.Options
    var model: RTMSystemModel { setup.model }

    var nodes: [SearchNode] = []
    var parents: [Int] = []
    var moves: [SearchMove?] = []
    var index: [SearchNode: Int] = [:]
    /// The furthest progress (smallest unmatched line number) any node reached, and those nodes.
    var best = -1
    var bestNodes: [Int] = []

    init(setup: ValidationSetup, options: TraceValidator.Options) {
        self.setup = setup
        self.options = options
    }

    mutating func run(file: String) -> TraceValidation {
        let total = setup.lines.reduce(0) { $0 + $1.count }
        for state in model.initialStates {
            add(SearchNode(state: state, cursors: Array(repeating: 0, count: setup.lines.count)), parent: -1, move: nil)
        }
        var next = 0
        var buffer: [SystemAction] = []
        while next < nodes.count {
            let current = next
            next += 1
            let node = nodes[current]
            if isDone(node) && (!options.complete || model.isFinal(node.state)) {
                let path = pathTo(current)
                return TraceValidation(
                    file: file, verdict: .matched, linesMatched: total, skipped: setup.skipped, explored: nodes.count,
                    assumptions: setup.assumptions, failure: nil, reason: nil,
                    coverage: ExecutionCoverage.keys(of: path, model: model),
                    execution: ExecutionCoverage.explain(path, model: model), matchedPath: matchedSteps(to: current))
            }
            if nodes.count >= options.maxStates {
                return TraceValidation(
                    file: file, verdict: .inconclusive, linesMatched: matchedCount(best), skipped: setup.skipped,
                    explored: nodes.count, assumptions: setup.assumptions, failure: nil,
                    reason: "search bound hit after \(nodes.count) states; the furthest line reached is "
                        + (best == Int.max ? "the end" : "line \(best)"))
            }
            for (move, successor) in successors(of: node, buffer: &buffer) {
                add(successor, parent: current, move: move)
            }
        }
        let diagnosis = ValidationDiagnosis(search: self)
        let failure = diagnosis.failure()
        return TraceValidation(
            file: file, verdict: .mismatch, linesMatched: matchedCount(best), skipped: setup.skipped,
            explored: nodes.count, assumptions: setup.assumptions, failure: failure, reason: nil)
    }

    /// The successors of `node` whose events fit the trace.
    func successors(of node: SearchNode, buffer: inout [SystemAction]) -> [(SearchMove, SearchNode)] {
        var out: [(SearchMove, SearchNode)] = []
        for (actor, cursor) in node.cursors.enumerated() where cursor < setup.lines[actor].count {
            guard case .call(_, let call, _) = setup.lines[actor][cursor].event else { continue }
            let modelCall = setup.callers.denormalize(call, client: actor, in: node.state)
            let (state, trail) = model.perform(modelCall, client: actor, from: node.state)
            var cursors = node.cursors
            if match(trail.events, &cursors, calling: actor) == nil {
                out.append((.call(actor: actor, modelCall), SearchNode(state: state, cursors: cursors)))
            }
        }
        buffer.removeAll(keepingCapacity: true)
        model.actions(node.state, into: &buffer)
        for action in buffer {
            if case .call = action { continue }
            var cursors = node.cursors
            guard followNetwork(action, &cursors) else { continue }
            let (state, trail) = model.observe(action, from: node.state)
            if match(trail.events, &cursors, calling: nil) == nil {
                out.append((.hidden(action), SearchNode(state: state, cursors: cursors)))
            }
        }
        return out
    }

    /// Whether `action` may be taken given the trace's network lines; advances past the fault line it
    /// matches. Without followed network lines, every action may be taken (within the fault budgets).
    func followNetwork(_ action: SystemAction, _ cursors: inout [Int]) -> Bool {
        guard setup.followsNetwork else { return true }
        let network = setup.actors.count
        let lines = setup.lines[network]
        guard cursors[network] < lines.count, case .network(let step) = lines[cursors[network]].event else {
            return setup.fault(action, is: .serverRestart) == nil  // No fault line left: no fault.
        }
        guard let matches = setup.fault(action, is: step) else { return true }  // Not a fault.
        if matches { cursors[network] += 1 }
        return matches
    }

    /// Makes the trace's `call` on the model (naming its invitation as the model does).
    func perform(_ call: RtmApiCall, actor: Int, from state: SystemState) -> (SystemState, Trail) {
        model.perform(setup.callers.denormalize(call, client: actor, in: state), client: actor, from: state)
    }

    /// Advances `cursors` over `events`; returns the first event that is not its actor's next line.
    func match(_ events: [ObservedEvent], _ cursors: inout [Int], calling: Int?) -> Mismatch? {
        var returned = false
        for original in events {
            let event = setup.callers.normalize(original)
            let actor: Int
            switch event {
            case .returned(let client, _, _), .callback(let client, _): actor = client
            }
            guard cursors.indices.contains(actor), cursors[actor] < setup.lines[actor].count else {
                return Mismatch(actor: actor, event: event)
            }
            let line = setup.lines[actor][cursors[actor]]
            switch (event, line.event) {
            case (.returned(_, let call, let result), .call(_, let expected, let expectedResult)):
                guard actor == calling, !returned, call == expected, expectedResult.map({ $0 == result }) ?? true else {
                    return Mismatch(actor: actor, event: event)
                }
                returned = true
            case (.callback(_, let callback), .callback(_, let expected)):
                guard Self.same(callback, expected) else { return Mismatch(actor: actor, event: event) }
            case (.returned, _), (.callback, _):
                return Mismatch(actor: actor, event: event)
            }
            cursors[actor] += 1
        }
        if let calling, !returned { cursors[calling] += 1 }  // A call that returned nothing observable.
        return nil
    }

    /// Callback equality, with member lists compared as sets (the SDK gives no order).
    static func same(_ a: RtmCallback, _ b: RtmCallback) -> Bool {
        if case .onGetMembers(let c1, let m1, let e1) = a, case .onGetMembers(let c2, let m2, let e2) = b {
            return c1 == c2 && e1 == e2 && m1.sorted() == m2.sorted()
        }
        return a == b
    }

    mutating func add(_ node: SearchNode, parent: Int, move: SearchMove?) {
        guard index[node] == nil else { return }
        let id = nodes.count
        index[node] = id
        nodes.append(node)
        parents.append(parent)
        moves.append(move)
        let progress = progress(of: node)
        if progress > best {
            best = progress
            bestNodes = [id]
        } else if progress == best {
            bestNodes.append(id)
        }
    }

    /// The line number of the first unmatched line (`Int.max` when every line is matched).
    func progress(of node: SearchNode) -> Int {
        var least = Int.max
        for (actor, cursor) in node.cursors.enumerated() where cursor < setup.lines[actor].count {
            least = min(least, setup.lines[actor][cursor].line)
        }
        return least
    }

    func isDone(_ node: SearchNode) -> Bool {
        node.cursors.enumerated().allSatisfy { $0.element == setup.lines[$0.offset].count }
    }

    /// How many modeled lines come before line `progress`.
    func matchedCount(_ progress: Int) -> Int {
        setup.lines.reduce(0) { total, lines in total + lines.filter { $0.line < progress }.count }
    }

    /// The moves from the initial state to node `id`, with the states they start from.
    func pathTo(_ id: Int) -> [(from: SystemState, move: SearchMove)] {
        var steps: [(SystemState, SearchMove)] = []
        var current = id
        while parents[current] >= 0, let move = moves[current] {
            steps.append((nodes[parents[current]].state, move))
            current = parents[current]
        }
        return steps.reversed()
    }
}
