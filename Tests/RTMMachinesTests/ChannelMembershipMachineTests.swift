import RTMProtocol
import Testing

@testable import RTMMachines

/// What rtm-reference says one (state, event) pair does.
enum ChanExpect: Equatable, Sendable {
    case moves(ChannelMembershipState, messages: [Int], queries: [Int], [Chan.Effect])
    case ignored
    case rejected(Violation.Kind)
}

/// Every (reachable state × representative event) pair against a table written from rtm-reference §2.2, §3.3,
/// §3.4, §4.3 and decisions 3, 4, 5, 7, 17 (plus docs/decisions-channel.md).
@Suite("ChannelMembershipMachine: every state × event")
struct ChannelMembershipMachineTests {
    @Test(
        "Reachable: CREATED, RELEASED; JOINING, JOINED, LEAVING, LEFT with any pending messages 1, 2, getMembers 1"
    )
    func reachableStates() {
        var want: Set<String> = ["CREATED", "RELEASED"]
        for membership in ["JOINING", "JOINED", "LEAVING", "LEFT"] {
            for messages in ["", " messages[1]", " messages[2]", " messages[1,2]"] {
                for queries in ["", " getMembers[1]"] { want.insert(membership + messages + queries) }
            }
        }
        #expect(Set(Chan.reachableStates().map(\.label)) == want)
    }

    @Test("Each pair does what the table says", arguments: Chan.reachableStates())
    func everyPair(_ state: Chan.State) {
        for event in Chan.representativeEvents {
            let step = Chan.step(state, event)
            let want = Self.expected(state, event)
            let context = "\(state.label) + \(Chan.eventLabel(event))"
            switch (step, want) {
            case (.moved(let next, let effects), .moves(let membership, let messages, let queries, let wantEffects)):
                #expect(next.membership == membership, "\(context)")
                #expect(next.pendingMessages == messages, "\(context)")
                #expect(next.pendingMemberQueries == queries, "\(context)")
                #expect(effects == wantEffects, "\(context)")
            case (.ignored, .ignored):
                break
            case (.rejected(let violation), .rejected(let kind)):
                #expect(violation.kind == kind, "\(context)")
            case (.moved, _), (.ignored, _), (.rejected, _):
                Issue.record("\(context): got \(step), expected \(want)")
            }
        }
    }

    // MARK: - The table

    private static func rc(_ code: Chan.ReturnCode) -> Chan.Effect { .returnCode(code) }
    private static func cb(_ callback: Chan.Callback) -> Chan.Effect { .callback(callback) }

