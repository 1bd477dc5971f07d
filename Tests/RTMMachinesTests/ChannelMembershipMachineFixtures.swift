import RTMProtocol
import Testing

@testable import RTMMachines

/// Shorthands for the channel tests.
typealias Chan = ChannelMembershipMachine

extension ChannelMembershipMachine.State: CustomTestStringConvertible {
    public var testDescription: String { label }
}

/// `join()` while logged in with `others` other channels in use.
func joinEvent(others: Int = 0, loggedIn: Bool = true) -> Chan.Event {
    .joinRequested(Chan.JoinContext(loggedIn: loggedIn, channelsJoinedOrJoining: others))
}

/// `sendMessage` with id `id` while the connection is `connection`.
func sendEvent(_ id: Int, _ connection: ConnectionState = .connected) -> Chan.Event {
    .sendMessageRequested(messageId: id, connection: connection)
}

/// The legal events that lead from CREATED to a membership with no pending calls.
func chanPath(to membership: ChannelMembershipState) -> [Chan.Event] {
    switch membership {
    case .created: []
    case .joining: [joinEvent()]
    case .joined: [joinEvent(), .joinAcceptedReceived(memberCount: 2)]
    case .leaving: chanPath(to: .joined) + [.leaveRequested(loggedIn: true)]
    case .left: chanPath(to: .leaving) + [.leaveAcceptedReceived]
    case .released: [.releaseRequested]
    }
}

/// Feeds `events` from `start`, requiring every step to move; returns the final state and each step's effects.
func chanRun(
    _ events: [Chan.Event], from start: Chan.State = Chan.initialState
) -> (state: Chan.State, effects: [[Chan.Effect]]) {
    var state = start
    var all: [[Chan.Effect]] = []
    for event in events {
        let step = Chan.step(state, event)
        guard case .moved(let next, let effects) = step else {
            Issue.record("\(Chan.eventLabel(event)) in \(state.label) did not move: \(step)")
            return (state, all)
        }
        state = next
        all.append(effects)
    }
    return (state, all)
}

/// A state reached through legal events: the membership with no pending calls.
func chanState(_ membership: ChannelMembershipState) -> Chan.State { chanRun(chanPath(to: membership)).state }

/// The callbacks among some effects, in order.
func chanCallbacks(_ effects: [Chan.Effect]) -> [Chan.Callback] {
    effects.compactMap { effect in
        if case .callback(let callback) = effect { return callback }
        return nil
    }
}
