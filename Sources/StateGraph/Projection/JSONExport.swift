#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension StateGraph: Codable {
    private enum CodingKeys: String, CodingKey {
        case attributes, nodes, edges
    }

    /// Decodes a graph from `{"attributes": …, "nodes": […], "edges": […]}`; repeated edges merge.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            attributes: try container.decodeIfPresent(GraphAttributes.self, forKey: .attributes) ?? GraphAttributes(),
            nodes: try container.decodeIfPresent([Node].self, forKey: .nodes) ?? [],
            edges: try container.decodeIfPresent([Edge].self, forKey: .edges) ?? []
        )
    }

    /// Encodes the graph with nodes and edges as sorted arrays.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(attributes, forKey: .attributes)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(edges, forKey: .edges)
    }

    /// The graph as pretty-printed JSON with sorted keys, ending with a newline: byte-identical for
    /// equal graphs.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a graph written by ``jsonData()``.
    public static func fromJSON(_ data: Data) throws -> StateGraph {
        try JSONDecoder().decode(StateGraph.self, from: data)
    }
}
