/// A state on the frontier: the state itself, its node in the store, and its depth.
@usableFromInline
struct SearchEntry<State> {
    @usableFromInline var state: State
    @usableFromInline var node: UInt32
    @usableFromInline var depth: UInt32

    @inlinable
    init(_ state: State, node: UInt32, depth: UInt32) {
        self.state = state
        self.node = node
        self.depth = depth
    }
}

/// The first counterexample or witness found for a property.
@usableFromInline
struct Finding<M: Model> {
    @usableFromInline var path: Path<M>
    @usableFromInline var note: String?

    @usableFromInline
    init(path: Path<M>, note: String?) {
        self.path = path
        self.note = note
    }
}

/// The outcome of offering a state to the store.
@usableFromInline
enum Insertion {
    case inserted(UInt32)
    case existing(UInt32)
    case refused
}

/// The depth-first search engine over the product of a model with the monitors of its response
/// properties (breadth-first search is ``LevelSearch``). Bitstate storage falls back to compact
/// storage here (the result says so).
///
/// A value type, so that the hot loop pays no dynamic exclusivity checks; the fingerprint table's
/// memory is released by ``finish()``. Nodes are numbered in discovery order. Per node the store
/// keeps the parent node, the ordinal of
/// the action that led here (the index of the initial state for roots), the depth, the response
/// monitors (steps left before each pending deadline, 0 for none) and, in exact mode, the state.
/// Paths are rebuilt by replaying action ordinals from the root, so compact mode can report them too.
@usableFromInline
struct Explorer<M: Model> {
    @usableFromInline static var root: UInt32 { .max }

    @usableFromInline let model: M
    @usableFromInline let options: CheckOptions
    @usableFromInline let initials: [M.State]
    @usableFromInline let properties: [Property<M>]
    /// Indices of the `always` and `sometimes` properties not yet decided.
    @usableFromInline var openStateChecks: [Int]
    /// The property index of each monitor slot.
    @usableFromInline let responseProperties: [Int]
    /// Whether each monitor slot is still being checked (a violated one is frozen at 0).
    @usableFromInline var responseOpen: [Bool]
    @usableFromInline var findings: [Finding<M>?]
    @usableFromInline var undecided: Int

    @usableFromInline var table = FingerprintTable()
    @usableFromInline let exact: Bool
    @usableFromInline let storage: CheckOptions.Storage
    @usableFromInline let symmetry: Symmetry<M>?
    @usableFromInline let replay: PathReplay<M>
    /// Monitor slots per node.
    @usableFromInline let width: Int
    @usableFromInline var parents: [UInt32] = []
    @usableFromInline var vias: [UInt32] = []
    @usableFromInline var depths: [UInt32] = []
    @usableFromInline var monitors: [UInt16] = []
    @usableFromInline var states: [M.State] = []

    @usableFromInline var transitions = 0
    @usableFromInline var maxDepth = 0
    @usableFromInline var completedDepth: Int?
    @usableFromInline var deadlockCount = 0
    @usableFromInline var deadlockPath: Path<M>?
    @usableFromInline var coverage: [String: Int] = [:]
    @usableFromInline var stop: Termination?
    @usableFromInline var frontierCount = 0
    @usableFromInline var sawBeyondDepthBound = false

    @usableFromInline var actionBuffer: [M.Action] = []
    @usableFromInline var keyBuffer: [String] = []
    /// The monitors of the state being offered to the store.
    @usableFromInline var scratch: [UInt16]
    /// The monitor slots whose deadline passed in the last ``enterMonitors(_:parent:)``.
    @usableFromInline var missed: [Int] = []
    @usableFromInline let collectCoverage: Bool
    @usableFromInline let checkDeadlocks: Bool

    @usableFromInline let clock = ContinuousClock()
    @usableFromInline let start: ContinuousClock.Instant
    @usableFromInline var expansionsUntilClock = 0
    @usableFromInline var nextProgress: Int
    @usableFromInline var currentDepth = 0
    @usableFromInline let maxStates: Int
    @usableFromInline let depthLimit: UInt32?
    /// Depth-first under a depth bound re-expands a node reached again by a shorter path.
    @usableFromInline var revisitShallower = false

    @usableFromInline
    init(model: M, options: CheckOptions) {
        self.model = model
        self.options = options
        initials = model.initialStates
        let properties = model.properties
        self.properties = properties
        openStateChecks = properties.indices.filter { !properties[$0].isResponse }
        responseProperties = properties.indices.filter { properties[$0].isResponse }
        responseOpen = Array(repeating: true, count: responseProperties.count)
        findings = Array(repeating: nil, count: properties.count)
        undecided = properties.count
        exact = options.storage == .exact
        storage = options.storage == .exact ? .exact : .compact
        symmetry = options.useSymmetry ? model.symmetry : nil
        replay = PathReplay(model: model, initials: initials, symmetry: symmetry)
        width = responseProperties.count
        scratch = Array(repeating: 0, count: responseProperties.count)
        start = ContinuousClock.now
        collectCoverage = options.collectCoverage
        checkDeadlocks = options.checkDeadlocks
        nextProgress = max(1, options.progressInterval)
        maxStates = min(max(0, options.bounds.maxStates ?? .max), Int(UInt32.max) - 1)
        depthLimit = options.bounds.maxDepth.map { UInt32(clamping: max(0, $0)) }
    }

