import RTMMachines
import RTMProtocol
import Testing

@Suite("LocalInvitationMachine")
struct LocalInvitationMachineTests {
    typealias Machine = LocalInvitationMachine
    typealias F = LocalFixture

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
        let expected: [String: LocalInvitationState] = [
            "idle": .idle, "sent": .sentToRemote, "sentOff": .sentToRemote, "sentCan": .sentToRemote,
            "sentOffCan": .sentToRemote, "recv": .receivedByRemote, "recvCan": .receivedByRemote,
            "accepted": .acceptedByRemote, "refused": .refusedByRemote, "canceled": .canceled,
            "failPeerOffline": .failure, "failNoResponse": .failure, "failExpire": .failure,
            "gaveUpPeerOffline": .failure, "gaveUpNoResponse": .failure, "gaveUpExpire": .failure,
            "notLoggedIn": .failure,
        ]
        #expect(F.state(name)?.sdkState == expected[name])
        #expect(F.state(name).map(Machine.sdkStateName) == expected[name]?.sdkName)
    }

    // MARK: (a) API calls × states → INVITATION_API_CALL_ERR_CODE

    static let apiCalls: [(String, Machine.Event)] = [
        ("send", .sendRequested(.init(loggedIn: true))),
        ("send(invalid)", .sendRequested(.init(loggedIn: true, valid: false))),
        ("send(notLoggedIn)", .sendRequested(.init(loggedIn: false))),
        ("cancel", .cancelRequested),
        ("setContent", .setContentRequested(valid: true)),
        ("setContent(invalid)", .setContentRequested(valid: false)),
        ("setChannelId", .setChannelIdRequested(valid: true)),
        ("setChannelId(invalid)", .setChannelIdRequested(valid: false)),
    ]

    /// rtm-reference §2.3 table, decisions 2 and 16, docs/decisions-invitation.md (setters).
    /// Columns in the order of `apiCalls`.
    static let apiTable: [String: [InvitationApiCallErrCode]] = {
        // A cancel is the only call that still succeeds once the invitation is in flight.
        let inFlight: [InvitationApiCallErrCode] = [
            .alreadySent, .alreadySent, .alreadySent, .ok, .alreadySent, .alreadySent, .alreadySent, .alreadySent,
        ]
        let ended = [InvitationApiCallErrCode](repeating: .alreadyEnd, count: 8)
        var table: [String: [InvitationApiCallErrCode]] = [
            "idle": [.ok, .invalidArgument, .ok, .notStarted, .ok, .invalidArgument, .ok, .invalidArgument]
        ]
        for name in F.open { table[name] = inFlight }
        for name in F.ended { table[name] = ended }
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
            case .sendRequested, .cancelRequested, .setContentRequested, .setChannelIdRequested: true
            case .noticeReceived, .timerFired: false
            }
        }
        let listed = Set(Self.apiCalls.map(\.1))
        // send while logged out with an invalid argument: INVALID_ARGUMENT wins (checked below).
        #expect(Set(apiEvents).subtracting(listed) == [.sendRequested(.init(loggedIn: false, valid: false))])
        #expect(
            Machine.step(.idle, .sendRequested(.init(loggedIn: false, valid: false)))
                == .moved(to: .idle, effects: [.returnCode(.invalidArgument)]))
    }

    // MARK: (b) every (reachable state × representative event) against the table

    static func rows() -> [OutcomeRow<Machine.Event>] {
        let all = F.names
        let notSent = ["idle"]
        let cb = Machine.callbackLabel
        var rows: [OutcomeRow<Machine.Event>] = [
            // API calls: the codes are checked in (a); here, where they move.
            .init(.sendRequested(.init(loggedIn: true)), ["idle"], .to("sent", [])),
            .init(.sendRequested(.init(loggedIn: true)), F.open + F.ended, .same),
            .init(
                .sendRequested(.init(loggedIn: false)), ["idle"],
                .to("notLoggedIn", [cb(.onLocalInvitationFailure(.notLoggedIn))])),
            .init(.sendRequested(.init(loggedIn: false)), F.open + F.ended, .same),
            .init(.sendRequested(.init(loggedIn: true, valid: false)), all, .same),
            .init(.sendRequested(.init(loggedIn: false, valid: false)), all, .same),
            .init(.cancelRequested, ["sent"], .to("sentCan", [])),
            .init(.cancelRequested, ["sentOff"], .to("sentOffCan", [])),
            .init(.cancelRequested, ["recv"], .to("recvCan", [])),
            .init(.cancelRequested, ["idle", "sentCan", "sentOffCan", "recvCan"] + F.ended, .same),
            .init(.setContentRequested(valid: true), all, .same),
            .init(.setContentRequested(valid: false), all, .same),
            .init(.setChannelIdRequested(valid: true), all, .same),
            .init(.setChannelIdRequested(valid: false), all, .same),
        ]
        // Notices meant for the callee are a protocol violation at the caller.
        let calleeNotices: [InvitationNotice] =
            [.invite(content: "", channelId: ""), .refuseAck, .callerAck]
            + RemoteInvitationErrCode.allCases.map { .remoteFailure($0) }
        for notice in calleeNotices + [.localFailure(.ok), .localFailure(.notLoggedIn)] {
            rows.append(.init(.noticeReceived(notice), notSent, .rejected(.unreachable)))
            rows.append(.init(.noticeReceived(notice), F.open + F.ended, .rejected(.peerBrokeProtocol)))
        }
        func notice(_ notice: InvitationNotice, _ states: [String], _ expected: ExpectedStep) {
            rows.append(.init(.noticeReceived(notice), states, expected))
        }
        for n in [InvitationNotice.calleeOffline, .calleeAck, .accept(response: ""), .refuse(response: ""), .cancel]
            + [.localFailure(.peerOffline), .localFailure(.peerNoResponse), .localFailure(.invitationExpire)]
        {
            notice(n, notSent, .rejected(.unreachable))
            notice(n, ["notLoggedIn"], .rejected(.peerBrokeProtocol))
        }
        notice(.calleeOffline, ["sent"], .to("sentOff", []))
        notice(.calleeOffline, ["sentCan"], .to("sentOffCan", []))
        notice(.calleeOffline, ["sentOff", "sentOffCan"] + F.received + F.serverEnded + F.gaveUp, .ignored)

        let ack = [cb(.onLocalInvitationReceivedByPeer)]
        notice(.calleeAck, ["sent", "sentOff"], .to("recv", ack))
        notice(.calleeAck, ["sentCan", "sentOffCan"], .to("recvCan", ack))
        notice(.calleeAck, ["failPeerOffline", "failNoResponse"], .rejected(.peerBrokeProtocol))
        notice(.calleeAck, F.received + ["accepted", "refused", "canceled", "failExpire"] + F.gaveUp, .ignored)

        // Verdicts (decision 11: accept and refuse win over a pending cancel).
        let verdicts: [(InvitationNotice, String, String, [String])] = [
            (.accept(response: ""), "accepted", cb(.onLocalInvitationAccepted(response: "")), F.open),
            (.refuse(response: ""), "refused", cb(.onLocalInvitationRefused(response: "")), F.open),
            (.cancel, "canceled", cb(.onLocalInvitationCanceled), ["sentCan", "sentOffCan", "recvCan"]),
            (.localFailure(.peerOffline), "failPeerOffline", cb(.onLocalInvitationFailure(.peerOffline)), F.sent),
            (.localFailure(.peerNoResponse), "failNoResponse", cb(.onLocalInvitationFailure(.peerNoResponse)), F.sent),
            (.localFailure(.invitationExpire), "failExpire", cb(.onLocalInvitationFailure(.invitationExpire)), F.open),
        ]
        for (n, target, callback, from) in verdicts {
            notice(n, from, .to(target, [callback]))
            notice(n, F.open.filter { !from.contains($0) }, .rejected(.peerBrokeProtocol))
            notice(n, [target] + F.gaveUp, .ignored)
            notice(n, F.serverEnded.filter { $0 != target }, .rejected(.peerBrokeProtocol))
        }

        // Fallback timers.
        let noAckFrom = [
            "sent": "gaveUpNoResponse", "sentCan": "gaveUpNoResponse",
            "sentOff": "gaveUpPeerOffline", "sentOffCan": "gaveUpPeerOffline",
        ]
        for (from, to) in noAckFrom {
            let code: LocalInvitationErrCode = to == "gaveUpPeerOffline" ? .peerOffline : .peerNoResponse
            rows.append(.init(.timerFired(.noAck), [from], .to(to, [cb(.onLocalInvitationFailure(code))])))
        }
        rows.append(.init(.timerFired(.noAck), ["idle", "notLoggedIn"], .rejected(.unreachable)))
        rows.append(.init(.timerFired(.noAck), F.received + F.serverEnded + F.gaveUp, .ignored))
        rows.append(
            .init(
                .timerFired(.expiry), F.received,
                .to("gaveUpExpire", [cb(.onLocalInvitationFailure(.invitationExpire))])))
        rows.append(.init(.timerFired(.expiry), ["idle", "notLoggedIn"] + F.sent, .rejected(.unreachable)))
        rows.append(.init(.timerFired(.expiry), F.serverEnded + F.gaveUp, .ignored))
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
                    case .sendRequested, .cancelRequested, .setContentRequested, .setChannelIdRequested: true
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
