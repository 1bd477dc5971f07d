extension Explorer {
    // MARK: Findings

    /// Records the first counterexample or witness of property `index`.
    @usableFromInline
    mutating func record(property index: Int, _ found: (path: Path<M>, note: String?)?, note: String? = nil) {
        guard findings[index] == nil, let found else { return }
        let notes = [note, found.note].compactMap { $0 }
        findings[index] = Finding(path: found.path, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        undecided -= 1
        if properties[index].kind != .sometimes { noteViolation() }
        checkAllDecided()
    }

    @usableFromInline
    mutating func recordDeadlock(_ node: UInt32) {
        deadlockCount += 1
        if deadlockPath == nil { deadlockPath = path(to: node)?.path }
        noteViolation()
        checkAllDecided()
    }

    @usableFromInline
    mutating func noteViolation() {
        if options.stopAtFirstViolation, stop == nil { stop = .stoppedAtFirstViolation }
    }

    @usableFromInline
    mutating func checkAllDecided() {
        guard options.stopWhenAllDecided, stop == nil, undecided == 0 else { return }
        guard !properties.isEmpty || options.checkDeadlocks else { return }
        if !options.checkDeadlocks || deadlockCount > 0 { stop = .allPropertiesDecided }
    }

    /// Evaluates the open `always` and `sometimes` properties on a newly stored state.
    @inlinable
    mutating func checkStateProperties(_ node: UInt32, _ state: M.State) {
        var position = 0
        while position < openStateChecks.count {
            let index = openStateChecks[position]
            let property = properties[index]
            let holds = property.condition(model, state)
            let decided = property.kind == .sometimes ? holds : !holds
            if decided {
                openStateChecks.remove(at: position)
                record(property: index, path(to: node))
            } else {
                position += 1
            }
        }
    }

    // MARK: Response monitors

    /// Computes the monitors of `state` into `scratch`, entered from `parent` (nil: an initial
    /// state). Returns whether a deadline passed; the slots are then in `missed`.
    @inlinable
    mutating func enterMonitors(_ state: M.State, parent: UInt32?) -> Bool {
        missed.removeAll(keepingCapacity: true)
        for slot in 0..<width {
            guard responseOpen[slot] else {
                scratch[slot] = 0
                continue
            }
            let property = properties[responseProperties[slot]]
            let incoming: Int
            if let parent {
                let stored = Int(monitors[Int(parent) * width + slot])
                incoming = stored - 1
            } else {
                incoming = property.initialObligation
            }
            let (obligation, didMiss) = property.advance(model, incoming: incoming, into: state)
            scratch[slot] = obligation < 0 ? 0 : UInt16(truncatingIfNeeded: obligation)
            if didMiss { missed.append(slot) }
        }
        return !missed.isEmpty
    }

    @usableFromInline
    mutating func recordMissedDeadline(_ slot: Int, _ found: (path: Path<M>, note: String?)?) {
        guard responseOpen[slot] else { return }
        responseOpen[slot] = false
        let property = properties[responseProperties[slot]]
        let note = property.kind == .eventually
            ? "the predicate did not hold within \(property.steps) steps of the start"
            : "the response did not hold within \(property.steps) steps of the trigger"
        record(property: responseProperties[slot], found, note: note)
    }

    /// A run ends in `node` (a final state, or no enabled action): pending obligations are violated.
    @usableFromInline
    mutating func checkRunEnd(_ node: UInt32) {
        for slot in 0..<width where responseOpen[slot] && monitors[Int(node) * width + slot] != 0 {
            responseOpen[slot] = false
            let property = properties[responseProperties[slot]]
            let note = property.kind == .eventually
                ? "the run ended before the predicate held"
                : "the run ended with the trigger unanswered"
            record(property: responseProperties[slot], path(to: node), note: note)
        }
    }

    // MARK: Expansion

    /// Stores the initial states and hands each new one to `push`.
    @inlinable
    mutating func seed(push: (SearchEntry<M.State>) -> Void) {
        for (index, original) in initials.enumerated() {
            guard stop == nil else { return }
            let state = replay.canonical(original)
            if width > 0, enterMonitors(state, parent: nil) {
                for slot in missed { recordMissedDeadline(slot, (Path(initialState: original), nil)) }
            }
            let fingerprint = productFingerprint(state)
            switch insert(state, fingerprint, parent: Self.root, via: UInt32(truncatingIfNeeded: index), depth: 0) {
            case .inserted(let node):
                checkStateProperties(node, state)
                push(SearchEntry(state, node: node, depth: 0))
            case .existing:
                continue
            case .refused:
                stop = .boundHit(.states)
                return
            }
        }
    }

    /// Generates the successors of `entry`: checks the transitions, stores new states and hands them
    /// to `push`. At the depth bound (`atBound`) successors are only looked up, to learn whether the
    /// bound cut anything off.
    @inlinable
    mutating func expand(_ entry: SearchEntry<M.State>, atBound: Bool, push: (SearchEntry<M.State>) -> Void) {
        tick()
        guard stop == nil else { return }
        let state = entry.state
        let node = entry.node
        let childDepth = entry.depth &+ 1
        actionBuffer.removeAll(keepingCapacity: true)
        model.actions(state, into: &actionBuffer)
        var enabled = 0
        for ordinal in actionBuffer.indices {
            let action = actionBuffer[ordinal]
            guard let raw = model.next(state, action) else { continue }
            let successor = replay.canonical(raw)
            enabled += 1
            transitions += 1
            if collectCoverage { countCoverage(state, action) }
            if width > 0, enterMonitors(successor, parent: node), !atBound {
                let found = path(to: node, then: UInt32(truncatingIfNeeded: ordinal))
                for slot in missed { recordMissedDeadline(slot, found) }
            }
            let fingerprint = productFingerprint(successor)
            if atBound {
                if !sawBeyondDepthBound, !contains(successor, fingerprint) { sawBeyondDepthBound = true }
                continue
            }
            let via = UInt32(truncatingIfNeeded: ordinal)
            switch insert(successor, fingerprint, parent: node, via: via, depth: childDepth) {
            case .inserted(let child):
                checkStateProperties(child, successor)
                push(SearchEntry(successor, node: child, depth: childDepth))
            case .existing(let known):
                if revisitShallower, childDepth < depths[Int(known)] {
                    parents[Int(known)] = node
                    vias[Int(known)] = via
                    depths[Int(known)] = childDepth
                    push(SearchEntry(successor, node: known, depth: childDepth))
                }
            case .refused:
                stop = .boundHit(.states)
            }
            guard stop == nil else { return }
        }
        let isFinal = model.isFinal(state)
        if width > 0, enabled == 0 || isFinal { checkRunEnd(node) }
        if enabled == 0, !isFinal, checkDeadlocks { recordDeadlock(node) }
    }

    // MARK: Strategies

    /// Iterative depth-first search with an explicit stack. Under a depth bound, a state reached
    /// again by a shorter path is explored again, so the bounded search covers every state within
    /// the bound.
    @inlinable
    mutating func runDepthFirst() {
        revisitShallower = depthLimit != nil
        var stack: [SearchEntry<M.State>] = []
        seed { stack.append($0) }
        stack.reverse()
        while stop == nil, let entry = stack.popLast() {
            if revisitShallower, entry.depth != depths[Int(entry.node)] { continue }
            frontierCount = stack.count
            currentDepth = maxDepth
            let atBound = depthLimit.map { entry.depth >= $0 } ?? false
            let base = stack.count
            expand(entry, atBound: atBound) { stack.append($0) }
            stack[base...].reverse()
        }
        if stop == nil { stop = sawBeyondDepthBound ? .boundHit(.depth) : .exhausted }
    }

    // MARK: Result

    /// The result; releases the fingerprint table (the explorer must not be used afterwards).
    @usableFromInline
    func finish() -> CheckResult<M> {
        defer { table.deallocate() }
        let termination = stop ?? .exhausted
        let exhaustive = termination.isExhaustive
        var results: [PropertyResult<M>] = []
        for (index, property) in properties.enumerated() {
            let verdict: Verdict<M>
            if let finding = findings[index] {
                verdict = property.kind == .sometimes ? .witnessed(finding.path) : .violated(finding.path)
            } else if property.kind == .sometimes {
                verdict = exhaustive ? .neverReached : .notReachedWithinBounds
            } else {
                verdict = exhaustive ? .holds : .noViolationWithinBounds
            }
            results.append(PropertyResult(
                name: property.name, kind: property.kind, verdict: verdict, note: findings[index]?.note))
        }
        var statistics = StoreStatistics(
            storage: storage, states: nodeCount, bytes: estimatedBytes, bitstateBits: nil,
            symmetryReduced: symmetry != nil)
        statistics.visitedBytes = table.bytes
        return CheckResult(
            strategy: options.strategy, storage: storage, termination: termination,
            states: nodeCount, transitions: transitions, maxDepth: maxDepth, completedDepth: completedDepth,
            duration: clock.now - start, properties: results,
            deadlocks: DeadlockResult(checked: options.checkDeadlocks, count: deadlockCount, path: deadlockPath),
            coverage: coverage, store: statistics)
    }
}
