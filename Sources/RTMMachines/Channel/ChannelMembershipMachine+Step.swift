import RTMProtocol

extension ChannelMembershipMachine {
    /// Pure: no clocks, no I/O, no randomness. Every (state, event) pair is listed; no `default:`.
    public static func step(_ state: State, _ event: Event) -> Step<State, Effect> {
        switch event {
        case .joinRequested(let context): join(state, context, event)
        case .leaveRequested(let loggedIn): leave(state, loggedIn: loggedIn, event)
        case .sendMessageRequested(let id, let connection): sendMessage(state, id, connection, event)
        case .getMembersRequested(let id, let loggedIn): getMembers(state, id, loggedIn: loggedIn, event)
        case .releaseRequested: release(state, event)
        case .joinAcceptedReceived, .joinRejectedReceived, .joinTimerFired: joinOutcome(state, event)
        case .leaveAcceptedReceived: leaveAccepted(state, event)
        case .memberJoinedReceived(let user): channelNews(state, event, .onMemberJoined(userId: user))
        case .memberLeftReceived(let user): channelNews(state, event, .onMemberLeft(userId: user))
        case .memberCountReceived(let count):
            if count < 1, state.membership == .joined {
                .rejected(violation(.peerBrokeProtocol, state, event, "a member count includes us: at least 1"))
            } else {
                channelNews(state, event, .onMemberCountUpdated(count))
            }
        case .messageReceived(let from, let text): channelNews(state, event, .onMessageReceived(from: from, text: text))
        case .messageAckReceived(let id, let code): messageAnswer(state, id, code, isTimer: false, event)
        case .messageTimerFired(let id): messageAnswer(state, id, .sentTimeout, isTimer: true, event)
        case .membersReceived(let id, let members): membersAnswer(state, id, members, .ok, isTimer: false, event)
        case .getMembersTimerFired(let id): membersAnswer(state, id, [], .timeout, isTimer: true, event)
        case .removedBySessionEnd: sessionEnded(state)
        case .rejoinedAfterReconnect: rejoined(state)
        }
    }

    // MARK: - API calls

    /// §2.2 `join()` rows and decision 4. A join while LEAVING waits for `onLeave`.
    private static func join(_ state: State, _ context: JoinContext, _ event: Event) -> Step<State, Effect> {
        switch state.membership {
        case .released: return refusedOnReleased(state, event)
        case _ where !context.loggedIn: return returning(state, .join(.userNotLoggedIn))
        case .joining, .joined: return returning(state, .join(.alreadyJoined))
        case .leaving: return returning(state, .join(.failure))
        case .created, .left:
            if context.channelsJoinedOrJoining >= channelLimit { return returning(state, .join(.exceedLimit)) }
            var next = state
            next.membership = .joining
            return .moved(
                to: next,
                effects: [
                    .returnCode(.join(.ok)), .send(.join), .startTimer(.join, ms: joinTimeoutMs),
                ])
        }
    }

    /// §2.2 `leave()` rows. Leaving while JOINING abandons the join (no `onJoinSuccess`/`onJoinFailure`).
    private static func leave(_ state: State, loggedIn: Bool, _ event: Event) -> Step<State, Effect> {
        var next = state
        next.membership = .leaving
        switch state.membership {
        case .released: return refusedOnReleased(state, event)
        case _ where !loggedIn: return returning(state, .leave(.userNotLoggedIn))
        case .created, .left, .leaving: return returning(state, .leave(.notInChannel))
        case .joining: return .moved(to: next, effects: [.returnCode(.leave(.ok)), .cancelTimer(.join), .send(.leave)])
        case .joined: return .moved(to: next, effects: [.returnCode(.leave(.ok)), .send(.leave)])
        }
    }

    /// Decisions 5 and 17: the connection state decides first, then membership.
    private static func sendMessage(
        _ state: State, _ id: Int, _ connection: ConnectionState, _ event: Event
    ) -> Step<State, Effect> {
        if state.membership == .released { return refusedOnReleased(state, event) }
        switch connection {
        case .disconnected, .connecting: return returning(state, .sendMessage(.userNotLoggedIn))
        case .aborted: return returning(state, .sendMessage(.failure))
        case .connected, .reconnecting: break
        }
        switch state.membership {
        case .created, .joining, .leaving, .left, .released: return returning(state, .sendMessage(.failure))
        case .joined:
            guard !state.pendingMessages.contains(id) else {
                return .rejected(violation(.unreachable, state, event, "the shell reused a pending message id"))
            }
            var next = state
            next.pendingMessages = (state.pendingMessages + [id]).sorted()
            return .moved(
                to: next,
                effects: [
                    .returnCode(.sendMessage(.ok)), .send(.message(messageId: id)),
                    .startTimer(.message(messageId: id), ms: messageTimeoutMs),
                ])
        }
    }

