import ModelChecker

/// Two counters 0...3, each incremented independently (saturating), plus a toggle.
/// Reachable: 4 × 4 × 2 = 32 states; transitions: 2 × (12 + 12 + 16) = 80; deepest state (3, 3, on)
/// at depth 7.
struct Counters: Model {
    struct State: Hashable, Sendable, StableHashable {
        var a: Int
        var b: Int
        var on: Bool

        func stableHash(into hasher: inout StableHasher) {
            hasher.combine(a)
            hasher.combine(b)
            hasher.combine(on)
        }
    }

    enum Action: String, Hashable, Sendable {
        case incrementA
        case incrementB
        case toggle
    }

    var properties: [Property<Counters>] = []

    var initialStates: [State] { [State(a: 0, b: 0, on: false)] }

    func actions(_ state: State, into actions: inout [Action]) {
        if state.a < 3 { actions.append(.incrementA) }
        if state.b < 3 { actions.append(.incrementB) }
        actions.append(.toggle)
    }

    func next(_ state: State, _ action: Action) -> State? {
        var next = state
        switch action {
        case .incrementA: next.a += 1
        case .incrementB: next.b += 1
        case .toggle: next.on.toggle()
        }
        return next
    }

    func describe(state: State) -> String { "a=\(state.a) b=\(state.b) \(state.on ? "on" : "off")" }

    func describe(action: Action) -> String { action.rawValue }

    func coverageKeys(_ state: State, _ action: Action, into keys: inout [String]) {
        keys.append(action.rawValue)
    }
}

/// A ring of `size` processes passing one token; the holder may flip its own bit.
/// Reachable: size × 2^size states, each with two successors.
struct TokenRing: Model {
    struct State: Hashable, Sendable, StableHashable {
        var holder: Int
        var bits: [Bool]

        func stableHash(into hasher: inout StableHasher) {
            hasher.combine(holder)
            hasher.combine(bits)
        }
    }

    enum Action: Hashable, Sendable {
        case pass
        case flip
    }

    var size: Int

    var initialStates: [State] { [State(holder: 0, bits: Array(repeating: false, count: size))] }

    func actions(_ state: State, into actions: inout [Action]) {
        actions.append(.pass)
        actions.append(.flip)
    }

    func next(_ state: State, _ action: Action) -> State? {
        var next = state
        switch action {
        case .pass: next.holder = (state.holder + 1) % size
        case .flip: next.bits[state.holder].toggle()
        }
        return next
    }
}

/// A line 0...19 walked by steps of one or two. Within depth 3 the states 0...6 are reachable, but
/// depth-first search reaches 4 first by a 3-step path (0, 1, 3, 4) and must revisit it when it
/// finds the 2-step path (0, 2, 4), or it misses 6.
struct Line: Model {
    enum Action: Hashable, Sendable {
        case step
        case jump
    }

    var initialStates: [Int] { [0] }

    func actions(_ state: Int, into actions: inout [Action]) {
        if state + 1 < 20 { actions.append(.step) }
        if state + 2 < 20 { actions.append(.jump) }
    }

    func next(_ state: Int, _ action: Action) -> Int? {
        switch action {
        case .step: state + 1
        case .jump: state + 2
        }
    }

    func isFinal(_ state: Int) -> Bool { state == 19 }
}
