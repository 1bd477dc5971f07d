import ModelChecker
import Testing

@Suite struct TwoPhaseTests {
    @Test("The buggy coordinator lets one participant commit and the other abort, in 5 steps at least")
    func buggyDisagrees() throws {
        let result = TwoPhase(buggy: true).check()
        let path = try #require(result.verdict("agreement")?.path)
        #expect(result.verdict("agreement") == .violated(path))
        #expect(path.count == 5)
        #expect(path.lastState.outcomes.contains(.committed))
        #expect(path.lastState.outcomes.contains(.aborted))
        #expect(result.outcome == .failed)
    }

    @Test("The counterexample replays: every step is an enabled action of the state before it")
    func counterexampleReplays() throws {
        let model = TwoPhase(buggy: true)
        let path = try #require(model.check().verdict("agreement")?.path)
        var state = path.initialState
        for step in path.steps {
            var actions: [TwoPhase.Action] = []
            model.actions(state, into: &actions)
            #expect(actions.contains(step.action))
            #expect(model.next(state, step.action) == step.state)
            state = step.state
        }
    }

    @Test("The correct coordinator keeps agreement, and both outcomes are reachable")
    func correctAgrees() {
        let result = TwoPhase(buggy: false).check()
        #expect(result.termination == .exhausted)
        #expect(result.verdict("agreement") == .holds)
        #expect(result.verdict("both committed")?.path?.count == 5)
        #expect(result.verdict("both aborted")?.path?.count == 4)
        #expect(result.verdict("everyone decided") == .holds)
        #expect(result.deadlocks.count == 0)
        #expect(result.outcome == .passed)
    }

    @Test("Compact storage finds the same counterexample length and state count as exact storage")
    func compactMatchesExact() {
        let exact = TwoPhase(buggy: true).check(options: CheckOptions(stopWhenAllDecided: false))
        let compact = TwoPhase(buggy: true).check(options: CheckOptions(storage: .compact, stopWhenAllDecided: false))
        #expect(exact.states == compact.states)
        #expect(exact.verdict("agreement")?.path?.count == compact.verdict("agreement")?.path?.count)
    }
}

@Suite struct ReachabilityTests {
    @Test("A reachable state is witnessed with a shortest path; an unreachable one is never reached")
    func sometimes() throws {
        let model = Counters(properties: [
            .sometimes("both full") { _, state in state.a == 3 && state.b == 3 },
            .sometimes("overflow") { _, state in state.a == 4 },
        ])
        let result = model.check()
        let witness = try #require(result.verdict("both full")?.path)
        #expect(witness.count == 6)
        #expect(witness.lastState == Counters.State(a: 3, b: 3, on: false))
        #expect(result.verdict("overflow") == .neverReached)
        #expect(result.outcome == .failed)
    }

    @Test("An initial state can be its own witness, with a path of no steps")
    func initialWitness() {
        let result = Counters(properties: [.sometimes("start") { _, state in state.a == 0 }]).check(
            options: CheckOptions(stopWhenAllDecided: false))
        #expect(result.verdict("start")?.path?.count == 0)
    }
}

@Suite struct ResponseTests {
    @Test("A prompt server answers within 3 steps of the request")
    func promptHolds() {
        let result = Server(variant: .prompt, steps: 3).check()
        #expect(result.verdict("request granted") == .holds)
        #expect(result.outcome == .passed)
    }

    @Test("A bound of 2 steps is violated by request, work, work (3 steps)")
    func tooTight() throws {
        let result = Server(variant: .prompt, steps: 2).check()
        let path = try #require(result.verdict("request granted")?.path)
        #expect(path.actions == [.request, .work, .work])
        #expect(result.properties[0].note == "the response did not hold within 2 steps of the trigger")
    }

    @Test("A server that may stall forever violates the bound with a shortest path of 4 steps")
    func stallViolates() throws {
        let result = Server(variant: .stalling, steps: 3).check()
        let path = try #require(result.verdict("request granted")?.path)
        #expect(path.count == 4)
        #expect(path.actions.first == .request)
        #expect(!path.lastState.granted)
    }

    @Test("A server that halts with the request unanswered violates it at the run's end, not as a deadlock")
    func crashViolates() throws {
        let result = Server(variant: .crashing, steps: 3).check()
        let path = try #require(result.verdict("request granted")?.path)
        #expect(path.actions == [.request, .crash])
        #expect(result.properties[0].note == "the run ended with the trigger unanswered")
        #expect(result.deadlocks.count == 0)
    }

    @Test("Eventually within 4 steps fails with a 4-step run in which someone is still undecided")
    func eventuallyTooTight() throws {
        let result = TwoPhase(buggy: false, decidedWithin: 4).check()
        let path = try #require(result.verdict("everyone decided")?.path)
        #expect(path.count == 4)
        #expect(path.lastState.outcomes.contains(.none))
    }

    @Test("Depth-first search finds the same response violations")
    func depthFirst() {
        let result = Server(variant: .crashing, steps: 3).check(options: CheckOptions(strategy: .depthFirst))
        #expect(result.verdict("request granted")?.path != nil)
        #expect(result.verdict("granted")?.path != nil)
    }
}
