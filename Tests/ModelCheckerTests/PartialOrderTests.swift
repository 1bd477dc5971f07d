import ModelChecker
import Testing

/// `count` independent processes, each stepping its counter from 0 to `limit`. Process `i`'s steps
/// touch only counter `i`, so any one process's enabled step is an ample set. A run is final when
/// every counter is at `limit`, unless `stuck`: then that state is a deadlock.
struct IndependentCounters: Model {
    let count: Int
    let limit: Int
    var stuck = false
    /// Offer ample sets at all (off: the full graph).
    var offers = true

    var initialStates: [[Int]] { [Array(repeating: 0, count: count)] }

    func actions(_ state: [Int], into actions: inout [Int]) {
        for i in 0..<count where state[i] < limit { actions.append(i) }
    }

    func next(_ state: [Int], _ action: Int) -> [Int]? {
        var s = state
        s[action] += 1
        return s
    }

    func isFinal(_ state: [Int]) -> Bool { !stuck && state.allSatisfy { $0 == limit } }

    /// Sticky: once counter 0 is past half, it stays so; and a `sometimes` that only the final state meets.
    var properties: [Property<IndependentCounters>] {
        [
            .always("counter 0 below limit") { model, s in s[0] < model.limit },
            .sometimes("all done") { model, s in s.allSatisfy { $0 == model.limit } },
        ]
    }

    func ampleSets(_ state: [Int], _ actions: [Int], into candidates: inout AmpleCandidates) {
        guard offers, actions.count > 1 else { return }
        candidates.add([0])
    }
}

/// A dial's position and a switch: the state of ``SpinnerAndSwitch`` (the dial spins) and of
/// ``Ladder`` (the dial is a rung).
struct DialAndSwitch: Hashable, Sendable, StableHashable {
    var spinner: Int
    var flipped: Bool

    var height: Int {
        get { spinner }
        set { spinner = newValue }
    }

    init(spinner: Int, flipped: Bool) {
        self.spinner = spinner
        self.flipped = flipped
    }

    init(height: Int, flipped: Bool) { self.init(spinner: height, flipped: flipped) }

    func stableHash(into hasher: inout StableHasher) {
        spinner.stableHash(into: &hasher)
        flipped.stableHash(into: &hasher)
    }
}

/// Process A spins in a cycle of three local states; process B may take one step to a bad state.
/// An ample set of A's step alone is valid in every state (A and B are independent), but without the
/// cycle proviso B's step would be ignored forever and the violation never found.
struct SpinnerAndSwitch: Model {
    /// Offer `flip` as a second candidate, for when `spin` fails the proviso.
    var secondCandidate = false

    var initialStates: [Pair] { [Pair(spinner: 0, flipped: false)] }

    typealias Pair = DialAndSwitch

    func actions(_ state: Pair, into actions: inout [String]) {
        actions.append("spin")
        if !state.flipped { actions.append("flip") }
    }

    func next(_ state: Pair, _ action: String) -> Pair? {
        var s = state
        if action == "spin" { s.spinner = (s.spinner + 1) % 3 } else { s.flipped = true }
        return s
    }

    var properties: [Property<SpinnerAndSwitch>] { [.always("never flipped") { _, s in !s.flipped }] }

    func ampleSets(_ state: Pair, _ actions: [String], into candidates: inout AmpleCandidates) {
        guard actions.count > 1 else { return }
        candidates.add([0])  // spin
        if secondCandidate { candidates.add([1]) }  // flip
    }
}

extension SpinnerAndSwitch {
    /// The same model with a progress measure: any state function must fall or stay put somewhere
    /// on the spinner's cycle, so the violation must still be found.
    struct Measured: Model {
        var inner = SpinnerAndSwitch()
        let measure: @Sendable (Pair) -> UInt64

        var initialStates: [Pair] { inner.initialStates }
        func actions(_ state: Pair, into actions: inout [String]) { inner.actions(state, into: &actions) }
        func next(_ state: Pair, _ action: String) -> Pair? { inner.next(state, action) }
        var properties: [Property<Measured>] { [.always("never flipped") { _, s in !s.flipped }] }
        func ampleSets(_ state: Pair, _ actions: [String], into candidates: inout AmpleCandidates) {
            inner.ampleSets(state, actions, into: &candidates)
        }
        func progress(_ state: Pair) -> UInt64? { measure(state) }
    }
}

/// A rung counter that climbs one step at a time, or two from the bottom, and a switch that may flip
/// once. The climb's steps are the ample set (independent of the switch). From rung 1 the climb
/// reaches rung 2, already found from rung 0 by the jump: the plain proviso refuses the set there
/// (and expands the flip too), while a measure that rises with the rung lets it pass.
struct Ladder: Model {
    var measured: Bool

    typealias Rung = DialAndSwitch

    var initialStates: [Rung] { [Rung(height: 0, flipped: false)] }

    func actions(_ state: Rung, into actions: inout [String]) {
        if state.height < 3 { actions.append("climb") }
        if state.height == 0 { actions.append("jump") }
        if !state.flipped { actions.append("flip") }
    }

    func next(_ state: Rung, _ action: String) -> Rung? {
        var s = state
        switch action {
        case "climb": s.height += 1
        case "jump": s.height += 2
        default: s.flipped = true
        }
        return s
    }

    var properties: [Property<Ladder>] {
        [.always("at most rung 3") { _, s in s.height <= 3 }, .sometimes("flipped") { _, s in s.flipped }]
    }

