/// A run of consecutive frontier entries and everything generated from them in one batch.
///
/// Phase 1 (one worker per chunk) fills the successor arrays; phase 2 (one worker per shard)
/// writes ``status`` and ``decided`` at distinct indices; phase 3 (sequential) writes ``nodes``;
/// phase 4 (one worker per chunk) moves the new states into the state store.
@usableFromInline
struct Chunk<M: Model> {
    @usableFromInline var firstNode = 0
    @usableFromInline var endNode = 0
    /// The worker that expanded this chunk in phase 1, and that drains it in phase 4: the successors'
    /// memory is freed by the thread that allocated it.
    @usableFromInline var worker = 0
    /// Successors (representatives under symmetry), in frontier and action order.
    @usableFromInline var states = MoveBuffer<M.State>()
    /// Fingerprints of the successors with their monitors.
    @usableFromInline var fingerprints: [UInt64] = []
    /// The ordinal of the action that produced each successor.
    @usableFromInline var vias: [UInt32] = []
    /// Per entry: its enabled actions (= its successors in this chunk).
    @usableFromInline var successorCounts: [UInt32] = []
    /// Per entry: whether it is final.
    @usableFromInline var finals: [Bool] = []
    /// Per successor: `width` monitor values.
    @usableFromInline var monitors: [UInt16] = []
    /// Successors whose response deadline passed on entering them, and the monitor slot.
    @usableFromInline var missedCandidates: [Int32] = []
    @usableFromInline var missedSlots: [Int32] = []
    /// Coverage keys of the transitions, and how many belong to each successor.
    @usableFromInline var coverageKeys: [String] = []
    @usableFromInline var coverageCounts: [UInt16] = []
    /// Successors per shard, to size the shards before phase 2.
    @usableFromInline var shardCounts: [Int] = Array(repeating: 0, count: VisitedStore.shardCount)
    /// Phase 1: this chunk's successors by fingerprint, to drop one that repeats an earlier one.
    @usableFromInline var repeats = RepeatTable()
    /// Per successor: 0 seen before, 1 new, 2 not seen (depth bound: looked up only); between
    /// phases 1 and 2, 3 marks one dropped in phase 1 as a repeat within its chunk.
    @usableFromInline var status = RawBuffer<UInt8>()
    /// Per new successor: a bit per open state property that it decides.
    @usableFromInline var decided = RawBuffer<UInt64>()
    /// Per successor: its node if it was numbered, else `UInt32.max`.
    @usableFromInline var nodes = RawBuffer<UInt32>()
    /// Encoded exact storage: the successors' encodings, back to back, and where each ends.
    @usableFromInline var encoder = StateEncoder(capacity: 1 << 16)
    @usableFromInline var encodingEnds: [Int] = []
    @usableFromInline var actions: [M.Action] = []
    /// Partial-order reduction: the ample sets the model offers for the entry being expanded.
    @usableFromInline var ample = AmpleCandidates()
    @usableFromInline var keyScratch: [String] = []
    /// Merged steps (``StepMerger``): how many this batch took, and the scratch of the states passed
    /// through.
    @usableFromInline var mergedSteps = 0
    @usableFromInline var runActions: [M.Action] = []
    /// A packed frontier: the new states' encodings as phase 4 writes them, and the segment made of
    /// them, which the search then takes.
    @usableFromInline var packEncoder = StateEncoder(capacity: 1 << 16)
    @usableFromInline var packEnds: [Int] = []
    @usableFromInline var packed: PackedSegment?

    @usableFromInline
    init() {}

    @usableFromInline
    func release() {
        states.release()
        repeats.release()
        status.release()
        decided.release()
        nodes.release()
        encoder.release()
        packEncoder.release()
        packed?.release()
    }

    /// The encoding of successor `candidate` (encoded exact storage).
    @inlinable
    func encoding(_ candidate: Int) -> UnsafeBufferPointer<UInt8> {
        let start = candidate == 0 ? 0 : encodingEnds[candidate - 1]
        return encoder.bytes(start..<encodingEnds[candidate])
    }

