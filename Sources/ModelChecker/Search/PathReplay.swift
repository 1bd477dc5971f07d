/// Rebuilds paths from what the stores keep: an initial-state index and action ordinals.
///
/// The search expands representatives (the states themselves without symmetry), and an ordinal
/// indexes the actions of the representative. The replay walks the representatives to learn the
/// class of each step, and walks the original states alongside: from the original state it takes
/// the first action whose successor falls in the same class. So the path starts in the model's own
/// initial state and names everything as the user wrote it, never the canonical renaming.
@usableFromInline
struct PathReplay<M: Model> {
    @usableFromInline let model: M
    @usableFromInline let initials: [M.State]
    @usableFromInline let symmetry: Symmetry<M>?
    /// The search expanded the states it reached, not their representatives
    /// (``Symmetry/classFingerprint``): ordinals index their own actions, so the path is walked as is.
    @usableFromInline let expandsOriginals: Bool

    /// The search merged single-successor steps (``StepMerger``): after each step the replay takes the
    /// same run, and the path shows each of its steps.
    @usableFromInline let merger: StepMerger<M>?

    @usableFromInline
    init(
        model: M, initials: [M.State], symmetry: Symmetry<M>?, expandsOriginals: Bool = false,
        merger: StepMerger<M>? = nil
    ) {
        self.model = model
        self.initials = initials
        self.symmetry = symmetry
        self.expandsOriginals = expandsOriginals && symmetry != nil
        self.merger = merger
    }

    /// The state the search expands for `state`: itself when it expands originals, else its representative.
    @inlinable
    func expanded(_ state: M.State) -> M.State { expandsOriginals ? state : canonical(state) }

    /// The representative of `state` (the state itself without symmetry).
    @inlinable
    func canonical(_ state: M.State) -> M.State {
        guard let symmetry else { return state }
        return symmetry.representative(of: state, in: model)
    }

    /// The path from initial state `root` along `ordinals` (actions of the representatives).
    /// If the model's `actions` is not deterministic, or the symmetry declaration does not hold
    /// along the path, the path stops early and the note says why. Nil only without initial states.
    @usableFromInline
    func path(root: Int, ordinals: [UInt32]) -> (path: Path<M>, note: String?)? {
        guard !initials.isEmpty else { return nil }
        let original = initials[min(max(0, root), initials.count - 1)]
        var path = Path<M>(initialState: original)
        var state = original
        var representative = expanded(original)
        var buffer: [M.Action] = []
        for ordinal in ordinals {
            buffer.removeAll(keepingCapacity: true)
            model.actions(representative, into: &buffer)
            let index = Int(ordinal)
            guard buffer.indices.contains(index), let next = model.next(representative, buffer[index]) else {
                return (path, "path truncated: the model's actions(_:into:) is not deterministic")
            }
            // The step, then the run of merged steps the search took after it.
            var run: [PathStep<M>] = [PathStep(action: buffer[index], state: next)]
            if let merger { run += merger.steps(from: next, origin: representative) }
            guard symmetry != nil, !expandsOriginals else {
                path.steps += run
                representative = run[run.count - 1].state
                continue
            }
            // The search expands representatives and runs from their successors: each step of the run
            // is matched by a step of the original path into the same class.
            for step in run {
                let target = canonical(step.state)
                buffer.removeAll(keepingCapacity: true)
                model.actions(state, into: &buffer)
                var matched: PathStep<M>?
                for action in buffer {
                    if let successor = model.next(state, action), canonical(successor) == target {
                        matched = PathStep(action: action, state: successor)
                        break
                    }
                }
                guard let matched else {
                    return (path, "path truncated: the symmetry declaration does not hold on this path")
                }
                path.steps.append(matched)
                state = matched.state
            }
            representative = canonical(run[run.count - 1].state)
        }
        return (path, nil)
    }
}
