extension LevelSearch {
    // MARK: Seeding

    /// Stores the initial states (their representatives, unless the search expands originals) as the
    /// nodes of level 0.
    @usableFromInline
    mutating func seed() {
        for (index, original) in initials.enumerated() {
            guard verdicts.stop == nil else { return }
            let state = replay.expanded(original)
            seedEncoder.removeAll()
            var fingerprint = encoded
                ? model.storedFingerprint(of: state, by: classFingerprint, recordingInto: &seedEncoder)
                : model.storedFingerprint(of: state, by: classFingerprint, recordingInto: nil)
            if width > 0 {
                var hasher = StableHasher(seed: fingerprint)
                for slot in 0..<width {
                    let property = properties[responseProperties[slot]]
                    let (obligation, missed) = property.advance(model, incoming: property.initialObligation, into: state)
                    scratch[slot] = obligation < 0 ? 0 : UInt16(truncatingIfNeeded: obligation)
                    if missed { verdicts.recordMissedDeadline(slot, (Path(initialState: original), nil)) }
                    hasher.combine(UInt64(scratch[slot]))
                }
                fingerprint = hasher.finalize().rawValue
            }
            guard insertSeed(state, fingerprint) else { continue }
            guard nodeCount < maxStates else {
                verdicts.stop = .boundHit(.states)
                return
            }
            let node = addNode(parent: Self.root, via: UInt32(truncatingIfNeeded: index))
            if encoded { arena.append(seedEncoder.all) }
            for value in scratch { monitors.append(value) }
            if packing {
                currentPackedFrom = min(currentPackedFrom, Int(node))
                if packedFromState == nil { packedFromState = Int(node) }
                if !packsIntoArena {
                    seedEncoder.removeAll()
                    _ = model.fingerprint(state, recordingInto: &seedEncoder)
                    packedCurrent.append(
                        PackedSegment(firstNode: Int(node), encoder: seedEncoder, ends: [seedEncoder.count]))
                }
            } else {
                current.reserve(nodeCount)
                (current.base + Int(node)).initialize(to: state)
                current.count = nodeCount
            }
            checkStateProperties(node, state)
        }
    }

    /// Offers an initial state to the store (sequentially); returns whether it is new.
    @usableFromInline
    mutating func insertSeed(_ state: M.State, _ fingerprint: UInt64) -> Bool {
        let index = VisitedStore.shard(of: fingerprint)
        if let bitArray = store.bitArray { return bitArray.testAndSet(fingerprint, shard: index) }
        let shard = store.shards + index
        shard.pointee.reserve(extra: 1)
        guard exact else { return shard.pointee.insertCompact(Shard.key(fingerprint)) }
        let mask = shard.pointee.mask
        let words = shard.pointee.words
        let tag = Shard.tag(fingerprint)
        func isSeed(_ word: UInt64) -> Bool {
            let node = Int(word & 0xFFFF_FFFF) - 1
            return (encoded ? arena.encoding(of: node).sameBytes(as: seedEncoder.all) : current[node] == state)
                && (0..<width).allSatisfy({ monitors[node * width + $0] == scratch[$0] })
        }
        var slot = Int(truncatingIfNeeded: tag) & mask
        while words[slot] != 0 {
            if words[slot] >> 32 == tag, isSeed(words[slot]) { return false }
            slot = (slot &+ 1) & mask
        }
        if shard.pointee.runWords(tag: tag).contains(where: isSeed) { return false }
        words[slot] = tag << 32 | UInt64(nodeCount + 1)
        shard.pointee.count += 1
        return true
    }

    /// Evaluates the open state properties on a new initial state.
    @usableFromInline
    mutating func checkStateProperties(_ node: UInt32, _ state: M.State) {
        for index in verdicts.openStateChecks {
            let property = properties[index]
            let holds = property.condition(model, state)
            if property.kind == .sometimes ? holds : !holds { verdicts.record(property: index, path(to: node)) }
        }
    }

    // MARK: Phase 3