    /// Empties the outputs, keeping their capacity.
    @inlinable
    mutating func reset() {
        states.removeSuffix(from: 0)
        fingerprints.removeAll(keepingCapacity: true)
        vias.removeAll(keepingCapacity: true)
        successorCounts.removeAll(keepingCapacity: true)
        finals.removeAll(keepingCapacity: true)
        monitors.removeAll(keepingCapacity: true)
        missedCandidates.removeAll(keepingCapacity: true)
        missedSlots.removeAll(keepingCapacity: true)
        coverageKeys.removeAll(keepingCapacity: true)
        coverageCounts.removeAll(keepingCapacity: true)
        encoder.removeAll()
        encodingEnds.removeAll(keepingCapacity: true)
        repeats.removeAll()
        mergedSteps = 0
        for index in shardCounts.indices { shardCounts[index] = 0 }
    }

    /// Bytes held by the successor buffers (inline sizes only).
    @usableFromInline
    var bytes: Int {
        states.bytes + fingerprints.capacity * 8 + vias.capacity * 4
            + monitors.capacity * 2 + status.bytes + decided.bytes + nodes.bytes + encoder.capacity
            + encodingEnds.capacity * 8 + repeats.bytes
    }
}

/// What the parallel phases of one batch read: immutable values and pointers to disjoint outputs.
///
/// `@unchecked Sendable`: every worker writes only the chunks and shards it is handed by index
/// (chunk `c` by worker `c % workers` in phases 1 and 4, shard `s` by worker `s % workers` in
/// phase 2), and reads memory that no one writes during the phase.
@usableFromInline
struct BatchContext<M: Model>: @unchecked Sendable {
    @usableFromInline let model: M
    @usableFromInline let symmetry: Symmetry<M>?
    /// ``LevelSearch/classFingerprint``: successors are kept as reached, folded by this fingerprint.
    @usableFromInline let classFingerprint: Symmetry<M>.ClassFingerprint?
    @usableFromInline let properties: [Property<M>]
    @usableFromInline let responseProperties: [Int]
    /// Monitor slots still checked in this level (a violated one is frozen at 0 from the next level).
    @usableFromInline let monitorOpen: [Bool]
    @usableFromInline let width: Int
    /// The open `always` / `sometimes` properties, one decided-bit each.
    @usableFromInline let openChecks: [Int]
    @usableFromInline let decidedWords: Int
    @usableFromInline let chunks: UnsafeMutablePointer<Chunk<M>>
    @usableFromInline let chunkCount: Int
    @usableFromInline let workers: Int
    @usableFromInline let store: VisitedStore
    @usableFromInline let exact: Bool
    /// Exact storage compares encodings (``arena``), not states.
    @usableFromInline let encoded: Bool
    /// The encodings of the nodes numbered before this batch (encoded exact storage).
    @usableFromInline let arena: EncodingArena
    /// The states of the frontier (exact storage of states: of every node).
    @usableFromInline let frontier: StateSlab<M.State>
    /// The frontier's states from ``packedFrom`` on, as encodings (the ones before are in
    /// ``frontier``).
    @usableFromInline let packedFrontier: PackedFrontier
    @usableFromInline let packedFrom: Int
    /// Phase 4 packs the new states (``LevelSearch/packing``) instead of moving them to ``target``.
    @usableFromInline let packs: Bool
    /// Packed states are read from ``arena`` (``LevelSearch/packsIntoArena``).
    @usableFromInline let packsIntoArena: Bool
    /// Where new states go in phase 4.
    @usableFromInline let target: StateSlab<M.State>
    @usableFromInline let nodeMonitors: UnsafeMutablePointer<UInt16>
    @usableFromInline let atBound: Bool
    @usableFromInline let collectCoverage: Bool
    /// Phase 1 takes each frontier state out of the store to expand it and drops it after (the states
    /// are read no more unless every state is kept): no copy, whose retains of the arrays a state
    /// shares with others the workers would contend for, and each worker drops those of its chunks.
    @usableFromInline let dropsFrontier: Bool
    /// Explore the model's ample sets (partial-order reduction).
    @usableFromInline let partialOrder: Bool
    /// Single-successor steps are merged (``StepMerger``), or nil.
    @usableFromInline let merger: StepMerger<M>?
    /// The nodes numbered before the level being expanded: a successor among them closes a cycle
    /// of the reduced graph (or may), so its ample set is not taken.
    @usableFromInline let oldNodes: Int

