/// The kind of a ``Property``.
public enum PropertyKind: String, Hashable, Sendable, Codable {
    case always
    case sometimes
    case eventually
    case respondsWithin
}

/// A named property of a model, checked on every state and transition the search reaches.
///
/// Semantics (a *run* is a path of states `s0 s1 s2 …` from an initial state; it ends when it reaches
/// a final state or a state with no enabled action, and may otherwise go on forever):
///
/// - ``always(_:_:)``: the predicate holds in every reachable state. A counterexample is a path to a
///   state where it does not.
/// - ``sometimes(_:_:)``: the predicate holds in at least one reachable state. A witness is a path to
///   such a state. An exhausted search that finds none reports "never reached".
/// - ``respondsWithin(_:trigger:response:steps:)``: whenever the trigger holds in `s_i`, the response
///   holds in some `s_j` with `i <= j <= i + steps` (the trigger state itself counts, as step 0).
///   A counterexample is a path `s0 … s_{i+steps}` on which the response never held since the trigger,
///   or a path to a run's end (a final state, or a state with no enabled action) with an unanswered
///   trigger.
/// - ``eventually(_:within:_:)``: the predicate holds within the first `steps` steps of every run:
///   the bounded response to a trigger that holds only in the initial state.
///
/// The response properties are exact under breadth-first search: the checker explores the product
/// of the model with a small per-property monitor (the number of steps left before the deadline),
/// so the first violation found is a shortest one. Unbounded liveness (cycles on which the response
/// never comes) is out of scope: bound the response instead.
public struct Property<M: Model>: Sendable {
    /// The kind of a property.
    public typealias Kind = PropertyKind

    /// The property's name in reports.
    public let name: String
    /// What kind of property this is.
    public let kind: Kind
    /// The bound of a response property (0 for `always` and `sometimes`).
    public let steps: Int
    /// The invariant, the reachability target, or the response.
    @usableFromInline let condition: @Sendable (M, M.State) -> Bool
    /// The trigger of `respondsWithin` (nil otherwise).
    @usableFromInline let trigger: (@Sendable (M, M.State) -> Bool)?

    @usableFromInline
    init(
        name: String, kind: Kind, steps: Int,
        condition: @escaping @Sendable (M, M.State) -> Bool,
        trigger: (@Sendable (M, M.State) -> Bool)?
    ) {
        self.name = name
        self.kind = kind
        self.steps = min(max(steps, 0), Self.maximumSteps)
        self.condition = condition
        self.trigger = trigger
    }

    /// The largest response bound (larger bounds are clamped to it).
    public static var maximumSteps: Int { Int(UInt16.max) - 1 }

    /// An invariant: `predicate` holds in every reachable state.
    public static func always(_ name: String, _ predicate: @escaping @Sendable (M, M.State) -> Bool) -> Self {
        Self(name: name, kind: .always, steps: 0, condition: predicate, trigger: nil)
    }

    /// Reachability: `predicate` holds in some reachable state (the report gives a shortest witness).
    public static func sometimes(_ name: String, _ predicate: @escaping @Sendable (M, M.State) -> Bool) -> Self {
        Self(name: name, kind: .sometimes, steps: 0, condition: predicate, trigger: nil)
    }

    /// Bounded liveness: on every run, `predicate` holds in one of the states `s0 … s_steps`.
    public static func eventually(
        _ name: String, within steps: Int, _ predicate: @escaping @Sendable (M, M.State) -> Bool
    ) -> Self {
        Self(name: name, kind: .eventually, steps: steps, condition: predicate, trigger: nil)
    }

    /// Bounded response: whenever `trigger` holds, `response` holds within `steps` steps (counting the
    /// trigger state as step 0), and no run ends with a trigger unanswered.
    public static func respondsWithin(
        _ name: String,
        trigger: @escaping @Sendable (M, M.State) -> Bool,
        response: @escaping @Sendable (M, M.State) -> Bool,
        steps: Int
    ) -> Self {
        Self(name: name, kind: .respondsWithin, steps: steps, condition: response, trigger: trigger)
    }

    /// Whether this property is checked with a monitor on paths (eventually, respondsWithin).
    @inlinable
    var isResponse: Bool {
        switch kind {
        case .always, .sometimes: false
        case .eventually, .respondsWithin: true
        }
    }
}

extension Property {
    /// Advances this response property's obligation into `state`. `incoming` is the number of steps
    /// left before the deadline (-1 for none). Returns the obligation after `state` (-1 for none,
    /// else at least 1) and whether the deadline passed in `state` without the response.
    @inlinable
    func advance(_ model: M, incoming: Int, into state: M.State) -> (obligation: Int, missed: Bool) {
        var obligation = incoming
        if obligation < 0, let trigger, trigger(model, state) { obligation = steps }
        guard obligation >= 0 else { return (-1, false) }
        if condition(model, state) { return (-1, false) }
        if obligation == 0 { return (-1, true) }
        return (obligation, false)
    }

    /// The obligation a run starts with: the bound for `eventually`, none otherwise.
    @inlinable
    var initialObligation: Int { kind == .eventually ? steps : -1 }
}
