import ModelChecker

/// Two participants vote; a coordinator decides; participants learn the decision, and one that
/// voted no may abort on its own (legal in two-phase commit). The buggy coordinator commits as soon
/// as one vote is yes, so a later no-voter can abort alone while the other commits. The shortest
/// disagreement takes 5 steps: a yes vote, a commit decision and its delivery (3), a no vote and a
/// lone abort (2).
struct TwoPhase: Model {
    enum Vote: UInt8, Hashable, Sendable, StableHashable {
        case none
        case yes
        case no
    }

    enum Outcome: UInt8, Hashable, Sendable, StableHashable {
        case none
        case committed
        case aborted
    }

    struct State: Hashable, Sendable, StableHashable {
        var votes: [Vote] = [.none, .none]
        var decision: Outcome = .none
        var outcomes: [Outcome] = [.none, .none]

        func stableHash(into hasher: inout StableHasher) {
            hasher.combine(votes)
            hasher.combine(decision)
            hasher.combine(outcomes)
        }
    }

    enum Action: Hashable, Sendable {
        case vote(Int, yes: Bool)
        case decideCommit
        case decideAbort
        case learn(Int)
        case abortAlone(Int)
    }

    var buggy: Bool
    var decidedWithin = 5

    var initialStates: [State] { [State()] }

    func actions(_ state: State, into actions: inout [Action]) {
        for index in 0..<2 where state.votes[index] == .none {
            actions.append(.vote(index, yes: true))
            actions.append(.vote(index, yes: false))
        }
        if state.decision == .none {
            let allVoted = !state.votes.contains(.none)
            if buggy {
                if state.votes.contains(.yes) { actions.append(.decideCommit) }
                if state.votes.contains(.no) { actions.append(.decideAbort) }
            } else if allVoted {
                actions.append(state.votes.allSatisfy { $0 == .yes } ? .decideCommit : .decideAbort)
            }
        }
        for index in 0..<2 where state.outcomes[index] == .none {
            if state.decision != .none { actions.append(.learn(index)) }
            if state.votes[index] == .no { actions.append(.abortAlone(index)) }
        }
    }

    func next(_ state: State, _ action: Action) -> State? {
        var next = state
        switch action {
        case .vote(let index, let yes): next.votes[index] = yes ? .yes : .no
        case .decideCommit: next.decision = .committed
        case .decideAbort: next.decision = .aborted
        case .learn(let index): next.outcomes[index] = state.decision
        case .abortAlone(let index): next.outcomes[index] = .aborted
        }
        return next
    }

    func isFinal(_ state: State) -> Bool { !state.outcomes.contains(.none) }

    var properties: [Property<TwoPhase>] {
        [
            .always("agreement") { _, state in
                !(state.outcomes.contains(.committed) && state.outcomes.contains(.aborted))
            },
            .sometimes("both committed") { _, state in state.outcomes.allSatisfy { $0 == .committed } },
            .sometimes("both aborted") { _, state in state.outcomes.allSatisfy { $0 == .aborted } },
            .eventually("everyone decided", within: decidedWithin) { _, state in !state.outcomes.contains(.none) },
        ]
    }
}