    @inlinable
    init(
        search: LevelSearch<M>, worker: Int, openChecks: [Int], chunkCount: Int, atBound: Bool
    ) {
        let replica = search.replicas[worker]
        model = replica.model
        symmetry = search.symmetry
        classFingerprint = replica.classFingerprint
        properties = replica.properties
        responseProperties = search.responseProperties
        monitorOpen = search.monitorOpen
        width = search.width
        self.openChecks = openChecks
        decidedWords = (openChecks.count + 63) / 64
        chunks = search.chunks
        self.chunkCount = chunkCount
        workers = search.workers
        store = search.store
        exact = search.exact
        encoded = search.encoded
        arena = search.arena
        frontier = search.current
        packedFrontier = search.packedCurrent
        packedFrom = search.currentPackedFrom
        packs = search.packing
        packsIntoArena = search.packsIntoArena
        target = search.keepsStates ? search.current : search.upcoming
        nodeMonitors = search.monitors.base
        self.atBound = atBound
        collectCoverage = search.options.collectCoverage
        partialOrder = search.partialOrder
        merger = search.mergesSteps ? StepMerger(model: replica.model, properties: replica.properties) : nil
        dropsFrontier = !search.keepsStates
        oldNodes = search.levelStartNodes
    }

    // MARK: Phase 1

    /// Generates the successors of chunk `index`.
    @inlinable
    func generate(_ index: Int) {
        let chunk = chunks + index
        chunk.pointee.reset()
        var candidate: Int32 = 0
        var segment = packedFrontier.segmentIndex(of: max(packedFrom, chunk.pointee.firstNode))
        for node in chunk.pointee.firstNode..<chunk.pointee.endNode {
            let state: M.State
            if node >= packedFrom, packsIntoArena {
                state = unpack(arena.encoding(of: node), node: node)
            } else if node >= packedFrom {
                while packedFrontier.segments[segment].endNode <= node { segment += 1 }
                state = unpack(packedFrontier.segments[segment].encoding(of: node), node: node)
            } else {
                state = dropsFrontier ? (frontier.base + (node - frontier.origin)).move() : frontier[node]
            }
            chunk.pointee.actions.removeAll(keepingCapacity: true)
            model.actions(state, into: &chunk.pointee.actions)
            // What the state decides, which a run of merged steps from it must not change silently:
            // worked out by the first run that goes past its first state.
            var originDecisions: UInt64?
            if partialOrder, expandAmple(state, originDecisions: &originDecisions, chunk: chunk, candidate: &candidate) {
                chunk.pointee.finals.append(model.isFinal(state))
                continue
            }
            var enabled: UInt32 = 0
            for ordinal in 0..<chunk.pointee.actions.count {
                let action = chunk.pointee.actions[ordinal]
                guard var raw = model.next(state, action) else { continue }
                if let merger {
                    raw = merge(consume raw, by: merger, from: state, originDecisions: &originDecisions, chunk: chunk)
                }
                enabled &+= 1
                let (successor, plain) = represent(consume raw, chunk: chunk)
                var fingerprint = plain
                if width > 0 {
                    var hasher = StableHasher(seed: fingerprint)
                    let base = node * width
                    for slot in 0..<width {
                        var value: UInt16 = 0
                        if monitorOpen[slot] {
                            let property = properties[responseProperties[slot]]
                            let incoming = Int(nodeMonitors[base + slot]) - 1
                            let (obligation, missed) = property.advance(model, incoming: incoming, into: successor)
                            value = obligation < 0 ? 0 : UInt16(truncatingIfNeeded: obligation)
                            if missed, !atBound {
                                chunk.pointee.missedCandidates.append(candidate)
                                chunk.pointee.missedSlots.append(Int32(truncatingIfNeeded: slot))
                            }
                        }
                        chunk.pointee.monitors.append(value)
                        hasher.combine(UInt64(value))
                    }
                    fingerprint = hasher.finalize().rawValue
                }
                chunk.pointee.states.append(consume successor)
                chunk.pointee.fingerprints.append(fingerprint)
                record(ordinal, of: state, fingerprint: fingerprint, chunk: chunk, candidate: &candidate)
            }
            chunk.pointee.successorCounts.append(enabled)
            chunk.pointee.finals.append(model.isFinal(state))
        }
        let count = Int(candidate)
        chunk.pointee.status.reset(count: count, to: 0)
        for hole in chunk.pointee.states.holes { chunk.pointee.status[hole] = 3 }
        chunk.pointee.nodes.reset(count: count, to: .max)
        chunk.pointee.decided.reset(count: count * decidedWords, to: 0)
    }

