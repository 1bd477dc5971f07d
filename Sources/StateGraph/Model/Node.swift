/// One state in a ``StateGraph``.
///
/// A node has a stable string `id` (DOT output and JSON are sorted by it), a short `label` to
/// draw, and an optional `fullName`, the SDK's own spelling of the state
/// (`LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE`), which ``DOTWriter`` keeps in the output as the
/// node's tooltip so that every full SDK name appears in the DOT text and in SVG hover titles.
///
/// ```swift
/// let node = Node.sdkState("LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE")
/// // node.label == "RECEIVED_BY_REMOTE"
/// ```
public struct Node: Hashable, Sendable, Codable {
    /// What role a state plays in the diagram; it decides the node's shape and colour.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A state the machine starts in; drawn with an arrow from a small dot.
        case initial
        /// An ordinary state.
        case normal
        /// A final state: the lifecycle has ended; drawn with a double outline.
        case terminal
        /// A state that must not be reached (a violation); drawn in red.
        case error

        /// Which kind wins when several states merge into one (``StateGraph/quotient(by:dropSelfLoops:)``):
        /// `error` over `initial` over `terminal` over `normal`.
        var mergePrecedence: Int {
            switch self {
            case .normal: 0
            case .terminal: 1
            case .initial: 2
            case .error: 3
            }
        }
    }

    /// The stable identity of the state; never shown unless `label` is empty.
    public var id: String
    /// The text drawn in the node.
    public var label: String
    /// The node's role: initial, normal, terminal or error.
    public var kind: Kind
    /// The full SDK name of the state, written as the node's tooltip.
    public var fullName: String?
    /// Extra text drawn under the label in a smaller font, one entry per line (for example the
    /// illegal API calls in this state, grouped, with the codes they return).
    public var annotation: [String]
    /// Whether the node lies on a highlighted path (a counterexample, a chosen trace).
    public var isHighlighted: Bool

    /// Creates a node; `label` defaults to `id`.
    public init(
        id: String,
        label: String? = nil,
        kind: Kind = .normal,
        fullName: String? = nil,
        annotation: [String] = [],
        isHighlighted: Bool = false
    ) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.fullName = fullName
        self.annotation = annotation
        self.isHighlighted = isHighlighted
    }

    /// A node for an SDK state: the id and tooltip are the full SDK name, the label its short form
    /// (``SDKName/shortLabel(_:)``).
    public static func sdkState(
        _ sdkName: String,
        kind: Kind = .normal,
        annotation: [String] = [],
        isHighlighted: Bool = false
    ) -> Node {
        Node(
            id: sdkName,
            label: SDKName.shortLabel(sdkName),
            kind: kind,
            fullName: sdkName,
            annotation: annotation,
            isHighlighted: isHighlighted
        )
    }

    private enum CodingKeys: String, CodingKey {
        case id, label, kind, fullName, annotation, isHighlighted
    }

    /// Decodes a node; `label`, `kind`, `annotation` and `isHighlighted` may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decodeIfPresent(String.self, forKey: .label) ?? id
        kind = try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .normal
        fullName = try container.decodeIfPresent(String.self, forKey: .fullName)
        annotation = try container.decodeIfPresent([String].self, forKey: .annotation) ?? []
        isHighlighted = try container.decodeIfPresent(Bool.self, forKey: .isHighlighted) ?? false
    }

    /// Encodes a node, leaving out an absent `fullName`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(label, forKey: .label)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(fullName, forKey: .fullName)
        try container.encode(annotation, forKey: .annotation)
        try container.encode(isHighlighted, forKey: .isHighlighted)
    }
}
