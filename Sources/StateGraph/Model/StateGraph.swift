/// A directed graph of states and transitions, built in memory and drawn by ``DOTWriter``.
///
/// A value type: nodes are keyed by their id, edges by ``Edge/Key`` (from, to, label). Reading
/// `nodes` and `edges` always gives them sorted, so everything derived from a graph (DOT text,
/// JSON) is independent of the order in which it was built.
///
/// ```swift
/// var graph = StateGraph(attributes: .init(title: "LocalInvitation"))
/// graph.addNode(.sdkState("LOCAL_INVITATION_STATE_IDLE", kind: .initial))
/// graph.addNode(.sdkState("LOCAL_INVITATION_STATE_SENT_TO_REMOTE"))
/// graph.addEdge(Edge(from: "LOCAL_INVITATION_STATE_IDLE", to: "LOCAL_INVITATION_STATE_SENT_TO_REMOTE",
///                    label: "sendLocalInvitation"))
/// let dot = DOTWriter().write(graph)
/// ```
///
/// - Complexity: `addNode` and `addEdge` are O(1) on average; `nodes` and `edges` sort, O(n log n).
public struct StateGraph: Hashable, Sendable {
    /// Graph-wide settings.
    public var attributes: GraphAttributes
    private var nodesByID: [String: Node] = [:]
    private var edgesByKey: [Edge.Key: Edge] = [:]

    /// Creates an empty graph.
    public init(attributes: GraphAttributes = GraphAttributes()) {
        self.attributes = attributes
    }

    /// Creates a graph from nodes and edges (added in order with ``addNode(_:)`` and ``addEdge(_:)``).
    public init(attributes: GraphAttributes = GraphAttributes(), nodes: [Node], edges: [Edge]) {
        self.attributes = attributes
        for node in nodes { addNode(node) }
        for edge in edges { addEdge(edge) }
    }

    /// All nodes, sorted by id.
    public var nodes: [Node] {
        nodesByID.values.sorted { $0.id < $1.id }
    }

    /// All edges, sorted by (from, to, label).
    public var edges: [Edge] {
        edgesByKey.values.sorted { $0.key < $1.key }
    }

    /// The number of nodes.
    public var nodeCount: Int { nodesByID.count }

    /// The number of edges (distinct keys).
    public var edgeCount: Int { edgesByKey.count }

    /// The node with this id, if any.
    public func node(_ id: String) -> Node? {
        nodesByID[id]
    }

    /// The edge with this key, if any.
    public func edge(from: String, to: String, label: String = "") -> Edge? {
        edgesByKey[Edge.Key(from: from, to: to, label: label)]
    }

    /// Adds a node, replacing any node with the same id.
    public mutating func addNode(_ node: Node) {
        nodesByID[node.id] = node
    }

    /// Adds an edge, merging it (``Edge/merged(with:)``) with an edge of the same key. An endpoint
    /// that is not yet a node becomes a `.normal` node labelled with its id; a later
    /// ``addNode(_:)`` replaces it.
    public mutating func addEdge(_ edge: Edge) {
        for id in [edge.from, edge.to] where nodesByID[id] == nil {
            nodesByID[id] = Node(id: id)
        }
        if let existing = edgesByKey[edge.key] {
            edgesByKey[edge.key] = existing.merged(with: edge)
        } else {
            edgesByKey[edge.key] = edge
        }
    }

    /// Changes the node with this id in place; does nothing if there is none. The id cannot change.
    public mutating func updateNode(_ id: String, _ change: (inout Node) -> Void) {
        guard var node = nodesByID[id] else { return }
        change(&node)
        node.id = id
        nodesByID[id] = node
    }

    /// Highlights a path: every node on it, and every edge between consecutive ids (all labels).
    /// Ids that are not nodes are skipped.
    public mutating func highlightPath(_ ids: [String]) {
        for id in ids {
            updateNode(id) { $0.isHighlighted = true }
        }
        let steps = Set(zip(ids, ids.dropFirst()).map { [$0.0, $0.1] })
        for (key, var edge) in edgesByKey where steps.contains([key.from, key.to]) {
            edge.style = .highlight
            edgesByKey[key] = edge
        }
    }
}