    /// Walks the batch in frontier order: transitions, coverage, numbering, findings, deadlocks.
    @inlinable
    mutating func merge(chunkCount: Int, depth: Int) {
        let openChecks = verdicts.openStateChecks
        let words = (openChecks.count + 63) / 64
        for index in 0..<chunkCount {
            let chunk = chunks + index
            var candidate = 0
            var missed = 0
            var key = 0
            let missedCount = chunk.pointee.missedCandidates.count
            for (entry, node) in (chunk.pointee.firstNode..<chunk.pointee.endNode).enumerated() {
                if entriesUntilClock == 0 {
                    entriesUntilClock = 4096
                    checkSlowBounds()
                    guard verdicts.stop == nil else { return }
                }
                entriesUntilClock -= 1
                let parent = UInt32(truncatingIfNeeded: node)
                let successors = Int(chunk.pointee.successorCounts[entry])
                for _ in 0..<successors {
                    transitions += 1
                    if options.collectCoverage {
                        let count = Int(chunk.pointee.coverageCounts[candidate])
                        for position in key..<(key + count) { coverage[chunk.pointee.coverageKeys[position], default: 0] += 1 }
                        key += count
                    }
                    while missed < missedCount, Int(chunk.pointee.missedCandidates[missed]) == candidate {
                        let slot = Int(chunk.pointee.missedSlots[missed])
                        if verdicts.responseOpen[slot] {
                            verdicts.recordMissedDeadline(slot, path(to: parent, then: chunk.pointee.vias[candidate]))
                        }
                        missed += 1
                    }
                    switch chunk.pointee.status[candidate] {
                    case 1:
                        guard nodeCount < maxStates else {
                            verdicts.stop = .boundHit(.states)
                            return
                        }
                        let child = addNode(parent: parent, via: chunk.pointee.vias[candidate])
                        if encoded { arena.append(chunk.pointee.encoding(candidate)) }
                        chunk.pointee.nodes[candidate] = child
                        for slot in 0..<width { monitors.append(chunk.pointee.monitors[candidate * width + slot]) }
                        if depth + 1 > maxDepth { maxDepth = depth + 1 }
                        if words > 0 { recordDecided(chunk.pointee.decided, candidate * words, openChecks, child) }
                    case 2:
                        sawBeyondDepthBound = true
                    default:
                        break
                    }
                    candidate += 1
                    guard verdicts.stop == nil else { return }
                }
                let isFinal = chunk.pointee.finals[entry]
                if width > 0, successors == 0 || isFinal {
                    for slot in 0..<width where verdicts.responseOpen[slot] && monitors[node * width + slot] != 0 {
                        verdicts.recordRunEnd(slot, path(to: parent))
                    }
                }
                if successors == 0, !isFinal, options.checkDeadlocks {
                    let found = verdicts.deadlockPath == nil ? path(to: parent) : nil
                    verdicts.recordDeadlock(found)
                }
                guard verdicts.stop == nil else { return }
            }
        }
    }

    /// Records the state properties a new node decides.
    @inlinable
    mutating func recordDecided(_ decided: RawBuffer<UInt64>, _ base: Int, _ openChecks: [Int], _ node: UInt32) {
        for word in 0..<((openChecks.count + 63) / 64) where decided[base + word] != 0 {
            for bit in 0..<64 where decided[base + word] & (1 << UInt64(bit)) != 0 {
                let index = openChecks[word * 64 + bit]
                if verdicts.findings[index] == nil { verdicts.record(property: index, path(to: node)) }
            }
        }
    }

    // MARK: Result

    /// The result; releases every buffer (the search must not be used afterwards).
    @usableFromInline
    mutating func finish() -> CheckResult<M> {
        let termination = verdicts.stop ?? .exhausted
        let bytes = store.bytes + parents.bytes + vias.bytes + monitors.bytes + (keepsStates ? current.bytes : 0)
            + (encoded ? arena.bytes : 0)
        var statistics = StoreStatistics(
            storage: storage, states: nodeCount, bytes: bytes, bitstateBits: store.bitArray?.bits,
            symmetryReduced: symmetry != nil)
        statistics.visitedBytes = store.bytes
        statistics.stateBytes = encoded ? arena.allocated : keepsStates ? current.bytes : 0
        statistics.partialOrderReduced = partialOrder
        statistics.mergedSteps = mergesSteps ? mergedSteps : nil
        statistics.packedFromState = packedFromState
        let result = CheckResult(
            strategy: options.strategy, storage: storage, termination: termination,
            states: nodeCount, transitions: transitions, maxDepth: maxDepth, completedDepth: completedDepth,
            duration: clock.now - start, properties: verdicts.results(exhaustive: termination.isExhaustive),
            deadlocks: DeadlockResult(
                checked: options.checkDeadlocks, count: verdicts.deadlockCount, path: verdicts.deadlockPath),
            coverage: coverage, workers: workers, store: statistics)
        team.shutdown()
        store.release()
        parents.release()
        vias.release()
        monitors.release()
        current.release()
        upcoming.release()
        packedCurrent.reset()
        packedUpcoming.reset()
        arena.release()
        seedEncoder.release()
        for index in 0..<chunkCapacity { chunks[index].release() }
        chunks.deinitialize(count: chunkCapacity)
        chunks.deallocate()
        return result
    }
}
