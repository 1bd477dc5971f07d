import RTMMachines

/// What a machine diagram needs to know about a ``StateMachine`` beyond the protocol itself.
///
/// `StateMachine` gives the states, the events and their labels. A diagram also needs to know
/// which states end the lifecycle (drawn with a double outline), the internal label of a state
/// (for `--detail`), and which effects are return codes (an API call that only returns a code and
/// does not move is drawn as a line of its state's annotation, not as an edge) and which are
/// callbacks (listed on the edge). The conformances for the client machines are in
/// `Machines+Diagram.swift`; they read the machines' own labels, so nothing is drawn by hand.
///
/// ```swift
/// let diagram = MachineDiagram.derive(LocalInvitationMachine.self)
/// ```
public protocol DiagrammableMachine: StateMachine {
    /// The diagram's name, used as the DOT graph name (`LocalInvitation`).
    static var diagramName: String { get }
    /// One line on what the diagram shows, drawn as its caption.
    static var diagramCaption: String { get }
    /// Whether `state` ends the lifecycle: no API call or message moves it any more.
    static func isTerminal(_ state: State) -> Bool
    /// The state's label with its internal detail (`sentToRemote(calleeOffline)`).
    static func detailLabel(_ state: State) -> String
    /// What `effect` means to a diagram: a return code, a callback, or something else.
    static func diagramEffect(_ effect: Effect) -> DiagramEffect
    /// The label drawn for `event`; by default ``StateMachine/eventLabel(_:)``.
    static func diagramEventLabel(_ event: Event) -> String
}

extension DiagrammableMachine {
    /// The machine's own event label.
    public static func diagramEventLabel(_ event: Event) -> String { eventLabel(event) }
}

/// How a diagram sees one effect of a step.
public enum DiagramEffect: Hashable, Sendable {
    /// The synchronous return value of an API call: the SDK's code name and its value.
    case returnCode(name: String, value: Int)
    /// A callback to the app's event handler, as it is drawn (`onLocalInvitationFailure(PEER_OFFLINE)`).
    case callback(String)
    /// A message to the other side, drawn like a callback but marked as sent (`send invite`).
    case message(String)
    /// Anything else (timers, internal orders): not drawn.
    case internalOrder
}
