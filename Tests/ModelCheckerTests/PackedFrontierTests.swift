@testable import ModelChecker
import Testing

/// A model that forwards to `Base` and decodes its states (``Model/decodesStates``) with `read`,
/// so the breadth-first search keeps its frontier as encodings.
struct Packing<Base: Model>: Model where Base.State: StableHashable {
    var base: Base
    var read: @Sendable (inout StateDecoder) throws(StateDecoder.Failure) -> Base.State
    var properties: [Property<Packing<Base>>] = []
    /// Offer ``decode(_:)`` at all (off: the frontier keeps values).
    var decodes = true

    var initialStates: [Base.State] { base.initialStates }
    func actions(_ state: Base.State, into actions: inout [Base.Action]) { base.actions(state, into: &actions) }
    func next(_ state: Base.State, _ action: Base.Action) -> Base.State? { base.next(state, action) }
    func isFinal(_ state: Base.State) -> Bool { base.isFinal(state) }
    func ampleSets(_ state: Base.State, _ actions: [Base.Action], into candidates: inout AmpleCandidates) {
        base.ampleSets(state, actions, into: &candidates)
    }
    func progress(_ state: Base.State) -> UInt64? { base.progress(state) }

    var encodesStates: Bool { true }

    func fingerprint(_ state: Base.State, recordingInto encoder: UnsafeMutablePointer<StateEncoder>) -> Fingerprint {
        var hasher = StableHasher(recordingInto: encoder)
        state.stableHash(into: &hasher)
        return hasher.finalize()
    }

    var decodesStates: Bool { decodes }

    func decode(_ encoding: UnsafeBufferPointer<UInt8>) -> Base.State? {
        var decoder = StateDecoder(encoding)
        do throws(StateDecoder.Failure) {
            let state = try read(&decoder)
            try decoder.finish()
            return state
        } catch {
            return nil
        }
    }
}

extension Packing where Base == TwoPhase {
    @Sendable
    static func outcomes(_ d: inout StateDecoder) throws(StateDecoder.Failure) -> [TwoPhase.Outcome] {
        var list: [TwoPhase.Outcome] = []
        for _ in 0..<(try d.count()) { list.append(try outcome(&d)) }
        return list
    }

    @Sendable
    static func outcome(_ d: inout StateDecoder) throws(StateDecoder.Failure) -> TwoPhase.Outcome {
        let start = d.offset
        guard let value = TwoPhase.Outcome(rawValue: UInt8(try d.tag(below: 3))) else {
            throw StateDecoder.Failure(offset: start, expected: "an outcome")
        }
        return value
    }

    static func twoPhase(decodes: Bool = true, misreading: Bool = false) -> Self {
        let agreement = Property<Packing<TwoPhase>>.always("agreement") { _, state in
            !(state.outcomes.contains(.committed) && state.outcomes.contains(.aborted))
        }
        return Packing(
            base: TwoPhase(buggy: true),
            read: { (d: inout StateDecoder) throws(StateDecoder.Failure) in
                var state = TwoPhase.State()
                state.votes = []
                for _ in 0..<(try d.count()) {
                    let start = d.offset
                    guard let vote = TwoPhase.Vote(rawValue: UInt8(try d.tag(below: 3))) else {
                        throw StateDecoder.Failure(offset: start, expected: "a vote")
                    }
                    state.votes.append(vote)
                }
                state.decision = try outcome(&d)
                state.outcomes = try outcomes(&d)
                // A decoder with a bug: it reads every state as the initial one.
                return misreading ? TwoPhase.State() : state
            },
            properties: [agreement], decodes: decodes)
    }
}

extension Packing where Base == IndependentCounters {
    static func counters(_ base: IndependentCounters, decodes: Bool = true) -> Self {
        let properties: [Property<Packing<IndependentCounters>>] = [
            .always("counter 0 below limit") { model, s in s[0] < model.base.limit },
            .sometimes("all done") { model, s in s.allSatisfy { $0 == model.base.limit } },
        ]
        return Packing(
            base: base,
            read: { (d: inout StateDecoder) throws(StateDecoder.Failure) in
                var counters: [Int] = []
                for _ in 0..<(try d.count()) { counters.append(try d.int()) }
                return counters
            },
            properties: properties, decodes: decodes)
    }
}

@Suite struct PackedFrontierTests {
    static let storages: [CheckOptions.Storage] = [.exact, .compact, .bitstate]

