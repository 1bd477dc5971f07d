/// A symmetry declaration that the checker can show to be wrong, with the reason.
///
/// ```text
/// p0 and p2 are not interchangeable: in state holder=0 bits=[f, f, f], the successor by flip
/// (holder=0 bits=[t, f, f]) has no counterpart among the successors of the state with p0 and p2 swapped
/// ```
public struct SymmetryViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The two elements whose swap breaks the model.
    public var first: String
    public var second: String
    /// What differs after the swap.
    public var reason: String

    public var description: String { "\(first) and \(second) are not interchangeable: \(reason)" }
}

extension Model {
    /// Checks the model's ``symmetry`` declaration on up to `sampleStates` reachable states (taken
    /// breadth-first without reduction) and throws the first contradiction found. For every swap of
    /// two declared elements it checks that the initial states are closed under it, that the swapped
    /// image of a state has the swapped successors, the same `isFinal`, the same value of every
    /// property predicate, and the same representative. A model without a declaration passes.
    ///
    /// The sample is taken first; its states are then checked on `workers` threads. The
    /// contradiction thrown is the one a single thread finds first: that of the earliest state in
    /// the sample, and within it of the first swap.
    ///
    /// Sampling cannot prove a declaration right; it refuses the ones it can show are wrong.
    ///
    /// - Complexity: O(sampleStates × n² × actions) for `n` declared elements.
    public func validateSymmetry(sampleStates: Int = 1_000, workers: Int = 1) throws(SymmetryViolation) {
        guard let symmetry else { return }
        let initials = initialStates
        let swaps = symmetry.elements.indices.flatMap { first in
            symmetry.elements.indices.filter { $0 > first }.map { (first, $0) }
        }
        let initialSet = Set(initials)
        for (first, second) in swaps {
            let permutation = symmetry.transposition(first, second)
            for state in initials where !initialSet.contains(symmetry.permute(self, state, permutation)) {
                throw violation(symmetry, first, second, "swapping them turns the initial state "
                    + "\(describe(state: state)) into one that is not initial")
            }
        }
        let sample = symmetrySample(sampleStates)
        // A swap is its own inverse, and a check is symmetric in the state and its image: the pair that
        // swapping a state gives is checked once, from the side that comes first in the sample.
        var firstIndex: [UInt64: Int] = [:]
        for index in sample.indices.reversed() { firstIndex[fingerprint(sample[index].state).rawValue] = index }
        func check(_ index: Int) -> SymmetryViolation? {
            do throws(SymmetryViolation) {
                for (first, second) in swaps {
                    let image = symmetry.permute(self, sample[index].state, symmetry.transposition(first, second))
                    if let other = firstIndex[fingerprint(image).rawValue], other < index { continue }
                    try checkSwap(
                        symmetry, first, second, state: sample[index].state, image: image,
                        successors: sample[index].successors)
                }
                return nil
            } catch {
                return error
            }
        }
        // Threads only pay off with a few states each: a small sample stays on the calling thread.
        let workers = min(max(1, workers), max(1, sample.count / 16))
        guard workers > 1 else {
            for index in sample.indices { if let found = check(index) { throw found } }
            return
        }
        // Each worker takes every `workers`-th state and stops at its first contradiction; the
        // earliest state's contradiction over all workers is the sequential answer.
        let found = UnsafeMutableBufferPointer<(index: Int, violation: SymmetryViolation)?>.allocate(capacity: workers)
        found.initialize(repeating: nil)
        defer {
            // Deinitialized first: a contradiction found holds strings, which would leak otherwise.
            found.deinitialize()
            found.deallocate()
        }
        let team = Workers(count: workers)
        team.run { worker in
            for index in stride(from: worker, to: sample.count, by: workers) {
                if let violation = check(index) {
                    found[worker] = (index, violation)
                    return
                }
            }
        }
        team.shutdown()
        if let first = found.compactMap({ $0 }).min(by: { $0.index < $1.index }) { throw first.violation }
    }

