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
