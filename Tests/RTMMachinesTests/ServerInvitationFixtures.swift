import RTMProtocol

@testable import RTMMachines

/// The invitation every arbitration test uses: alice (Instance.alice) calls bob (Instance.bob).
enum Call {
    static let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)
    /// A second invitation between the same users.
    static let key2 = InvitationKey(caller: "alice", callee: "bob", serial: 2)
    static let caller = Instance.alice
    static let callee = Instance.bob
    static let invite = InvitationRequest.invite(content: "call me", channelId: "room")
    static let purgeMs = InvitationTiming.expiryMs + InvitationTiming.acceptAckMs + InvitationTiming.fallbackGraceMs

    static func toCaller(_ notice: InvitationNotice) -> Server.Effect { .send(caller, .invitation(key, notice)) }
    static func toCallee(_ notice: InvitationNotice) -> Server.Effect { .send(callee, .invitation(key, notice)) }
    static func start(_ timer: InvitationServerTimer, _ ms: Int) -> Server.Effect {
        .startTimer(.invitation(key, timer), ms: ms)
    }
    static func stop(_ timer: InvitationServerTimer) -> Server.Effect { .cancelTimer(.invitation(key, timer)) }
    static let startPurge = start(.purge, purgeMs)
    static func fired(_ timer: InvitationServerTimer) -> Server.Event { .timerFired(.invitation(key, timer)) }
    static func from(_ conn: ConnectionID, _ request: InvitationRequest) -> Server.Event {
        .requestReceived(conn, .invitation(key, request))
    }
}

/// The record states of docs/invitation-protocol.md §4, each reached from the initial state by legal
/// events (carol, on Instance.carol, is logged in throughout as a bystander).
enum RecordPhase: String, CaseIterable, Sendable, CustomStringConvertible {
    case holding, delivered, ringing, acceptWon, ended

    var description: String { rawValue }

    /// The record phase this name stands for.
    var phase: InvitationRecord.Phase {
        switch self {
        case .holding: .holding
        case .delivered: .delivered
        case .ringing: .ringing
        case .acceptWon: .acceptWon
        case .ended: .ended
        }
    }

    /// The events that reach this record state. In `holding` bob is offline; in the others he is online.
    var path: [Server.Event] {
        let alice = Server.Event.requestReceived(Call.caller, .login(user: "alice", tokenVerdict: .ok))
        let bob = Server.Event.requestReceived(Call.callee, .login(user: "bob", tokenVerdict: .ok))
        let carol = Server.Event.requestReceived(Instance.carol, .login(user: "carol", tokenVerdict: .ok))
        let invite = Call.from(Call.caller, Call.invite)
        switch self {
        case .holding: return [alice, carol, invite]
        case .delivered: return [alice, bob, carol, invite]
        case .ringing: return RecordPhase.delivered.path + [Call.from(Call.callee, .receivedAck)]
        case .acceptWon: return RecordPhase.ringing.path + [Call.from(Call.callee, .accept(response: "yes"))]
        case .ended: return RecordPhase.ringing.path + [Call.from(Call.caller, .cancel)]
        }
    }

    /// A script in this record state.
    var script: ServerScript {
        var script = ServerScript()
        for event in path { script.run(event) }
        return script
    }
}

/// The inputs (columns' rows) of the §4 table.
enum TableInput: String, CaseIterable, Sendable, CustomStringConvertible {
    case calleeLogsIn, receivedAck, accept, refuse, cancel, acceptAck
    case abandonFromCaller, abandonFromCallee
    case noAckFires, expireFires, acceptAckFires, purgeFires

    var description: String { rawValue }

    /// The event of this input. "callee logs in" is bob's login (he logs out first where he is online).
    var event: Server.Event {
        switch self {
        case .calleeLogsIn: .requestReceived(Call.callee, .login(user: "bob", tokenVerdict: .ok))
        case .receivedAck: Call.from(Call.callee, .receivedAck)
        case .accept: Call.from(Call.callee, .accept(response: "yes"))
        case .refuse: Call.from(Call.callee, .refuse(response: "no"))
        case .cancel: Call.from(Call.caller, .cancel)
        case .acceptAck: Call.from(Call.caller, .acceptAck)
        case .abandonFromCaller: Call.from(Call.caller, .abandon)
        case .abandonFromCallee: Call.from(Call.callee, .abandon)
        case .noAckFires: Call.fired(.noAck)
        case .expireFires: Call.fired(.expire)
        case .acceptAckFires: Call.fired(.acceptAck)
        case .purgeFires: Call.fired(.purge)
        }
    }
}

/// What one cell of the §4 table expects.
enum CellExpectation: Equatable, CustomStringConvertible {
    /// "drop (violation)": a correct client never sends it.
    case violation
    /// "drop", "drop (dup)", "drop (late)", "–": ignored, nothing changes.
    case ignored
    /// A legal step with exactly these effects, leaving the record in this phase (nil: the record is gone).
    case moves([Server.Effect], to: InvitationRecord.Phase?)

    var description: String {
        switch self {
        case .violation: "violation"
        case .ignored: "ignored"
        case .moves(let effects, let phase): "\(effects.map(Server.effectLabel)) -> \(phase.map { "\($0)" } ?? "gone")"
        }
    }
}
