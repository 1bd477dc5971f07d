/// One step of a path: the action taken and the state it led to.
public struct PathStep<M: Model>: Hashable, Sendable {
    public var action: M.Action
    public var state: M.State

    public init(action: M.Action, state: M.State) {
        self.action = action
        self.state = state
    }
}

/// A run prefix from an initial state: a counterexample, a witness, or a path to a deadlock.
public struct Path<M: Model>: Hashable, Sendable {
    /// The initial state the path starts in.
    public var initialState: M.State
    /// The steps taken, in order.
    public var steps: [PathStep<M>]

    public init(initialState: M.State, steps: [PathStep<M>] = []) {
        self.initialState = initialState
        self.steps = steps
    }

    /// The number of steps (0 when the initial state itself is the point).
    public var count: Int { steps.count }

    /// Every state on the path, initial state first.
    public var states: [M.State] { [initialState] + steps.map(\.state) }

    /// The actions taken, in order.
    public var actions: [M.Action] { steps.map(\.action) }

    /// The state the path ends in.
    public var lastState: M.State { steps.last?.state ?? initialState }

    /// This path with one more step.
    public func appending(_ action: M.Action, _ state: M.State) -> Path {
        var copy = self
        copy.steps.append(PathStep(action: action, state: state))
        return copy
    }
}

/// The verdict on one property.
public enum Verdict<M: Model>: Hashable, Sendable {
    /// The search was exhaustive and found no counterexample.
    case holds
    /// A counterexample (under breadth-first search, a shortest one).
    case violated(Path<M>)
    /// A `sometimes` property held in the last state of this path (breadth-first: a shortest one).
    case witnessed(Path<M>)
    /// The search was exhaustive and no state satisfied the `sometimes` predicate.
    case neverReached
    /// No counterexample, but the search was not exhaustive (a bound, an early stop, or simulation).
    case noViolationWithinBounds
    /// A `sometimes` predicate never held, but the search was not exhaustive.
    case notReachedWithinBounds

    /// The verdict's name in reports.
    public var name: String {
        switch self {
        case .holds: "holds"
        case .violated: "violated"
        case .witnessed: "witnessed"
        case .neverReached: "never reached"
        case .noViolationWithinBounds: "no violation within bounds"
        case .notReachedWithinBounds: "not reached within bounds"
        }
    }

    /// Whether this verdict fails the check (a counterexample, or an unreachable `sometimes`).
    public var isFailure: Bool {
        switch self {
        case .violated, .neverReached: true
        case .holds, .witnessed, .noViolationWithinBounds, .notReachedWithinBounds: false
        }
    }

    /// Whether this verdict is final (not subject to a bound).
    public var isDefinite: Bool {
        switch self {
        case .holds, .violated, .witnessed, .neverReached: true
        case .noViolationWithinBounds, .notReachedWithinBounds: false
        }
    }

    /// The counterexample or witness, if any.
    public var path: Path<M>? {
        switch self {
        case .violated(let path), .witnessed(let path): path
        case .holds, .neverReached, .noViolationWithinBounds, .notReachedWithinBounds: nil
        }
    }
}

/// A limit of ``CheckOptions/Bounds``.
public enum Bound: String, Hashable, Sendable, Codable {
    case depth
    case states
    case memory
    case time
}

/// Why the search stopped.
public enum Termination: Hashable, Sendable {
    /// Every reachable state (of the model with its property monitors) was explored.
    case exhausted
    /// A bound stopped the search.
    case boundHit(Bound)
    /// ``CheckOptions/stopAtFirstViolation`` stopped the search.
    case stoppedAtFirstViolation
    /// Every property had a definite verdict (``CheckOptions/stopWhenAllDecided``).
    case allPropertiesDecided
    /// Simulation finished its walks (never exhaustive).
    case walksCompleted(Int)