    /// The state of frontier node `node`, decoded from its encoding.
    @inlinable
    func unpack(_ encoding: UnsafeBufferPointer<UInt8>, node: Int) -> M.State {
        guard let state = model.decode(encoding) else {
            preconditionFailure(
                "\(M.self).decode(_:) could not read back the \(encoding.count)-byte encoding of state \(node) "
                    + "that its fingerprint(_:recordingInto:) wrote (decodesStates promises it can)")
        }
        return state
    }

    /// Partial-order reduction: expands only the first ample set the model offers for `state` that
    /// passes, and returns true; or returns false, having added nothing, when none passes. A
    /// candidate fails when it is not a nonempty proper subset of the actions, when one of its
    /// actions turns out disabled, or when one of its successors was numbered before this level
    /// (the cycle proviso: every cycle of the reduced graph then passes a fully expanded state, so no
    /// action is ignored forever). A model with a ``Model/progress(_:)`` measure weakens the proviso:
    /// a successor numbered before fails the set only if its measure does not rise, and any successor
    /// whose measure falls does. The proviso reads the store, which no one writes in phase 1; in
    /// exact storage a tag match counts as a hit, and in compact and bitstate storage any hit does
    /// (a state of the next level found by an earlier batch, too), so it errs towards full
    /// expansion, never the other way, and depends on nothing that varies with the worker count.
    @inlinable
    func expandAmple(
        _ state: M.State, originDecisions: inout UInt64?, chunk: UnsafeMutablePointer<Chunk<M>>,
        candidate: inout Int32
    ) -> Bool {
        chunk.pointee.ample.removeAll()
        model.ampleSets(state, chunk.pointee.actions, into: &chunk.pointee.ample)
        guard chunk.pointee.ample.count > 0 else { return false }
        let progress = model.progress(state)
        for index in 0..<chunk.pointee.ample.count {
            let set = chunk.pointee.ample[index]
            if tryAmple(
                set, of: state, originDecisions: &originDecisions, progress: progress, chunk: chunk,
                candidate: &candidate)
            {
                return true
            }
        }
        return false
    }

    /// Adds the successors of `state` (whose ``Model/progress(_:)`` is `progress`, and whose
    /// ``StepMerger/decisions(_:)`` `originDecisions` caches) under the actions `set` and returns true,
    /// or adds nothing and returns false when the set fails (see
    /// ``expandAmple(_:originDecisions:chunk:candidate:)``).
    /// With merged steps, a successor is where its run ends, and the proviso judges that.
    @inlinable
    func tryAmple(
        _ set: ArraySlice<Int>, of state: M.State, originDecisions: inout UInt64?, progress: UInt64?,
        chunk: UnsafeMutablePointer<Chunk<M>>, candidate: inout Int32
    ) -> Bool {
        let actionCount = chunk.pointee.actions.count
        guard !set.isEmpty, set.count < actionCount else { return false }
        let firstState = chunk.pointee.states.count
        let encoderMark = chunk.pointee.encoder.count
        let firstEnd = chunk.pointee.encodingEnds.count
        let firstFingerprint = chunk.pointee.fingerprints.count
        var taken = true
        for ordinal in set {
            guard ordinal >= 0, ordinal < actionCount, var raw = model.next(state, chunk.pointee.actions[ordinal]) else {
                taken = false
                break
            }
            if let merger {
                raw = merge(consume raw, by: merger, from: state, originDecisions: &originDecisions, chunk: chunk)
            }
            let (successor, fingerprint) = represent(consume raw, chunk: chunk)
            if let progress {
                // The measured proviso (``Model/progress(_:)``): never a step down, and a step to a
                // state found before only upwards.
                let reached = model.progress(successor) ?? 0
                if reached < progress || reached == progress && isOld(fingerprint) {
                    taken = false
                    break
                }
            } else if isOld(fingerprint) {
                taken = false
                break
            }
            chunk.pointee.states.append(consume successor)
            chunk.pointee.fingerprints.append(fingerprint)
        }
        guard taken else {
            chunk.pointee.states.removeSuffix(from: firstState)
            chunk.pointee.fingerprints.removeSubrange(firstFingerprint...)
            chunk.pointee.encoder.truncate(to: encoderMark)
            chunk.pointee.encodingEnds.removeSubrange(firstEnd...)
            return false
        }
        for (offset, ordinal) in set.enumerated() {
            let fingerprint = chunk.pointee.fingerprints[firstFingerprint + offset]
            record(ordinal, of: state, fingerprint: fingerprint, chunk: chunk, candidate: &candidate)
        }
        chunk.pointee.successorCounts.append(UInt32(truncatingIfNeeded: set.count))
        return true
    }

