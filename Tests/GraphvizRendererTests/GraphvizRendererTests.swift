import Foundation
import StateGraph
import Testing

@testable import GraphvizRenderer

@Suite struct GraphvizRendererTests {
    static func invitation() -> StateGraph {
        let idle = "LOCAL_INVITATION_STATE_IDLE"
        let sent = "LOCAL_INVITATION_STATE_SENT_TO_REMOTE"
        let received = "LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE"
        let failure = "LOCAL_INVITATION_STATE_FAILURE"
        return StateGraph(
            attributes: GraphAttributes(name: "LocalInvitation", title: "Local <invitation> & \"friends\""),
            nodes: [
                .sdkState(idle, kind: .initial),
                .sdkState(sent, isHighlighted: true),
                .sdkState(received, annotation: ["sendLocalInvitation -> INVITATION_API_CALL_ERR_ALREADY_SENT (5)"]),
                .sdkState(failure, kind: .error),
            ],
            edges: [
                Edge(from: idle, to: sent, label: "sendLocalInvitation", count: 3, style: .highlight),
                Edge(from: sent, to: received, label: "ackReceived"),
                Edge(from: sent, to: failure, label: "peerOffline", style: .uncovered),
            ]
        )
    }

    @Test("renders SVG that parses as XML and shows every node's label and full SDK name")
    func svg() throws {
        let graph = Self.invitation()
        let rendering = try GraphvizRenderer.render(graph, format: .svg)
        #expect(rendering.engine == .dot)
        let svg = try #require(SVGText.parse(rendering.data))
        for node in graph.nodes {
            #expect(svg.texts.contains(node.label), "label \(node.label) missing")
            #expect(svg.titles.contains(node.fullName ?? ""), "tooltip \(node.id) missing")
        }
        #expect(svg.texts.contains("Local <invitation> & \"friends\""))
        #expect(svg.texts.contains("sendLocalInvitation ×3"))
    }

    @Test("renders PNG with the PNG signature and a non-empty IHDR size")
    func png() throws {
        let bytes = [UInt8](try GraphvizRenderer.render(Self.invitation(), format: .png).data)
        #expect(bytes.count > 33)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width > 100)
        #expect(height > 20)
    }

    @Test("renders laid-out DOT and xdot with positions", arguments: [OutputFormat.dot, .xdot])
    func laidOutDOT(format: OutputFormat) throws {
        let text = String(decoding: try GraphvizRenderer.render(Self.invitation(), format: format).data, as: UTF8.self)
        #expect(text.hasPrefix("digraph LocalInvitation {"))
        #expect(text.contains("pos=\""))
        #expect(text.contains("LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE"))
        #expect(text.contains("_draw_") == (format == .xdot))
    }

    @Test("throws Graphviz's syntax error for malformed DOT, then renders the next graph normally")
    func malformed() throws {
        _ = try GraphvizRenderer.render(dot: "digraph {\n a\n b\n}\n", format: .dot)
        #expect {
            try GraphvizRenderer.render(dot: "digraph { a -> ; }", format: .svg)
        } throws: { error in
            guard let error = error as? GraphvizError else { return false }
            return error.stage == .parse && error.message.contains("syntax error in line 1")
        }
        let svg = try GraphvizRenderer.render(dot: "digraph { after -> error }", format: .svg)
        #expect(SVGText.parse(svg.data)?.texts.contains("after") == true)
    }

    @Test("reads only the graph in this text, never text left over from the previous call")
    func noLeftoverInput() throws {
        let first = try GraphvizRenderer.render(dot: "digraph A {a} digraph B {b}", format: .svg)
        #expect(SVGText.parse(first.data)?.texts == ["a"])
        let second = try GraphvizRenderer.render(dot: "digraph C {c}", format: .svg)
        #expect(SVGText.parse(second.data)?.texts == ["c"])
    }

    @Test("returns Graphviz's warnings with the output instead of failing")
    func warnings() throws {
        let rendering = try GraphvizRenderer.render(dot: "digraph { a [shape=blob] }", format: .svg)
        #expect(rendering.warnings.contains { $0.hasPrefix("Warning:") && $0.contains("blob") })
        #expect(SVGText.parse(rendering.data)?.texts == ["a"])
        let clean = try GraphvizRenderer.render(dot: "digraph { a }", format: .svg)
        #expect(clean.warnings.isEmpty)
    }

    @Test("throws for text that holds no graph")
    func empty() {
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(dot: "", format: .svg) }
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(dot: "   \n", format: .png) }
    }

    @Test("throws with Graphviz's message for a malformed HTML label found during layout")
    func badHTMLLabel() {
        #expect {
            try GraphvizRenderer.render(dot: "digraph { a [label=<<B>unclosed>] }", format: .svg)
        } throws: { error in
            guard let error = error as? GraphvizError else { return false }
            return error.stage == .layout && error.message.contains("mismatched tag")
                && error.message.contains("in label of node a")
        }
    }

    @Test("refuses a graph beyond the layout limits without calling Graphviz")
    func refusal() {
        var limits = LayoutPlan.Limits()
        limits.maxNodes = 3
        #expect(throws: LayoutRefusal.self) {
            try GraphvizRenderer.render(Self.invitation(), format: .svg, limits: limits)
        }
    }

    @Test("lists dot and sfdp among the installed layout engines")
    func engines() throws {
        let engines = try GraphvizRenderer.availableLayoutEngines()
        #expect(engines.contains("dot"))
        #expect(engines.contains("sfdp"))
    }

    @Test("serialises concurrent renders from several tasks, each getting its own graph back")
    func concurrent() async throws {
        let results = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for index in 0..<8 {
                group.addTask {
                    let graph = StateGraph(nodes: [], edges: [Edge(from: "task\(index)", to: "done\(index)")])
                    let engine: LayoutEngine = index.isMultiple(of: 2) ? .dot : .sfdp
                    let rendering = try GraphvizRenderer.render(
                        dot: DOTWriter().write(graph),
                        engine: engine,
                        format: index % 3 == 0 ? .png : .svg
                    )
                    return (index, rendering.data)
                }
            }
            group.addTask {
                do {
                    _ = try GraphvizRenderer.render(dot: "digraph { ] }", format: .svg)
                    return (-1, Data())
                } catch let error as GraphvizError {
                    return (-1, Data(error.message.utf8))
                }
            }
            var collected: [Int: Data] = [:]
            for try await (index, data) in group { collected[index] = data }
            return collected
        }
        #expect(results.count == 9)
        #expect(String(decoding: results[-1] ?? Data(), as: UTF8.self).contains("syntax error"))
        for index in 0..<8 {
            let data = try #require(results[index])
            if index % 3 == 0 {
                #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
            } else {
                let texts = try #require(SVGText.parse(data)).texts
                #expect(texts.contains("task\(index)") && texts.contains("done\(index)"))
            }
        }
    }
}
