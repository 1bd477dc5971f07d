/// How to search and when to stop.
public struct CheckOptions: Sendable {
    /// The order in which states are explored.
    public enum Strategy: Hashable, Sendable {
        /// Level by level; the first violation found has a shortest counterexample.
        case breadthFirst
        /// Deepest first with an explicit stack; finds deep states early, paths are not shortest.
        case depthFirst
        /// Simulation: `count` random walks of at most `maxLength` steps each, from a seeded PRNG.
        /// Walk `i` uses its own stream derived from `seed` and `i`, so each walk is reproducible
        /// on its own. Never exhaustive.
        case randomWalks(count: Int, maxLength: Int, seed: UInt64)
    }

    /// What the explored-state table keeps.
    public enum Storage: String, Hashable, Sendable, Codable, CaseIterable {
        /// Fingerprints and full states: two states are the same only when they are `==`.
        case exact
        /// Fingerprints only (hash compaction): 64-bit fingerprints in the table plus a parent link
        /// per state; two distinct states whose fingerprints collide are merged (probability about
        /// n² / 2⁶⁵ for n states). The verdict says it is probabilistic.
        case compact
        /// A fixed-size bit array (``CheckOptions/bitstateBytes``), three bits per state
        /// (Holzmann's bitstate hashing): a state whose bits are all set already is taken as seen,
        /// so part of the space may be missed; the result reports the expected coverage. Breadth-first
        /// only (depth-first search falls back to ``compact`` and reports that).
        case bitstate

        /// Whether a verdict reached with this storage is probabilistic.
        public var isProbabilistic: Bool {
            switch self {
            case .exact: false
            case .compact, .bitstate: true
            }
        }
    }

    /// Limits on the search. Hitting one is reported as such, never as success.
    public struct Bounds: Hashable, Sendable {
        /// States farther than this many steps from an initial state are not explored.
        public var maxDepth: Int?
        /// At most this many distinct states are stored.
        public var maxStates: Int?
        /// Stop when the estimated size of the checker's own tables exceeds this many bytes
        /// (heap storage owned by states, such as array buffers, is not counted).
        public var maxMemoryBytes: Int?
        /// Stop when the whole process's resident memory (`VmRSS`, which counts the states' heap
        /// storage too) exceeds this many bytes; breadth-first search reads it between batches.
        /// Where the process's memory cannot be read, only ``maxMemoryBytes`` applies.
        public var maxResidentBytes: Int?
        /// Stop after this much wall-clock time (checked every few hundred states).
        public var maxDuration: Duration?

        public init(
            maxDepth: Int? = nil, maxStates: Int? = nil, maxMemoryBytes: Int? = nil, maxDuration: Duration? = nil
        ) {
            self.maxDepth = maxDepth
            self.maxStates = maxStates
            self.maxMemoryBytes = maxMemoryBytes
            self.maxDuration = maxDuration
        }

        /// No limits.
        public static var none: Bounds { Bounds() }
    }

    /// A progress sample for a status line.
    public struct Progress: Hashable, Sendable {
        public var states: Int
        public var transitions: Int
        /// The depth being explored (BFS: the current level; DFS and walks: the deepest so far).
        public var depth: Int
        public var elapsed: Duration
        public var statesPerSecond: Double
    }

