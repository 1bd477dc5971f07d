import ModelChecker
import RTMMachines

// The composed system's own parts, read back: every stored field, in the order
// SystemState+Hashing.swift feeds it.

extension SystemState: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(
            clients: try d.array(), server: try d.decode(), links: try d.array(), timers: try d.array(),
            faults: try d.decode(), seen: try d.decode())
    }
}

extension ClientNode: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(core: try d.decode(), callsLeft: try d.array(), loggedOut: try d.bool())
    }
}

extension Link: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(isUp: try d.bool(), stale: try d.bool(), up: try d.array(), down: try d.array())
    }
}

extension InFlight: StateDecodable where Message: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(message: try d.decode(), msLeft: try d.int())
    }
}

extension PendingTimer: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(msLeft: try d.int(), owner: try d.decode())
    }
}

extension TimerOwner: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        switch try d.tag(below: 2) {
        case 0: self = .client(try d.int(), try d.decode())
        case 1: self = .server(try d.decode())
        default: throw d.unknownTag("TimerOwner")
        }
    }
}

extension FaultBudget: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(losses: try d.int(), duplications: try d.int(), linkDrops: try d.int(), restarts: try d.int())
    }
}

extension Observations: StateDecodable {
    init(decoding d: inout StateDecoder) throws(StateDecoder.Failure) {
        self.init(
            violations: try d.array(), delivered: try d.array(), sent: try d.array(), cached: try d.array(),
            marks: try d.array(), interrupted: try d.array())
    }
}