    /// Where the run of merged steps from `successor` of `state` ends (``StepMerger``); its steps are
    /// counted.
    @inlinable
    func merge(
        _ successor: consuming M.State, by merger: StepMerger<M>, from state: M.State, originDecisions: inout UInt64?,
        chunk: UnsafeMutablePointer<Chunk<M>>
    ) -> M.State {
        merger.run(
            from: successor, origin: state, originDecisions: &originDecisions, steps: &chunk.pointee.mergedSteps,
            actions: &chunk.pointee.runActions)
    }

    /// Records the transition by action `ordinal` whose successor (with `fingerprint`) was just
    /// added: its coverage keys, its action, its shard, and the next candidate number.
    @inlinable
    func record(
        _ ordinal: Int, of state: M.State, fingerprint: UInt64, chunk: UnsafeMutablePointer<Chunk<M>>,
        candidate: inout Int32
    ) {
        if collectCoverage {
            chunk.pointee.keyScratch.removeAll(keepingCapacity: true)
            model.coverageKeys(state, chunk.pointee.actions[ordinal], into: &chunk.pointee.keyScratch)
            chunk.pointee.coverageKeys.append(contentsOf: chunk.pointee.keyScratch)
            chunk.pointee.coverageCounts.append(UInt16(clamping: chunk.pointee.keyScratch.count))
        }
        chunk.pointee.vias.append(UInt32(truncatingIfNeeded: ordinal))
        if let earlier = chunk.pointee.repeats.insert(candidate, fingerprint: fingerprint, of: chunk.pointee.fingerprints),
            !exact || isSame(Int(earlier), Int(candidate), in: chunk)
        {
            // A repeat of an earlier successor of this chunk: phase 2 would find it seen before.
            // Dropped now, while it is in cache, not in phase 4.
            chunk.pointee.states.punch(Int(candidate))
        } else {
            chunk.pointee.shardCounts[VisitedStore.shard(of: fingerprint)] &+= 1
        }
        candidate &+= 1
    }

    /// Exact storage: whether successors `earlier` and `later` of the same chunk are the same.
    @inlinable
    func isSame(_ earlier: Int, _ later: Int, in chunk: UnsafeMutablePointer<Chunk<M>>) -> Bool {
        for slot in 0..<width
        where chunk.pointee.monitors[earlier * width + slot] != chunk.pointee.monitors[later * width + slot] {
            return false
        }
        if encoded { return chunk.pointee.encoding(earlier).sameBytes(as: chunk.pointee.encoding(later)) }
        return chunk.pointee.states.base[earlier] == chunk.pointee.states.base[later]
    }