    public var strategy: Strategy
    public var storage: Storage
    public var bounds: Bounds
    /// Report non-final states with no enabled action.
    public var checkDeadlocks: Bool
    /// Stop at the first always / response violation or deadlock.
    public var stopAtFirstViolation: Bool
    /// Stop as soon as every property has a definite verdict (every invariant violated, every
    /// `sometimes` witnessed, ...) and, when deadlocks are checked, a deadlock was found.
    public var stopWhenAllDecided: Bool
    /// Count coverage keys (``Model/coverageKeys(_:_:into:)``) on every transition.
    public var collectCoverage: Bool
    /// Call ``progress`` every this many new states.
    public var progressInterval: Int
    /// Called on the searching thread every ``progressInterval`` new states.
    public var progress: (@Sendable (Progress) -> Void)?
    /// Threads that generate successors and deduplicate them (breadth-first search only; clamped
    /// to 1...256). Results (counts, verdicts, paths) are identical for every value: each level is
    /// merged in frontier order. With more than one worker the model's methods run on several
    /// threads at once, which the ``Model`` contract (pure functions) already allows.
    public var workers: Int
    /// The bit array of ``Storage/bitstate``, in bytes (rounded down to a power of two, at least
    /// 512). Default: half of ``Bounds/maxMemoryBytes`` when set, else 64 MiB.
    public var bitstateBytes: Int?
    /// Fold states to the representative of their symmetry class when the model declares a
    /// ``Model/symmetry``. Turn off to check a declaration against the unreduced search.
    public var useSymmetry: Bool
    /// Explore only the model's ample sets (``Model/ampleSets(_:_:into:)``) where it offers them:
    /// partial-order reduction, breadth-first search only, and off when the model has response
    /// properties. Verdicts and deadlocks are kept; state counts shrink, and a counterexample is the
    /// shortest in the reduced graph, not necessarily in the full one. Default: off.
    public var partialOrder: Bool = false
    /// With ``partialOrder``: take at once each step the reduction leaves a state alone with, and
    /// store only where such a run ends (``StepMerger``, Spin's statement merging). Verdicts and
    /// deadlocks are kept; fewer states are stored, depth and transitions count a run as one step, and
    /// a counterexample (still shown step by step) is shortest in runs. Off while coverage is
    /// collected. Default: off.
    public var mergesSteps: Bool = false
    /// When a breadth-first search keeps its frontier levels as state encodings, decoded when
    /// expanded, instead of values (``FrontierPacking``). Default: ``FrontierPacking/auto``.
    public var frontierPacking: FrontierPacking = .auto
    /// Tests: ``FrontierPacking/auto`` switches at the first batch that starts with at least this
    /// many states numbered, instead of by resident memory (so a level can be split, values then
    /// encodings).
    @usableFromInline var packingFromNode: Int?

    /// When the breadth-first search keeps the states of its frontier levels as their encodings
    /// (``Model/decodesStates``): a few hundred bytes a state instead of the heap storage of its
    /// values, which at the width of a large level is most of the search's memory, for the time it
    /// takes to decode each state when it is expanded and to encode each new one (a third to a half
    /// more per state in the composed RTM system). Results are the same either way; storage that keeps
    /// every state (exact storage of a model that does not encode them) never packs.
    public enum FrontierPacking: String, Hashable, Sendable, Codable, CaseIterable {
        /// Keep values.
        case never
        /// Keep values until the process's resident memory passes half the memory bound
        /// (``Bounds/maxMemoryBytes``, else ``Bounds/maxResidentBytes``, else the machine's physical
        /// memory), then pack every state numbered from then on.
        case auto
        /// Pack from the initial states on.
        case always
    }

    public init(
        strategy: Strategy = .breadthFirst,
        storage: Storage = .exact,
        bounds: Bounds = .none,
        checkDeadlocks: Bool = true,
        stopAtFirstViolation: Bool = false,
        stopWhenAllDecided: Bool = true,
        collectCoverage: Bool = true,
        progressInterval: Int = 100_000,
        workers: Int = 1,
        bitstateBytes: Int? = nil,
        useSymmetry: Bool = true,
        progress: (@Sendable (Progress) -> Void)? = nil
    ) {
        self.strategy = strategy
        self.storage = storage
        self.bounds = bounds
        self.checkDeadlocks = checkDeadlocks
        self.stopAtFirstViolation = stopAtFirstViolation
        self.stopWhenAllDecided = stopWhenAllDecided
        self.collectCoverage = collectCoverage
        self.progressInterval = progressInterval
        self.progress = progress
        self.workers = workers
        self.bitstateBytes = bitstateBytes
        self.useSymmetry = useSymmetry
    }

    /// The number of online processors (the CLI's default for ``workers``).
    public static var availableCores: Int { SystemInfo.onlineProcessors }
}