    /// Up to `count` states reachable from the initial states, breadth-first without reduction, each
    /// with its successors. States are told apart by fingerprint here (Swift's hashing of a whole
    /// state costs more than the walk it guards); a 64-bit collision could only hide a sampled state.
    func symmetrySample(_ count: Int) -> [(state: State, successors: [(action: Action, state: State)])] {
        let initials = initialStates
        var seen = Set(initials.map { fingerprint($0).rawValue })
        var queue = initials
        var sample: [(state: State, successors: [(action: Action, state: State)])] = []
        var actions: [Action] = []
        while sample.count < queue.count, sample.count < count {
            let state = queue[sample.count]
            actions.removeAll(keepingCapacity: true)
            self.actions(state, into: &actions)
            var successors: [(action: Action, state: State)] = []
            for action in actions {
                if let next = next(state, action) { successors.append((action, next)) }
            }
            for successor in successors where seen.insert(fingerprint(successor.state).rawValue).inserted {
                queue.append(successor.state)
            }
            sample.append((state, successors))
        }
        return sample
    }

    func violation(_ symmetry: Symmetry<Self>, _ first: Int, _ second: Int, _ reason: String) -> SymmetryViolation {
        SymmetryViolation(first: symmetry.elements[first], second: symmetry.elements[second], reason: reason)
    }

    /// Checks one swap on one state, whose image by the swap is `image`.
    func checkSwap(
        _ symmetry: Symmetry<Self>, _ first: Int, _ second: Int, state: State, image: State,
        successors: [(action: Action, state: State)]
    ) throws(SymmetryViolation) {
        let permutation = symmetry.transposition(first, second)
        // Described only for a contradiction's message.
        var shown: String { describe(state: state) }
        guard symmetry.permute(self, image, permutation) == state else {
            throw violation(symmetry, first, second, "swapping them twice does not give back the state \(shown) "
                + "(the declaration's permute function is not a renaming)")
        }
        if isFinal(image) != isFinal(state) {
            throw violation(symmetry, first, second, "isFinal differs between \(shown) and its swapped image "
                + describe(state: image))
        }
        for property in properties {
            if property.condition(self, image) != property.condition(self, state)
                || property.trigger.map({ $0(self, image) != $0(self, state) }) == true
            {
                throw violation(symmetry, first, second, "property \"\(property.name)\" tells them apart: it "
                    + "differs between \(shown) and its swapped image \(describe(state: image))")
            }
        }
        var imageActions: [Action] = []
        actions(image, into: &imageActions)
        // Each successor of the image is computed once: its fingerprint serves both directions below.
        var imageSteps: [(action: Action, fingerprint: UInt64)] = []
        for action in imageActions {
            if let next = next(image, action) { imageSteps.append((action, fingerprint(next).rawValue)) }
        }
        let imageSuccessors = Set(imageSteps.map(\.fingerprint))
        var expected = Set<UInt64>()
        for successor in successors {
            let swapped = fingerprint(symmetry.permute(self, successor.state, permutation)).rawValue
            expected.insert(swapped)
            guard imageSuccessors.contains(swapped) else {
                throw violation(symmetry, first, second, "in state \(shown), the successor by "
                    + "\(describe(action: successor.action)) (\(describe(state: successor.state))) has no "
                    + "counterpart among the successors of the swapped state \(describe(state: image))")
            }
        }
        if let extra = imageSteps.first(where: { !expected.contains($0.fingerprint) })?.action,
            let target = next(image, extra)
        {
            throw violation(symmetry, first, second, "the swapped state \(describe(state: image)) can take "
                + "\(describe(action: extra)) to \(describe(state: target)), which has no counterpart in \(shown)")
        }
        let sameClass =
            if let classFingerprint = symmetry.classFingerprint {
                classFingerprint(self, image, nil) == classFingerprint(self, state, nil)
            } else {
                symmetry.representative(of: image, in: self) == symmetry.representative(of: state, in: self)
            }
        if !sameClass {
            throw violation(symmetry, first, second, "the canonical form differs between \(shown) and its "
                + "swapped image \(describe(state: image))")
        }
    }
}