    /// The representative of a successor under symmetry (the successor itself when the search expands
    /// originals, ``classFingerprint``) and the representative's fingerprint, its encoding appended to
    /// the chunk's in encoded exact storage.
    ///
    /// The successor is moved, never copied: a copy retains every array of the state, and the arrays a
    /// successor shares with its ancestors are shared with states on other workers too. (The
    /// fingerprint is taken before the return: `return (successor, fingerprint(of: successor))` copied.)
    @inlinable
    func represent(_ raw: consuming M.State, chunk: UnsafeMutablePointer<Chunk<M>>) -> (M.State, UInt64) {
        var successor = consume raw
        if classFingerprint == nil, let symmetry { successor = symmetry.representative(of: successor, in: model) }
        let fingerprint: UInt64
        if encoded {
            fingerprint = model.storedFingerprint(
                of: successor, by: classFingerprint, recordingInto: &chunk.pointee.encoder)
            chunk.pointee.encodingEnds.append(chunk.pointee.encoder.count)
        } else {
            fingerprint = model.storedFingerprint(of: successor, by: classFingerprint, recordingInto: nil)
        }
        return (consume successor, fingerprint)
    }

    /// Whether a state with `fingerprint` may be one numbered before this level
    /// (see ``expandAmple(_:originDecisions:chunk:candidate:)``).
    @inlinable
    func isOld(_ fingerprint: UInt64) -> Bool {
        let shardIndex = VisitedStore.shard(of: fingerprint)
        if let bitArray = store.bitArray { return bitArray.contains(fingerprint, shard: shardIndex) }
        let shard = store.shards + shardIndex
        if exact {
            let mask = shard.pointee.mask
            let words = shard.pointee.words
            let tag = Shard.tag(fingerprint)
            var slot = Int(truncatingIfNeeded: tag) & mask
            while true {
                let stored = words[slot]
                if stored == 0 { break }
                if stored >> 32 == tag, Int(UInt32(truncatingIfNeeded: stored) & ~Shard.pendingFlag) <= oldNodes {
                    return true
                }
                slot = (slot &+ 1) & mask
            }
            return shard.pointee.runWords(tag: tag).contains { Int(UInt32(truncatingIfNeeded: $0)) <= oldNodes }
        }
        return shard.pointee.containsCompact(Shard.key(fingerprint))
    }

    // MARK: Phase 2

    /// Deduplicates the successors of every chunk that fall in the shards of `worker`, in frontier
    /// order, against the store and against each other.
    @inlinable
    func deduplicate(_ worker: Int) {
        if !atBound, store.bitArray == nil {
            for shard in stride(from: worker, to: VisitedStore.shardCount, by: workers) {
                var extra = 0
                for index in 0..<chunkCount { extra += chunks[index].shardCounts[shard] }
                store.shards[shard].reserve(extra: extra)
            }
        }
        for index in 0..<chunkCount {
            let fingerprints = chunks[index].fingerprints
            let status = chunks[index].status
            for candidate in 0..<fingerprints.count {
                let fingerprint = fingerprints[candidate]
                let shard = VisitedStore.shard(of: fingerprint)
                guard shard % workers == worker else { continue }
                if status[candidate] == 3 {
                    status[candidate] = 0
                    continue
                }
                let fresh: Bool
                if let bitArray = store.bitArray {
                    fresh = atBound
                        ? !bitArray.contains(fingerprint, shard: shard) : bitArray.testAndSet(fingerprint, shard: shard)
                } else {
                    fresh = probe(shard: shard, fingerprint: fingerprint, chunk: index, candidate: candidate)
                }
                guard fresh else {
                    status[candidate] = 0
                    continue
                }
                status[candidate] = atBound ? 2 : 1
                if !atBound, decidedWords > 0 { evaluate(chunk: index, candidate: candidate) }
            }
        }
    }

