/// Graph-wide settings of a ``StateGraph``: its name, title and layout direction.
public struct GraphAttributes: Hashable, Sendable, Codable {
    /// The direction in which `dot` lays out ranks.
    public enum RankDirection: String, Hashable, Sendable, Codable, CaseIterable {
        /// Left to right (the default: state names read along the arrows).
        case leftToRight = "LR"
        /// Top to bottom.
        case topToBottom = "TB"
        /// Right to left.
        case rightToLeft = "RL"
        /// Bottom to top.
        case bottomToTop = "BT"
    }

    /// The DOT graph name (`digraph "name" { ... }`).
    public var name: String
    /// A caption drawn above the diagram; `nil` draws none.
    public var title: String?
    /// The layout direction.
    public var rankDirection: RankDirection

    /// Creates graph attributes; by default named `StateGraph`, untitled, laid out left to right.
    public init(name: String = "StateGraph", title: String? = nil, rankDirection: RankDirection = .leftToRight) {
        self.name = name
        self.title = title
        self.rankDirection = rankDirection
    }
}
