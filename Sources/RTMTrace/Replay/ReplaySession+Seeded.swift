/// Seeded replay: the recorded run happens again, and every line must be the next thing it does.
extension ReplaySession {
    /// Checks one line of a recorded trace; nil when it matched.
    func seeded(_ line: TraceLine) -> ReplayDivergence? {
        switch line.event {
        case .call(let actor, let call, _):
            // The recorder wrote this call when it returned; everything before it must have been matched.
            if let earlier = produced.first { return diverge(at: line, actual: SimulationLines.text(earlier)) }
            _ = perform(call, by: actor)
        case .callback, .network:
            if produced.isEmpty { stepUntilProduced() }
        case .clock(let clock):
            let to = target(of: clock)
            if produced.isEmpty, to > simulation.nowMs { simulation.run(forMs: to - simulation.nowMs) }
            if produced.isEmpty, let moved = pendingClock {
                // The last clock move with nothing after it yet: the line the recorder wrote before a call.
                guard SimulationLines.matches(line.event, moved) else {
                    return diverge(at: line, actual: SimulationLines.text(moved))
                }
                pendingClock = nil
                match(line)
                return nil
            }
        case .signalingCall, .signalingCallback:
            return diverge(at: line, actual: "a Signaling line, which RTMKit does not replay yet")
        }
        guard let next = produced.first else { return diverge(at: line, actual: nothing) }
        guard SimulationLines.matches(line.event, next) else {
            return diverge(at: line, actual: SimulationLines.text(next))
        }
        produced.removeFirst()
        match(line)
        return nil
    }

    /// At the end of a recorded trace: RTMKit must have done nothing more that the trace would show (a
    /// last clock move with nothing after it is not checked).
    func seededEnd() -> ReplayDivergence? {
        guard let extra = produced.first else { return nil }
        return diverge(at: nil, actual: SimulationLines.text(extra))
    }

    /// Steps the simulation until it produces a line (or runs out of events, or of the step budget).
    private func stepUntilProduced() {
        var count = 0
        while produced.isEmpty, count < maxSteps, simulation.step() {
            count += 1
        }
    }
}
