import Foundation
import StateGraph
import Testing

@testable import GraphvizRenderer

/// A manual check, not a timed test: run with `RTMCHECK_MANUAL_TIMING=1 swift test --filter ManualTiming`
/// to print how long a state-space-sized graph takes through `sfdp`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["RTMCHECK_MANUAL_TIMING"] != nil))
struct ManualTimingTests {
    /// 1,000 states and 3,000 labelled transitions, about 10 % of them back edges, from a fixed-seed
    /// linear congruential generator (the same graph every run).
    static func stateSpaceShaped(nodes: Int = 1_000, edges: Int = 3_000) -> StateGraph {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var graph = StateGraph()
        graph.addNode(Node(id: "s0", label: "STATE_0", kind: .initial))
        for index in 1..<nodes { graph.addNode(Node(id: "s\(index)", label: "STATE_\(index)")) }
        let events = ["send", "accept", "refuse", "cancel", "ack"]
        while graph.edgeCount < edges {
            let from = next(nodes)
            let to = next(10) == 0 ? next(from + 1) : min(nodes - 1, from + 1 + next(8))
            graph.addEdge(Edge(from: "s\(from)", to: "s\(to)", label: events[next(events.count)], count: 1 + next(5)))
        }
        return graph
    }

    @Test("prints the time to lay out and render 1,000 nodes / 3,000 edges with sfdp")
    func sfdpThousand() throws {
        let graph = Self.stateSpaceShaped()
        let plan = try LayoutPlan.choose(for: graph)
        #expect(plan.engine == .sfdp)
        let dot = DOTWriter().write(graph)
        let clock = ContinuousClock()
        for format in [OutputFormat.svg, .png] {
            var rendering: Rendering?
            let elapsed = try clock.measure {
                rendering = try GraphvizRenderer.render(dot: dot, engine: plan.engine, format: format)
            }
            let bytes = rendering?.data.count ?? 0
            let size = "\(graph.nodeCount) nodes / \(graph.edgeCount) edges"
            print("sfdp \(size) -> \(format.rawValue): \(elapsed), \(bytes) bytes")
            #expect(bytes > 0)
        }
    }
}
