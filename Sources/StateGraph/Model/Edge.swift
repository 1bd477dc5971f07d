/// One transition in a ``StateGraph``: `from -> to`, labelled (usually with the event).
///
/// Edges are identified by ``Key`` (`from`, `to`, `label`): adding an edge whose key is already
/// present merges the two (``merged(with:)``), so one diagram arrow stands for every occurrence
/// of that transition, and its `count` says how many there were.
public struct Edge: Hashable, Sendable, Codable {
    /// How an edge is drawn.
    public enum Style: String, Hashable, Sendable, Codable, CaseIterable {
        /// An ordinary transition.
        case normal
        /// A transition on a highlighted path (a counterexample); drawn thick and coloured.
        case highlight
        /// A transition the model allows but no run took (coverage); drawn dashed and grey.
        case uncovered

        /// Which style wins when edges merge: `highlight` over `normal` over `uncovered`
        /// (one covered occurrence makes the merged transition covered).
        var mergePrecedence: Int {
            switch self {
            case .uncovered: 0
            case .normal: 1
            case .highlight: 2
            }
        }
    }

    /// The identity of an edge: its endpoints and label. Ordered by `from`, `to`, then `label`.
    public struct Key: Hashable, Sendable, Comparable {
        /// The source node's id.
        public var from: String
        /// The target node's id.
        public var to: String
        /// The edge's label.
        public var label: String

        /// Lexicographic order on (`from`, `to`, `label`).
        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.from, lhs.to, lhs.label) < (rhs.from, rhs.to, rhs.label)
        }
    }

    /// The source node's id.
    public var from: String
    /// The target node's id.
    public var to: String
    /// The text drawn on the edge (an event name); may be empty.
    public var label: String
    /// How many times the transition was taken, drawn after the label as `×N`; `nil` draws none.
    public var count: Int?
    /// How the edge is drawn.
    public var style: Style

    /// Creates an edge.
    public init(from: String, to: String, label: String = "", count: Int? = nil, style: Style = .normal) {
        self.from = from
        self.to = to
        self.label = label
        self.count = count
        self.style = style
    }

    /// The edge's identity.
    public var key: Key { Key(from: from, to: to, label: label) }

    /// This edge merged with another of the same key: counts add up (`nil` stands for "not
    /// counted": `nil + nil` is `nil`, `nil + n` is `n`), and the style of higher precedence wins.
    /// Counts saturate at `Int.max` rather than overflow.
    public func merged(with other: Edge) -> Edge {
        var result = self
        switch (count, other.count) {
        case (nil, nil): result.count = nil
        case (let a?, nil): result.count = a
        case (nil, let b?): result.count = b
        case (let a?, let b?): result.count = a.addingReportingOverflow(b).overflow ? Int.max : a + b
        }
        if other.style.mergePrecedence > style.mergePrecedence {
            result.style = other.style
        }
        return result
    }

    private enum CodingKeys: String, CodingKey {
        case from, to, label, count, style
    }

    /// Decodes an edge; `label` and `style` may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decode(String.self, forKey: .from)
        to = try container.decode(String.self, forKey: .to)
        label = try container.decodeIfPresent(String.self, forKey: .label) ?? ""
        count = try container.decodeIfPresent(Int.self, forKey: .count)
        style = try container.decodeIfPresent(Style.self, forKey: .style) ?? .normal
    }

    /// Encodes an edge, leaving out an absent `count`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(label, forKey: .label)
        try container.encodeIfPresent(count, forKey: .count)
        try container.encode(style, forKey: .style)
    }
}
