import RTMProtocol
import Testing

@testable import RTMMachines

/// Scripted channel scenarios from rtm-reference §2.2, §3.3, §3.4 and §0, one `#expect` per protocol step.
@Suite("ChannelMembershipMachine scenarios")
struct ChannelMembershipMachineScenarioTests {
    @Test("Join: OK, then onJoinSuccess before onMemberCountUpdated (decision 3); members and messages follow")
    func joinHappyPath() {
        let (state, effects) = chanRun([
            joinEvent(), .joinAcceptedReceived(memberCount: 3), .memberJoinedReceived(userId: "carol"),
            .messageReceived(from: "bob", text: "hi"), .memberLeftReceived(userId: "carol"), .memberCountReceived(2),
        ])
        #expect(effects[0] == [.returnCode(.join(.ok)), .send(.join), .startTimer(.join, ms: 5_000)])
        #expect(effects[1] == [.cancelTimer(.join), .callback(.onJoinSuccess), .callback(.onMemberCountUpdated(3))])
        #expect(effects[2] == [.callback(.onMemberJoined(userId: "carol"))])
        #expect(effects[3] == [.callback(.onMessageReceived(from: "bob", text: "hi"))])
        #expect(effects[4] == [.callback(.onMemberLeft(userId: "carol"))])
        #expect(effects[5] == [.callback(.onMemberCountUpdated(2))])
        #expect(state.membership == .joined)
    }

    @Test("The 21st channel: join() returns JOIN_CHANNEL_ERR_EXCEED_LIMIT (5) (decision 4); the 20th is fine")
    func channelLimit() {
        let refused = Chan.step(chanState(.created), joinEvent(others: 20))
        #expect(refused == .moved(to: chanState(.created), effects: [.returnCode(.join(.exceedLimit))]))
        #expect(JoinChannelErr.exceedLimit.rawValue == 5)
        #expect(Chan.step(chanState(.created), joinEvent(others: 19)).effects.first == .returnCode(.join(.ok)))
    }

