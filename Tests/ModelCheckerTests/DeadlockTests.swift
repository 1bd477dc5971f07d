import ModelChecker
import Testing

@Suite struct DeadlockTests {
    @Test("Opposite lock orders deadlock after two steps: each process holds its first lock")
    func opposite() throws {
        let result = Locks(sameOrder: false).check()
        #expect(result.termination == .exhausted)
        #expect(result.deadlocks.count == 1)
        let path = try #require(result.deadlocks.path)
        #expect(path.count == 2)
        #expect(path.lastState.pc == [1, 1])
        #expect(result.outcome == .failed)
    }

    @Test("With the same lock order only the final state has no action, and it is not a deadlock")
    func same() {
        let result = Locks(sameOrder: true).check()
        #expect(result.deadlocks.count == 0)
        #expect(result.deadlocks.path == nil)
        #expect(result.verdict("mutual exclusion") == .holds)
        #expect(result.outcome == .passed)
    }

    @Test("Deadlock detection can be turned off")
    func disabled() {
        let result = Locks(sameOrder: false).check(options: CheckOptions(checkDeadlocks: false))
        #expect(!result.deadlocks.checked)
        #expect(result.deadlocks.count == 0)
        #expect(result.outcome == .passed)
    }

    @Test("Stopping at the first violation reports the deadlock and says the search stopped")
    func stopAtFirst() {
        let result = Locks(sameOrder: false).check(options: CheckOptions(stopAtFirstViolation: true))
        #expect(result.termination == .stoppedAtFirstViolation)
        #expect(result.deadlocks.path?.count == 2)
        #expect(result.verdict("mutual exclusion") == .noViolationWithinBounds)
    }
}
