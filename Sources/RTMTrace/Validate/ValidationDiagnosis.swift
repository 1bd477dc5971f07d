import RTMMachines
import RTMSystem

/// Explains a failed validation: the first line no execution matches, the states reachable just before
/// it, and what those states could have produced instead.
struct ValidationDiagnosis {
    let search: ValidationSearch
    /// How many states and alternatives are printed.
    static let shownStates = 6
    static let shownAlternatives = 12
    /// How many frontier states are examined for alternatives.
    static let examined = 400

    var model: RTMSystemModel { search.model }
    var actors: [String] { search.setup.actors }

    func failure() -> TraceValidation.Failure {
        let frontier = search.bestNodes.map { search.nodes[$0] }
        let examined = Array(frontier.prefix(Self.examined))
        var states: [String] = []
        var seen: Set<String> = []
        for node in frontier {
            let text = describe(node.state)
            if seen.insert(text).inserted { states.append(text) }
        }
        guard search.best != Int.max, let first = frontier.first,
            let actor = first.cursors.indices.first(where: { lineAt(first, $0)?.line == search.best }),
            let line = lineAt(first, actor)
        else {
            return TraceValidation.Failure(
                line: nil, expected: "(end of trace)",
                message: "every line matches, but the system cannot then go quiet without more callbacks"
                    + " (--complete): the trace leaves out what must still happen",
                states: Array(states.prefix(Self.shownStates)), stateCount: states.count,
                alternatives: alternatives(from: examined, focus: nil).prefix(Self.shownAlternatives).map(\.text))
        }
        let expected = (try? TraceLineCoder.encode(line.event)) ?? "\(line.event)"
        let alternatives = alternatives(from: examined, focus: actor)
        let name = self.name(actor)
        var message: String
        switch line.event {
        case .call(_, let call, let returned):
            let results = Set(examined.compactMap { returnedResult(call, actor: actor, from: $0.state) })
            if let returned, !results.isEmpty, !results.contains(returned) {
                let got = results.map(\.description).sorted().joined(separator: " or ")
                message = "no execution of the model matches this line: \(name)'s \(call.sdkName) returns \(got)"
                    + " there, not \(returned)"
            } else {
                message = "no execution of the model matches this line: after \(name)'s \(call.sdkName),"
                    + " the model produces a callback the trace does not have next"
            }
        case .callback(_, let callback):
            message = "no execution of the model matches this line: \(name) cannot receive \(callback.sdkName) here"
            let together = alternatives.filter(\.passedFocusLine)
            var firsts: [String] = []
            for alternative in alternatives {
                if let first = alternative.focusFirst, !firsts.contains(first) { firsts.append(first) }
            }
            if let joint = together.first {
                message = "no execution of the model matches this line: \(name) receives \(callback.sdkName) here only"
                    + " together with \(joint.mismatch), which the trace does not have next"
            } else if firsts.isEmpty {
                message += "; nothing more reaches \(name) in any state reachable before it"
            } else {
                message += "; \(name)'s next callback can only be " + firsts.prefix(3).joined(separator: " or ")
            }
        case .network:
            message = "no execution of the model matches this line: the network cannot take this step here"
        case .signalingCall, .signalingCallback, .clock:
            message = "no execution of the model matches this line"
        }
        return TraceValidation.Failure(
            line: line.line, expected: expected, message: message, states: Array(states.prefix(Self.shownStates)),
            stateCount: states.count, alternatives: alternatives.prefix(Self.shownAlternatives).map(\.text))
    }

    func lineAt(_ node: SearchNode, _ actor: Int) -> TraceLine? {
        let lines = search.setup.lines[actor]
        return node.cursors[actor] < lines.count ? lines[node.cursors[actor]] : nil
    }

    /// What `call` returns when made by `actor` in `state`.
    func returnedResult(_ call: RtmApiCall, actor: Int, from state: SystemState) -> RtmApiResult? {
        let (_, trail) = search.perform(call, actor: actor, from: state)
        for event in trail.events {
            if case .returned(actor, _, let result) = event { return result }
        }
        return nil
    }

