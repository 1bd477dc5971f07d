import ModelChecker

/// An explored state space kept whole: every state reached, and every transition between them.
///
/// The checker itself keeps only fingerprints and parent links (it never needs the edges); a
/// diagram needs them all, to count how often each projected transition occurs. States are
/// numbered in breadth-first order, so state 0 is the first initial state and numbers are stable
/// for a given model.
public struct ExploredSpace<M: Model> {
    /// One transition: `states[from] --action--> states[to]`.
    public struct Transition {
        /// The source state's number.
        public var from: Int
        /// The target state's number.
        public var to: Int
        /// The action taken.
        public var action: M.Action
    }

    /// Every state reached, in breadth-first order.
    public var states: [M.State]
    /// The numbers of the initial states.
    public var initial: [Int]
    /// Every transition, in exploration order.
    public var transitions: [Transition]
    /// Whether the state cap or the caller stopped the exploration (the graph is then a prefix of
    /// the space).
    public var truncated: Bool
    /// Why it stopped early, when it did (`state cap`, or the caller's reason).
    public var stopReason: String?
}

/// Breadth-first exploration of a ``Model`` that keeps every state and transition, with a cap.
///
/// ```swift
/// let space = StateSpaceExplorer.explore(model, maxStates: 200_000)
/// ```
///
/// - Complexity: O(s + t) successor computations and hash-table operations for s states and t
///   transitions; memory holds every state and transition, hence the cap.
public enum StateSpaceExplorer {
    /// The default cap: the scenarios in Models/ reach 10k–120k states.
    public static let defaultMaxStates = 250_000

    /// Explores `model` breadth-first from its initial states until the space is exhausted or
    /// `maxStates` states are known; transitions to states beyond the cap are not recorded.
    ///
    /// `stop` is asked every 1,024 expanded states and ends the exploration when it returns a
    /// reason (the shell passes a deadline; the explorer itself reads no clock).
    public static func explore<M: Model>(
        _ model: M,
        maxStates: Int = defaultMaxStates,
        stop: () -> String? = { nil }
    ) -> ExploredSpace<M> {
        var number: [M.State: Int] = [:]
        var space = ExploredSpace<M>(states: [], initial: [], transitions: [], truncated: false, stopReason: nil)
        for state in model.initialStates where number[state] == nil {
            guard space.states.count < maxStates else {
                space.truncated = true
                space.stopReason = "state cap"
                break
            }
            number[state] = space.states.count
            space.initial.append(space.states.count)
            space.states.append(state)
        }
        var actions: [M.Action] = []
        var index = 0
        while index < space.states.count {
            if index % 1_024 == 1_023, let reason = stop() {
                space.truncated = true
                space.stopReason = reason
                break
            }
            let state = space.states[index]
            actions.removeAll(keepingCapacity: true)
            model.actions(state, into: &actions)
            for action in actions {
                guard let next = model.next(state, action) else { continue }
                let target: Int
                if let known = number[next] {
                    target = known
                } else if space.states.count < maxStates {
                    target = space.states.count
                    number[next] = target
                    space.states.append(next)
                } else {
                    space.truncated = true
                    space.stopReason = "state cap"
                    continue
                }
                space.transitions.append(.init(from: index, to: target, action: action))
            }
            index += 1
        }
        return space
    }
}
