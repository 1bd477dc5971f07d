import Testing

@testable import StateGraph

@Suite struct LayoutPlanTests {
    /// A chain of `nodes` states with `extra` additional forward (or, if `cyclic`, backward) edges.
    static func graph(nodes: Int, extraEdges: Int = 0, cyclic: Bool = false) -> StateGraph {
        var graph = StateGraph()
        for index in 0..<nodes { graph.addNode(Node(id: "s\(index)")) }
        for index in 0..<max(0, nodes - 1) { graph.addEdge(Edge(from: "s\(index)", to: "s\(index + 1)")) }
        for index in 0..<extraEdges {
            let from = index % nodes
            let to = cyclic ? 0 : min(nodes - 1, from + 2)
            graph.addEdge(Edge(from: "s\(from)", to: "s\(to)", label: "e\(index)"))
        }
        return graph
    }

    @Test("picks dot for a machine-sized graph, even with cycles")
    func small() throws {
        #expect(try LayoutPlan.choose(for: Fixtures.invitation()).engine == .dot)
        #expect(try LayoutPlan.choose(for: Self.graph(nodes: 40, extraEdges: 10, cyclic: true)).engine == .dot)
    }

    @Test("picks dot for a moderately large acyclic graph and sfdp once it has cycles")
    func layered() throws {
        let acyclic = Self.graph(nodes: 250, extraEdges: 200)
        #expect(LayoutPlan.isAcyclic(acyclic))
        #expect(try LayoutPlan.choose(for: acyclic).engine == .dot)
        let cyclic = Self.graph(nodes: 250, extraEdges: 200, cyclic: true)
        #expect(!LayoutPlan.isAcyclic(cyclic))
        #expect(try LayoutPlan.choose(for: cyclic).engine == .sfdp)
    }

    @Test("ignores self-loops when deciding whether a graph is layered")
    func selfLoops() {
        var graph = Self.graph(nodes: 3)
        graph.addEdge(Edge(from: "s1", to: "s1"))
        #expect(LayoutPlan.isAcyclic(graph))
    }

    @Test("picks sfdp for a large graph within the limits")
    func large() throws {
        let plan = try LayoutPlan.choose(for: Self.graph(nodes: 1_000, extraEdges: 2_000))
        #expect(plan.engine == .sfdp)
        #expect(plan.reason.contains("1000 nodes"))
    }

    @Test("refuses a graph beyond the node limit, suggesting a projection", arguments: [(2_001, 0), (500, 5_600)])
    func refusal(nodes: Int, extraEdges: Int) {
        let graph = Self.graph(nodes: nodes, extraEdges: extraEdges, cyclic: true)
        #expect(graph.nodeCount > 2_000 || graph.edgeCount > 6_000)
        #expect {
            try LayoutPlan.choose(for: graph)
        } throws: { error in
            guard let refusal = error as? LayoutRefusal else { return false }
            return refusal.description.contains("quotient(by:)") && refusal.nodes == graph.nodeCount
        }
    }
}