    /// One move from a frontier state whose events do not fit the trace.
    struct Alternative {
        /// The move's events up to and including the first that does not fit, for people.
        var text: String
        /// The actor whose next line the event did not fit.
        var actor: Int
        /// The first event of the focus actor in the move, rendered without the actor's name.
        var focusFirst: String?
        /// Whether the move matched the focus actor's next line before failing on a later event.
        var passedFocusLine: Bool
        /// The event that did not fit, for people.
        var mismatch: String
    }

    /// The moves from `nodes` whose events do not fit the trace, those of actor `focus` first.
    func alternatives(from nodes: [SearchNode], focus: Int?) -> [Alternative] {
        var own: [Alternative] = []
        var others: [Alternative] = []
        var seen: Set<String> = []
        var buffer: [SystemAction] = []
        for node in nodes {
            var attempts: [[ObservedEvent]] = []
            for (actor, cursor) in node.cursors.enumerated() where cursor < search.setup.lines[actor].count {
                guard case .call(_, let call, _) = search.setup.lines[actor][cursor].event else { continue }
                attempts.append(search.perform(call, actor: actor, from: node.state).1.events)
            }
            buffer.removeAll(keepingCapacity: true)
            model.actions(node.state, into: &buffer)
            for action in buffer {
                if case .call = action { continue }
                attempts.append(model.observe(action, from: node.state).1.events)
            }
            for events in attempts {
                guard let alternative = explain(events, from: node, focus: focus),
                    seen.insert(alternative.text).inserted
                else { continue }
                if alternative.actor == focus { own.append(alternative) } else { others.append(alternative) }
            }
        }
        return own + others
    }

    /// Why `events` (one move from `node`) do not fit the trace; nil when they do.
    func explain(_ events: [ObservedEvent], from node: SearchNode, focus: Int?) -> Alternative? {
        let calling = events.first.flatMap { event -> Int? in
            if case .returned(let client, _, _) = event { return client }
            return nil
        }
        var cursors = node.cursors
        guard let mismatch = search.match(events, &cursors, calling: calling) else { return nil }
        var rendered: [String] = []
        var focusFirst: String?
        for event in events {
            rendered.append(render(event))
            if let focus, focusFirst == nil, client(of: event) == focus { focusFirst = render(event, named: false) }
            if event == mismatch.event { break }
        }
        let next = lineAt(SearchNode(state: node.state, cursors: cursors), mismatch.actor)
        let name = name(mismatch.actor)
        let whereText = next.map { "\(name)'s next line is line \($0.line)" } ?? "the trace has no more lines for \(name)"
        let passed = focus.map { cursors[$0] > node.cursors[$0] } ?? false
        return Alternative(
            text: rendered.joined(separator: ", then ") + " (\(whereText))", actor: mismatch.actor,
            focusFirst: focusFirst, passedFocusLine: passed, mismatch: render(mismatch.event))
    }

    func client(of event: ObservedEvent) -> Int {
        switch event {
        case .callback(let client, _), .returned(let client, _, _): client
        }
    }

    func render(_ original: ObservedEvent, named: Bool = true) -> String {
        let event = search.setup.callers.normalize(original)
        switch event {
        case .callback(let client, let callback):
            return named ? "\(name(client)).\(callback.rendered)" : callback.rendered
        case .returned(let client, let call, let result):
            return "\(named ? "\(name(client)): " : "")\(call.sdkName) returns \(result)"
        }
    }

    func name(_ client: Int) -> String { actors.indices.contains(client) ? actors[client] : "the network" }

    /// A state as the model describes it, with what is in flight and which timers are pending.
    func describe(_ state: SystemState) -> String {
        var text = model.describe(state: state)
        var flight: [String] = []
        for (i, link) in state.links.enumerated() {
            flight += link.up.map { "\(name(i))→server \($0.message.label)" }
            flight += link.down.map { "server→\(name(i)) \($0.message.label)" }
            if !link.isUp { flight.append("link of \(name(i)) down") }
        }
        if !flight.isEmpty { text += " | in flight: " + flight.joined(separator: ", ") }
        if !state.timers.isEmpty {
            text += " | timers: " + state.timers.map { "\($0.owner.label) in \($0.msLeft) ms" }.joined(separator: ", ")
        }
        return text
    }
}