    @Test("A packed frontier finds the same states, transitions, depth, verdicts and counterexample",
          arguments: storages, [1, 2])
    func sameAsValues(storage: CheckOptions.Storage, workers: Int) {
        var options = CheckOptions(storage: storage, stopWhenAllDecided: false, workers: workers)
        options.frontierPacking = .always
        let values = Packing.twoPhase(decodes: false).check(options: options)
        let packed = Packing.twoPhase().check(options: options)
        #expect(packed.states == values.states)
        #expect(packed.transitions == values.transitions)
        #expect(packed.maxDepth == values.maxDepth)
        #expect(packed.verdict("agreement")?.isFailure == true)
        #expect(packed.verdict("agreement")?.path?.states == values.verdict("agreement")?.path?.states)
        #expect(packed.deadlocks.count == values.deadlocks.count)
        #expect(values.store?.packedFromState == nil)
        #expect(packed.store?.packedFromState == 0)
    }

    @Test("The packed frontier is what the search expands: a decoder that misreads changes the result")
    func decoderIsUsed() {
        var options = CheckOptions(storage: .compact, stopWhenAllDecided: false)
        options.frontierPacking = .always
        let values = Packing.twoPhase(decodes: false).check(options: options)
        let misread = Packing.twoPhase(misreading: true).check(options: options)
        #expect(misread.states != values.states)
    }

    @Test("Partial-order reduction over a packed frontier keeps the same reduced graph", arguments: [1, 2])
    func partialOrder(workers: Int) {
        var options = CheckOptions(storage: .compact, stopWhenAllDecided: false, workers: workers)
        options.partialOrder = true
        options.frontierPacking = .always
        let base = IndependentCounters(count: 3, limit: 3)
        let values = Packing.counters(base, decodes: false).check(options: options)
        let packed = Packing.counters(base).check(options: options)
        #expect(packed.states == values.states)
        #expect(packed.transitions == values.transitions)
        #expect(packed.states < 64)  // reduced: the full graph has 4^3
        #expect(packed.verdict("all done")?.isFailure == false)
    }

    @Test("Packing that starts in the middle of a level (auto) gives the same results", arguments: [1, 2])
    func switchMidLevel(workers: Int) {
        // 7^6 states; the widest levels take two batches of one worker's 8,192 entries.
        let base = IndependentCounters(count: 6, limit: 6, offers: false)
        var options = CheckOptions(storage: .compact, stopWhenAllDecided: false, workers: workers)
        options.frontierPacking = .never
        let values = Packing.counters(base, decodes: false).check(options: options)
        options.frontierPacking = .auto
        options.packingFromNode = 50_000
        let packed = Packing.counters(base).check(options: options)
        #expect(values.states == 7 * 7 * 7 * 7 * 7 * 7)
        #expect((packed.store?.packedFromState ?? 0) >= 50_000)
        #expect(packed.states == values.states)
        #expect(packed.transitions == values.transitions)
        #expect(packed.maxDepth == values.maxDepth)
        #expect(packed.verdict("counter 0 below limit")?.path?.states
            == values.verdict("counter 0 below limit")?.path?.states)
    }

    @Test("Turning the option off keeps values even when the model decodes")
    func optionOff() {
        var options = CheckOptions(storage: .compact, stopWhenAllDecided: false)
        options.frontierPacking = .never
        // The misreading decoder is never asked, so the result is the faithful one.
        let values = Packing.twoPhase(decodes: false).check(options: options)
        let misread = Packing.twoPhase(misreading: true).check(options: options)
        #expect(misread.states == values.states)
    }

    @Test("StateDecoder reads words, strings and counts back, and names the offset of what it cannot read")
    func decoder() throws {
        var encoder = StateEncoder(capacity: 16)
        defer { encoder.release() }
        var hasher = StableHasher(recordingInto: &encoder)
        hasher.combine(-5)
        hasher.combine(true)
        hasher.combine("")
        hasher.combine("héllo, wörld!")
        hasher.combine(UInt64.max)
        var decoder = StateDecoder(encoder.all)
        #expect(try decoder.int() == -5)
        #expect(try decoder.bool() == true)
        #expect(try decoder.string() == "")
        #expect(try decoder.string() == "héllo, wörld!")
        #expect(try decoder.word() == .max)
        try decoder.finish()
        #expect(throws: StateDecoder.Failure.self) { try decoder.word() }

        let truncated = Array(encoder.all.dropLast())
        truncated.withUnsafeBufferPointer { bytes in
            var reader = StateDecoder(bytes)
            #expect((try? reader.int()) == -5)
            _ = try? reader.bool()
            _ = try? reader.string()
            _ = try? reader.string()
            #expect(throws: StateDecoder.Failure.self) { try reader.word() }
        }
        [UInt8(2)].withUnsafeBufferPointer { bytes in
            var reader = StateDecoder(bytes)
            #expect(throws: StateDecoder.Failure(offset: 0, expected: "a Bool (0 or 1)")) { try reader.bool() }
        }
        [UInt8(3)].withUnsafeBufferPointer { bytes in
            var reader = StateDecoder(bytes)
            #expect(throws: StateDecoder.Failure.self) { try reader.tag(below: 3) }
        }
    }
}
