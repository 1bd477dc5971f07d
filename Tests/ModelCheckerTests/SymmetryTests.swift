import ModelChecker
import Testing

@Suite struct SymmetryTests {
    @Test("Folding interchangeable processes gives fewer states and the same verdicts",
          arguments: [false, true], [Mutex.Canonical.minimumFingerprint, .sorted])
    func sameVerdicts(buggy: Bool, canonical: Mutex.Canonical) {
        let model = Mutex(count: 4, buggy: buggy, declared: canonical)
        let reduced = model.check(options: CheckOptions(stopWhenAllDecided: false))
        let full = model.check(options: CheckOptions(stopWhenAllDecided: false, useSymmetry: false))
        #expect(reduced.states < full.states)
        #expect(reduced.termination == .exhausted)
        #expect(reduced.outcome == full.outcome)
        for (left, right) in zip(reduced.properties, full.properties) {
            #expect(left.verdict.name == right.verdict.name)
            #expect(left.verdict.path?.count == right.verdict.path?.count)
        }
        #expect((reduced.deadlocks.count > 0) == (full.deadlocks.count > 0))
    }

    @Test("Both canonical forms fold to the same number of classes")
    func canonicalForms() {
        let byFingerprint = Mutex(count: 4, declared: .minimumFingerprint).check()
        let sorted = Mutex(count: 4, declared: .sorted).check()
        #expect(byFingerprint.states == sorted.states)
        // No one critical: 0 ... 4 trying (5 classes); one critical: 0 ... 3 of the others trying (4).
        #expect(byFingerprint.states == 9)
    }

    @Test("A counterexample found on representatives is a real run in the original names",
          arguments: [Mutex.Canonical.minimumFingerprint, .sorted], workerCounts)
    func originalNames(canonical: Mutex.Canonical, workers: Int) throws {
        let model = Mutex(count: 4, buggy: true, declared: canonical)
        let result = model.check(options: CheckOptions(workers: workers))
        let path = try #require(result.verdict("mutual exclusion")?.path)
        #expect(result.properties[0].note == nil)
        #expect(model.initialStates.contains(path.initialState))
        #expect(path.initialState == model.initialStates[0])
        var state = path.initialState
        for step in path.steps {
            var actions: [Mutex.Action] = []
            model.actions(state, into: &actions)
            #expect(actions.contains(step.action))
            #expect(model.next(state, step.action) == step.state)
            state = step.state
        }
        #expect(state.phases.filter { $0 == .critical }.count == 2)
    }

    @Test("Depth-first search folds the same classes")
    func depthFirst() {
        let result = Mutex(count: 4).check(options: CheckOptions(strategy: .depthFirst))
        #expect(result.states == 9)
        #expect(result.verdict("mutual exclusion") == .holds)
    }

    @Test("A correct declaration passes validation")
    func validDeclaration() throws {
        try Mutex(count: 4).validateSymmetry()
        try Mutex(count: 3, declared: .sorted).validateSymmetry()
        try Mutex(count: 3, buggy: true).validateSymmetry()
    }

    @Test("A process with a privilege of its own is refused, naming the processes and the step")
    func asymmetricStep() {
        #expect {
            try Mutex(count: 3, asymmetric: true).validateSymmetry()
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("process 0 and process 1 are not interchangeable: ")
                && text.contains("enter(0)")
        }
    }

    @Test("Validation on several workers passes and refuses as on one, with the same contradiction")
    func validationOnWorkers() throws {
        func refusal(_ model: Mutex, workers: Int) -> String? {
            do {
                try model.validateSymmetry(workers: workers)
                return nil
            } catch {
                return String(describing: error)
            }
        }
        for workers in 1...4 {
            try Mutex(count: 4).validateSymmetry(workers: workers)
            try Mutex(count: 3, declared: .sorted).validateSymmetry(workers: workers)
        }
        // Only the state where all four are trying tells process 0 apart: far into the sample, so
        // which worker meets it depends on the worker count.
        let deep = Mutex(count: 4, asymmetricDeep: true)
        let one = try #require(refusal(deep, workers: 1))
        #expect(one.contains("tttt"))
        for workers in 2...4 { #expect(refusal(deep, workers: workers) == one) }
        // Two asymmetries: the one a single worker meets first is thrown, on any number of workers.
        let both = Mutex(count: 4, asymmetric: true, asymmetricDeep: true)
        let first = try #require(refusal(both, workers: 1))
        #expect(!first.contains("tttt"))
        for workers in 2...4 { #expect(refusal(both, workers: workers) == first) }
    }

    @Test("A property that names one process is refused")
    func asymmetricProperty() {
        #expect {
            try Mutex(count: 3, namesProcessZero: true).validateSymmetry()
        } throws: { error in
            String(describing: error).contains("property \"process 0 critical\" tells them apart")
        }
    }
}