    /// §2.2 `getMembers()` rows; the result comes within 5 s or times out.
    private static func getMembers(_ state: State, _ id: Int, loggedIn: Bool, _ event: Event) -> Step<State, Effect> {
        switch state.membership {
        case .released: return refusedOnReleased(state, event)
        case _ where !loggedIn: return returning(state, .getMembers(.userNotLoggedIn))
        case .created, .joining, .leaving, .left: return returning(state, .getMembers(.notInChannel))
        case .joined:
            guard !state.pendingMemberQueries.contains(id) else {
                return .rejected(violation(.unreachable, state, event, "the shell reused a pending getMembers id"))
            }
            var next = state
            next.pendingMemberQueries = (state.pendingMemberQueries + [id]).sorted()
            return .moved(
                to: next,
                effects: [
                    .returnCode(.getMembers(.ok)), .send(.getMembers(requestId: id)),
                    .startTimer(.getMembers(requestId: id), ms: getMembersTimeoutMs),
                ])
        }
    }

    /// `release()` while a member leaves first, silently: the handler is gone, so no callback fires.
    private static func release(_ state: State, _ event: Event) -> Step<State, Effect> {
        let leaving: [Effect]
        switch state.membership {
        case .released:
            return .rejected(violation(.unreachable, state, event, "release() on a released IChannel"))
        case .created, .left, .leaving: leaving = []
        case .joining: leaving = [.cancelTimer(.join), .send(.leave)]
        case .joined: leaving = [.send(.leave)]
        }
        let timers: [Effect] =
            state.pendingMessages.map { .cancelTimer(.message(messageId: $0)) }
            + state.pendingMemberQueries.map { .cancelTimer(.getMembers(requestId: $0)) }
        return .moved(to: State(.released), effects: leaving + timers)
    }

    // MARK: - Join and leave answers

    /// Decision 3 (`onJoinSuccess` before `onMemberCountUpdated`), the 5 s timeout, and refusals.
    private static func joinOutcome(_ state: State, _ event: Event) -> Step<State, Effect> {
        let isTimer = event == .joinTimerFired
        switch state.membership {
        case .created, .released: return lateOrImpossible(state, event, isTimer: isTimer)
        case .joined, .leaving, .left:
            return .ignored(
                because: isTimer
                    ? "a join timer that raced its cancel"
                    : "a late answer to a join that timed out, was abandoned, or was already answered")
        case .joining: break
        }
        var next = state
        switch event {
        case .joinAcceptedReceived(let count):
            guard count >= 1 else {
                return .rejected(violation(.peerBrokeProtocol, state, event, "a member count includes us: at least 1"))
            }
            next.membership = .joined
            return .moved(
                to: next,
                effects: [
                    .cancelTimer(.join), .callback(.onJoinSuccess), .callback(.onMemberCountUpdated(count)),
                ])
        case .joinRejectedReceived(let code):
            guard serverJoinFailureCodes.contains(code) else {
                return .rejected(
                    violation(.peerBrokeProtocol, state, event, "a server never refuses a join with \(code)"))
            }
            next.membership = .left
            return .moved(to: next, effects: [.cancelTimer(.join), .callback(.onJoinFailure(code))])
        case .joinTimerFired:
            // We also leave, so that a join the server accepts late does not leave us a member unknowingly.
            next.membership = .left
            return .moved(to: next, effects: [.send(.leave), .callback(.onJoinFailure(.timeout))])
        case .joinRequested, .leaveRequested, .sendMessageRequested, .getMembersRequested, .releaseRequested,
            .leaveAcceptedReceived, .memberJoinedReceived, .memberLeftReceived, .memberCountReceived,
            .messageReceived, .messageAckReceived, .messageTimerFired, .membersReceived, .getMembersTimerFired,
            .removedBySessionEnd, .rejoinedAfterReconnect:
            return .rejected(violation(.unreachable, state, event, "not a join outcome"))
        }
    }

    /// `onLeave(LEAVE_CHANNEL_ERR_OK)` when the server answers our leave.
    private static func leaveAccepted(_ state: State, _ event: Event) -> Step<State, Effect> {
        switch state.membership {
        case .created, .released: return lateOrImpossible(state, event, isTimer: false)
        case .joining, .joined, .left:
            return .ignored(because: "a late answer to a leave sent after a join timeout or already settled")
        case .leaving:
            var next = state
            next.membership = .left
            return .moved(to: next, effects: [.callback(.onLeave(.ok))])
        }
    }

    // MARK: - Channel news, message and getMembers answers

