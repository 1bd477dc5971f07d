import ModelChecker
import Testing

/// A model that forwards to `Base` and offers its states' encodings (``Model/encodesStates``), with
/// an optional weak fingerprint of `fingerprintBits` bits so that distinct states collide.
struct Encoded<Base: Model>: Model where Base.State: StableHashable {
    var base: Base
    var fingerprintBits: Int = 64
    /// False: the checker keeps and compares the states themselves (the fingerprint stays weak).
    var encodes = true

    var initialStates: [Base.State] { base.initialStates }
    func actions(_ state: Base.State, into actions: inout [Base.Action]) { base.actions(state, into: &actions) }
    func next(_ state: Base.State, _ action: Base.Action) -> Base.State? { base.next(state, action) }
    var properties: [Property<Encoded<Base>>] = []
    func isFinal(_ state: Base.State) -> Bool { base.isFinal(state) }

    var encodesStates: Bool { encodes }

    func fingerprint(_ state: Base.State) -> Fingerprint { weaken(Fingerprint(of: state)) }

    func fingerprint(_ state: Base.State, recordingInto encoder: UnsafeMutablePointer<StateEncoder>) -> Fingerprint {
        var hasher = StableHasher(recordingInto: encoder)
        state.stableHash(into: &hasher)
        return weaken(hasher.finalize())
    }

    func weaken(_ fingerprint: Fingerprint) -> Fingerprint {
        fingerprintBits >= 64 ? fingerprint : Fingerprint(rawValue: fingerprint.rawValue & ((1 << UInt64(fingerprintBits)) - 1))
    }
}

@Suite struct EncodedStorageTests {
    @Test("Exact storage of encodings finds the same states, transitions, depth and verdicts as exact storage of states",
          arguments: [1, 2])
    func sameAsStates(workers: Int) {
        let options = CheckOptions(stopWhenAllDecided: false, workers: workers)
        let plain = TwoPhase(buggy: true).check(options: options)
        let agreement = Property<Encoded<TwoPhase>>.always("agreement") { _, state in
            !(state.outcomes.contains(.committed) && state.outcomes.contains(.aborted))
        }
        let encoded = Encoded(base: TwoPhase(buggy: true), properties: [agreement]).check(options: options)
        #expect(encoded.states == plain.states)
        #expect(encoded.transitions == plain.transitions)
        #expect(encoded.maxDepth == plain.maxDepth)
        #expect(encoded.verdict("agreement")?.path?.count == plain.verdict("agreement")?.path?.count)
        #expect(encoded.verdict("agreement")?.isFailure == true)
    }

    @Test("States whose fingerprints collide stay apart: they are compared by encoding", arguments: [1, 2])
    func collisionsKeptApart(workers: Int) {
        // 8 bits of fingerprint for 8 × 2^8 = 2048 states: most collide.
        let model = Encoded(base: TokenRing(size: 8), fingerprintBits: 8)
        let exact = model.check(options: CheckOptions(workers: workers))
        #expect(exact.states == 8 << 8)
        #expect(exact.transitions == 2 * (8 << 8))
        // Hash compaction trusts the fingerprint, so it merges them.
        let compact = model.check(options: CheckOptions(storage: .compact, workers: workers))
        #expect(compact.states <= 256)
    }

    @Test("States whose fingerprints collide stay apart when the checker compares states, not encodings",
          arguments: [1, 2])
    func collisionsKeptApartByState(workers: Int) {
        let model = Encoded(base: TokenRing(size: 8), fingerprintBits: 8, encodes: false)
        let exact = model.check(options: CheckOptions(workers: workers))
        #expect(exact.states == 8 << 8)
        #expect(exact.transitions == 2 * (8 << 8))
    }

    @Test("The encoder writes words as varints, low seven bits first")
    func varints() {
        var encoder = StateEncoder(capacity: 16)
        defer { encoder.release() }
        for word: UInt64 in [0, 127, 128, 300, .max] { encoder.append(word) }
        let bytes = Array(encoder.all)
        #expect(bytes == [0, 127, 0x80, 1, 0xAC, 2] + Array(repeating: 0xFF, count: 9) + [1])
    }

    @Test("A hasher that records gives the same fingerprint as one that does not")
    func recordingKeepsFingerprint() {
        let encoder = UnsafeMutablePointer<StateEncoder>.allocate(capacity: 1)
        encoder.initialize(to: StateEncoder())
        defer {
            encoder.pointee.release()
            encoder.deallocate()
        }
        var recording = StableHasher(seed: 7, recordingInto: encoder)
        var plain = StableHasher(seed: 7)
        recording.combine("alice")
        recording.combine(42)
        plain.combine("alice")
        plain.combine(42)
        #expect(recording.finalize() == plain.finalize())
        // "alice": the length 5, then its five bytes packed in one word (6 varint bytes); then 42.
        let packed = UInt64(0x65_63_69_6C_61)
        var expected = StateEncoder()
        defer { expected.release() }
        for word in [5, packed, 42] { expected.append(word) }
        #expect(Array(encoder.pointee.all) == Array(expected.all))
    }
}
