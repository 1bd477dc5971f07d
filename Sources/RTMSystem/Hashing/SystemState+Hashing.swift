import ModelChecker
import RTMMachines

// The composed system's own parts: every stored field, in declaration order.

extension SystemState: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(clients)
        h.feed(server)
        h.feed(links)
        h.feed(timers)
        h.feed(faults)
        h.feed(seen)
    }
}

extension ClientNode: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(core)
        h.feed(callsLeft)
        h.feed(loggedOut)
    }
}

extension Link: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(isUp)
        h.feed(stale)
        h.feed(up)
        h.feed(down)
    }
}

extension InFlight: StateHashable where Message: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(message)
        h.feed(msLeft)
    }
}

extension PendingTimer: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(msLeft)
        h.feed(owner)
    }
}

extension TimerOwner: StateHashable {
    func feed(into h: inout StableHasher) {
        switch self {
        case .client(let i, let timer):
            h.tag(0)
            h.feed(i)
            h.feed(timer)
        case .server(let timer):
            h.tag(1)
            h.feed(timer)
        }
    }
}

extension FaultBudget: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(losses)
        h.feed(duplications)
        h.feed(linkDrops)
        h.feed(restarts)
    }
}

extension Observations: StateHashable {
    func feed(into h: inout StableHasher) {
        h.feed(violations)
        h.feed(delivered)
        h.feed(sent)
        h.feed(cached)
        h.feed(marks)
        h.feed(interrupted)
    }
}
