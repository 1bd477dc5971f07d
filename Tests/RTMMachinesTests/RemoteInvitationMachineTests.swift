import RTMMachines
import RTMProtocol
import Testing

@Suite("RemoteInvitationMachine")
struct RemoteInvitationMachineTests {
    typealias Machine = RemoteInvitationMachine
    typealias F = RemoteFixture

    // MARK: Fixtures

    @Test("every fixture is reached through legal moves, and the fixtures are exactly the reachable states")
    func fixturesAreTheReachableStates() {
        let reached = F.names.compactMap(F.state)
        #expect(reached.count == F.names.count)
        #expect(Set(reached).count == F.names.count)
        #expect(Set(reached) == Set(Machine.reachableStates()))
    }

    @Test("each fixture reports the SDK state rtm-reference §1.17 names", arguments: F.names)
    func sdkStates(name: String) {
        let expected: [String: RemoteInvitationState] = [
            "idle": .idle, "received": .invitationReceived, "refusing": .invitationReceived,
            "acceptSent": .acceptSentToLocal, "refused": .refused, "accepted": .accepted, "canceled": .canceled,
            "failExpire": .failure, "failPeerOffline": .failure, "failAcceptFailure": .failure,
            "gaveUpExpire": .failure, "gaveUpAcceptFailure": .failure,
        ]
        #expect(F.state(name)?.sdkState == expected[name])
        #expect(F.state(name).map(Machine.sdkStateName) == expected[name]?.sdkName)
    }

