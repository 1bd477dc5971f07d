import RTMMachines

/// One line of a trace after the header: something an actor did or saw, or a step of the network or the
/// clock.
///
/// Calls and callbacks are the SDK's own (`RtmApiCall`, `RtmCallback`), so a trace reads in the names an
/// RTM engineer knows. Network and clock lines are optional: a trace written by hand, or logged by an
/// app, may hold calls and callbacks only.
///
/// ```swift
/// let event = TraceEvent.call(
///     actor: "alice", .sendLocalInvitation(InvitationKey(caller: "alice", callee: "bob", serial: 1)),
///     returned: .invitation(.ok))
/// TraceLineCoder.encode(event)
/// // {"actor":"alice","call":"sendLocalInvitation","invitation":"alice->bob#1","returns":"INVITATION_API_CALL_ERR_OK"}
/// ```
///
/// The JSON form of every case is in docs/trace-format.md.
public enum TraceEvent: Hashable, Sendable {
    /// An RTM API call by `actor`, with what it returned synchronously (nil: not recorded, not checked).
    case call(actor: String, RtmApiCall, returned: RtmApiResult?)
    /// An RTM callback that `actor`'s event handler received.
    case callback(actor: String, RtmCallback)
    /// A legacy Signaling API call by `actor`, by its Signaling SDK name, with string and integer arguments.
    case signalingCall(actor: String, name: String, args: [String: SignalingValue])
    /// A legacy Signaling callback that `actor` received.
    case signalingCallback(actor: String, name: String, args: [String: SignalingValue])
    /// A step of the simulated network.
    case network(TraceNetworkStep)
    /// Virtual time moved.
    case clock(ClockAdvance)

    /// The actor the line belongs to, or nil for network and clock lines.
    public var actor: String? {
        switch self {
        case .call(let actor, _, _), .callback(let actor, _), .signalingCall(let actor, _, _),
            .signalingCallback(let actor, _, _):
            actor
        case .network, .clock:
            nil
        }
    }
}

/// An argument of a Signaling call or callback: a string or an integer.
public enum SignalingValue: Hashable, Sendable {
    case string(String)
    case int(Int)
}

/// One thing the simulated network did (or, in a dictated replay, must do).
///
/// These are the trace-visible steps of RTMKit's `SimulatedNetwork` (its `NetworkStep`); timers,
/// reordering delays and clock moves are not network lines (the clock has its own lines, timers are
/// re-created by the replayed endpoints).
public enum TraceNetworkStep: Hashable, Sendable {
    /// Message `id` entered the network from `from` to `to`; `summary` says what it was, for people.
    case send(id: UInt64, from: String, to: String, summary: String?)
    /// Message `id` reached its receiver.
    case deliver(id: UInt64)
    /// Message `id` was lost; `reason` says why when the trace was recorded (nil: dictated by hand).
    case drop(id: UInt64, reason: DropCause?)
    /// A copy of message `id` entered the network, as message `copy` when recorded.
    case duplicate(id: UInt64, copy: UInt64?)
    /// The link between `a` and `b` went down (both directions).
    case linkDown(a: String, b: String)
    /// The link between `a` and `b` came back up.
    case linkUp(a: String, b: String)
    /// The server crashed and restarted, losing its state and the messages in flight to and from it.
    case serverRestart
}

/// Why a recorded message was lost, as RTMKit's network logs it.
public enum DropCause: String, Hashable, Sendable, CaseIterable {
    /// The loss fault of an automatic run.
    case loss
    /// The link was down, or went down while the message was in flight.
    case linkDown
    /// An endpoint restarted while the message was in flight.
    case restart
    /// The trace (or a test) said to drop it.
    case dictated
}

/// A move of the virtual clock.
public enum ClockAdvance: Hashable, Sendable {
    /// The clock moves to `ms` milliseconds since the start of the run.
    case to(ms: UInt64)
    /// The clock moves forward by `ms` milliseconds.
    case by(ms: UInt64)
}
