import RTMProtocol
import Testing

@testable import RTMMachines

/// Every cell of the server table in docs/invitation-protocol.md §4: record state × input, with the
/// notices (to whom, in which order), the timers started and stopped, and the record state after.
@Suite("ServerMachine: invitation table (docs/invitation-protocol.md §4)")
struct ServerInvitationTableTests {
    @Test("Each record state is reached by legal events", arguments: RecordPhase.allCases)
    func phasesReachable(_ phase: RecordPhase) {
        let script = phase.script
        #expect(script.state.invitation(Call.key)?.phase == phase.phase)
    }

    @Test("Record state × input", arguments: RecordPhase.allCases, TableInput.allCases)
    func cell(_ phase: RecordPhase, _ input: TableInput) {
        var s = phase.script
        if input == .calleeLogsIn && phase != .holding { s.request(Call.callee, .logout) }
        let before = s.state
        let effects = s.run(input.event)
        switch Self.expected(phase, input) {
        case .violation:
            #expect(s.brokeProtocol)
            #expect(s.state == before)
        case .ignored:
            #expect(s.ignored)
            #expect(s.state == before)
        case .moves(let expectedEffects, let next):
            #expect(s.moved)
            #expect(effects == expectedEffects)
            #expect(s.state.invitation(Call.key)?.phase == next)
        }
    }

    /// The table, transcribed from docs/invitation-protocol.md §4.
    static func expected(_ phase: RecordPhase, _ input: TableInput) -> CellExpectation {
        typealias C = Call
        let purge = C.startPurge
        let ring: [Server.Effect] = [C.toCaller(.calleeAck), C.stop(.noAck), C.start(.expire, 60_000)]
        let loginAnswer = Server.Effect.send(C.callee, .loginAccepted)
        switch (phase, input) {
        // holding: bob is offline, so his requests come from a connection with no session (ignored; the
        // table's "violation" for a logged-in bob is unreachable and checked by hand in the scenario tests).
        case (.holding, .calleeLogsIn):
            return .moves([loginAnswer, C.toCallee(.invite(content: "call me", channelId: "room"))], to: .delivered)
        case (.holding, .receivedAck), (.holding, .accept), (.holding, .refuse), (.holding, .abandonFromCallee):
            return .ignored
        case (.holding, .cancel): return .moves([C.toCaller(.cancel), C.stop(.noAck), purge], to: .ended)
        case (.holding, .acceptAck): return .violation
        case (.holding, .abandonFromCaller): return .moves([C.stop(.noAck), purge], to: .ended)
        case (.holding, .noAckFires): return .moves([C.toCaller(.localFailure(.peerOffline)), purge], to: .ended)
        case (.holding, .expireFires), (.holding, .acceptAckFires), (.holding, .purgeFires): return .ignored

        case (.delivered, .calleeLogsIn): return .moves([loginAnswer], to: .delivered)
        case (.delivered, .receivedAck): return .moves(ring, to: .ringing)
        case (.delivered, .accept):
            return .moves(
                ring + [C.toCaller(.accept(response: "yes")), C.stop(.expire), C.start(.acceptAck, 30_000)],
                to: .acceptWon)
        case (.delivered, .refuse):
            return .moves(
                ring + [C.toCallee(.refuseAck), C.toCaller(.refuse(response: "no")), C.stop(.expire), purge],
                to: .ended)
        case (.delivered, .cancel):
            return .moves([C.toCallee(.cancel), C.toCaller(.cancel), C.stop(.noAck), purge], to: .ended)
        case (.delivered, .acceptAck): return .violation
        case (.delivered, .abandonFromCaller):
            return .moves([C.toCallee(.remoteFailure(.invitationExpire)), C.stop(.noAck), purge], to: .ended)
        case (.delivered, .abandonFromCallee):
            return .moves([C.toCaller(.localFailure(.invitationExpire)), C.stop(.noAck), purge], to: .ended)
        case (.delivered, .noAckFires):
            return .moves(
                [C.toCaller(.localFailure(.peerNoResponse)), C.toCallee(.remoteFailure(.invitationExpire)), purge],
                to: .ended)
        case (.delivered, .expireFires), (.delivered, .acceptAckFires), (.delivered, .purgeFires): return .ignored

        case (.ringing, .calleeLogsIn): return .moves([loginAnswer], to: .ringing)
        case (.ringing, .receivedAck): return .ignored
        case (.ringing, .accept):
            return .moves(
                [C.toCaller(.accept(response: "yes")), C.stop(.expire), C.start(.acceptAck, 30_000)], to: .acceptWon)
        case (.ringing, .refuse):
            return .moves(
                [C.toCallee(.refuseAck), C.toCaller(.refuse(response: "no")), C.stop(.expire), purge], to: .ended)
        case (.ringing, .cancel):
            return .moves([C.toCallee(.cancel), C.toCaller(.cancel), C.stop(.expire), purge], to: .ended)
        case (.ringing, .acceptAck): return .violation
        case (.ringing, .abandonFromCaller):
            return .moves([C.toCallee(.remoteFailure(.invitationExpire)), C.stop(.expire), purge], to: .ended)
        case (.ringing, .abandonFromCallee):
            return .moves([C.toCaller(.localFailure(.invitationExpire)), C.stop(.expire), purge], to: .ended)
        case (.ringing, .expireFires):
            return .moves(
                [C.toCallee(.remoteFailure(.invitationExpire)), C.toCaller(.localFailure(.invitationExpire)), purge],
                to: .ended)
        case (.ringing, .noAckFires), (.ringing, .acceptAckFires), (.ringing, .purgeFires): return .ignored

        case (.acceptWon, .calleeLogsIn): return .moves([loginAnswer], to: .acceptWon)
        case (.acceptWon, .receivedAck), (.acceptWon, .accept): return .ignored
        case (.acceptWon, .refuse): return .violation
        case (.acceptWon, .cancel): return .ignored  // Decision 11: the accept won.
        case (.acceptWon, .acceptAck): return .moves([C.toCallee(.callerAck), C.stop(.acceptAck), purge], to: .ended)
        case (.acceptWon, .abandonFromCaller):
            return .moves([C.toCallee(.remoteFailure(.acceptFailure)), C.stop(.acceptAck), purge], to: .ended)
        case (.acceptWon, .abandonFromCallee): return .moves([C.stop(.acceptAck), purge], to: .ended)
        case (.acceptWon, .acceptAckFires):
            return .moves([C.toCallee(.remoteFailure(.acceptFailure)), purge], to: .ended)
        case (.acceptWon, .noAckFires), (.acceptWon, .expireFires), (.acceptWon, .purgeFires): return .ignored

        case (.ended, .calleeLogsIn): return .moves([loginAnswer], to: .ended)
        case (.ended, .purgeFires): return .moves([], to: nil)
        case (.ended, .receivedAck), (.ended, .accept), (.ended, .refuse), (.ended, .cancel), (.ended, .acceptAck),
            (.ended, .abandonFromCaller), (.ended, .abandonFromCallee), (.ended, .noAckFires), (.ended, .expireFires),
            (.ended, .acceptAckFires):
            return .ignored
        }
    }
}
