import RTMProtocol
import Testing

@testable import RTMMachines

/// Shorthands for the connection tests.
typealias Conn = ConnectionMachine

/// The reachable connection states, each reached from DISCONNECTED through legal events.
enum ConnStateName: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case disconnected, connecting, connected, linkLost, waitingForLink, reloginSent, awaitingToken, aborted

    /// The legal events that lead here from the initial state.
    var path: [Conn.Event] {
        switch self {
        case .disconnected: []
        case .connecting: [.loginRequested]
        case .connected: ConnStateName.connecting.path + [.loginAcceptedReceived]
        case .linkLost: ConnStateName.connected.path + [.linkLost]
        case .waitingForLink: ConnStateName.linkLost.path + [.interruptionTimerFired]
        case .reloginSent: ConnStateName.waitingForLink.path + [.linkRestored]
        case .awaitingToken: ConnStateName.reloginSent.path + [.tokenExpiredReceived]
        case .aborted: ConnStateName.connected.path + [.kickedReceived(.remoteLogin)]
        }
    }

    /// The state reached by `path` (every step must move).
    var state: Conn.State { connRun(path).state }

    /// The SDK state this fixture must report (rtm-reference §1.1).
    var sdkState: ConnectionState {
        switch self {
        case .disconnected: .disconnected
        case .connecting: .connecting
        case .connected, .linkLost: .connected
        case .waitingForLink, .reloginSent, .awaitingToken: .reconnecting
        case .aborted: .aborted
        }
    }

    var testDescription: String { rawValue }
}

/// Feeds `events` from `start`, requiring every step to move; returns the final state and each step's effects.
func connRun(
    _ events: [Conn.Event], from start: Conn.State = Conn.initialState
) -> (state: Conn.State, effects: [[Conn.Effect]]) {
    var state = start
    var all: [[Conn.Effect]] = []
    for event in events {
        let step = Conn.step(state, event)
        guard case .moved(let next, let effects) = step else {
            Issue.record("\(Conn.eventLabel(event)) in \(state.label) did not move: \(step)")
            return (state, all)
        }
        state = next
        all.append(effects)
    }
    return (state, all)
}

/// The callbacks among some effects, in order.
func connCallbacks(_ effects: [Conn.Effect]) -> [Conn.Callback] {
    effects.compactMap { effect in
        if case .callback(let callback) = effect { return callback }
        return nil
    }
}