    /// The expected outcome, restated per event from the reference.
    static func expected(_ s: Chan.State, _ event: Chan.Event) -> ChanExpect {
        let m = s.membership
        let msgs = s.pendingMessages
        let queries = s.pendingMemberQueries
        func stay(_ effects: [Chan.Effect]) -> ChanExpect { .moves(m, messages: msgs, queries: queries, effects) }
        func to(_ next: ChannelMembershipState, _ effects: [Chan.Effect]) -> ChanExpect {
            .moves(next, messages: msgs, queries: queries, effects)
        }
        // A server message nobody waits for: CREATED never asked anything, RELEASED drops it, else it is late.
        let stale: ChanExpect = m == .created ? .rejected(.peerBrokeProtocol) : .ignored
        let staleTimer: ChanExpect = m == .created ? .rejected(.unreachable) : .ignored
        let isApiCall: Bool
        switch event {
        case .joinRequested, .leaveRequested, .sendMessageRequested, .getMembersRequested, .releaseRequested:
            isApiCall = true
        case .joinAcceptedReceived, .joinRejectedReceived, .joinTimerFired, .leaveAcceptedReceived,
            .memberJoinedReceived, .memberLeftReceived, .memberCountReceived, .messageReceived, .messageAckReceived,
            .messageTimerFired, .membersReceived, .getMembersTimerFired, .removedBySessionEnd, .rejoinedAfterReconnect:
            isApiCall = false
        }
        if m == .released { return isApiCall ? .rejected(.unreachable) : .ignored }

        switch event {
        case .joinRequested(let context):
            if !context.loggedIn { return stay([rc(.join(.userNotLoggedIn))]) }  // §2.2: 102
            if m == .joining || m == .joined { return stay([rc(.join(.alreadyJoined))]) }  // §2.2: 6
            if m == .leaving { return stay([rc(.join(.failure))]) }  // decisions-channel: wait for onLeave
            if context.channelsJoinedOrJoining >= 20 { return stay([rc(.join(.exceedLimit))]) }  // decision 4
            return to(.joining, [rc(.join(.ok)), .send(.join), .startTimer(.join, ms: 5_000)])
        case .leaveRequested(let loggedIn):
            if !loggedIn { return stay([rc(.leave(.userNotLoggedIn))]) }
            switch m {
            case .joining: return to(.leaving, [rc(.leave(.ok)), .cancelTimer(.join), .send(.leave)])
            case .joined: return to(.leaving, [rc(.leave(.ok)), .send(.leave)])
            case .created, .leaving, .left, .released: return stay([rc(.leave(.notInChannel))])  // §2.2: 3
            }
        case .sendMessageRequested(let id, let connection):
            if connection == .disconnected || connection == .connecting {
                return stay([rc(.sendMessage(.userNotLoggedIn))])
            }
            if connection == .aborted || m != .joined { return stay([rc(.sendMessage(.failure))]) }  // decisions 5, 17
            if msgs.contains(id) { return .rejected(.unreachable) }
            return .moves(
                m, messages: (msgs + [id]).sorted(), queries: queries,
                [
                    rc(.sendMessage(.ok)), .send(.message(messageId: id)),
                    .startTimer(.message(messageId: id), ms: 10_000),
                ])
        case .getMembersRequested(let id, let loggedIn):
            if !loggedIn { return stay([rc(.getMembers(.userNotLoggedIn))]) }
            if m != .joined { return stay([rc(.getMembers(.notInChannel))]) }  // §2.2: 5
            if queries.contains(id) { return .rejected(.unreachable) }
            return .moves(
                m, messages: msgs, queries: (queries + [id]).sorted(),
                [
                    rc(.getMembers(.ok)), .send(.getMembers(requestId: id)),
                    .startTimer(.getMembers(requestId: id), ms: 5_000),
                ])
        case .releaseRequested:
            let leave: [Chan.Effect] =
                m == .joining ? [.cancelTimer(.join), .send(.leave)] : m == .joined ? [.send(.leave)] : []
            let timers: [Chan.Effect] =
                msgs.map { .cancelTimer(.message(messageId: $0)) }
                + queries.map { .cancelTimer(.getMembers(requestId: $0)) }
            return .moves(.released, messages: [], queries: [], leave + timers)
        case .joinAcceptedReceived(let count):
            guard m == .joining else { return stale }
            guard count >= 1 else { return .rejected(.peerBrokeProtocol) }
            // Decision 3: onJoinSuccess before onMemberCountUpdated.
            return to(.joined, [.cancelTimer(.join), cb(.onJoinSuccess), cb(.onMemberCountUpdated(count))])
        case .joinRejectedReceived(let code):
            guard m == .joining else { return stale }
            guard [.failure, .rejected, .invalidArgument, .exceedLimit].contains(code) else {
                return .rejected(.peerBrokeProtocol)
            }
            return to(.left, [.cancelTimer(.join), cb(.onJoinFailure(code))])
        case .joinTimerFired:
            guard m == .joining else { return staleTimer }
            return to(.left, [.send(.leave), cb(.onJoinFailure(.timeout))])  // §2.2: JOIN_CHANNEL_TIMEOUT after 5 s
        case .leaveAcceptedReceived:
            guard m == .leaving else { return stale }
            return to(.left, [cb(.onLeave(.ok))])
        case .memberJoinedReceived(let user):
            return m == .joined ? stay([cb(.onMemberJoined(userId: user))]) : stale
        case .memberLeftReceived(let user):
            return m == .joined ? stay([cb(.onMemberLeft(userId: user))]) : stale
        case .memberCountReceived(let count):
            guard m == .joined else { return stale }
            return count >= 1 ? stay([cb(.onMemberCountUpdated(count))]) : .rejected(.peerBrokeProtocol)
        case .messageReceived(let from, let text):
            return m == .joined ? stay([cb(.onMessageReceived(from: from, text: text))]) : stale
        case .messageAckReceived(let id, let code):
            guard msgs.contains(id) else { return stale }
            guard code == .ok || code == .failure else { return .rejected(.peerBrokeProtocol) }
            return .moves(
                m, messages: msgs.filter { $0 != id }, queries: queries,
                [
                    .cancelTimer(.message(messageId: id)), cb(.onSendMessageResult(messageId: id, code)),
                ])
        case .messageTimerFired(let id):
            guard msgs.contains(id) else { return staleTimer }
            return .moves(
                m, messages: msgs.filter { $0 != id }, queries: queries,
                [
                    cb(.onSendMessageResult(messageId: id, .sentTimeout))
                ])  // decision 17
        case .membersReceived(let id, let members):
            guard queries.contains(id) else { return stale }
            return .moves(
                m, messages: msgs, queries: queries.filter { $0 != id },
                [
                    .cancelTimer(.getMembers(requestId: id)), cb(.onGetMembers(members: members, .ok)),
                ])
        case .getMembersTimerFired(let id):
            guard queries.contains(id) else { return staleTimer }
            return .moves(
                m, messages: msgs, queries: queries.filter { $0 != id }, [cb(.onGetMembers(members: [], .timeout))])
        case .removedBySessionEnd:  // decision 7
            switch m {
            case .joining: return to(.left, [.cancelTimer(.join), cb(.onJoinFailure(.failure))])
            case .joined: return to(.left, [])
            case .leaving: return to(.left, [cb(.onLeave(.ok))])
            case .created, .left, .released: return .ignored
            }
        case .rejoinedAfterReconnect:  // C6
            switch m {
            case .joined: return stay([])
            case .leaving: return stay([.send(.leave)])
            case .created, .joining, .left, .released: return .ignored
            }
        }
    }
}