    /// Looks a successor up in its shard and inserts it as pending when absent (not at the bound).
    /// Returns whether it was absent.
    @inlinable
    func probe(shard index: Int, fingerprint: UInt64, chunk: Int, candidate: Int) -> Bool {
        let shard = store.shards + index
        guard exact else {
            let key = Shard.key(fingerprint)
            return atBound ? !shard.pointee.containsCompact(key) : shard.pointee.insertCompact(key)
        }
        let mask = shard.pointee.mask
        let words = shard.pointee.words
        let tag = Shard.tag(fingerprint)
        var slot = Int(truncatingIfNeeded: tag) & mask
        while true {
            let stored = words[slot]
            if stored == 0 { break }
            if stored >> 32 == tag,
                isSame(shard.pointee, UInt32(truncatingIfNeeded: stored), chunk: chunk, candidate: candidate)
            {
                return false
            }
            slot = (slot &+ 1) & mask
        }
        for stored in shard.pointee.runWords(tag: tag)
        where isSame(shard.pointee, UInt32(truncatingIfNeeded: stored), chunk: chunk, candidate: candidate) {
            return false
        }
        guard !atBound else { return true }
        let pending = Shard.pendingFlag | UInt32(truncatingIfNeeded: shard.pointee.pendingSlots.count)
        words[slot] = tag << 32 | UInt64(pending)
        shard.pointee.count &+= 1
        shard.pointee.pendingSlots.append(slot)
        shard.pointee.pendingReferences.append(UInt64(chunk) << 32 | UInt64(candidate))
        return true
    }

    /// Exact storage: whether the node (plus one) or pending successor `value` equals the successor.
    @inlinable
    func isSame(_ shard: Shard, _ value: UInt32, chunk: Int, candidate: Int) -> Bool {
        if value & Shard.pendingFlag != 0 {
            let reference = shard.pendingReferences[Int(value & ~Shard.pendingFlag)]
            let otherChunk = Int(truncatingIfNeeded: reference >> 32)
            let other = Int(truncatingIfNeeded: reference & 0xFFFF_FFFF)
            if width > 0 {
                for slot in 0..<width
                where chunks[otherChunk].monitors[other * width + slot] != chunks[chunk].monitors[candidate * width + slot] {
                    return false
                }
            }
            if encoded { return chunks[otherChunk].encoding(other).sameBytes(as: chunks[chunk].encoding(candidate)) }
            return chunks[otherChunk].states[other] == chunks[chunk].states[candidate]
        }
        let node = Int(value) - 1
        if width > 0 {
            for slot in 0..<width
            where nodeMonitors[node * width + slot] != chunks[chunk].monitors[candidate * width + slot] {
                return false
            }
        }
        if encoded { return arena.encoding(of: node).sameBytes(as: chunks[chunk].encoding(candidate)) }
        return frontier.base[node - frontier.origin] == chunks[chunk].states[candidate]
    }

    /// Evaluates the open state properties on a new successor.
    @inlinable
    func evaluate(chunk index: Int, candidate: Int) {
        let place = chunks[index].states.base + candidate
        // Exact storage without encodings compares states in place while others evaluate: copy.
        guard encoded || !exact else { return evaluate(place.pointee, chunk: index, candidate: candidate) }
        // Moved out and back: a copy would retain every array the state holds.
        let state = place.move()
        evaluate(state, chunk: index, candidate: candidate)
        place.initialize(to: consume state)
    }

    @inlinable
    func evaluate(_ state: M.State, chunk index: Int, candidate: Int) {
        let decided = chunks[index].decided
        for (bit, property) in openChecks.enumerated() {
            let holds = properties[property].condition(model, state)
            let decides = properties[property].kind == .sometimes ? holds : !holds
            if decides { decided[candidate * decidedWords + bit >> 6] |= 1 << UInt64(bit & 63) }
        }
    }

    // MARK: Phase 4

    /// Moves the numbered successors of `worker`'s chunks into the state store and resolves the
    /// pending slots of its shards to node numbers.
    @inlinable
    func publish(_ worker: Int) {
        for index in 0..<chunkCount where chunks[index].worker == worker {
            if packs {
                pack(chunks + index)
                continue
            }
            let nodes = chunks[index].nodes
            // Numbered successors move to the store; the rest are dropped here, while still in cache.
            chunks[index].states.drain { candidate in
                candidate < nodes.count && nodes[candidate] != .max
                    ? target.base + (Int(nodes[candidate]) - target.origin) : nil
            }
        }
        guard exact else { return }
        for index in stride(from: worker, to: VisitedStore.shardCount, by: workers) {
            let shard = store.shards + index
            let words = shard.pointee.words
            for (position, slot) in shard.pointee.pendingSlots.enumerated() {
                let reference = shard.pointee.pendingReferences[position]
                let chunk = Int(truncatingIfNeeded: reference >> 32)
                let node = chunks[chunk].nodes[Int(truncatingIfNeeded: reference & 0xFFFF_FFFF)]
                // A candidate left unnumbered (the search stopped) keeps its pending mark.
                if node != .max { words[slot] = (words[slot] & 0xFFFF_FFFF_0000_0000) | UInt64(node + 1) }
            }
            shard.pointee.pendingSlots.removeAll(keepingCapacity: true)
            shard.pointee.pendingReferences.removeAll(keepingCapacity: true)
        }
    }
}

