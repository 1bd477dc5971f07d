/// A system the checker explores: states, the actions enabled in each, and the properties to check.
///
/// The checker knows nothing of what a state means. It asks for the initial states, the actions of a
/// state, and the successor under each action, and it evaluates the model's ``properties`` on what it
/// reaches. Everything here must be a pure function of its arguments: no clocks, no randomness, no
/// `hashValue`. In particular ``actions(_:into:)`` must list the same actions in the same order every
/// time it is asked about the same state, because counterexample paths are stored as action ordinals
/// and rebuilt by replaying them.
///
/// ```swift
/// struct Counter: Model {
///     var initialStates: [Int] { [0] }
///     func actions(_ state: Int, into actions: inout [String]) { if state < 3 { actions.append("inc") } }
///     func next(_ state: Int, _ action: String) -> Int? { state + 1 }
///     var properties: [Property<Counter>] { [.always("small") { _, s in s <= 3 }] }
///     func isFinal(_ state: Int) -> Bool { state == 3 }
/// }
/// ```
public protocol Model: SendableMetatype {
    /// One global state of the system.
    associatedtype State: Hashable & Sendable
    /// A step the system may take.
    associatedtype Action: Hashable & Sendable

    /// The states the system may start in (duplicates are explored once).
    var initialStates: [State] { get }

    /// Appends the actions that may be taken in `state` to `actions` (the checker empties the buffer
    /// first and reuses it, so the hot loop does not allocate).
    func actions(_ state: State, into actions: inout [Action])

    /// The successor of `state` under `action`, or `nil` when the action is not applicable after all
    /// (an action whose successor is `nil` does not count as enabled).
    func next(_ state: State, _ action: Action) -> State?

    /// The properties to check, in report order.
    var properties: [Property<Self>] { get }

    /// Whether a run may legitimately stop in `state`. A state that is not final and has no enabled
    /// action is a deadlock. A final state ends a run: a bounded-response obligation still pending in
    /// a final state is violated. Default: `false`.
    func isFinal(_ state: State) -> Bool

    /// The stable fingerprint that identifies `state` in the explored-state table. Default (when
    /// `State: StableHashable`): the ``StableHasher`` fingerprint of the state's canonical encoding.
    func fingerprint(_ state: State) -> Fingerprint

    /// Whether ``fingerprint(_:recordingInto:)`` writes each state's canonical encoding. When it
    /// does, exact storage keeps those bytes (a few hundred per state) instead of the states, and
    /// compares encodings instead of states. Default: `false`.
    var encodesStates: Bool { get }

    /// The fingerprint of `state`, appending its canonical encoding to `encoder` when
    /// ``encodesStates`` is true: bytes that are equal exactly when the states are `==`. Default:
    /// ``fingerprint(_:)``, writing nothing.
    func fingerprint(_ state: State, recordingInto encoder: UnsafeMutablePointer<StateEncoder>) -> Fingerprint

    /// Whether ``decode(_:)`` rebuilds states from the encodings ``fingerprint(_:recordingInto:)``
    /// writes. When it does, a breadth-first search keeps the states of its frontier levels as those
    /// bytes, not as values (whose heap storage is most of a wide level's memory), and decodes each
    /// when it expands it. Default: `false`.
    var decodesStates: Bool { get }

    /// The state whose encoding (``fingerprint(_:recordingInto:)``) is `encoding`, equal (`==`) to
    /// the one encoded, or nil when the bytes are not such an encoding. Default: nil.
    func decode(_ encoding: UnsafeBufferPointer<UInt8>) -> State?

    /// How an action appears in reports. Default: `String(describing:)`.
    func describe(action: Action) -> String

    /// How a state appears in reports. Default: `String(describing:)`.
    func describe(state: State) -> String

    /// Appends the coverage keys of the transition `state --action-->` (for example
    /// `"LocalInvitationMachine: sent -> receivedByRemote"`); the report counts how often each key
    /// was taken. Default: none.
    func coverageKeys(_ state: State, _ action: Action, into keys: inout [String])

    /// Interchangeable elements for symmetry reduction, or nil (the default). When set, the
    /// checker stores one representative per class of states (``Symmetry``) and reports
    /// counterexamples in the original names. Check a new declaration with
    /// ``validateSymmetry(sampleStates:)``.
    var symmetry: Symmetry<Self>? { get }

    /// Partial-order reduction: adds to `candidates` zero or more *ample sets* of `state`, each as
    /// indices into `actions` (the actions of `state`, as ``actions(_:into:)`` listed them), in the
    /// order the checker should try them. The checker explores the first candidate none of whose
    /// successors is a state of an earlier or the same breadth-first level (the cycle proviso,
    /// which it enforces; see ``progress(_:)`` for a weaker one), or every action when no candidate
    /// passes or none is offered (the default). Each candidate must be:
    ///
    /// - a nonempty proper subset of the enabled actions;
    /// - closed under interference: on every path from `state`, no action outside the set that
    ///   depends on one in the set (does not commute with it to the same state, or disables it) is
    ///   taken before some action of the set;
    /// - verdict-preserving: an `always` / `sometimes` predicate the set's actions can change must be
    ///   sticky (once decided along a path, decided on every longer one), or hold vacuously in
    ///   every state where some action of the set is still enabled.
    ///
    /// Breadth-first search only, and never with response properties (their step counts would
    /// change). Default: none.
    func ampleSets(_ state: State, _ actions: [Action], into candidates: inout AmpleCandidates)

