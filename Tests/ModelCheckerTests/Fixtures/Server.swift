import ModelChecker

/// A client requests; the server works twice and grants; the client resets after a grant.
/// The prompt server answers 3 steps after the request. The stalling one may idle forever (a
/// self-loop); the crashing one may halt (a final state) with the request unanswered.
struct Server: Model {
    enum Variant: Hashable, Sendable {
        case prompt
        case stalling
        case crashing
    }

    struct State: Hashable, Sendable, StableHashable {
        var requested = false
        var progress = 0
        var granted = false
        var crashed = false

        func stableHash(into hasher: inout StableHasher) {
            hasher.combine(requested)
            hasher.combine(progress)
            hasher.combine(granted)
            hasher.combine(crashed)
        }
    }

    enum Action: String, Hashable, Sendable {
        case request
        case work
        case grant
        case reset
        case stall
        case crash
    }

    var variant: Variant
    var steps: Int

    var initialStates: [State] { [State()] }

    func actions(_ state: State, into actions: inout [Action]) {
        guard !state.crashed else { return }
        if !state.requested, !state.granted { actions.append(.request) }
        if state.requested, state.progress < 2 { actions.append(.work) }
        if state.requested, state.progress == 2 { actions.append(.grant) }
        if state.granted { actions.append(.reset) }
        if state.requested, variant == .stalling { actions.append(.stall) }
        if state.requested, variant == .crashing { actions.append(.crash) }
    }

    func next(_ state: State, _ action: Action) -> State? {
        var next = state
        switch action {
        case .request: next.requested = true
        case .work: next.progress += 1
        case .grant: next = State(requested: false, progress: 0, granted: true, crashed: false)
        case .reset: next.granted = false
        case .stall: break
        case .crash: next.crashed = true
        }
        return next
    }

    func isFinal(_ state: State) -> Bool { state.crashed }

    var properties: [Property<Server>] {
        [
            .respondsWithin(
                "request granted", trigger: { _, state in state.requested }, response: { _, state in state.granted },
                steps: steps),
            .sometimes("granted") { _, state in state.granted },
        ]
    }
}

/// Two processes take two locks and release them. With opposite lock orders they can deadlock
/// after two steps (each holds its first lock); with the same order they cannot. Both done is final.
struct Locks: Model {
    struct State: Hashable, Sendable, StableHashable {
        var pc: [Int] = [0, 0]
        var holder: [Int] = [-1, -1]

        func stableHash(into hasher: inout StableHasher) {
            hasher.combine(pc)
            hasher.combine(holder)
        }
    }

    enum Action: Hashable, Sendable {
        case take(process: Int)
        case release(process: Int)
    }

    var sameOrder: Bool

    var initialStates: [State] { [State()] }

    func order(_ process: Int) -> [Int] { process == 1 && !sameOrder ? [1, 0] : [0, 1] }

    func actions(_ state: State, into actions: inout [Action]) {
        for process in 0..<2 {
            switch state.pc[process] {
            case 0, 1:
                if state.holder[order(process)[state.pc[process]]] == -1 { actions.append(.take(process: process)) }
            case 2:
                actions.append(.release(process: process))
            default:
                continue
            }
        }
    }

    func next(_ state: State, _ action: Action) -> State? {
        var next = state
        switch action {
        case .take(let process):
            next.holder[order(process)[state.pc[process]]] = process
            next.pc[process] += 1
        case .release(let process):
            next.holder = next.holder.map { $0 == process ? -1 : $0 }
            next.pc[process] = 3
        }
        return next
    }

    func isFinal(_ state: State) -> Bool { state.pc == [3, 3] }

    var properties: [Property<Locks>] {
        [.always("mutual exclusion") { _, state in state.pc != [2, 2] }]
    }
}
