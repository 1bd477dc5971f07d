import ModelChecker
import RTMMachines
import StateGraph

/// The explored state space of a scenario projected onto a ``SystemView``: a quotient graph whose
/// nodes are the view's keys and whose edges count the global transitions between them.
///
/// Transitions that keep the view's key (a delivery to someone else, a timer of another object)
/// are not drawn; the caption counts them. An edge's label is the action in the SDK's words
/// (`alice: sendLocalInvitation(bob)`, `server → alice: invitation.calleeAck`,
/// `alice: timer local.noAck fires`) and its count how many global transitions it stands for.
///
/// ```swift
/// let space = StateSpaceExplorer.explore(model)
/// let graph = StateSpaceDiagram.graph(space, model: model, view: view)
/// ```
public enum StateSpaceDiagram {
    /// The quotient graph of `space` under `view`; `highlight` (a path of actions from an initial
    /// state) is drawn as a coloured path, its last node red when `highlightIsViolation` (a
    /// counterexample ends in a violating state); with `exercised` every transition no exercised
    /// path takes is drawn dashed and grey.
    public static func graph(
        _ space: ExploredSpace<RTMSystemModel>,
        model: RTMSystemModel,
        view: SystemView,
        highlight: [SystemAction]? = nil,
        highlightIsViolation: Bool = false,
        exercised: [[SystemAction]]? = nil
    ) -> StateGraph {
        let keys = space.states.map(view.key)
        var terminal: [String: Bool] = [:]
        for (index, state) in space.states.enumerated() {
            terminal[keys[index]] = (terminal[keys[index]] ?? true) && view.isTerminal(state)
        }
        let initialKeys = Set(space.initial.map { keys[$0] })

        var hidden = 0
        var counts: [[String]: Int] = [:]
        for transition in space.transitions {
            let from = keys[transition.from]
            let to = keys[transition.to]
            if from == to {
                hidden += 1
                continue
            }
            let label = DiagramText.shorten(
                actionLabel(transition.action, in: space.states[transition.from], model: model))
            counts[[from, to, label], default: 0] += 1
        }

        let taken = exercised.map { Set($0.flatMap { steps(of: $0, model: model, view: view) }) }
        let path = highlight.map { steps(of: $0, model: model, view: view) } ?? []
        let onPath = Set(path)
        var highlightedKeys = Set(path.map { $0[1] })
        if highlight != nil, let first = model.initialStates.first { highlightedKeys.insert(view.key(first)) }

        var graph = StateGraph(
            attributes: GraphAttributes(
                name: "\(model.scenario.name) \(view.text)",
                title: caption(
                    space, model: model, view: view, hidden: hidden, highlighted: highlight != nil,
                    exercised: exercised?.count),
                rankDirection: .leftToRight
            )
        )
        for key in Set(keys) {
            let kind: Node.Kind = initialKeys.contains(key) ? .initial : (terminal[key] == true ? .terminal : .normal)
            graph.addNode(
                Node(
                    id: key, label: view.label(ofKey: key), kind: kind, fullName: key,
                    isHighlighted: highlightedKeys.contains(key)
                )
            )
        }
        if highlightIsViolation, let actions = highlight, let last = finalKey(of: actions, model: model, view: view) {
            graph.updateNode(last) { $0.kind = .error }
        }
        for (triple, count) in counts {
            let style: Edge.Style
            if onPath.contains(triple) {
                style = .highlight
            } else if let taken, !taken.contains(triple) {
                style = .uncovered
            } else {
                style = .normal
            }
            graph.addEdge(Edge(from: triple[0], to: triple[1], label: triple[2], count: count, style: style))
        }
        return graph
    }

    /// The view-changing steps of a path of actions from the model's first initial state, as
    /// (from key, to key, label) triples; the path stops at an action that is not enabled.
    public static func steps(of actions: [SystemAction], model: RTMSystemModel, view: SystemView) -> [[String]] {
        guard var state = model.initialStates.first else { return [] }
        var result: [[String]] = []
        for action in actions {
            guard let next = model.next(state, action) else { break }
            let from = view.key(state)
            let to = view.key(next)
            if from != to {
                result.append([from, to, DiagramText.shorten(actionLabel(action, in: state, model: model))])
            }
            state = next
        }
        return result
    }

    /// The view's key of the state a path of actions ends in.
    static func finalKey(of actions: [SystemAction], model: RTMSystemModel, view: SystemView) -> String? {
        guard var state = model.initialStates.first else { return nil }
        for action in actions {
            guard let next = model.next(state, action) else { break }
            state = next
        }
        return view.key(state)
    }

    /// An action in the SDK's words, with the message delivered or the timer that fires.
    public static func actionLabel(_ action: SystemAction, in state: SystemState, model: RTMSystemModel) -> String {
        let names = model.scenario.clients
        func name(_ client: Int) -> String { client < names.count ? names[client] : "client \(client)" }
        switch action {
        case .deliverUp(let client, let index):
            guard index < state.links[client].up.count else { break }
            return "\(name(client)) → server: \(state.links[client].up[index].message.label)"
        case .deliverDown(let client, let index):
            guard index < state.links[client].down.count else { break }
            return "server → \(name(client)): \(state.links[client].down[index].message.label)"
        case .fire(let index):
            guard index < state.timers.count else { break }
            let owner = state.timers[index].owner
            switch owner {
            case .client(let client, _): return "\(name(client)): timer \(owner.label) fires"
            case .server: return "timer \(owner.label) fires"
            }
        case .call, .lose, .duplicate, .dropLink, .restoreLink, .restartServer:
            break
        }
        return model.describe(action: action)
    }

    static func caption(
        _ space: ExploredSpace<RTMSystemModel>, model: RTMSystemModel, view: SystemView, hidden: Int, highlighted: Bool,
        exercised: Int? = nil
    ) -> String {
        var lines = ["\(model.scenario.name) seen as \(view.text)"]
        let scope =
            space.truncated
            ? "first \(space.states.count) states (\(space.stopReason ?? "stopped") reached)"
            : "\(space.states.count) states"
        lines.append(
            "\(scope), \(space.transitions.count) transitions; ×N counts them; "
                + "\(hidden) that keep the view are not drawn"
        )
        if highlighted { lines.append("blue: the highlighted path; red: where a counterexample ends") }
        if let exercised {
            let paths = "\(exercised) exercised path\(exercised == 1 ? "" : "s")"
            lines.append("dashed grey: transitions none of the \(paths) takes")
        }
        return lines.joined(separator: "\n")
    }
}
