extension StateGraph {
    /// The graph seen through a view: nodes with the same view key become one node, and edges
    /// between them one edge per (from key, to key, label), with counts summed.
    ///
    /// Used to project an explored state space (thousands of global states) onto what one client
    /// sees (a handful of SDK states), with the counts saying how often each transition occurred.
    ///
    /// A merged node has the key as id; it keeps the members' label, full name and kind when they
    /// agree, and otherwise is labelled with the key, has no full name, and takes the kind of
    /// highest precedence (error, initial, terminal, normal). It is highlighted if any member is,
    /// and its annotation is the sorted union of the members' lines. Each edge counts as its
    /// `count`, or as one transition when it has none. Edges inside one class become self-loops
    /// unless `dropSelfLoops` is set.
    ///
    /// ```swift
    /// let callerView = explored.quotient { node in node.id.components(separatedBy: "|")[0] }
    /// ```
    ///
    /// - Complexity: O((n + e) log(n + e)).
    public func quotient(by key: (Node) -> String, dropSelfLoops: Bool = false) -> StateGraph {
        var members: [String: [Node]] = [:]
        var keyOfID: [String: String] = [:]
        for node in nodes {
            let viewKey = key(node)
            keyOfID[node.id] = viewKey
            members[viewKey, default: []].append(node)
        }

        var result = StateGraph(attributes: attributes)
        for (viewKey, group) in members {
            result.addNode(Self.merge(group, into: viewKey))
        }
        for edge in edges {
            guard let from = keyOfID[edge.from], let to = keyOfID[edge.to] else { continue }
            if dropSelfLoops && from == to { continue }
            result.addEdge(Edge(from: from, to: to, label: edge.label, count: edge.count ?? 1, style: edge.style))
        }
        return result
    }

    /// One node standing for `group` (non-empty, sorted by id).
    private static func merge(_ group: [Node], into id: String) -> Node {
        let labels = Set(group.map(\.label))
        let fullNames = Set(group.map(\.fullName))
        let kind = group.map(\.kind).max { $0.mergePrecedence < $1.mergePrecedence } ?? .normal
        return Node(
            id: id,
            label: labels.count == 1 ? labels.first : id,
            kind: kind,
            fullName: fullNames.count == 1 ? (fullNames.first ?? nil) : nil,
            annotation: Set(group.flatMap(\.annotation)).sorted(),
            isHighlighted: group.contains(where: \.isHighlighted)
        )
    }
}
