import ModelChecker

/// `count` identical processes compete for one lock: idle -> trying -> critical -> idle. Initially
/// exactly one process is trying (one initial state per process, so the initial states are closed
/// under renaming). The buggy variant lets a trying process enter while the lock is held, so two
/// processes can be critical at once. `asymmetric`: process 0 may enter without trying, yet the
/// model still declares every process interchangeable (a wrong declaration).
struct Mutex: Model {
    enum Phase: UInt8, Hashable, Sendable, StableHashable {
        case idle
        case trying
        case critical
    }

    struct State: Hashable, Sendable, StableHashable, CustomStringConvertible {
        var phases: [Phase]
        /// The process holding the lock, or -1.
        var owner: Int

        func stableHash(into hasher: inout StableHasher) {
            hasher.combine(phases)
            hasher.combine(owner)
        }

        var description: String {
            phases.map { phase in
                switch phase {
                case .idle: "i"
                case .trying: "t"
                case .critical: "c"
                }
            }.joined() + " owner=\(owner)"
        }

        /// Process `i` takes the part process `permutation[i]` played.
        func permuted(by permutation: [Int]) -> State {
            var phases = self.phases
            for index in permutation.indices { phases[index] = self.phases[permutation[index]] }
            let owner = self.owner < 0 ? -1 : permutation.firstIndex(of: self.owner) ?? -1
            return State(phases: phases, owner: owner)
        }
    }

    enum Action: Hashable, Sendable {
        case tryEnter(Int)
        case enter(Int)
        case leave(Int)
    }

    enum Canonical: Hashable, Sendable {
        /// The default: smallest fingerprint over all permutations.
        case minimumFingerprint
        /// Sort the processes: critical first, then trying, then idle.
        case sorted
    }

    var count = 4
    var buggy = false
    var asymmetric = false
    /// Process 0 may give up (trying to idle) when every process is trying: an asymmetry only a state
    /// deep in the sample shows.
    var asymmetricDeep = false
    var declared: Canonical? = .minimumFingerprint
    /// A property that names process 0 (makes the declaration wrong).
    var namesProcessZero = false

    var initialStates: [State] {
        (0..<count).map { index in
            var phases = Array(repeating: Phase.idle, count: count)
            phases[index] = .trying
            return State(phases: phases, owner: -1)
        }
    }

    func actions(_ state: State, into actions: inout [Action]) {
        for index in 0..<count {
            switch state.phases[index] {
            case .idle:
                actions.append(.tryEnter(index))
                if asymmetric, index == 0, state.owner < 0 { actions.append(.enter(index)) }
            case .trying:
                if state.owner < 0 || buggy { actions.append(.enter(index)) }
                if asymmetricDeep, index == 0, state.phases.allSatisfy({ $0 == .trying }) { actions.append(.leave(index)) }
            case .critical:
                actions.append(.leave(index))
            }
        }
    }

    func next(_ state: State, _ action: Action) -> State? {
        var next = state
        switch action {
        case .tryEnter(let index):
            next.phases[index] = .trying
        case .enter(let index):
            next.phases[index] = .critical
            next.owner = index
        case .leave(let index):
            next.phases[index] = .idle
            if next.owner == index { next.owner = -1 }
        }
        return next
    }

    var properties: [Property<Mutex>] {
        var list: [Property<Mutex>] = [
            .always("mutual exclusion") { _, state in state.phases.filter { $0 == .critical }.count <= 1 },
            .sometimes("someone critical") { _, state in state.phases.contains(.critical) },
            .sometimes("all trying") { _, state in state.phases.allSatisfy { $0 == .trying } },
        ]
        if namesProcessZero {
            list.append(.sometimes("process 0 critical") { _, state in state.phases[0] == .critical })
        }
        return list
    }

    var symmetry: Symmetry<Mutex>? {
        guard let declared else { return nil }
        let names = (0..<count).map { "process \($0)" }
        switch declared {
        case .minimumFingerprint:
            return Symmetry(elements: names) { _, state, permutation in state.permuted(by: permutation) }
        case .sorted:
            return Symmetry(elements: names, permute: { _, state, permutation in state.permuted(by: permutation) }) {
                _, state in
                let order = state.phases.indices.sorted { left, right in
                    let a = state.phases[left].rawValue
                    let b = state.phases[right].rawValue
                    return a != b ? a > b : (left == state.owner) && (right != state.owner)
                }
                return state.permuted(by: order)
            }
        }
    }
}

/// A model whose levels are far wider than one batch of the parallel search: from 0 it fans out to
/// 1 ... 40,000, each of which steps to `n + 40,000` when that is at most 60,000 and also falls back
/// into 100,000 + n mod 97 (many duplicates across chunks and batches).
struct Wide: Model {
    var initialStates: [Int] { [0] }

    func actions(_ state: Int, into actions: inout [Int]) {
        if state == 0 {
            actions.append(contentsOf: 1...40_000)
        } else if state <= 60_000 {
            if state + 40_000 <= 60_000 { actions.append(state + 40_000) }
            actions.append(100_000 + state % 97)
        }
    }

    func next(_ state: Int, _ action: Int) -> Int? { action }

    func isFinal(_ state: Int) -> Bool { state >= 100_000 || state > 40_000 }

    var properties: [Property<Wide>] {
        [
            .always("below 59,999") { _, state in state != 59_999 },
            .sometimes("a fallback") { _, state in state == 100_050 },
        ]
    }
}
