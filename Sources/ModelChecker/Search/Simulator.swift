/// Simulation: seeded random walks that check every property along each walk.
///
/// Walk `i` draws from stream `i` of the seed, so each walk is reproducible on its own. A walk
/// starts in a random initial state and takes a uniformly random enabled action at each step until
/// it reaches a state with no enabled action or its length limit. Response obligations are tracked
/// along the walk exactly as in the exhaustive search; a final state ends the run for them. Distinct
/// states are counted with a fingerprint table. Simulation is never exhaustive.
@usableFromInline
final class Simulator<M: Model> {
    let model: M
    let options: CheckOptions
    let walks: Int
    let maxLength: Int
    let seed: UInt64
    let initials: [M.State]
    let properties: [Property<M>]
    let responseProperties: [Int]
    var findings: [(path: Path<M>, note: String?)?]
    var undecided: Int
    var table = FingerprintTable()
    var transitions = 0
    var maxDepth = 0
    var deadlocks: Set<UInt64> = []
    var deadlockPath: Path<M>?
    var coverage: [String: Int] = [:]
    var stop: Termination?
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var nextProgress: Int

    @usableFromInline
    init(model: M, options: CheckOptions, walks: Int, maxLength: Int, seed: UInt64) {
        self.model = model
        self.options = options
        self.walks = max(0, walks)
        self.maxLength = max(0, min(maxLength, options.bounds.maxDepth ?? .max))
        self.seed = seed
        initials = model.initialStates
        let properties = model.properties
        self.properties = properties
        responseProperties = properties.indices.filter { properties[$0].isResponse }
        findings = Array(repeating: nil, count: properties.count)
        undecided = properties.count
        start = clock.now
        nextProgress = max(1, options.progressInterval)
    }

    @usableFromInline
    func run() -> CheckResult<M> {
        var walk = 0
        while walk < walks, stop == nil, !initials.isEmpty {
            runWalk(walk)
            walk += 1
        }
        defer { table.deallocate() }
        let termination = stop ?? .walksCompleted(walk)
        var results: [PropertyResult<M>] = []
        for (index, property) in properties.enumerated() {
            let verdict: Verdict<M>
            if let finding = findings[index] {
                verdict = property.kind == .sometimes ? .witnessed(finding.path) : .violated(finding.path)
            } else {
                verdict = property.kind == .sometimes ? .notReachedWithinBounds : .noViolationWithinBounds
            }
            results.append(PropertyResult(
                name: property.name, kind: property.kind, verdict: verdict, note: findings[index]?.note))
        }
        return CheckResult(
            strategy: options.strategy, storage: .compact, termination: termination, states: table.count,
            transitions: transitions, maxDepth: maxDepth, completedDepth: nil, duration: clock.now - start,
            properties: results,
            deadlocks: DeadlockResult(checked: options.checkDeadlocks, count: deadlocks.count, path: deadlockPath),
            coverage: coverage)
    }

    func runWalk(_ walk: Int) {
        var random = Xoshiro256StarStar(seed: seed, stream: UInt64(walk))
        var state = initials[random.next(below: initials.count)]
        var path = Path<M>(initialState: state)
        var obligations = responseProperties.map { properties[$0].initialObligation }
        var actions: [M.Action] = []
        var successors: [(action: M.Action, state: M.State)] = []
        enter(state, obligations: &obligations, path: path)
        visit(state, path: path)
        while stop == nil {
            checkSlowBounds()
            actions.removeAll(keepingCapacity: true)
            successors.removeAll(keepingCapacity: true)
            model.actions(state, into: &actions)
            for action in actions {
                if let next = model.next(state, action) { successors.append((action, next)) }
            }
            let isFinal = model.isFinal(state)
            if successors.isEmpty || isFinal { checkRunEnd(obligations, path: path) }
            if successors.isEmpty {
                if !isFinal, options.checkDeadlocks { recordDeadlock(state, path: path) }
                break
            }
            guard path.count < maxLength else { break }
            let chosen = successors[random.next(below: successors.count)]
            transitions += 1
            if options.collectCoverage {
                var keys: [String] = []
                model.coverageKeys(state, chosen.action, into: &keys)
                for key in keys { coverage[key, default: 0] += 1 }
            }
            state = chosen.state
            path.steps.append(PathStep(action: chosen.action, state: state))
            for slot in obligations.indices where obligations[slot] >= 0 { obligations[slot] -= 1 }
            enter(state, obligations: &obligations, path: path)
            visit(state, path: path)
        }
        maxDepth = max(maxDepth, path.count)
    }

