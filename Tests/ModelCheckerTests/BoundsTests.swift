import ModelChecker
import Testing

/// Counters with an invariant that holds and a target that lies at depth 6.
let boundedCounters = Counters(properties: [
    .always("in range") { _, state in state.a <= 3 && state.b <= 3 },
    .sometimes("both full") { _, state in state.a == 3 && state.b == 3 },
])

@Suite struct BoundsTests {
    @Test("A depth bound that cuts states off is reported as a bound hit, never as success")
    func depthBound() {
        let result = boundedCounters.check(options: CheckOptions(bounds: .init(maxDepth: 3)))
        #expect(result.termination == .boundHit(.depth))
        #expect(result.states == 16)
        #expect(result.completedDepth == 3)
        #expect(result.verdict("in range") == .noViolationWithinBounds)
        #expect(result.verdict("both full") == .notReachedWithinBounds)
        #expect(result.outcome == .incomplete)
        let report = result.report(for: boundedCounters)
        #expect(report.properties[0].detail == "no violation up to depth 3 (bound hit: depth)")
        #expect(report.properties[1].detail == "not reached up to depth 3 (bound hit: depth)")
        #expect(report.summary == "no violation up to depth 3 (bound hit: depth)")
    }

    @Test("A depth bound at the true depth (7) still exhausts the space; one less (6) does not")
    func depthBoundAtDepth() {
        let exact = boundedCounters.check(options: CheckOptions(bounds: .init(maxDepth: 7)))
        #expect(exact.termination == .exhausted)
        #expect(exact.verdict("in range") == .holds)
        let short = boundedCounters.check(options: CheckOptions(bounds: .init(maxDepth: 6)))
        #expect(short.termination == .boundHit(.depth))
        #expect(short.states == 31)
    }

    @Test("Depth-first search under a depth bound covers every state within the bound")
    func depthFirstBound() {
        let result = Counters().check(options: CheckOptions(strategy: .depthFirst, bounds: .init(maxDepth: 3)))
        #expect(result.termination == .boundHit(.depth))
        #expect(result.states == 16)
    }

    @Test("Depth-first search re-explores a state reached again by a shorter path", arguments: exhaustiveStrategies)
    func shorterPathRevisited(strategy: CheckOptions.Strategy) {
        let result = Line().check(options: CheckOptions(strategy: strategy, bounds: .init(maxDepth: 3)))
        #expect(result.states == 7)
        #expect(result.termination == .boundHit(.depth))
    }

    @Test("A state bound stops at exactly that many states")
    func stateBound() {
        let result = boundedCounters.check(options: CheckOptions(bounds: .init(maxStates: 10)))
        #expect(result.termination == .boundHit(.states))
        #expect(result.states == 10)
        #expect(result.verdict("in range") == .noViolationWithinBounds)
        #expect(result.outcome == .incomplete)
    }

    @Test("A state bound equal to the state count does not count as hit")
    func stateBoundExact() {
        let result = Counters().check(options: CheckOptions(bounds: .init(maxStates: 32)))
        #expect(result.termination == .exhausted)
    }

    @Test("A zero time budget and a one-byte memory budget stop the search and say which bound")
    func timeAndMemory() {
        let timed = TokenRing(size: 8).check(options: CheckOptions(bounds: .init(maxDuration: .zero)))
        #expect(timed.termination == .boundHit(.time))
        #expect(timed.outcome == .incomplete)
        let small = TokenRing(size: 8).check(options: CheckOptions(bounds: .init(maxMemoryBytes: 1)))
        #expect(small.termination == .boundHit(.memory))
    }
}
