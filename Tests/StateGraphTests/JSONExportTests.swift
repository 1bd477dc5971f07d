import Testing

@testable import StateGraph

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct JSONExportTests {
    @Test("reads back exactly the graph it wrote")
    func roundTrip() throws {
        let graph = Fixtures.invitation()
        let decoded = try StateGraph.fromJSON(try graph.jsonData())
        #expect(decoded == graph)
        #expect(DOTWriter().write(decoded) == DOTWriter().write(graph))
    }

    @Test("writes byte-identical JSON with sorted keys whatever order the graph was built in")
    func deterministic() throws {
        let a = try Fixtures.invitation().jsonData()
        let b = try Fixtures.invitation(nodeOrder: [4, 3, 2, 1, 0], edgeOrder: [3, 2, 1, 0]).jsonData()
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"attributes\" : {\n    \"name\" : \"LocalInvitation\",\n"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test("reads a hand-written graph that leaves out optional fields")
    func minimalInput() throws {
        let json =
            #"{"nodes": [{"id": "a"}], "edges": [{"from": "a", "to": "b"}, {"from": "a", "to": "b", "count": 2}]}"#
        let graph = try StateGraph.fromJSON(Data(json.utf8))
        #expect(graph.attributes == GraphAttributes())
        #expect(graph.nodes == [Node(id: "a"), Node(id: "b")])
        #expect(graph.edges == [Edge(from: "a", to: "b", count: 2)])
    }

    @Test("rejects an unknown node kind")
    func badKind() {
        let json = #"{"nodes": [{"id": "a", "kind": "final"}]}"#
        #expect(throws: DecodingError.self) { try StateGraph.fromJSON(Data(json.utf8)) }
    }
}
