import StateGraph

/// Draws a ``MachineTable`` as a ``StateGraph``: the machine diagram of `rtmcheck render --machine`.
///
/// - One node per table state, labelled with the short SDK name (`RECEIVED_BY_REMOTE`), the full
///   name kept as its tooltip; the initial state gets an arrow from a dot, terminal states a
///   double outline.
/// - One edge per (from, to) pair, so `dot` never draws a fan of parallel arrows: each
///   transition between the two is a line of its label, the event first and then `/ callback`
///   for each callback it produces.
/// - The API calls that only return a code in a state are one annotation under the state's
///   name, grouped by code: `cancelLocalInvitation → NOT_STARTED (2)`. A call whose other
///   variant moves (a second `cancelLocalInvitation` while the first is pending) is marked
///   `again`.
/// - Ignored and rejected steps are not drawn; the caption counts them.
///
/// ```swift
/// let graph = MachineDiagram.graph(MachineTable.derive(LocalInvitationMachine.self))
/// let dot = DOTWriter().write(graph)
/// ```
public enum MachineDiagram {
    /// The widest annotation line, in characters.
    public static let annotationWidth = 60

    /// The diagram of `table`.
    public static func graph(_ table: MachineTable) -> StateGraph {
        var graph = StateGraph(
            attributes: GraphAttributes(name: table.name, title: caption(table), rankDirection: .leftToRight)
        )
        for state in table.states {
            graph.addNode(node(state, table))
        }
        for (pair, rows) in edgeGroups(table) {
            graph.addEdge(Edge(from: pair.from, to: pair.to, label: rows.map(transitionText).joined(separator: "\n")))
        }
        return graph
    }

    /// The diagram of `machine` (SDK states, or internal states with `detail`).
    public static func graph<M: DiagrammableMachine>(_ machine: M.Type, detail: Bool = false) -> StateGraph {
        graph(MachineTable.derive(machine, detail: detail))
    }

    /// The widest one-line transition, in characters; longer ones put each callback on a line.
    public static let transitionWidth = 52

    /// One transition as text: `event / callback, callback` on one line when it fits, else the
    /// event and then one `/ callback` line per callback.
    public static func transitionText(_ row: MachineTable.Transition) -> String {
        let event = DiagramText.shorten(row.event)
        guard !row.callbacks.isEmpty else { return event }
        let oneLine = event + " / " + row.callbacks.joined(separator: ", ")
        if oneLine.count <= transitionWidth { return oneLine }
        return ([event] + row.callbacks.map { "/ " + $0 }).joined(separator: "\n")
    }

    /// The caption: the machine's name and subject, then what is not drawn.
    static func caption(_ table: MachineTable) -> String {
        var lines = ["\(table.name): \(table.caption)"]
        var notes: [String] = []
        if !table.returnOnlyCalls.isEmpty { notes.append("calls under a state return that code and change nothing") }
        var hidden: [String] = []
        if table.ignoredSteps > 0 { hidden.append("\(table.ignoredSteps) ignored steps (documented races)") }
        if table.rejectedSteps > 0 {
            hidden.append("\(table.rejectedSteps) rejected (impossible or protocol-breaking)")
        }
        if !hidden.isEmpty { notes.append("not drawn: " + hidden.joined(separator: ", ")) }
        lines += notes
        return lines.joined(separator: "\n")
    }

    /// The transitions grouped by (from, to), each group in table order, groups in the order of
    /// their first transition.
    static func edgeGroups(_ table: MachineTable) -> [(
        pair: (from: String, to: String), rows: [MachineTable.Transition]
    )] {
        var order: [[String]] = []
        var groups: [[String]: [MachineTable.Transition]] = [:]
        for row in table.transitions {
            let pair = [row.from, row.to]
            if groups[pair] == nil { order.append(pair) }
            groups[pair, default: []].append(row)
        }
        return order.map { ((from: $0[0], to: $0[1]), groups[$0] ?? []) }
    }

