import RTMMachines
import RTMSystem

/// One step of the execution validation matched: a call of a trace line, or a hidden step of the model
/// (a delivery, a timer, a fault), with the trace lines it accounts for and the state it reaches.
///
/// The steps are moves of the validation's own model (``ValidationSetup/model``: one client per `rtm`
/// actor, in header order), not of a scenario's budgets: a trace's `createLocalCallInvitation` and
/// `sendLocalInvitation` are two steps here where a scenario's `sendLocalInvitation` budget is one.
/// ``ScenarioPath`` maps them onto a scenario.
///
/// ```swift
/// let result = TraceValidator().validate(trace, file: "t.jsonl")
/// for step in result.matchedPath { print(step.lines, step.move) }
/// ```
public struct MatchedStep: Hashable, Sendable {
    /// What the model did.
    public enum Move: Hashable, Sendable {
        /// Client `client` made the trace's call (its invitation named as the model names it).
        case call(client: Int, RtmApiCall)
        /// A step of the model no trace line names.
        case hidden(SystemAction)
    }

    public var move: Move
    /// The trace lines this step matched, ascending: the call's line and the callbacks it caused (empty
    /// for a delivery or timer nobody observed).
    public var lines: [Int]
    /// The model state after the step.
    public var state: SystemState

    public init(move: Move, lines: [Int], state: SystemState) {
        self.move = move
        self.lines = lines
        self.state = state
    }
}

extension ValidationSearch {
    /// The matched steps from the initial state to node `id`.
    func matchedSteps(to id: Int) -> [MatchedStep] {
        var steps: [MatchedStep] = []
        var current = id
        while parents[current] >= 0, let move = moves[current] {
            let parent = parents[current]
            var lines: [Int] = []
            for (actor, cursor) in nodes[current].cursors.enumerated() {
                let start = nodes[parent].cursors[actor]
                guard start < cursor, cursor <= setup.lines[actor].count else { continue }
                lines += setup.lines[actor][start..<cursor].map(\.line)
            }
            let matched: MatchedStep.Move
            switch move {
            case .call(let actor, let call): matched = .call(client: actor, call)
            case .hidden(let action): matched = .hidden(action)
            }
            steps.append(MatchedStep(move: matched, lines: lines.sorted(), state: nodes[current].state))
            current = parent
        }
        return steps.reversed()
    }
}
