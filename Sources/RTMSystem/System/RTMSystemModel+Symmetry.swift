import ModelChecker

extension RTMSystemModel {
    /// The scenario's interchangeable clients (`symmetry: [[c1, c2]]`), or nil when it declares none.
    ///
    /// The checker stores one state per class of states, folded by the representative's fingerprint:
    /// the class's renaming within the declared groups (clients outside every group keep their names),
    /// each group's clients ranked by a name-free summary of their part, ties broken by the smallest
    /// fingerprint. Breadth-first search keeps the state it reached and feeds the representative's
    /// encoding straight from it (``Symmetry/classFingerprint``); depth-first search stores the
    /// representative itself. Counterexamples are printed in the scenario's own names.
    /// ``Symmetry/elements`` lists the clients of every group, in declaration order;
    /// ``Symmetry/permute`` takes a permutation of those elements.
    ///
    /// The budgets were checked when the model was built (an asymmetric declaration is refused with
    /// the entry that breaks it); ``validateDeclaredSymmetry(sampleStates:walks:walkLength:seed:)``
    /// checks the rest on a sample of reachable states.
    public var symmetry: Symmetry<RTMSystemModel>? {
        guard let plan = symmetryPlan else { return nil }
        var symmetry = Symmetry<RTMSystemModel>(
            elements: plan.elementNames,
            permute: { model, state, order in
                guard let permutation = plan.clientPermutation(elements: order, scenario: model.scenario) else {
                    return state
                }
                return state.permuted(by: permutation)
            },
            canonicalize: { _, state in plan.canonical(state) })
        // Breadth-first search folds by the representative's fingerprint without building it.
        symmetry.classFingerprint = { _, state, encoder in plan.classFingerprint(of: state, recordingInto: encoder) }
        return symmetry
    }
}

extension RTMSystemModel {
    /// The same model built again from a copy of the scenario whose arrays are new
    /// (``Model/replica()``): its symmetry plan and the closure that folds by it are new objects too.
    public func replica() -> RTMSystemModel {
        guard var copy = try? RTMSystemModel(scenario.unshared(), serverStep: serverStep) else { return self }
        if symmetryPlan == nil { copy.symmetryPlan = nil }
        copy.measuresProgress = measuresProgress
        copy.offersServerReads = offersServerReads
        copy.documentedServer = documentedServer
        return copy
    }
}

extension Scenario {
    /// A copy that shares no array storage with this one (`map` allocates a new buffer).
    func unshared() -> Scenario {
        var copy = self
        copy.clients = clients.map { $0 }
        copy.channels = channels.map { $0 }
        copy.calls = calls.map { $0.map { $0 } }
        copy.symmetry = symmetry.map { $0.map { $0 } }
        copy.properties = properties?.map { $0 }
        return copy
    }
}