    /// Member events and messages reach the app only while JOINED (§3.3, §3.4).
    private static func channelNews(_ state: State, _ event: Event, _ callback: Callback) -> Step<State, Effect> {
        switch state.membership {
        case .created, .released: return lateOrImpossible(state, event, isTimer: false)
        case .joining, .leaving, .left: return .ignored(because: "not a member (yet or any more): a stale event")
        case .joined: return .moved(to: state, effects: [.callback(callback)])
        }
    }

    /// One `onSendMessageResult` per message: the server's answer or SENT_TIMEOUT after 10 s.
    private static func messageAnswer(
        _ state: State, _ id: Int, _ code: ChannelMessageErrCode, isTimer: Bool, _ event: Event
    ) -> Step<State, Effect> {
        guard state.membership != .released, let index = state.pendingMessages.firstIndex(of: id) else {
            return lateOrImpossible(state, event, isTimer: isTimer)
        }
        if !isTimer, !serverMessageCodes.contains(code) {
            return .rejected(
                violation(.peerBrokeProtocol, state, event, "a server never answers a message with \(code)"))
        }
        var next = state
        next.pendingMessages.remove(at: index)
        let cancel: [Effect] = isTimer ? [] : [.cancelTimer(.message(messageId: id))]
        return .moved(to: next, effects: cancel + [.callback(.onSendMessageResult(messageId: id, code))])
    }

    /// One `onGetMembers` per call: the server's list, or an empty list with GET_MEMBERS_ERR_TIMEOUT after 5 s.
    private static func membersAnswer(
        _ state: State, _ id: Int, _ members: [String], _ code: GetMembersErr, isTimer: Bool, _ event: Event
    ) -> Step<State, Effect> {
        guard state.membership != .released, let index = state.pendingMemberQueries.firstIndex(of: id) else {
            return lateOrImpossible(state, event, isTimer: isTimer)
        }
        var next = state
        next.pendingMemberQueries.remove(at: index)
        let cancel: [Effect] = isTimer ? [] : [.cancelTimer(.getMembers(requestId: id))]
        return .moved(to: next, effects: cancel + [.callback(.onGetMembers(members: members, code))])
    }

    // MARK: - News from the connection

    /// Decision 7: logout or ABORTED ends the membership. A join in flight fails; a leave in flight succeeds.
    private static func sessionEnded(_ state: State) -> Step<State, Effect> {
        var next = state
        next.membership = .left
        switch state.membership {
        case .released: return .ignored(because: "the IChannel is released")
        case .created, .left: return .ignored(because: "not a member: nothing to drop")
        case .joining: return .moved(to: next, effects: [.cancelTimer(.join), .callback(.onJoinFailure(.failure))])
        case .joined: return .moved(to: next, effects: [])
        case .leaving: return .moved(to: next, effects: [.callback(.onLeave(.ok))])
        }
    }

    /// C6: the SDK rejoined silently. A leave the outage may have swallowed is sent again.
    private static func rejoined(_ state: State) -> Step<State, Effect> {
        switch state.membership {
        case .released: return .ignored(because: "the IChannel is released")
        case .created, .left: return .ignored(because: "not a member: nothing to rejoin")
        case .joining: return .ignored(because: "the 5 s join timer decides")
        case .joined: return .moved(to: state, effects: [])
        case .leaving: return .moved(to: state, effects: [.send(.leave)])
        }
    }

    // MARK: - Helpers

    private static func returning(_ state: State, _ code: ReturnCode) -> Step<State, Effect> {
        .moved(to: state, effects: [.returnCode(code)])
    }

    private static func refusedOnReleased(_ state: State, _ event: Event) -> Step<State, Effect> {
        .rejected(violation(.unreachable, state, event, "the shell refuses calls on a released IChannel"))
    }

    /// A server message or timer with nothing waiting for it: late (ignored), except on a channel that never
    /// asked the server anything (CREATED), where it cannot happen.
    private static func lateOrImpossible(_ state: State, _ event: Event, isTimer: Bool) -> Step<State, Effect> {
        switch state.membership {
        case .released: return .ignored(because: "the IChannel is released: the SDK drops its events")
        case .created:
            return isTimer
                ? .rejected(violation(.unreachable, state, event, "no timer was ever started for this channel"))
                : .rejected(violation(.peerBrokeProtocol, state, event, "this channel never sent the server anything"))
        case .joining, .joined, .leaving, .left:
            return .ignored(
                because: isTimer
                    ? "a timer that raced its cancel"
                    : "a late or duplicate answer: its call already ended")
        }
    }

    private static func violation(_ kind: Violation.Kind, _ state: State, _ event: Event, _ detail: String) -> Violation
    {
        Violation(kind, state: state.label, event: eventLabel(event), detail: detail)
    }
}