    /// Advances the response obligations into `state`.
    func enter(_ state: M.State, obligations: inout [Int], path: Path<M>) {
        for slot in obligations.indices {
            let index = responseProperties[slot]
            let property = properties[index]
            let (obligation, missed) = property.advance(model, incoming: obligations[slot], into: state)
            obligations[slot] = obligation
            if missed {
                let note = property.kind == .eventually
                    ? "the predicate did not hold within \(property.steps) steps of the start"
                    : "the response did not hold within \(property.steps) steps of the trigger"
                record(index, path, note: note)
            }
        }
    }

    func checkRunEnd(_ obligations: [Int], path: Path<M>) {
        for slot in obligations.indices where obligations[slot] >= 0 {
            let property = properties[responseProperties[slot]]
            let note = property.kind == .eventually
                ? "the run ended before the predicate held"
                : "the run ended with the trigger unanswered"
            record(responseProperties[slot], path, note: note)
        }
    }

    /// Counts `state` and checks the state properties on it.
    func visit(_ state: M.State, path: Path<M>) {
        let fingerprint = model.fingerprint(state).rawValue
        let (found, slot) = table.find(fingerprint) { _ in true }
        if found == nil {
            if table.count >= (options.bounds.maxStates ?? .max) {
                stop = .boundHit(.states)
                return
            }
            table.insert(fingerprint, value: 0, at: slot)
            if table.count >= nextProgress { reportProgress(depth: path.count) }
        }
        for (index, property) in properties.enumerated() where findings[index] == nil {
            switch property.kind {
            case .always:
                if !property.condition(model, state) { record(index, path, note: nil) }
            case .sometimes:
                if property.condition(model, state) { record(index, path, note: nil) }
            case .eventually, .respondsWithin:
                continue
            }
        }
    }

    func record(_ index: Int, _ path: Path<M>, note: String?) {
        guard findings[index] == nil else { return }
        findings[index] = (path, note)
        undecided -= 1
        if properties[index].kind != .sometimes, options.stopAtFirstViolation, stop == nil {
            stop = .stoppedAtFirstViolation
        }
        checkAllDecided()
    }

    func recordDeadlock(_ state: M.State, path: Path<M>) {
        deadlocks.insert(model.fingerprint(state).rawValue)
        if deadlockPath == nil { deadlockPath = path }
        if options.stopAtFirstViolation, stop == nil { stop = .stoppedAtFirstViolation }
        checkAllDecided()
    }

    func checkAllDecided() {
        guard options.stopWhenAllDecided, stop == nil, undecided == 0 else { return }
        guard !properties.isEmpty || options.checkDeadlocks else { return }
        if !options.checkDeadlocks || !deadlocks.isEmpty { stop = .allPropertiesDecided }
    }

    func checkSlowBounds() {
        guard stop == nil else { return }
        if let limit = options.bounds.maxDuration, clock.now - start >= limit {
            stop = .boundHit(.time)
        } else if let limit = options.bounds.maxMemoryBytes, table.bytes > limit {
            stop = .boundHit(.memory)
        }
    }

    func reportProgress(depth: Int) {
        nextProgress = table.count + max(1, options.progressInterval)
        guard let progress = options.progress else { return }
        let elapsed = clock.now - start
        let seconds = elapsed.seconds
        progress(CheckOptions.Progress(
            states: table.count, transitions: transitions, depth: max(depth, maxDepth), elapsed: elapsed,
            statesPerSecond: seconds > 0 ? Double(table.count) / seconds : 0))
    }
}

extension Model {
    /// One random walk of at most `maxLength` steps from a random initial state: the walk that
    /// ``CheckOptions/Strategy/randomWalks(count:maxLength:seed:)`` takes as walk number `stream`
    /// (the same choices; the walk is not cut short by a property). `nil` without initial states.
    public func randomWalk(seed: UInt64, stream: UInt64 = 0, maxLength: Int) -> Path<Self>? {
        let initials = initialStates
        guard !initials.isEmpty else { return nil }
        var random = Xoshiro256StarStar(seed: seed, stream: stream)
        var state = initials[random.next(below: initials.count)]
        var path = Path<Self>(initialState: state)
        var actions: [Action] = []
        var successors: [(action: Action, state: State)] = []
        while path.count < maxLength {
            actions.removeAll(keepingCapacity: true)
            successors.removeAll(keepingCapacity: true)
            self.actions(state, into: &actions)
            for action in actions {
                if let next = next(state, action) { successors.append((action, next)) }
            }
            guard !successors.isEmpty else { break }
            let chosen = successors[random.next(below: successors.count)]
            state = chosen.state
            path.steps.append(PathStep(action: chosen.action, state: state))
        }
        return path
    }
}