    func ampleSets(_ state: Rung, _ actions: [String], into candidates: inout AmpleCandidates) {
        candidates.add(actions.indices.filter { actions[$0] != "flip" })
    }

    func progress(_ state: Rung) -> UInt64? {
        measured ? UInt64(state.height) + (state.flipped ? 1 : 0) : nil
    }
}

@Suite struct CheckerPartialOrderTests {
    @Test("Independent counters: the reduced graph is one interleaving, with the same verdicts")
    func countersReduce() {
        let model = IndependentCounters(count: 3, limit: 3)
        var options = CheckOptions()
        let full = model.check(options: options)
        options.partialOrder = true
        let reduced = model.check(options: options)
        #expect(full.states == 64)
        // Process 0 first, then 1, then 2: one path of 3 × 3 steps.
        #expect(reduced.states == 10)
        #expect(reduced.transitions == 9)
        #expect(reduced.properties.map(\.verdict.name) == full.properties.map(\.verdict.name))
        #expect(reduced.verdict("counter 0 below limit")?.isFailure == true)
        #expect(reduced.verdict("all done")?.isFailure == false)
        #expect(reduced.store?.partialOrderReduced == true)
        #expect(full.store?.partialOrderReduced == false)
    }

    @Test("Deadlocks survive the reduction")
    func deadlocksKept() {
        let model = IndependentCounters(count: 3, limit: 3, stuck: true)
        var options = CheckOptions()
        options.partialOrder = true
        let reduced = model.check(options: options)
        #expect(reduced.deadlocks.count == 1)
        #expect(reduced.deadlocks.path?.lastState == [3, 3, 3])
    }

    @Test("The cycle proviso: a step ignored on a cycle of ample sets is taken after all")
    func cycleProviso() {
        var options = CheckOptions()
        options.partialOrder = true
        for storage in [CheckOptions.Storage.exact, .compact, .bitstate] {
            options.storage = storage
            let result = SpinnerAndSwitch().check(options: options)
            #expect(result.verdict("never flipped")?.isFailure == true, "\(storage)")
        }
    }

    @Test("A progress measure cannot hide a step on a cycle: every measure falls or stays put around it")
    func measuredCycleProviso() {
        var options = CheckOptions()
        options.partialOrder = true
        let measures: [@Sendable (SpinnerAndSwitch.Pair) -> UInt64] = [
            { _ in 7 }, { UInt64($0.spinner) }, { UInt64(2 - $0.spinner) }, { $0.flipped ? 9 : 1 },
        ]
        for (index, measure) in measures.enumerated() {
            for storage in [CheckOptions.Storage.exact, .compact, .bitstate] {
                options.storage = storage
                let result = SpinnerAndSwitch.Measured(measure: measure).check(options: options)
                #expect(result.verdict("never flipped")?.isFailure == true, "measure \(index), \(storage)")
            }
        }
    }

    @Test("A rising measure keeps an ample set whose successor was found before")
    func measuredProvisoKeepsAmpleSets() {
        var options = CheckOptions()
        options.partialOrder = true
        for storage in [CheckOptions.Storage.exact, .compact] {
            options.storage = storage
            let plain = Ladder(measured: false).check(options: options)
            let measured = Ladder(measured: true).check(options: options)
            // Plain: rung 1 is expanded in full (climb reaches rung 2, found by the jump), so the
            // switch flips on rungs 1, 2 and 3. Measured: the climb alone, the switch flips on rung 3.
            #expect(plain.states == 7, "\(storage)")
            #expect(measured.states == 5, "\(storage)")
            #expect(plain.transitions == 8 && measured.transitions == 5, "\(storage)")
            for result in [plain, measured] {
                #expect(result.verdict("at most rung 3")?.isFailure == false)
                #expect(result.verdict("flipped")?.isFailure == false)
            }
        }
    }

    @Test("When a candidate fails the proviso, the next one is tried before expanding fully")
    func nextCandidate() {
        var options = CheckOptions()
        options.partialOrder = true
        // (0,-) (1,-) (2,-): spin is ample; from (2,-) spin closes the cycle, so (2,-) is expanded
        // fully (spin and flip) with one candidate, and by flip alone with two.
        let one = SpinnerAndSwitch().check(options: options)
        let two = SpinnerAndSwitch(secondCandidate: true).check(options: options)
        #expect(one.states == 6 && two.states == 6)
        #expect(one.transitions == 7)
        #expect(two.transitions == 6)
        #expect(two.verdict("never flipped")?.isFailure == true)
    }

    @Test("Reduced runs are identical on 1 and 3 workers and off when asked")
    func deterministic() {
        let model = IndependentCounters(count: 4, limit: 4)
        var options = CheckOptions()
        options.partialOrder = true
        let one = timeless(model.check(options: options))
        options.workers = 3
        let three = timeless(model.check(options: options))
        #expect(one.states == three.states && one.transitions == three.transitions)
        #expect(one.properties == three.properties)
        var plain = model
        plain.offers = false
        #expect(plain.check(options: options).states == 625)
    }

    @Test("The report says the counts are of the reduced graph")
    func reported() {
        var options = CheckOptions()
        options.partialOrder = true
        let model = IndependentCounters(count: 2, limit: 2)
        let text = model.check(options: options).report(for: model).text(includeTiming: false)
        #expect(text.contains("partial-order reduction: counts are of the reduced state graph"))
    }
}
