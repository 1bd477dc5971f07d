/// The outcome of feeding one event to a pure state machine.
///
/// Illegal transitions are values, split three ways (as in swift-nio-http2):
/// - a legal step, possibly back to the same state with effects (an API call that returns an
///   error code is a legal step: the SDK documents the code);
/// - a documented race that is safely ignored (a late timer, a duplicate message);
/// - a rejection: the peer broke the protocol, or we have a bug. The pure core never traps; the
///   checker decides what a rejection means.
public enum Step<State: Hashable & Sendable, Effect: Hashable & Sendable>: Hashable, Sendable {
    case moved(to: State, effects: [Effect])
    case ignored(because: String)
    case rejected(Violation)

    /// The state after the step: the new state when moved, else `current`.
    public func state(after current: State) -> State {
        if case .moved(let next, _) = self { return next }
        return current
    }

    /// The effects of the step (none when ignored or rejected).
    public var effects: [Effect] {
        if case .moved(_, let effects) = self { return effects }
        return []
    }
}

/// A transition the machine refuses: recorded with the state and event for the report.
public struct Violation: Hashable, Sendable, Codable, Error, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The other side sent something the protocol does not allow here.
        case peerBrokeProtocol
        /// Our own bug: an event that cannot arrive in this state from a correct shell.
        case unreachable
    }

    public var kind: Kind
    public var state: String
    public var event: String
    public var detail: String

    public init(_ kind: Kind, state: String, event: String, detail: String) {
        self.kind = kind
        self.state = state
        self.event = event
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(event) in \(state): \(detail)" }
}

/// A pure-value state machine: `(state, event) -> Step`. No I/O, no clocks, no randomness.
///
/// Timers are effects (`startTimer`) and their expiry arrives as an event (`…Fired`).
public protocol StateMachine {
    associatedtype State: Hashable & Sendable
    associatedtype Event: Hashable & Sendable
    associatedtype Effect: Hashable & Sendable

    /// The state a fresh machine starts in.
    static var initialState: State { get }

    /// Pure: every (state, event) pair has a defined outcome; no `default:` in the switch.
    static func step(_ state: State, _ event: Event) -> Step<State, Effect>

    /// A finite set of events that covers every event case with representative arguments, used to
    /// explore the machine exhaustively (tests, diagrams, coverage).
    static var representativeEvents: [Event] { get }

    /// The SDK's name for the observable state (e.g. `LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE`).
    static func sdkStateName(_ state: State) -> String

    /// A short, stable label for an event (e.g. `sendLocalInvitation`, `ackReceived`, `noAckTimerFired`).
    static func eventLabel(_ event: Event) -> String

    /// A short, stable label for an effect (e.g. `onLocalInvitationFailure(LOCAL_INVITATION_ERR_PEER_OFFLINE)`).
    static func effectLabel(_ effect: Effect) -> String
}

extension StateMachine {
    /// Every state reachable from `initialState` through `representativeEvents`, in BFS order.
    public static func reachableStates() -> [State] {
        var seen: Set<State> = [initialState]
        var order: [State] = [initialState]
        var index = 0
        while index < order.count {
            let state = order[index]
            index += 1
            for event in representativeEvents {
                let next = step(state, event).state(after: state)
                if seen.insert(next).inserted { order.append(next) }
            }
        }
        return order
    }
}