    /// Whether the search saw every reachable state.
    public var isExhaustive: Bool {
        switch self {
        case .exhausted: true
        case .boundHit, .stoppedAtFirstViolation, .allPropertiesDecided, .walksCompleted: false
        }
    }

    /// The bound that was hit, if one was.
    public var bound: Bound? {
        if case .boundHit(let bound) = self { return bound }
        return nil
    }

    /// "state space exhausted", "bound hit: depth", ...
    public var description: String {
        switch self {
        case .exhausted: "state space exhausted"
        case .boundHit(let bound): "bound hit: \(bound.rawValue)"
        case .stoppedAtFirstViolation: "stopped at first violation"
        case .allPropertiesDecided: "stopped: every property decided"
        case .walksCompleted(let count): "simulation: \(count) random walks"
        }
    }
}

/// The verdict on one property, with its name and kind.
public struct PropertyResult<M: Model>: Hashable, Sendable {
    public var name: String
    public var kind: PropertyKind
    public var verdict: Verdict<M>
    /// Why a response property was violated ("run ended with the trigger unanswered", ...).
    public var note: String?
}

/// What deadlock detection found.
public struct DeadlockResult<M: Model>: Hashable, Sendable {
    /// Whether deadlocks were checked at all.
    public var checked: Bool
    /// Deadlocked states found (states of the product with the property monitors).
    public var count: Int
    /// A path to the first deadlock found (breadth-first: a shortest one).
    public var path: Path<M>?
}

/// The overall outcome of a check.
public enum Outcome: String, Hashable, Sendable, Codable {
    /// Exhaustive (or every verdict definite) and nothing failed.
    case passed
    /// A counterexample, a deadlock, or an unreachable `sometimes`.
    case failed
    /// Nothing failed, but the search was not exhaustive: not a success.
    case incomplete
}

/// Everything a check found: statistics, verdicts, deadlocks and coverage.
public struct CheckResult<M: Model>: Hashable, Sendable {
    public var strategy: CheckOptions.Strategy
    public var storage: CheckOptions.Storage
    public var termination: Termination
    /// Distinct states stored (states of the product with the response monitors when the model
    /// has `eventually` / `respondsWithin` properties).
    public var states: Int
    /// Transitions taken (state, enabled action) pairs, including those to known states.
    public var transitions: Int
    /// The largest depth of a stored state.
    public var maxDepth: Int
    /// Breadth-first only: every state at this depth or less was explored and checked.
    public var completedDepth: Int?
    public var duration: Duration
    public var properties: [PropertyResult<M>]
    public var deadlocks: DeadlockResult<M>
    /// How often each coverage key was taken.
    public var coverage: [String: Int]
    /// The worker threads the search used.
    public var workers: Int = 1
    /// The store's size and, for compact and bitstate storage, how far the verdicts can be trusted.
    public var store: StoreStatistics? = nil

    /// Whether the verdicts rest on a probabilistic store (hash compaction or bitstate).
    public var isProbabilistic: Bool { storage.isProbabilistic }

    /// Coverage keys with counts, sorted by key.
    public var sortedCoverage: [(key: String, count: Int)] {
        coverage.sorted { $0.key < $1.key }.map { (key: $0.key, count: $0.value) }
    }

    /// The verdict on the property named `name`.
    public func verdict(_ name: String) -> Verdict<M>? {
        properties.first { $0.name == name }?.verdict
    }

    /// Passed, failed, or incomplete. A bounded run never passes unless every verdict is definite
    /// and deadlocks were not asked for.
    public var outcome: Outcome {
        if properties.contains(where: { $0.verdict.isFailure }) || deadlocks.count > 0 { return .failed }
        let definite = properties.allSatisfy { $0.verdict.isDefinite }
        if termination.isExhaustive || (definite && !deadlocks.checked) { return .passed }
        return .incomplete
    }

    /// States per second of wall-clock time.
    public var statesPerSecond: Double {
        let seconds = duration.seconds
        return seconds > 0 ? Double(states) / seconds : 0
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    @inlinable
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
