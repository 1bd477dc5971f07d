import Testing

@testable import StateGraph

@Suite struct QuotientTests {
    /// Global states "caller|callee"; the caller's view keeps the part before "|".
    static func explored() -> StateGraph {
        StateGraph(
            nodes: [
                Node(id: "IDLE|IDLE", label: "IDLE|IDLE", kind: .initial),
                Node(id: "SENT|IDLE"),
                Node(id: "SENT|RECEIVED", isHighlighted: true),
                Node(id: "ACCEPTED|ACCEPTED", kind: .terminal, annotation: ["b"]),
                Node(id: "ACCEPTED|GONE", kind: .error, annotation: ["a", "b"]),
            ],
            edges: [
                Edge(from: "IDLE|IDLE", to: "SENT|IDLE", label: "send", count: 4),
                Edge(from: "SENT|IDLE", to: "SENT|RECEIVED", label: "deliver", count: 3),
                Edge(from: "SENT|RECEIVED", to: "ACCEPTED|ACCEPTED", label: "accept", count: 2),
                Edge(from: "SENT|RECEIVED", to: "ACCEPTED|GONE", label: "accept"),
                Edge(from: "SENT|IDLE", to: "SENT|IDLE", label: "tick", count: 5, style: .uncovered),
            ]
        )
    }

    static func callerView(_ node: Node) -> String {
        String(node.id.split(separator: "|").first ?? "")
    }

    @Test("merges states by view key and sums edge counts, an uncounted edge counting once")
    func counts() {
        let view = Self.explored().quotient(by: Self.callerView)
        #expect(view.nodes.map(\.id) == ["ACCEPTED", "IDLE", "SENT"])
        #expect(view.edge(from: "IDLE", to: "SENT", label: "send")?.count == 4)
        #expect(view.edge(from: "SENT", to: "ACCEPTED", label: "accept")?.count == 3)
        #expect(view.edge(from: "SENT", to: "SENT", label: "deliver")?.count == 3)
        #expect(view.edge(from: "SENT", to: "SENT", label: "tick")?.count == 5)
        #expect(view.edgeCount == 4)
    }

    @Test("drops edges inside one class when asked")
    func dropSelfLoops() {
        let view = Self.explored().quotient(by: Self.callerView, dropSelfLoops: true)
        #expect(view.edges.map { "\($0.from)->\($0.to)" } == ["IDLE->SENT", "SENT->ACCEPTED"])
    }

    @Test("merges kinds by precedence, highlights and annotations as unions, labels by agreement")
    func mergedNodes() {
        let view = Self.explored().quotient(by: Self.callerView)
        #expect(view.node("ACCEPTED")?.kind == .error)
        #expect(view.node("ACCEPTED")?.annotation == ["a", "b"])
        #expect(view.node("ACCEPTED")?.label == "ACCEPTED")
        #expect(view.node("IDLE")?.kind == .initial)
        #expect(view.node("IDLE")?.label == "IDLE|IDLE")
        #expect(view.node("SENT")?.isHighlighted == true)
        #expect(view.node("IDLE")?.isHighlighted == false)
    }

    @Test("is the identity (up to counts) when every node is its own class")
    func identity() {
        let graph = Fixtures.invitation()
        let same = graph.quotient(by: \.id)
        #expect(same.nodes == graph.nodes)
        #expect(same.edges.map(\.key) == graph.edges.map(\.key))
        #expect(same.edges.map(\.count) == graph.edges.map { $0.count ?? 1 })
    }
}
