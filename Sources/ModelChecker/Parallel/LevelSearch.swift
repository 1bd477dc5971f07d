/// Level-synchronous breadth-first search on several workers with results identical to one worker.
///
/// Each level's frontier is cut into batches, and each batch into chunks of consecutive entries.
/// A batch runs in four phases:
/// 1. *generate* (parallel over chunks): successors, their representatives under symmetry, their
///    response monitors and fingerprints;
/// 2. *deduplicate* (parallel over the 64 shards of the store): each shard takes its successors in
///    frontier order, so the first occurrence of a state wins exactly as in a sequential search;
///    new ones are evaluated against the open state properties;
/// 3. *merge* (sequential, light): in frontier order, count transitions and coverage, number the new
///    states, record findings, deadlocks and bound hits;
/// 4. *publish* (parallel): move the new states into the state store, resolve pending table slots.
///
/// Nothing that reaches the result depends on the number of workers or on thread timing, so the
/// state counts, verdicts and counterexamples are the same for every `workers` value. A response
/// property that is violated stops being monitored from the next level on.
///
/// Per node the search keeps a 32-bit parent and an 8-bit action ordinal (larger ordinals go to a
/// side table), the response monitors, and in exact storage the state, or, when the model encodes
/// its states (``Model/encodesStates``), the state's encoding (``EncodingArena``) with only the
/// frontier levels kept as states. Paths are rebuilt by replaying ordinals (``PathReplay``).
@usableFromInline
struct LevelSearch<M: Model> {
    @usableFromInline static var root: UInt32 { .max }
    @usableFromInline static var entriesPerWorkerBatch: Int { 8192 }

    @usableFromInline let model: M
    @usableFromInline let options: CheckOptions
    @usableFromInline let initials: [M.State]
    @usableFromInline let properties: [Property<M>]
    @usableFromInline let responseProperties: [Int]
    @usableFromInline let width: Int
    @usableFromInline let symmetry: Symmetry<M>?
    /// The symmetry's ``Symmetry/classFingerprint`` when the search uses it: it then keeps and expands the
    /// states it reaches, folded by their representatives' fingerprints (not where states are compared).
    @usableFromInline let classFingerprint: Symmetry<M>.ClassFingerprint?
    /// Per worker: its own ``Model/replica()`` of the model, with its properties and class
    /// fingerprint (worker 0 has the originals).
    @usableFromInline let replicas: [(model: M, properties: [Property<M>], classFingerprint: Symmetry<M>.ClassFingerprint?)]
    @usableFromInline let replay: PathReplay<M>
    @usableFromInline let workers: Int
    @usableFromInline let team: Workers
    @usableFromInline let storage: CheckOptions.Storage
    @usableFromInline let exact: Bool
    /// Exact storage that compares and keeps encodings, not states.
    @usableFromInline let encoded: Bool
    /// Whether every node's state is kept (exact storage of a model that does not encode states).
    @usableFromInline let keepsStates: Bool
    /// Frontier states may be kept as encodings (``PackedFrontier``) instead of in ``current`` and
    /// ``upcoming``: the model decodes its states and the storage does not keep them all.
    @usableFromInline let canPack: Bool
    /// New states are packed from now on (``CheckOptions/FrontierPacking``; once on, it stays on).
    @usableFromInline var packing: Bool
    /// The first node of the level being expanded that is packed (the ones before are values), and
    /// of the next level.
    @usableFromInline var currentPackedFrom = Int.max
    @usableFromInline var upcomingPackedFrom = Int.max
    /// The first node packed, if any.
    @usableFromInline var packedFromState: Int?
    /// Packed frontier states are read from ``arena``, which holds every node's own encoding (encoded
    /// exact storage that stores states, not representatives' fingerprints), instead of being encoded
    /// again into ``PackedFrontier`` segments.
    @usableFromInline let packsIntoArena: Bool
    /// ``CheckOptions/FrontierPacking/auto``: the resident memory past which states are packed.
    @usableFromInline let packingThreshold: Int?
    /// Partial-order reduction is on (the option, and no response properties).
    @usableFromInline let partialOrder: Bool
    /// Single-successor steps are merged (``CheckOptions/mergesSteps``).
    @usableFromInline let mergesSteps: Bool
    /// The steps merged so far (states passed through, not stored).
    @usableFromInline var mergedSteps = 0
    /// The nodes numbered before the level being expanded (the cycle proviso's old states).
    @usableFromInline var levelStartNodes = 0