    private static func node(_ state: MachineTable.State, _ table: MachineTable) -> Node {
        let kind: Node.Kind = state.isInitial ? .initial : (state.isTerminal ? .terminal : .normal)
        let label = table.detail ? DiagramText.shorten(state.id) : SDKName.shortLabel(state.id)
        return Node(
            id: state.id,
            label: label,
            kind: kind,
            fullName: state.sdkName,
            annotation: annotation(for: state.id, table)
        )
    }

    /// The return-only calls of one state, one group per code (ordered by value).
    ///
    /// A call whose every variant here returns this one code is shown by its base name
    /// (`setContent`); otherwise its variants are listed (`sendMessage(DISCONNECTED | CONNECTING)`).
    /// When a group holds every API call of the machine it reads `every call`. A call that also
    /// moves from this state under the same label (the second `cancelLocalInvitation`) is marked
    /// `again`.
    public static func annotation(for id: String, _ table: MachineTable) -> [String] {
        let rows = table.returnOnlyCalls.filter { $0.state == id }
        guard !rows.isEmpty else { return [] }
        let moving = Set(table.transitions.filter { $0.from == id }.map(\.event))
        let movingBases = Set(moving.map(DiagramText.baseName))
        var codesOfBase: [String: Set<String>] = [:]
        for row in rows { codesOfBase[DiagramText.baseName(row.call), default: []].insert(row.code) }
        let allCalls = apiCalls(table)

        var codes: [(name: String, value: Int)] = []
        var variants: [String: [(base: String, labels: [String])]] = [:]
        for row in rows {
            if variants[row.code] == nil { codes.append((row.code, row.value)) }
            let base = DiagramText.baseName(row.call)
            var label = DiagramText.shorten(row.call)
            if moving.contains(row.call) { label += " again" }
            var list = variants[row.code] ?? []
            if let index = list.firstIndex(where: { $0.base == base }) {
                if !list[index].labels.contains(label) { list[index].labels.append(label) }
            } else {
                list.append((base, [label]))
            }
            variants[row.code] = list
        }
        codes.sort { ($0.value, $0.name) < ($1.value, $1.name) }

        var lines: [String] = []
        for code in codes {
            let groups = variants[code.name] ?? []
            let collapsed = groups.map { group in
                !movingBases.contains(group.base) && (codesOfBase[group.base]?.count ?? 0) == 1
            }
            var shown: [String]
            if collapsed.allSatisfy({ $0 }), allCalls.count > 1, Set(groups.map(\.base)) == allCalls {
                shown = ["every call"]
            } else {
                shown = zip(groups, collapsed).flatMap { group, collapse in
                    collapse ? [group.base] : joinVariants(group.base, group.labels)
                }
            }
            let suffix = " → \(SDKName.shortLabel(code.name)) (\(code.value))"
            var wrapped = DiagramText.wrap(shown, width: annotationWidth - suffix.count)
            if let last = wrapped.popLast() { wrapped.append(last + suffix) }
            lines += wrapped
        }
        return lines
    }

    /// The base names of the events that return a code somewhere: the machine's API calls.
    static func apiCalls(_ table: MachineTable) -> Set<String> {
        Set(
            table.returnOnlyCalls.map { DiagramText.baseName($0.call) }
                + table.transitions.filter { $0.returnCode != nil }.map { DiagramText.baseName($0.event) }
        )
    }

    /// `base(a | b)` for the labels `base(a)` and `base(b)`; other labels (`base`, `base again`)
    /// stay items of their own, first.
    static func joinVariants(_ base: String, _ labels: [String]) -> [String] {
        let prefix = base + "("
        var plain: [String] = []
        var arguments: [String] = []
        for label in labels {
            if label.hasPrefix(prefix), label.hasSuffix(")") {
                arguments.append(String(label.dropFirst(prefix.count).dropLast()))
            } else {
                plain.append(label)
            }
        }
        guard !arguments.isEmpty else { return plain }
        return plain + [base + "(" + arguments.joined(separator: " | ") + ")"]
    }
}
