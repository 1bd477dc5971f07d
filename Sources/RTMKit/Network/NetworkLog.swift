/// Why a message was lost.
public enum DropReason: String, Hashable, Sendable {
    /// The loss fault (automatic mode).
    case loss
    /// The link was down when the message was sent, or went down while it was in flight.
    case linkDown
    /// The sender or the receiver restarted while it was in flight.
    case restart
    /// The owner (a trace replay, a test) said `drop(id)`.
    case dictated
}

/// One thing the network did. The owner's recorder writes these into a trace; a dictated
/// replay feeds the same steps back.
public enum NetworkStep: Hashable, Sendable {
    /// A message entered the network; `deliverAtMs` is when it is due (nil in dictated mode or
    /// when it is lost on the spot).
    case sent(MessageID, from: EndpointID, to: EndpointID, deliverAtMs: UInt64?)
    /// The message reached its receiver.
    case delivered(MessageID)
    /// The message was lost.
    case dropped(MessageID, DropReason)
    /// A copy of the message entered the network with its own ID.
    case duplicated(MessageID, copy: MessageID, deliverAtMs: UInt64?)
    /// The reordering fault held the message back, letting later ones on its link overtake it.
    case delayed(MessageID, extraMs: UInt64)
    case linkDown(LinkID)
    case linkUp(LinkID)
    case endpointRestarted(EndpointID)
    case timerScheduled(TimerID, TimerToken, fireAtMs: UInt64)
    case timerCancelled(TimerID)
    case timerFired(TimerID)
    /// Virtual time moved forward.
    case clockAdvanced(toMs: UInt64)
}

/// A ``NetworkStep`` with the virtual time it happened at; `description` is one stable text line.
public struct NetworkLogEntry: Hashable, Sendable, CustomStringConvertible {
    public var atMs: UInt64
    public var step: NetworkStep

    public init(atMs: UInt64, step: NetworkStep) {
        self.atMs = atMs
        self.step = step
    }

    public var description: String {
        "@\(atMs) " + stepText
    }

    private var stepText: String {
        switch step {
        case .sent(let id, let from, let to, let deliverAt):
            return "send \(id) \(from)->\(to)" + (deliverAt.map { " due@\($0)" } ?? "")
        case .delivered(let id):
            return "deliver \(id)"
        case .dropped(let id, let reason):
            return "drop \(id) (\(reason.rawValue))"
        case .duplicated(let id, let copy, let deliverAt):
            return "duplicate \(id) as \(copy)" + (deliverAt.map { " due@\($0)" } ?? "")
        case .delayed(let id, let extra):
            return "delay \(id) +\(extra)"
        case .linkDown(let link):
            return "link-down \(link)"
        case .linkUp(let link):
            return "link-up \(link)"
        case .endpointRestarted(let endpoint):
            return "restart \(endpoint)"
        case .timerScheduled(let id, let token, let fireAt):
            return "timer \(id) \(token) due@\(fireAt)"
        case .timerCancelled(let id):
            return "cancel \(id)"
        case .timerFired(let id):
            return "fire \(id)"
        case .clockAdvanced(let to):
            return "advance \(to)"
        }
    }
}
