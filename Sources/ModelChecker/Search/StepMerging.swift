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
/// - a property past the 64th decides anything at all (those are not told apart from one step to
///   the next);
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
    /// The first 64 `always` and `sometimes` properties, whose new decisions stop a run.
    @usableFromInline let checks: [Property<M>]
    /// Any further ones: a run stops at every state one of them decides.
    @usableFromInline let moreChecks: [Property<M>]

    /// The longest run.
    @usableFromInline static var maxSteps: Int { 64 }

    @usableFromInline
    init(model: M, properties: [Property<M>]) {
        self.model = model
        let state = properties.filter { $0.kind == .always || $0.kind == .sometimes }
        checks = Array(state.prefix(64))
        moreChecks = Array(state.dropFirst(64))
    }

    /// Bit `k` set when check `k` decides `state` (an `always` property fails, a `sometimes` one holds).
    @inlinable
    func decisions(_ state: M.State) -> UInt64 {
        var bits: UInt64 = 0
        for index in checks.indices where Self.decides(checks[index], model, state) { bits |= 1 << UInt64(index) }
        return bits
    }

    @inlinable
    static func decides(_ check: Property<M>, _ model: M, _ state: M.State) -> Bool {
        let holds = check.condition(model, state)
        return check.kind == .sometimes ? holds : !holds
    }

    /// The action a run would take from `state`, before its properties are asked: nil at a final
    /// state, and at one with no single action the model vouches for. `actions` is scratch.
    @inlinable
    func mergedAction(from state: M.State, actions: inout [M.Action]) -> M.Action? {
        guard !model.isFinal(state) else { return nil }
        actions.removeAll(keepingCapacity: true)
        model.actions(state, into: &actions)
        if actions.count == 1 { return actions[0] }
        guard actions.count > 1, let only = model.singleAmpleAction(state, actions), actions.indices.contains(only)
        else { return nil }
        return actions[only]
    }

    /// Where the run from `start` ends (`start` itself when it takes no step). `origin` is the state
    /// `start` was reached from; `originDecisions` caches its ``decisions(_:)``, worked out only when
    /// a run from it goes on past its first state (the runs of one state's successors share it).
    /// `steps` counts the steps taken; `recording`, if given, receives each of them.
    @inlinable
    func run(
        from start: consuming M.State, origin: M.State, originDecisions: inout UInt64?, steps: inout Int,
        actions: inout [M.Action], recording: UnsafeMutablePointer<[PathStep<M>]>? = nil
    ) -> M.State {
        var state = start
        // The decisions of the state before `state` in the run.
        var before: UInt64 = 0
        var taken = 0
        // The progress measure of `state`, once a step has worked it out.
        var progress: UInt64??
        while taken < Self.maxSteps, let action = mergedAction(from: state, actions: &actions) {
            // Asked only now: where the run ends anyway, the state is stored and judged as any other.
            if !checks.isEmpty {
                if taken == 0 {
                    if originDecisions == nil { originDecisions = decisions(origin) }
                    before = originDecisions!
                }
                let now = decisions(state)
                guard now & ~before == 0 else { break }
                before = now
            }
            guard !moreChecks.contains(where: { Self.decides($0, model, state) }), let next = model.next(state, action)
            else { break }
            let nextProgress = model.progress(next)
            if let measure = progress ?? model.progress(state), (nextProgress ?? 0) < measure { break }
            progress = .some(nextProgress)
            recording?.pointee.append(PathStep(action: action, state: next))
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
        var originDecisions: UInt64?
        var count = 0
        var actions: [M.Action] = []
        var steps: [PathStep<M>] = []
        _ = run(
            from: start, origin: origin, originDecisions: &originDecisions, steps: &count, actions: &actions,
            recording: &steps)
        return steps
    }
}