    @Test("join() refusals: not logged in (102), already joining or joined (6)")
    func joinRefusals() {
        #expect(
            Chan.step(chanState(.created), joinEvent(loggedIn: false)).effects == [.returnCode(.join(.userNotLoggedIn))]
        )
        #expect(Chan.step(chanState(.joining), joinEvent()).effects == [.returnCode(.join(.alreadyJoined))])
        #expect(Chan.step(chanState(.joined), joinEvent()).effects == [.returnCode(.join(.alreadyJoined))])
    }

    @Test("No answer in 5 s: onJoinFailure(JOIN_CHANNEL_TIMEOUT), a leave to clean up, and a late accept is ignored")
    func joinTimeout() {
        let (state, effects) = chanRun([joinEvent(), .joinTimerFired])
        #expect(effects[1] == [.send(.leave), .callback(.onJoinFailure(.timeout))])
        #expect(JoinChannelErr.timeout.sdkName == "JOIN_CHANNEL_TIMEOUT")
        #expect(state.membership == .left)
        #expect(Chan.step(state, .joinAcceptedReceived(memberCount: 2)).state(after: state) == state)
        #expect(Chan.step(state, joinEvent()).effects.first == .returnCode(.join(.ok)))
    }

    @Test("Leave: OK, onLeave(OK), LEFT; leave again is LEAVE_CHANNEL_ERR_NOT_IN_CHANNEL (3); join is allowed again")
    func leavePath() {
        let (state, effects) = chanRun(
            [.leaveRequested(loggedIn: true), .leaveAcceptedReceived], from: chanState(.joined))
        #expect(effects == [[.returnCode(.leave(.ok)), .send(.leave)], [.callback(.onLeave(.ok))]])
        #expect(state.membership == .left)
        #expect(Chan.step(state, .leaveRequested(loggedIn: true)).effects == [.returnCode(.leave(.notInChannel))])
        #expect(
            Chan.step(chanState(.created), .leaveRequested(loggedIn: true)).effects == [
                .returnCode(.leave(.notInChannel))
            ])
        #expect(Chan.step(state, joinEvent()).effects.first == .returnCode(.join(.ok)))
    }

    @Test("leave() while JOINING abandons the join: no onJoinSuccess, then onLeave(OK)")
    func leaveWhileJoining() {
        let (leaving, effects) = chanRun([joinEvent(), .leaveRequested(loggedIn: true)])
        #expect(effects[1] == [.returnCode(.leave(.ok)), .cancelTimer(.join), .send(.leave)])
        #expect(Chan.step(leaving, .joinAcceptedReceived(memberCount: 2)).effects.isEmpty)
        let (state, last) = chanRun([.leaveAcceptedReceived], from: leaving)
        #expect(last == [[.callback(.onLeave(.ok))]])
        #expect(state.membership == .left)
    }

    @Test(
        "sendMessage while not joined returns CHANNEL_MESSAGE_ERR_FAILURE (1) (decision 5)",
        arguments: [
            ChannelMembershipState.created, .joining, .leaving, .left,
        ])
    func sendWhileNotJoined(_ membership: ChannelMembershipState) {
        #expect(Chan.step(chanState(membership), sendEvent(1)).effects == [.returnCode(.sendMessage(.failure))])
    }

    @Test("sendMessage while DISCONNECTED or CONNECTING: 102; while ABORTED: FAILURE (1) (decision 17)")
    func sendByConnection() {
        let joined = chanState(.joined)
        #expect(Chan.step(joined, sendEvent(1, .disconnected)).effects == [.returnCode(.sendMessage(.userNotLoggedIn))])
        #expect(Chan.step(joined, sendEvent(1, .connecting)).effects == [.returnCode(.sendMessage(.userNotLoggedIn))])
        #expect(Chan.step(joined, sendEvent(1, .aborted)).effects == [.returnCode(.sendMessage(.failure))])
    }

    @Test("sendMessage while CONNECTED: OK, then the server's ack gives onSendMessageResult(OK)")
    func sendAcked() {
        let (state, effects) = chanRun(
            [sendEvent(7), .messageAckReceived(messageId: 7, .ok)], from: chanState(.joined))
        #expect(
            effects[0] == [
                .returnCode(.sendMessage(.ok)), .send(.message(messageId: 7)),
                .startTimer(.message(messageId: 7), ms: 10_000),
            ])
        #expect(
            effects[1] == [.cancelTimer(.message(messageId: 7)), .callback(.onSendMessageResult(messageId: 7, .ok))])
        #expect(state == chanState(.joined))
    }

    @Test("Decision 17: sendMessage while RECONNECTING returns OK and fails with SENT_TIMEOUT after 10 s")
    func sendWhileReconnecting() {
        let (state, effects) = chanRun(
            [sendEvent(1, .reconnecting), .messageTimerFired(messageId: 1)], from: chanState(.joined))
        #expect(effects[0].first == .returnCode(.sendMessage(.ok)))
        #expect(effects[1] == [.callback(.onSendMessageResult(messageId: 1, .sentTimeout))])
        #expect(Chan.step(state, .messageAckReceived(messageId: 1, .ok)).effects.isEmpty)
    }

    @Test("A message sent before leave() still gets exactly one result after the leave")
    func pendingMessageOutlivesLeave() {
        let (state, effects) = chanRun(
            [
                sendEvent(1), sendEvent(2), .leaveRequested(loggedIn: true), .leaveAcceptedReceived,
                .messageAckReceived(messageId: 2, .ok), .messageTimerFired(messageId: 1),
            ],
            from: chanState(.joined))
        #expect(effects[3] == [.callback(.onLeave(.ok))])
        #expect(chanCallbacks(effects[4]) == [.onSendMessageResult(messageId: 2, .ok)])
        #expect(chanCallbacks(effects[5]) == [.onSendMessageResult(messageId: 1, .sentTimeout)])
        #expect(state == chanState(.left))
    }

    @Test("getMembers: NOT_IN_CHANNEL (5) unless joined; the list comes back with OK, or TIMEOUT after 5 s")
    func getMembers() {
        #expect(
            Chan.step(chanState(.created), .getMembersRequested(requestId: 1, loggedIn: true)).effects == [
                .returnCode(.getMembers(.notInChannel))
            ])
        #expect(
            Chan.step(chanState(.joined), .getMembersRequested(requestId: 1, loggedIn: false)).effects == [
                .returnCode(.getMembers(.userNotLoggedIn))
            ])
        let (_, effects) = chanRun(
            [
                .getMembersRequested(requestId: 1, loggedIn: true),
                .membersReceived(requestId: 1, members: ["a", "b"]),
                .getMembersRequested(requestId: 2, loggedIn: true), .getMembersTimerFired(requestId: 2),
            ],
            from: chanState(.joined))
        #expect(
            effects[0] == [
                .returnCode(.getMembers(.ok)), .send(.getMembers(requestId: 1)),
                .startTimer(.getMembers(requestId: 1), ms: 5_000),
            ])
        #expect(chanCallbacks(effects[1]) == [.onGetMembers(members: ["a", "b"], .ok)])
        #expect(chanCallbacks(effects[3]) == [.onGetMembers(members: [], .timeout)])
    }

    @Test("Decision 7: the session's end leaves JOINED silently, fails JOINING, completes LEAVING; join works again")
    func sessionEnd() {
        let (joined, joinedEffects) = chanRun([.removedBySessionEnd], from: chanState(.joined))
        #expect(joinedEffects == [[]])
        #expect(joined.membership == .left)
        #expect(Chan.step(joined, joinEvent()).effects.first == .returnCode(.join(.ok)))
        #expect(
            Chan.step(chanState(.joining), .removedBySessionEnd).effects == [
                .cancelTimer(.join), .callback(.onJoinFailure(.failure)),
            ])
        #expect(Chan.step(chanState(.leaving), .removedBySessionEnd).effects == [.callback(.onLeave(.ok))])
    }

    @Test("Decision 7 end to end: a connection's logout drops the channel, which the shell then reports LEFT")
    func logoutThroughTheShell() {
        let (_, connEffects) = connRun([.logoutRequested], from: ConnStateName.connected.state)
        var channel = chanState(.joined)
        for effect in connEffects[0] where effect == .dropChannelMemberships {
            channel = Chan.step(channel, .removedBySessionEnd).state(after: channel)
        }
        #expect(channel.membership == .left)
        #expect(
            Chan.step(channel, sendEvent(1, .disconnected)).effects == [.returnCode(.sendMessage(.userNotLoggedIn))])
    }

    @Test("C6: after a reconnect a JOINED channel stays joined silently; a LEAVING one sends its leave again")
    func reconnect() {
        #expect(Chan.step(chanState(.joined), .rejoinedAfterReconnect) == .moved(to: chanState(.joined), effects: []))
        #expect(Chan.step(chanState(.leaving), .rejoinedAfterReconnect).effects == [.send(.leave)])
    }

    @Test("release() while JOINED leaves silently and cancels the timers; later calls are refused")
    func releaseWhileJoined() {
        let (state, effects) = chanRun(
            [sendEvent(1), .getMembersRequested(requestId: 1, loggedIn: true), .releaseRequested],
            from: chanState(.joined))
        #expect(
            effects[2] == [
                .send(.leave), .cancelTimer(.message(messageId: 1)), .cancelTimer(.getMembers(requestId: 1)),
            ])
        #expect(state == chanState(.released))
        #expect(chanCallbacks(effects[2]).isEmpty)
        guard case .rejected(let violation) = Chan.step(state, joinEvent()) else {
            Issue.record("join after release must be refused")
            return
        }
        #expect(violation.kind == .unreachable)
        #expect(Chan.step(state, .messageAckReceived(messageId: 1, .ok)).effects.isEmpty)
    }

    @Test("A server message to a channel that never joined breaks the protocol")
    func createdGetsNothing() {
        guard case .rejected(let violation) = Chan.step(chanState(.created), .memberJoinedReceived(userId: "x")) else {
            Issue.record("expected a rejection")
            return
        }
        #expect(violation.kind == .peerBrokeProtocol)
        #expect(violation.state == "CREATED")
    }

    @Test("ChannelMembershipState names and which states count toward the 20-channel limit")
    func membershipNames() {
        #expect(
            ChannelMembershipState.allCases.map(\.sdkName) == [
                "CREATED", "JOINING", "JOINED", "LEAVING", "LEFT", "RELEASED",
            ])
        #expect(ChannelMembershipState.allCases.filter(\.countsTowardChannelLimit) == [.joining, .joined, .leaving])
        #expect("\(ChannelMembershipState.joined)" == "JOINED")
        #expect(Chan.effectLabel(.returnCode(.join(.exceedLimit))) == "return(JOIN_CHANNEL_ERR_EXCEED_LIMIT)")
        #expect(Chan.effectLabel(.startTimer(.message(messageId: 1), ms: 10_000)) == "startTimer(message#1, 10000ms)")
    }
}
