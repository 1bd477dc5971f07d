/// Merging of single-successor steps under partial-order reduction (``CheckOptions/mergesSteps``).
///
/// When the reduction leaves a state exactly one step, the state is a way-station: the search would
/// store it, expand it one level later, and find its one successor. A merged search takes that step
/// at once and stores only where the run ends, as Spin's statement merging does for a process's
/// local statements. Each state passed through is still looked at: the run stops, and the state is
/// stored and judged like any other, where
/// - a property decides something it did not decide one step before (an `always` property fails, a
///   `sometimes` property holds), so violations and witnesses are found where they happen;
/// - the model calls the state final;
/// - the state has more than one enabled action and the model names none of them as an ample set
///   by itself (``Model/singleAmpleAction(_:_:)``);
/// - the step would lower the model's ``Model/progress(_:)`` measure;
/// - or the run has taken ``maxSteps`` steps (a cycle of single steps is stored, then expanded).
///
/// **Why verdicts stay.** A state passed through has a single-action ample set (or a single enabled
/// action), which the model vouches for as it does for every ample set. The cycle proviso is applied
/// where the run ends: the run counts as one step of the reduced graph, and if its end was numbered
/// before, the whole ample set of the state it started from fails, exactly as a single step would.
/// Every cycle of the reduced graph passes a stored state (runs are bounded), so every cycle still
/// passes a fully expanded state. Deadlocks cannot be passed through (a state passed through has a
/// successor).
///
/// **What changes.** States passed through are not stored: fewer states, less memory, the same
/// verdicts. Depth and transitions count a run as one step, and a counterexample is the shortest in
/// runs, not in single steps; paths are rebuilt step by step (``PathReplay``), so a counterexample
/// still shows every step.
///
/// Deterministic: a run depends only on the state it starts from, so state counts and paths are the
/// same for every worker count.
@usableFromInline
struct StepMerger<M: Model> {
    @usableFromInline let model: M
    /// The `always` and `sometimes` properties, whose decisions stop a run (at most 64 are watched).
    @usableFromInline let checks: [Property<M>]

    /// The longest run.
    @usableFromInline static var maxSteps: Int { 64 }

    @usableFromInline
    init(model: M, properties: [Property<M>]) {
        self.model = model
        checks = Array(properties.filter { $0.kind == .always || $0.kind == .sometimes }.prefix(64))
    }

    /// Bit `k` set when check `k` decides `state` (an `always` property fails, a `sometimes` one holds).
    @inlinable
    func decisions(_ state: M.State) -> UInt64 {
        var bits: UInt64 = 0
        for index in checks.indices {
            let holds = checks[index].condition(model, state)
            if checks[index].kind == .sometimes ? holds : !holds { bits |= 1 << UInt64(index) }
        }
        return bits
    }

    /// The action a run takes from `state` (whose predecessor in the run decided `before`), or nil
    /// where the run ends; `state`'s own decisions go to `before`. `actions` is scratch.
    @inlinable
    func mergedAction(from state: M.State, before: inout UInt64, actions: inout [M.Action]) -> M.Action? {
        let now = checks.isEmpty ? 0 : decisions(state)
        defer { before = now }
        guard now & ~before == 0, !model.isFinal(state) else { return nil }
        actions.removeAll(keepingCapacity: true)
        model.actions(state, into: &actions)
        if actions.count == 1 { return actions[0] }
        guard actions.count > 1, let only = model.singleAmpleAction(state, actions), actions.indices.contains(only)
        else { return nil }
        return actions[only]
    }

    /// Where the run from `start` ends (`start` itself when it takes no step); `origin` is the state
    /// `start` was reached from, and `steps` counts the steps taken.
    @inlinable
    func run(from start: consuming M.State, origin: UInt64, steps: inout Int, actions: inout [M.Action]) -> M.State {
        var state = start
        var before = origin
        var taken = 0
        while taken < Self.maxSteps,
            let action = mergedAction(from: state, before: &before, actions: &actions),
            let next = model.next(state, action)
        {
            if let measure = model.progress(state), (model.progress(next) ?? 0) < measure { break }
            state = next
            taken += 1
        }
        steps += taken
        return state
    }

    /// The steps of the run from `start` (reached from `origin`), for a path: each action and the state
    /// it leads to, in order.
    @usableFromInline
    func steps(from start: M.State, origin: M.State) -> [PathStep<M>] {
        var state = start
        var before = checks.isEmpty ? 0 : decisions(origin)
        var actions: [M.Action] = []
        var steps: [PathStep<M>] = []
        while steps.count < Self.maxSteps,
            let action = mergedAction(from: state, before: &before, actions: &actions),
            let next = model.next(state, action)
        {
            if let measure = model.progress(state), (model.progress(next) ?? 0) < measure { break }
            steps.append(PathStep(action: action, state: next))
            state = next
        }
        return steps
    }
}