    @usableFromInline var verdicts: Verdicts<M>
    @usableFromInline var store: VisitedStore
    @usableFromInline var parents = RawBuffer<UInt32>(capacity: 1024)
    @usableFromInline var vias = RawBuffer<UInt8>(capacity: 1024)
    @usableFromInline var viaOverflow: [UInt32: UInt32] = [:]
    @usableFromInline var monitors = RawBuffer<UInt16>(capacity: 1024)
    /// Encoded exact storage: every node's encoding.
    @usableFromInline var arena = EncodingArena()
    @usableFromInline var seedEncoder = StateEncoder(capacity: 256)
    /// Exact storage of states: every node's state. Otherwise: the states of the level being expanded.
    @usableFromInline var current: StateSlab<M.State>
    /// Not exact: the states of the next level.
    @usableFromInline var upcoming: StateSlab<M.State>
    /// A packed frontier: the level being expanded, and the next.
    @usableFromInline var packedCurrent = PackedFrontier()
    @usableFromInline var packedUpcoming = PackedFrontier()
    @usableFromInline var chunks: UnsafeMutablePointer<Chunk<M>>
    @usableFromInline var chunkCapacity = 0
    @usableFromInline var chunkBytes = 0

    @usableFromInline var nodeCount = 0
    @usableFromInline var transitions = 0
    @usableFromInline var maxDepth = 0
    @usableFromInline var completedDepth: Int?
    @usableFromInline var sawBeyondDepthBound = false
    @usableFromInline var coverage: [String: Int] = [:]
    /// Monitor slots still checked in the level being expanded.
    @usableFromInline var monitorOpen: [Bool]
    @usableFromInline var scratch: [UInt16]

    @usableFromInline let clock = ContinuousClock()
    @usableFromInline let start: ContinuousClock.Instant
    @usableFromInline var entriesUntilClock = 0
    @usableFromInline var nextProgress: Int
    @usableFromInline var currentDepth = 0
    @usableFromInline let maxStates: Int
    @usableFromInline let depthLimit: Int?

    @usableFromInline
    init(model: M, options: CheckOptions) {
        self.model = model
        self.options = options
        initials = model.initialStates
        let properties = model.properties
        self.properties = properties
        responseProperties = properties.indices.filter { properties[$0].isResponse }
        width = responseProperties.count
        symmetry = options.useSymmetry ? model.symmetry : nil
        workers = min(max(1, options.workers), 256)
        team = Workers(count: workers)
        storage = options.storage
        exact = options.storage == .exact
        encoded = exact && model.encodesStates
        keepsStates = exact && !model.encodesStates
        canPack = !keepsStates && options.frontierPacking != .never && model.decodesStates
        packing = canPack && options.frontierPacking == .always
        packingThreshold = canPack && options.frontierPacking == .auto
            ? (options.bounds.maxMemoryBytes ?? options.bounds.maxResidentBytes ?? SystemInfo.physicalMemoryBytes)
                .map { $0 / 2 } : nil
        classFingerprint = keepsStates ? nil : symmetry?.classFingerprint
        packsIntoArena = canPack && encoded && classFingerprint == nil
        var replicas = [(model, properties, classFingerprint)]
        for _ in 1..<workers {
            let replica = model.replica()
            let folds = classFingerprint == nil ? nil : replica.symmetry?.classFingerprint ?? classFingerprint
            replicas.append((replica, replica.properties, folds))
        }
        self.replicas = replicas
        let partialOrder = options.partialOrder && responseProperties.isEmpty
        self.partialOrder = partialOrder
        mergesSteps = partialOrder && options.mergesSteps && !options.collectCoverage
        replay = PathReplay(
            model: model, initials: initials, symmetry: symmetry, expandsOriginals: classFingerprint != nil,
            merger: mergesSteps ? StepMerger(model: model, properties: properties) : nil)
        verdicts = Verdicts(properties: properties, options: options)
        store = VisitedStore(storage: options.storage, bitstateBytes: Self.bitstateBytes(options))
        current = StateSlab(origin: 0)
        upcoming = StateSlab(origin: 0)
        chunks = .allocate(capacity: 1)
        monitorOpen = Array(repeating: true, count: responseProperties.count)
        scratch = Array(repeating: 0, count: responseProperties.count)
        start = ContinuousClock.now
        nextProgress = max(1, options.progressInterval)
        maxStates = min(max(0, options.bounds.maxStates ?? .max), Int(Shard.pendingFlag) - 1)
        depthLimit = options.bounds.maxDepth.map { max(0, $0) }
    }

