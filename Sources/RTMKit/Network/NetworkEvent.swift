/// One message on its way, with where it came from and where it goes.
public struct Envelope<Message: Sendable>: Sendable {
    public var id: MessageID
    public var from: EndpointID
    public var to: EndpointID
    /// Virtual time of the `send` call, in milliseconds.
    public var sentAtMs: UInt64
    /// The ID of the message this one is a copy of, if it is a duplicate.
    public var duplicateOf: MessageID?
    public var message: Message
}

extension Envelope: Equatable where Message: Equatable {}
extension Envelope: Hashable where Message: Hashable {}

/// Something the owner of a ``SimulatedNetwork`` must act on, returned by
/// ``SimulatedNetwork/step()``: the owner dispatches it to the endpoint it concerns.
public enum NetworkEvent<Message: Sendable>: Sendable {
    /// `envelope.to` receives `envelope.message`.
    case delivered(Envelope<Message>)
    /// A timer that `token.owner` scheduled has fired.
    case timerFired(TimerID, TimerToken)
    /// The link went down: messages in flight on it are lost; both endpoints should learn it
    /// (a client sees its connection interrupted).
    case linkDown(LinkID)
    /// The link is back up.
    case linkUp(LinkID)
    /// The endpoint crashed and restarted: it loses its state; its messages in flight and its
    /// timers are gone.
    case endpointRestarted(EndpointID)
}

extension NetworkEvent: Equatable where Message: Equatable {}
extension NetworkEvent: Hashable where Message: Hashable {}

/// How ``SimulatedNetwork/runUntilQuiet(maxSteps:_:)`` ended.
public enum RunOutcome: Hashable, Sendable {
    /// Nothing was left to happen after this many steps: no message in flight, no timer.
    case quiet(steps: Int)
    /// The step budget ran out with events still pending (a livelock, or a periodic timer).
    case stepLimitReached(steps: Int)
}

/// A dictated step the network could not carry out: the trace and the run have diverged.
public enum DictationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No message with this ID is in flight (never sent, already delivered or dropped).
    case unknownMessage(MessageID)
    /// `advance(to:)` was asked to move the clock backwards.
    case clockWouldGoBack(fromMs: UInt64, toMs: UInt64)
    /// A dictating call was made on a network in automatic mode.
    case notDictated

    public var description: String {
        switch self {
        case .unknownMessage(let id): return "no message \(id) is in flight"
        case .clockWouldGoBack(let from, let to): return "the clock is at \(from) ms; cannot go back to \(to) ms"
        case .notDictated: return "the network delivers automatically; dictated steps need mode .dictated"
        }
    }
}
