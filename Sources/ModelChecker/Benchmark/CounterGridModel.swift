/// A synthetic model for measuring the checker's speed: `counters` counters modulo `modulus`; any
/// one counter may be incremented (wrapping to 0). All `modulus^counters` states are reachable and
/// every state has `counters` successors, so the default (4 counters modulo 32) has 1,048,576 states
/// and 4,194,304 transitions.
public struct CounterGridModel: Model, Sendable {
    /// The counter values.
    public struct State: Hashable, Sendable, StableHashable {
        public var values: [UInt8]

        public init(values: [UInt8]) { self.values = values }

        @inlinable
        public func stableHash(into hasher: inout StableHasher) { values.stableHash(into: &hasher) }
    }

    public var counters: Int
    public var modulus: Int

    /// `modulus` is clamped to 1...256.
    public init(counters: Int = 4, modulus: Int = 32) {
        self.counters = max(0, counters)
        self.modulus = min(max(1, modulus), 256)
    }

    /// The number of reachable states.
    public var expectedStates: Int {
        var total = 1
        for _ in 0..<counters { total *= modulus }
        return total
    }

    public var initialStates: [State] { [State(values: Array(repeating: 0, count: counters))] }

    @inlinable
    public func actions(_ state: State, into actions: inout [Int]) {
        for index in 0..<counters { actions.append(index) }
    }

    @inlinable
    public func next(_ state: State, _ action: Int) -> State? {
        guard state.values.indices.contains(action) else { return nil }
        var next = state
        let value = Int(next.values[action]) + 1
        next.values[action] = UInt8(truncatingIfNeeded: value == modulus ? 0 : value)
        return next
    }
}

/// A way to measure states per second: explores ``CounterGridModel`` with the given options.
///
/// ```swift
/// let result = ModelCheckerBenchmark.exploreGrid()
/// print(result.states, result.statesPerSecond)
/// ```
public enum ModelCheckerBenchmark {
    /// Explores `CounterGridModel(counters:modulus:)` (default about one million states).
    public static func exploreGrid(
        counters: Int = 4, modulus: Int = 32,
        options: CheckOptions = CheckOptions(collectCoverage: false)
    ) -> CheckResult<CounterGridModel> {
        CounterGridModel(counters: counters, modulus: modulus).check(options: options)
    }
}

/// ``CounterGridModel`` with its counters in a ``PackedState`` (8 bits each, at most 64 counters):
/// the same states and transitions without heap allocation, to measure the engine itself. `work`
/// adds that many rounds of arithmetic to every successor, to stand in for a model whose successor
/// function costs more than an increment (the composed RTM system does).
public struct PackedGridModel: Model, Sendable {
    public var counters: Int
    public var modulus: Int
    public var work: Int
    @usableFromInline let fields: [PackedField]

    @usableFromInline let check: PackedField

    public init(counters: Int = 4, modulus: Int = 32, work: Int = 0) {
        self.counters = min(max(0, counters), 63)
        self.modulus = min(max(1, modulus), 256)
        self.work = max(0, work)
        var layout = PackedLayout()
        fields = (0..<self.counters).map { _ in layout.field(bits: 8) }
        check = layout.field(bits: 8)
    }

    public var initialStates: [PackedState] { [PackedState()] }

    @inlinable
    public func actions(_ state: PackedState, into actions: inout [Int]) {
        for index in 0..<counters { actions.append(index) }
    }

    @inlinable
    public func next(_ state: PackedState, _ action: Int) -> PackedState? {
        guard fields.indices.contains(action) else { return nil }
        var next = state
        let value = next.int(fields[action]) + 1
        next[fields[action]] = UInt64(value == modulus ? 0 : value)
        if work > 0 {
            // A function of the counters only, so the state count does not change.
            var mixed: UInt64 = 1
            for field in fields { mixed = mixed &* 257 &+ next[field] }
            for _ in 0..<work { mixed = (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9 }
            next[check] = mixed >> 56
        }
        return next
    }
}