    /// The size of the bit array: the option, else half the memory bound, else 64 MiB.
    @usableFromInline
    static func bitstateBytes(_ options: CheckOptions) -> Int {
        options.bitstateBytes ?? options.bounds.maxMemoryBytes.map { $0 / 2 } ?? 64 << 20
    }

    @inlinable
    var stop: Termination? { verdicts.stop }

    // MARK: Nodes

    @inlinable
    func via(of node: Int) -> UInt32 {
        let short = vias[node]
        return short == .max ? viaOverflow[UInt32(truncatingIfNeeded: node)] ?? 0 : UInt32(short)
    }

    /// Numbers a new node.
    @inlinable
    mutating func addNode(parent: UInt32, via: UInt32) -> UInt32 {
        let node = UInt32(truncatingIfNeeded: nodeCount)
        parents.append(parent)
        if via < UInt32(UInt8.max) {
            vias.append(UInt8(truncatingIfNeeded: via))
        } else {
            vias.append(.max)
            viaOverflow[node] = via
        }
        nodeCount &+= 1
        if nodeCount >= nextProgress { reportProgress() }
        return node
    }

    /// The path to `node`, then one more step by action `ordinal` when given.
    @usableFromInline
    func path(to node: UInt32, then ordinal: UInt32? = nil) -> (path: Path<M>, note: String?)? {
        var ordinals: [UInt32] = ordinal.map { [$0] } ?? []
        var current = Int(node)
        while parents[current] != Self.root {
            ordinals.append(via(of: current))
            current = Int(parents[current])
        }
        return replay.path(root: Int(via(of: current)), ordinals: ordinals.reversed())
    }

    /// Bytes held by the visited store, the parent links, the monitors and the stored states
    /// (their inline size; heap storage owned by states is not counted).
    @usableFromInline
    var estimatedBytes: Int {
        store.bytes + parents.bytes + vias.bytes + monitors.bytes + viaOverflow.capacity * 16
            + current.bytes + upcoming.bytes + chunkBytes + arena.bytes + packedCurrent.heldBytes
            + packedUpcoming.heldBytes
    }

    // MARK: Bounds and progress

