import ModelChecker

/// The composed model rooted at chosen states (with every renaming of them), so that the engine's
/// ``Model/validateSymmetry(sampleStates:)`` checks a declaration on states deep in the space, not
/// only on the first states of a breadth-first sample.
///
/// The roots are closed under the declared permutations, as validation asks of initial states.
/// Steps, final states and canonical forms are the model's own; properties are not carried over (the
/// breadth-first sample checks them), so the probe tells clients apart only by what they can do.
struct SymmetryProbe: Model, Sendable {
    typealias State = SystemState
    typealias Action = SystemAction

    let base: RTMSystemModel
    let roots: [SystemState]

    /// Roots `states` and their images under every permutation within `base`'s groups.
    init(base: RTMSystemModel, states: [SystemState]) {
        self.base = base
        var seen = Set<SystemState>()
        var roots: [SystemState] = []
        // Renamings only: the plan's permutations may also drop serials, which maps states onto images.
        let permutations = (base.symmetryPlan?.permutations ?? []).map(\.renamingOnly)
        for state in states {
            for image in [state] + permutations.map({ state.permuted(by: $0) }) where seen.insert(image).inserted {
                roots.append(image)
            }
        }
        self.roots = roots
    }

    var initialStates: [SystemState] { roots }
    func actions(_ state: SystemState, into actions: inout [SystemAction]) { base.actions(state, into: &actions) }
    func next(_ state: SystemState, _ action: SystemAction) -> SystemState? { base.next(state, action) }
    func isFinal(_ state: SystemState) -> Bool { base.isFinal(state) }
    func fingerprint(_ state: SystemState) -> Fingerprint { StateFingerprint.of(state) }
    func describe(action: SystemAction) -> String { base.describe(action: action) }
    func describe(state: SystemState) -> String { base.describe(state: state) }

    var symmetry: Symmetry<SymmetryProbe>? {
        guard let declared = base.symmetry else { return nil }
        var symmetry = Symmetry<SymmetryProbe>(
            elements: declared.elements,
            permute: { probe, state, order in declared.permute(probe.base, state, order) },
            canonicalize: { probe, state in declared.representative(of: state, in: probe.base) })
        // Classes compared by fingerprint, as the search compares them, without building representatives.
        if let classFingerprint = declared.classFingerprint {
            symmetry.classFingerprint = { probe, state, encoder in classFingerprint(probe.base, state, encoder) }
        }
        return symmetry
    }
}

extension RTMSystemModel {
    /// Checks the symmetry declaration one group at a time: on up to `sampleStates` states of a
    /// breadth-first sample (see ``Model/validateSymmetry(sampleStates:)``), then on `states` and on
    /// the states of `walks` seeded random walks of up to `walkLength` steps: deep states that a
    /// breadth-first sample never reaches. Swaps are only tried within a group, never across groups.
    /// A model without a declaration passes.
    ///
    /// Sampling cannot prove a declaration right; it refuses the ones it can show are wrong, with
    /// the two clients and the state that tells them apart. The sampled states are checked on
    /// `workers` threads, with the same answer as on one.
    ///
    /// - Complexity: O((sampleStates + states + walks × walkLength) × k² × actions) per group of k
    ///   clients, and k! renamings per canonical form.
    public func validateDeclaredSymmetry(
        sampleStates: Int = 1_000, at states: [SystemState] = [], walks: Int = 0, walkLength: Int = 60,
        seed: UInt64 = 1, workers: Int = 1
    ) throws(SymmetryViolation) {
        guard let plan = symmetryPlan else { return }
        var deep = states
        for stream in 0..<UInt64(max(0, walks)) {
            if let path = randomWalk(seed: seed, stream: stream, maxLength: walkLength) { deep += path.states }
        }
        for group in plan.groups {
            var single = self
            single.symmetryPlan = plan.restricted(to: group)
            try single.validateSymmetry(sampleStates: sampleStates, workers: workers)
            guard !deep.isEmpty else { continue }
            let probe = SymmetryProbe(base: single, states: deep)
            try probe.validateSymmetry(sampleStates: probe.roots.count, workers: workers)
        }
    }
}