extension BatchContext {
    /// A packed frontier's phase 4 for one chunk: encodes its numbered successors, in node order, into
    /// the segment the search appends to the next level, and drops every successor. When the arena
    /// already holds their encodings (``packsIntoArena``), it only drops them.
    @inlinable
    func pack(_ chunk: UnsafeMutablePointer<Chunk<M>>) {
        if packsIntoArena { return chunk.pointee.states.drain { _ in nil } }
        let nodes = chunk.pointee.nodes
        var encoder = chunk.pointee.packEncoder
        var ends = chunk.pointee.packEnds
        encoder.removeAll()
        ends.removeAll(keepingCapacity: true)
        var firstNode: Int?
        chunk.pointee.states.drain(visiting: { candidate, place in
            guard candidate < nodes.count, nodes[candidate] != .max else { return }
            if firstNode == nil { firstNode = Int(nodes[candidate]) }
            _ = model.fingerprint(place.pointee, recordingInto: &encoder)
            ends.append(encoder.count)
        })
        chunk.pointee.packed = firstNode.map { PackedSegment(firstNode: $0, encoder: encoder, ends: ends) }
        chunk.pointee.packEncoder = encoder
        chunk.pointee.packEnds = ends
    }
}

/// Phase 1's open-addressing table of one chunk's successors by fingerprint: a successor equal to an
/// earlier one of the same chunk (a diamond: two orders of the same steps from neighbouring frontier
/// states) is dropped at once, while its memory is in cache. Phase 2 would have found it seen before.
@usableFromInline
struct RepeatTable {
    /// Candidate + 1 per slot, 0 when empty.
    @usableFromInline var slots: UnsafeMutablePointer<Int32>
    @usableFromInline var mask: Int
    @usableFromInline var count = 0

    @usableFromInline
    init(capacity: Int = 1 << 12) {
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    @inlinable
    var bytes: Int { (mask + 1) * 4 }

    @inlinable
    mutating func removeAll() {
        guard count > 0 else { return }
        slots.update(repeating: 0, count: mask + 1)
        count = 0
    }

    @usableFromInline
    func release() { slots.deallocate() }

    @inlinable
    static func slot(_ fingerprint: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: fingerprint >> 29) & mask }

    /// The earliest candidate with `fingerprint` before `candidate` (`fingerprints` holds every
    /// candidate's up to `candidate`), or nil after recording `candidate` as the first with it.
    /// Only a candidate that is no repeat is recorded, so the one found is one phase 2 inserts.
    @inlinable
    mutating func insert(_ candidate: Int32, fingerprint: UInt64, of fingerprints: [UInt64]) -> Int32? {
        var slot = Self.slot(fingerprint, mask)
        while slots[slot] != 0 {
            let earlier = slots[slot] - 1
            if fingerprints[Int(earlier)] == fingerprint { return earlier }
            slot = (slot &+ 1) & mask
        }
        slots[slot] = candidate + 1
        count &+= 1
        if count * 2 > mask { grow(fingerprints) }
        return nil
    }

    @usableFromInline
    mutating func grow(_ fingerprints: [UInt64]) {
        let old = slots
        let oldCapacity = mask + 1
        mask = oldCapacity * 2 - 1
        slots = .allocate(capacity: oldCapacity * 2)
        slots.initialize(repeating: 0, count: oldCapacity * 2)
        for index in 0..<oldCapacity where old[index] != 0 {
            var slot = Self.slot(fingerprints[Int(old[index] - 1)], mask)
            while slots[slot] != 0 { slot = (slot &+ 1) & mask }
            slots[slot] = old[index]
        }
        old.deallocate()
    }
}