    /// Checks the time and memory bounds; `extraBytes` is memory about to be taken.
    @usableFromInline
    mutating func checkSlowBounds(extraBytes: Int = 0) {
        guard verdicts.stop == nil else { return }
        if let limit = options.bounds.maxDuration, clock.now - start >= limit {
            verdicts.stop = .boundHit(.time)
        } else if let limit = options.bounds.maxMemoryBytes, estimatedBytes + extraBytes > limit {
            verdicts.stop = .boundHit(.memory)
        } else if let limit = options.bounds.maxResidentBytes, let resident = SystemInfo.residentBytes,
            resident + extraBytes > limit
        {
            verdicts.stop = .boundHit(.memory)
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

    // MARK: Search

    /// Explores level by level until the frontier is empty or something stops the search.
    @inlinable
    mutating func run() {
        seed()
        var levelStart = 0
        var levelEnd = nodeCount
        var depth = 0
        while levelStart < levelEnd, verdicts.stop == nil {
            currentDepth = depth
            monitorOpen = verdicts.responseOpen
            let atBound = depthLimit.map { depth >= $0 } ?? false
            if !keepsStates { upcoming.reset(origin: levelEnd) }
            packedUpcoming.reset()
            upcomingPackedFrom = .max
            levelStartNodes = levelEnd
            var position = levelStart
            // The reduction's proviso in compact and bitstate storage sees earlier batches of the
            // level, so there the batches must not depend on the worker count.
            let batch = Self.entriesPerWorkerBatch * (partialOrder && !exact ? 2 : workers)
            while position < levelEnd, verdicts.stop == nil {
                checkSlowBounds()
                guard verdicts.stop == nil else { break }
                let end = min(levelEnd, position + batch)
                runBatch(position..<end, depth: depth, atBound: atBound)
                // Expanded: phase 1 took and dropped these states (nothing reads them again), and their
                // memory serves the next level.
                if !keepsStates { current.markDropped(before: end) }
                packedCurrent.release(before: end)
                position = end
            }
            if verdicts.stop != nil {
                completedDepth = depth > 0 ? depth - 1 : nil
                return
            }
            completedDepth = depth
            if atBound {
                if sawBeyondDepthBound { verdicts.stop = .boundHit(.depth) }
                break
            }
            if !keepsStates { swap(&current, &upcoming) }
            swap(&packedCurrent, &packedUpcoming)
            currentPackedFrom = upcomingPackedFrom
            levelStart = levelEnd
            levelEnd = nodeCount
            depth += 1
        }
        if verdicts.stop == nil { verdicts.stop = .exhausted }
    }

    /// Makes sure `count` chunks exist.
    @inlinable
    mutating func ensureChunks(_ count: Int) {
        guard count > chunkCapacity else { return }
        let fresh = UnsafeMutablePointer<Chunk<M>>.allocate(capacity: count)
        fresh.moveInitialize(from: chunks, count: chunkCapacity)
        for index in chunkCapacity..<count { (fresh + index).initialize(to: Chunk()) }
        chunks.deallocate()
        chunks = fresh
        chunkCapacity = count
    }

    /// Expands the frontier entries `range` of level `depth` in the four phases.
    @inlinable
    mutating func runBatch(_ range: Range<Int>, depth: Int, atBound: Bool) {
        if canPack, !packing, let packingThreshold {
            if let from = options.packingFromNode {
                packing = nodeCount >= from
            } else if let resident = SystemInfo.residentBytes, resident > packingThreshold {
                packing = true
            }
        }
        if packing, upcomingPackedFrom == .max {
            upcomingPackedFrom = nodeCount
            if packedFromState == nil { packedFromState = nodeCount }
        }
        let chunkSize = min(1024, max(16, range.count / (workers * 4)))
        let chunkCount = (range.count + chunkSize - 1) / chunkSize
        ensureChunks(chunkCount)
        for index in 0..<chunkCount {
            chunks[index].firstNode = range.lowerBound + index * chunkSize
            chunks[index].endNode = min(range.upperBound, range.lowerBound + (index + 1) * chunkSize)
        }
        let openChecks = verdicts.openStateChecks
        let contexts = (0..<workers).map {
            BatchContext(search: self, worker: $0, openChecks: openChecks, chunkCount: chunkCount, atBound: atBound)
        }
        // Chunks go to whichever worker asks first: their costs differ (a level's states differ in how
        // many actions they enable), and a fixed share left one worker idle while the other finished.
        // What a chunk holds does not depend on the worker that expands it.
        let chunks = self.chunks
        team.resetClaims()
        team.run { worker in
            let context = contexts[worker]
            while let index = team.claim(below: chunkCount) {
                chunks[index].worker = worker
                context.generate(index)
            }
        }
        var bytes = 0
        var extra = Array(repeating: 0, count: VisitedStore.shardCount)
        for index in 0..<chunkCount {
            bytes += chunks[index].bytes
            mergedSteps += chunks[index].mergedSteps
            for shard in 0..<VisitedStore.shardCount { extra[shard] += chunks[index].shardCounts[shard] }
        }
        chunkBytes = bytes
        if !atBound, options.bounds.maxMemoryBytes != nil || options.bounds.maxResidentBytes != nil {
            checkSlowBounds(extraBytes: store.bytesAfterReserving(extra) - store.bytes)
            guard verdicts.stop == nil else { return }
        }
        team.run { worker in contexts[worker].deduplicate(worker) }
        merge(chunkCount: chunkCount, depth: depth)
        if keepsStates {
            current.reserve(nodeCount)
        } else if !packing {
            upcoming.reserve(nodeCount - upcoming.origin)
        }
        if packing {
            // Packing encodes states: each worker with its own replica of the model.
            team.run { worker in contexts[worker].publish(worker) }
            for index in 0..<chunkCount {
                if let segment = chunks[index].packed { packedUpcoming.append(segment) }
                chunks[index].packed = nil
            }
        } else {
            // Publishing reads no model: one context, built after the merge moved the store's target.
            let publishing = BatchContext(
                search: self, worker: 0, openChecks: openChecks, chunkCount: chunkCount, atBound: atBound)
            team.run { worker in publishing.publish(worker) }
        }
        if keepsStates {
            current.count = nodeCount
        } else if !packing {
            upcoming.count = nodeCount - upcoming.origin
        }
    }
}