    @Test("the invite notice ACKs automatically, starts the expiry fallback and fires onRemoteInvitationReceived")
    func arrival() {
        #expect(
            Machine.step(.idle, F.invite)
                == .moved(
                    to: .invitationReceived(refuseRequested: false),
                    effects: [
                        .startTimer(.expiry, ms: 65_000), .send(.receivedAck), .callback(.onRemoteInvitationReceived),
                    ]
                ))
    }

    // MARK: (a) API calls × states → INVITATION_API_CALL_ERR_CODE

    static let apiCalls: [(String, Machine.Event)] = [
        ("accept", .acceptRequested(response: "")),
        ("refuse", .refuseRequested(response: "")),
        ("setResponse", .setResponseRequested(valid: true)),
        ("setResponse(invalid)", .setResponseRequested(valid: false)),
    ]

    /// rtm-reference §2.4 table and decision 8; docs/decisions-invitation.md for IDLE, a pending
    /// refuse and `setResponse`. Columns in the order of `apiCalls`.
    static let apiTable: [String: [InvitationApiCallErrCode]] = {
        func all(_ code: InvitationApiCallErrCode) -> [InvitationApiCallErrCode] { .init(repeating: code, count: 4) }
        var table: [String: [InvitationApiCallErrCode]] = [
            "idle": all(.notStarted),
            "received": [.ok, .ok, .ok, .invalidArgument],
            "refusing": all(.alreadyEnd),
            "acceptSent": all(.alreadyAccept),
            "accepted": all(.alreadyAccept),
        ]
        for name in F.ended where name != "accepted" { table[name] = all(.alreadyEnd) }
        return table
    }()

    @Test("every API call in every reachable state returns the documented code first", arguments: F.names)
    func apiCallCodes(name: String) throws {
        let state = try #require(F.state(name))
        let expected = try #require(Self.apiTable[name])
        for ((call, event), code) in zip(Self.apiCalls, expected) {
            let effects = Machine.step(state, event).effects
            #expect(effects.first == .returnCode(code), "\(call) in \(name)")
            #expect(
                effects.filter { if case .returnCode = $0 { true } else { false } }.count == 1, "\(call) in \(name)")
        }
    }

    @Test("the API table lists every API event the machine explores")
    func apiCallsCoverRepresentativeEvents() {
        let apiEvents = Machine.representativeEvents.filter {
            switch $0 {
            case .acceptRequested, .refuseRequested, .setResponseRequested: true
            case .noticeReceived, .timerFired: false
            }
        }
        #expect(Set(apiEvents) == Set(Self.apiCalls.map(\.1)))
    }

    // MARK: (b) every (reachable state × representative event) against the table

    static func rows() -> [OutcomeRow<Machine.Event>] {
        let all = F.names
        let live = F.names.filter { $0 != "idle" }
        let cb = Machine.callbackLabel
        var rows: [OutcomeRow<Machine.Event>] = [
            .init(.acceptRequested(response: ""), ["received"], .to("acceptSent", [])),
            .init(.acceptRequested(response: ""), all.filter { $0 != "received" }, .same),
            .init(.refuseRequested(response: ""), ["received"], .to("refusing", [])),
            .init(.refuseRequested(response: ""), all.filter { $0 != "received" }, .same),
            .init(.setResponseRequested(valid: true), all, .same),
            .init(.setResponseRequested(valid: false), all, .same),
        ]
        func notice(_ notice: InvitationNotice, _ states: [String], _ expected: ExpectedStep) {
            rows.append(.init(.noticeReceived(notice), states, expected))
        }
        // Notices meant for the caller are a protocol violation at the callee.
        let callerNotices: [InvitationNotice] =
            [.calleeOffline, .calleeAck, .accept(response: ""), .refuse(response: "")]
            + LocalInvitationErrCode.allCases.map { .localFailure($0) }
        for n in callerNotices + [.remoteFailure(.ok)] {
            notice(n, ["idle"], .rejected(.unreachable))
            notice(n, live, .rejected(.peerBrokeProtocol))
        }
        notice(.invite(content: "", channelId: ""), ["idle"], .to("received", [cb(.onRemoteInvitationReceived)]))
        notice(.invite(content: "", channelId: ""), live, .ignored)

        // Verdicts: (notice, target, callback, from, ignored besides the target, rejected among the open).
        let verdicts: [(InvitationNotice, String, String, [String], [String])] = [
            (.cancel, "canceled", cb(.onRemoteInvitationCanceled), ["received", "refusing", "acceptSent"], F.gaveUp),
            (.callerAck, "accepted", cb(.onRemoteInvitationAccepted), ["acceptSent"], ["gaveUpAcceptFailure"]),
            (.refuseAck, "refused", cb(.onRemoteInvitationRefused), ["refusing"], ["gaveUpExpire"]),
            (
                .remoteFailure(.invitationExpire), "failExpire", cb(.onRemoteInvitationFailure(.invitationExpire)),
                ["received", "refusing", "acceptSent"], F.gaveUp
            ),
            (
                .remoteFailure(.peerOffline), "failPeerOffline", cb(.onRemoteInvitationFailure(.peerOffline)),
                ["acceptSent"], F.gaveUp
            ),
            (
                .remoteFailure(.acceptFailure), "failAcceptFailure", cb(.onRemoteInvitationFailure(.acceptFailure)),
                ["acceptSent"], F.gaveUp
            ),
        ]
        let open = ["received", "refusing", "acceptSent"]
        for (n, target, callback, from, lateAfterFallback) in verdicts {
            notice(n, ["idle"], .rejected(.unreachable))
            notice(n, from, .to(target, [callback]))
            notice(n, [target] + lateAfterFallback, .ignored)
            let others = (open + F.ended).filter {
                !from.contains($0) && $0 != target && !lateAfterFallback.contains($0)
            }
            notice(n, others, .rejected(.peerBrokeProtocol))
        }

        // Fallback timers.
        rows.append(
            .init(
                .timerFired(.expiry), ["received", "refusing"],
                .to("gaveUpExpire", [cb(.onRemoteInvitationFailure(.invitationExpire))])))
        rows.append(.init(.timerFired(.expiry), ["idle"], .rejected(.unreachable)))
        rows.append(.init(.timerFired(.expiry), ["acceptSent"] + F.ended, .ignored))
        rows.append(
            .init(
                .timerFired(.acceptAck), ["acceptSent"],
                .to("gaveUpAcceptFailure", [cb(.onRemoteInvitationFailure(.acceptFailure))])))
        rows.append(.init(.timerFired(.acceptAck), ["idle", "received", "refusing"], .rejected(.unreachable)))
        rows.append(.init(.timerFired(.acceptAck), F.ended, .ignored))
        return rows
    }

    @Test("the outcome table covers every (state, representative event) pair exactly once")
    func tableIsComplete() {
        var count: [String: Int] = [:]
        for row in Self.rows() {
            for state in row.states { count["\(state) × \(Machine.eventLabel(row.event))", default: 0] += 1 }
        }
        let events = Machine.representativeEvents
        #expect(Set(Self.rows().map(\.event)) == Set(events))
        for state in F.names {
            for event in events {
                let key = "\(state) × \(Machine.eventLabel(event))"
                #expect(count[key] == 1, "\(key) listed \(count[key] ?? 0) times")
            }
        }
    }

    @Test("every representative event in every reachable state does what the table says", arguments: F.names)
    func outcomes(name: String) throws {
        let state = try #require(F.state(name))
        let names = Dictionary(uniqueKeysWithValues: F.names.compactMap { n in F.state(n).map { ($0, n) } })
        for row in Self.rows() where row.states.contains(name) {
            let seen = Machine.observed(state, row.event, name: { names[$0] }) { effects in
                effects.compactMap { if case .callback(let c) = $0 { Machine.callbackLabel(c) } else { nil } }
            }
            #expect(seen == row.expected, "\(Machine.eventLabel(row.event)) in \(name)")
        }
    }

    @Test("in every reachable state, effects come as: return code, timers, request, callback; at most one callback")
    func effectOrder() {
        for state in Machine.reachableStates() {
            for event in Machine.representativeEvents {
                let kinds = Machine.step(state, event).effects.map(\.kind)
                #expect(kinds == kinds.sorted(), "\(Machine.eventLabel(event)) in \(state.label)")
                #expect(kinds.filter { $0 == .callback }.count <= 1, "\(Machine.eventLabel(event)) in \(state.label)")
                let isAPI: Bool = {
                    switch event {
                    case .acceptRequested, .refuseRequested, .setResponseRequested: true
                    case .noticeReceived, .timerFired: false
                    }
                }()
                if isAPI {
                    #expect(kinds.first == .returnCode, "\(Machine.eventLabel(event)) in \(state.label)")
                } else {
                    #expect(!kinds.contains(.returnCode), "\(Machine.eventLabel(event)) in \(state.label)")
                }
            }
        }
    }
}