    @inlinable
    var nodeCount: Int { parents.count }

    // MARK: Store

    @inlinable
    func isSame(_ node: UInt32, _ state: M.State) -> Bool {
        guard exact else { return true }
        let index = Int(node)
        if width > 0 {
            let base = index * width
            for slot in 0..<width where monitors[base + slot] != scratch[slot] { return false }
        }
        return states[index] == state
    }

    /// The fingerprint of `state` with the monitors in `scratch`.
    @inlinable
    func productFingerprint(_ state: M.State) -> UInt64 {
        let base = model.fingerprint(state).rawValue
        guard width > 0 else { return base }
        var hasher = StableHasher(seed: base)
        for value in scratch { hasher.combine(UInt64(value)) }
        return hasher.finalize().rawValue
    }

    /// Looks `state` (with the monitors in `scratch`) up: its node if stored, else the free slot.
    /// (A direct probe rather than a closure: capturing `self` would copy the explorer.)
    @inlinable
    func lookup(_ state: M.State, _ fingerprint: UInt64) -> (node: UInt32?, slot: Int) {
        let key = FingerprintTable.key(fingerprint)
        let mask = table.mask
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = table.keys[slot]
            if stored == 0 { return (nil, slot) }
            if stored == key {
                let node = table.values[slot]
                if !exact || isSame(node, state) { return (node, slot) }
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// Offers `state` (with the monitors in `scratch`) to the store.
    @inlinable
    mutating func insert(
        _ state: M.State, _ fingerprint: UInt64, parent: UInt32, via: UInt32, depth: UInt32
    ) -> Insertion {
        let (found, slot) = lookup(state, fingerprint)
        if let found { return .existing(found) }
        let index = nodeCount
        if index >= maxStates { return .refused }
        table.insert(fingerprint, value: UInt32(truncatingIfNeeded: index), at: slot)
        parents.append(parent)
        vias.append(via)
        depths.append(depth)
        if width > 0 { monitors.append(contentsOf: scratch) }
        if exact { states.append(state) }
        if Int(depth) > maxDepth { maxDepth = Int(depth) }
        if index + 1 >= nextProgress { reportProgress() }
        return .inserted(UInt32(truncatingIfNeeded: index))
    }

    /// Whether `state` (with the monitors in `scratch`) is stored.
    @inlinable
    func contains(_ state: M.State, _ fingerprint: UInt64) -> Bool {
        lookup(state, fingerprint).node != nil
    }

    /// Bytes held by the checker's own tables (not heap storage owned by states).
    @usableFromInline
    var estimatedBytes: Int {
        let perNode = 3 * MemoryLayout<UInt32>.stride + width * MemoryLayout<UInt16>.stride
            + (exact ? MemoryLayout<M.State>.stride : 0)
        return table.bytes + nodeCount * perNode + frontierCount * MemoryLayout<SearchEntry<M.State>>.stride
    }

    // MARK: Bounds and progress

    /// Checks the time and memory bounds every 256 expansions.
    @inlinable
    mutating func tick() {
        if expansionsUntilClock > 0 {
            expansionsUntilClock &-= 1
            return
        }
        expansionsUntilClock = 255
        checkSlowBounds()
    }

    @usableFromInline
    mutating func checkSlowBounds() {
        guard stop == nil else { return }
        if let limit = options.bounds.maxDuration, clock.now - start >= limit {
            stop = .boundHit(.time)
        } else if let limit = options.bounds.maxMemoryBytes, estimatedBytes > limit {
            stop = .boundHit(.memory)
        }
    }

    @usableFromInline
    mutating func reportProgress() {
        nextProgress = nodeCount + max(1, options.progressInterval)
        guard let progress = options.progress else { return }
        let elapsed = clock.now - start
        let seconds = elapsed.seconds
        progress(CheckOptions.Progress(
            states: nodeCount, transitions: transitions, depth: currentDepth, elapsed: elapsed,
            statesPerSecond: seconds > 0 ? Double(nodeCount) / seconds : 0))
    }

    @usableFromInline
    mutating func countCoverage(_ state: M.State, _ action: M.Action) {
        keyBuffer.removeAll(keepingCapacity: true)
        model.coverageKeys(state, action, into: &keyBuffer)
        for key in keyBuffer { coverage[key, default: 0] += 1 }
    }

    // MARK: Paths

    /// The path from a root to `node` (then one more step by action `ordinal` when given), rebuilt
    /// by replaying action ordinals in the original names (``PathReplay``).
    @usableFromInline
    func path(to node: UInt32, then ordinal: UInt32? = nil) -> (path: Path<M>, note: String?)? {
        var ordinals: [UInt32] = ordinal.map { [$0] } ?? []
        var current = Int(node)
        while parents[current] != Self.root {
            ordinals.append(vias[current])
            current = Int(parents[current])
        }
        return replay.path(root: Int(vias[current]), ordinals: ordinals.reversed())
    }
}
