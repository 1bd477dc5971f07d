import Testing

@testable import StateGraph

@Suite struct StateGraphModelTests {
    @Test("merges an edge added twice: counts add up and highlight wins over normal over uncovered")
    func edgeMerge() {
        var graph = StateGraph()
        graph.addEdge(Edge(from: "a", to: "b", label: "go", count: 2, style: .uncovered))
        graph.addEdge(Edge(from: "a", to: "b", label: "go", count: 3, style: .normal))
        #expect(graph.edge(from: "a", to: "b", label: "go") == Edge(from: "a", to: "b", label: "go", count: 5))
        graph.addEdge(Edge(from: "a", to: "b", label: "go", style: .highlight))
        #expect(graph.edge(from: "a", to: "b", label: "go")?.count == 5)
        #expect(graph.edge(from: "a", to: "b", label: "go")?.style == .highlight)
        #expect(graph.edgeCount == 1)
    }

    @Test("keeps uncounted edges uncounted and saturates instead of overflowing")
    func countArithmetic() {
        let plain = Edge(from: "a", to: "b")
        #expect(plain.merged(with: plain).count == nil)
        let huge = Edge(from: "a", to: "b", count: Int.max)
        #expect(huge.merged(with: Edge(from: "a", to: "b", count: 1)).count == Int.max)
    }

    @Test("creates missing endpoints as normal nodes that a later addNode replaces")
    func implicitNodes() {
        var graph = StateGraph()
        graph.addEdge(Edge(from: "a", to: "b"))
        #expect(graph.nodes.map(\.id) == ["a", "b"])
        #expect(graph.node("b") == Node(id: "b"))
        graph.addNode(Node(id: "b", label: "Bee", kind: .terminal))
        #expect(graph.node("b")?.kind == .terminal)
        graph.addEdge(Edge(from: "b", to: "a"))
        #expect(graph.node("b")?.label == "Bee")
    }

    @Test("highlights every node and edge along a path and nothing else")
    func highlightPath() {
        var graph = StateGraph(
            nodes: [],
            edges: [
                Edge(from: "a", to: "b", label: "x"), Edge(from: "a", to: "b", label: "y"),
                Edge(from: "b", to: "c"), Edge(from: "a", to: "c"),
            ]
        )
        graph.highlightPath(["a", "b", "c", "missing"])
        #expect(graph.nodes.filter(\.isHighlighted).map(\.id) == ["a", "b", "c"])
        #expect(graph.edges.filter { $0.style == .highlight }.map(\.label) == ["x", "y", ""])
        #expect(graph.edge(from: "a", to: "c")?.style == .normal)
    }
}
