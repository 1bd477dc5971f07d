/// Interchangeable elements of a model (for example clients that play the same part), declared
/// for symmetry reduction.
///
/// The checker folds every state it reaches to the representative of its class under all
/// permutations of the elements and stores one state per class (the representative, or, with a
/// ``classFingerprint``, the state first reached, keyed by the representative's fingerprint), so a
/// space with `n` interchangeable clients shrinks by up to `n!`. Counterexamples are still reported in the
/// original names: the path is replayed from the original initial state (see ``Model/symmetry``).
///
/// A declaration is sound only if permuting the elements maps the model onto itself: the initial
/// states, the successors, `isFinal` and every property. ``Model/validateSymmetry(sampleStates:)``
/// checks that on a sample of states and explains a declaration that is wrong.
///
/// ```swift
/// var symmetry: Symmetry<Ring>? {
///     Symmetry(elements: ["p0", "p1", "p2"]) { _, state, permutation in state.permuted(by: permutation) }
/// }
/// ```
public struct Symmetry<M: Model>: Sendable {
    /// The names of the interchangeable elements, used in explanations.
    public var elements: [String]
    /// The state in which element `i` plays the part element `permutation[i]` played in `state`.
    public let permute: @Sendable (M, M.State, [Int]) -> M.State
    /// The model's own canonical form, if it has one (for example: sort the clients).
    public let canonicalizer: (@Sendable (M, M.State) -> M.State)?
    /// Every permutation of the elements, identity first (only for the default canonical form).
    public let permutations: [[Int]]
    /// The fingerprint of a state's representative, its encoding appended to the encoder if one is
    /// given, computed without building the representative, if the model can.
    ///
    /// With it, the breadth-first search keeps the states it reaches as they are and folds them by
    /// this fingerprint alone (expanding any state of a class explores the class: successors of a
    /// renamed state are the renamed successors). It must equal `fingerprint(representative(of:))`
    /// word for word (and the recorded encoding, that of the representative).
    public var classFingerprint: ClassFingerprint?

    /// Gives a state's representative's fingerprint, appending its encoding to the encoder if any.
    public typealias ClassFingerprint = @Sendable (M, M.State, UnsafeMutablePointer<StateEncoder>?) -> Fingerprint

    /// Declares `elements` interchangeable. Without `canonicalize`, the representative of a state
    /// is its image with the smallest fingerprint over all `n!` permutations (keep `n` small, or
    /// pass a cheaper canonical form that maps every state of a class to the same state).
    public init(
        elements: [String],
        permute: @escaping @Sendable (M, M.State, [Int]) -> M.State,
        canonicalize: (@Sendable (M, M.State) -> M.State)? = nil
    ) {
        self.elements = elements
        self.permute = permute
        canonicalizer = canonicalize
        permutations = canonicalize == nil ? Self.allPermutations(of: elements.count) : []
        classFingerprint = nil
    }

    /// The representative of `state`'s class.
    ///
    /// - Complexity: O(n!) permutations and fingerprints with the default canonical form.
    @inlinable
    public func representative(of state: M.State, in model: M) -> M.State {
        if let canonicalizer { return canonicalizer(model, state) }
        var best = state
        var bestFingerprint = model.fingerprint(state).rawValue
        for permutation in permutations.dropFirst() {
            let image = permute(model, state, permutation)
            let fingerprint = model.fingerprint(image).rawValue
            if fingerprint < bestFingerprint {
                best = image
                bestFingerprint = fingerprint
            }
        }
        return best
    }

    /// The swap of elements `first` and `second`.
    public func transposition(_ first: Int, _ second: Int) -> [Int] {
        var permutation = Array(elements.indices)
        permutation.swapAt(first, second)
        return permutation
    }

    /// The permutations of `0..<count` in lexicographic order (the identity first).
    static func allPermutations(of count: Int) -> [[Int]] {
        var result: [[Int]] = []
        func extend(_ prefix: [Int], _ rest: [Int]) {
            guard !rest.isEmpty else { return result.append(prefix) }
            for (position, element) in rest.enumerated() {
                var remaining = rest
                remaining.remove(at: position)
                extend(prefix + [element], remaining)
            }
        }
        extend([], Array(0..<max(0, count)))
        return result
    }
}

extension Model {
    /// The fingerprint a search stores for `state`: its representative's by `classFingerprint` when
    /// given, else its own; the encoding appended to `*encoder` if one is given.
    @inlinable
    func storedFingerprint(
        of state: State, by classFingerprint: Symmetry<Self>.ClassFingerprint?,
        recordingInto encoder: UnsafeMutablePointer<StateEncoder>?
    ) -> UInt64 {
        if let classFingerprint { return classFingerprint(self, state, encoder).rawValue }
        guard let encoder else { return fingerprint(state).rawValue }
        return fingerprint(state, recordingInto: encoder).rawValue
    }
}