    /// Merged steps (``CheckOptions/mergesSteps``): the index into `actions` (the actions of `state`)
    /// of one action that is by itself an ample set of `state`, meeting every condition of
    /// ``ampleSets(_:_:into:)``, or nil. A run of merged steps asks this of every state it passes
    /// through, so a model may answer from a cheap sufficient test and leave harder cases to nil.
    /// Default: the first candidate of ``ampleSets(_:_:into:)``, when it is a single action.
    func singleAmpleAction(_ state: State, _ actions: [Action]) -> Int?

    /// A copy of the model, equal in behaviour, that shares no reference-counted storage with this
    /// one: the parallel search gives each worker its own, because workers that retain and release
    /// the same object (an array of the model, a closure's context) contend for its cache line on
    /// every step. Default: `self`.
    func replica() -> Self

    /// A measure of how far `state` has come, which lets partial-order reduction keep more of its ample
    /// sets, or nil (the default) for none.
    ///
    /// The cycle proviso exists so that no cycle of the reduced graph is made only of states whose
    /// ample sets were taken. Without a measure the checker gets that by refusing every ample set with
    /// a successor found at an earlier or the same level; most such successors close diamonds of
    /// the interleaving, not cycles, and each refusal expands the state in full. With a measure it
    /// takes an ample set only when no successor's measure is below the state's, and when every
    /// successor found before has a measure above it. A cycle of taken states would then have a
    /// constant measure (it never drops along the cycle) and yet contain a step to a state found
    /// before, whose measure must rise: there is none. The checker verifies both conditions on every
    /// step it takes, so a measure can never make the reduction unsound, only less effective where it
    /// falls or stays put. It must be the same for states the ``symmetry`` folds together.
    ///
    /// A good measure rises on most steps an ample set holds: a count of calls made, of protocol
    /// phases passed, and, last, of messages consumed.
    func progress(_ state: State) -> UInt64?
}

extension Model {
    public func singleAmpleAction(_ state: State, _ actions: [Action]) -> Int? {
        guard actions.count > 1 else { return nil }
        return firstAmpleCandidateIfSingle(state, actions)
    }

    /// The first candidate of ``ampleSets(_:_:into:)`` when it is a single action of `actions`, else
    /// nil: ``singleAmpleAction(_:_:)``'s default, for an override to fall back on.
    public func firstAmpleCandidateIfSingle(_ state: State, _ actions: [Action]) -> Int? {
        var candidates = AmpleCandidates()
        ampleSets(state, actions, into: &candidates)
        guard candidates.count > 0, candidates[0].count == 1, let only = candidates[0].first,
            actions.indices.contains(only)
        else { return nil }
        return only
    }

    public var properties: [Property<Self>] { [] }

    public func isFinal(_ state: State) -> Bool { false }

    public func describe(action: Action) -> String { String(describing: action) }

    public func describe(state: State) -> String { String(describing: state) }

    public func coverageKeys(_ state: State, _ action: Action, into keys: inout [String]) {}

    public var symmetry: Symmetry<Self>? { nil }

    public func ampleSets(_ state: State, _ actions: [Action], into candidates: inout AmpleCandidates) {}

    public func progress(_ state: State) -> UInt64? { nil }

    public func replica() -> Self { self }

    public var encodesStates: Bool { false }

    public var decodesStates: Bool { false }

    public func decode(_ encoding: UnsafeBufferPointer<UInt8>) -> State? { nil }

    public func fingerprint(_ state: State, recordingInto encoder: UnsafeMutablePointer<StateEncoder>) -> Fingerprint {
        fingerprint(state)
    }
}

extension Model where State: StableHashable {
    /// The ``StableHasher`` fingerprint of the state's canonical encoding.
    @inlinable
    public func fingerprint(_ state: State) -> Fingerprint { Fingerprint(of: state) }
}

/// Candidate ample sets of one state, in the order the checker tries them
/// (``Model/ampleSets(_:_:into:)``). Reused from state to state without allocating.
public struct AmpleCandidates: Sendable {
    @usableFromInline var indices: [Int] = []
    @usableFromInline var ends: [Int] = []

    public init() {}

    /// Adds a candidate: indices into the state's actions, in increasing order.
    @inlinable
    public mutating func add(_ set: some Sequence<Int>) {
        indices.append(contentsOf: set)
        ends.append(indices.count)
    }

    /// How many candidates were added.
    @inlinable public var count: Int { ends.count }

    /// Candidate `index`.
    @inlinable
    public subscript(index: Int) -> ArraySlice<Int> { indices[(index == 0 ? 0 : ends[index - 1])..<ends[index]] }

    @inlinable
    public mutating func removeAll() {
        indices.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}
