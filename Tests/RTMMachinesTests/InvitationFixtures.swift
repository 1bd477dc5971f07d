import RTMMachines
import RTMProtocol

/// Named invitation states, each reached from the initial state through legal events only.
///
/// The tests' expected tables are written against these names, and a test checks that they are
/// exactly the machine's reachable states.
enum LocalFixture {
    typealias Machine = LocalInvitationMachine
    typealias Event = Machine.Event

    static let send: Event = .sendRequested(.init(loggedIn: true))
    static let cancel: Event = .cancelRequested
    static func notice(_ notice: InvitationNotice) -> Event { .noticeReceived(notice) }

    /// The path of events that reaches each named state.
    static let paths: [String: [Event]] = {
        var paths: [String: [Event]] = ["idle": []]
        paths["sent"] = [send]
        paths["sentOff"] = paths["sent"]! + [notice(.calleeOffline)]
        paths["sentCan"] = paths["sent"]! + [cancel]
        paths["sentOffCan"] = paths["sentOff"]! + [cancel]
        paths["recv"] = paths["sent"]! + [notice(.calleeAck)]
        paths["recvCan"] = paths["recv"]! + [cancel]
        paths["accepted"] = paths["recv"]! + [notice(.accept(response: "yes"))]
        paths["refused"] = paths["recv"]! + [notice(.refuse(response: "no"))]
        paths["canceled"] = paths["recvCan"]! + [notice(.cancel)]
        paths["failPeerOffline"] = paths["sentOff"]! + [notice(.localFailure(.peerOffline))]
        paths["failNoResponse"] = paths["sent"]! + [notice(.localFailure(.peerNoResponse))]
        paths["failExpire"] = paths["recv"]! + [notice(.localFailure(.invitationExpire))]
        paths["gaveUpPeerOffline"] = paths["sentOff"]! + [.timerFired(.noAck)]
        paths["gaveUpNoResponse"] = paths["sent"]! + [.timerFired(.noAck)]
        paths["gaveUpExpire"] = paths["recv"]! + [.timerFired(.expiry)]
        paths["notLoggedIn"] = [.sendRequested(.init(loggedIn: false))]
        return paths
    }()

    static let sent = ["sent", "sentOff", "sentCan", "sentOffCan"]
    static let received = ["recv", "recvCan"]
    static let open = sent + received
    static let serverEnded = ["accepted", "refused", "canceled", "failPeerOffline", "failNoResponse", "failExpire"]
    static let gaveUp = ["gaveUpPeerOffline", "gaveUpNoResponse", "gaveUpExpire"]
    static let ended = serverEnded + gaveUp + ["notLoggedIn"]
    static let names = ["idle"] + open + ended

    /// The state named `name`, reached by stepping its path; `nil` if a step was not a legal move.
    static func state(_ name: String) -> Machine.State? {
        guard let path = paths[name] else { return nil }
        var state = Machine.initialState
        for event in path {
            guard case .moved(let next, _) = Machine.step(state, event) else { return nil }
            state = next
        }
        return state
    }
}

/// Named callee states, each reached from the initial state through legal events only.
enum RemoteFixture {
    typealias Machine = RemoteInvitationMachine
    typealias Event = Machine.Event

    static let invite: Event = .noticeReceived(.invite(content: "call me", channelId: "room"))
    static func notice(_ notice: InvitationNotice) -> Event { .noticeReceived(notice) }

    /// The path of events that reaches each named state.
    static let paths: [String: [Event]] = {
        var paths: [String: [Event]] = ["idle": []]
        paths["received"] = [invite]
        paths["refusing"] = [invite, .refuseRequested(response: "busy")]
        paths["acceptSent"] = [invite, .acceptRequested(response: "hi")]
        paths["refused"] = paths["refusing"]! + [notice(.refuseAck)]
        paths["accepted"] = paths["acceptSent"]! + [notice(.callerAck)]
        paths["canceled"] = [invite, notice(.cancel)]
        paths["failExpire"] = [invite, notice(.remoteFailure(.invitationExpire))]
        paths["failPeerOffline"] = paths["acceptSent"]! + [notice(.remoteFailure(.peerOffline))]
        paths["failAcceptFailure"] = paths["acceptSent"]! + [notice(.remoteFailure(.acceptFailure))]
        paths["gaveUpExpire"] = [invite, .timerFired(.expiry)]
        paths["gaveUpAcceptFailure"] = paths["acceptSent"]! + [.timerFired(.acceptAck)]
        return paths
    }()

    static let serverEnded = ["refused", "accepted", "canceled", "failExpire", "failPeerOffline", "failAcceptFailure"]
    static let gaveUp = ["gaveUpExpire", "gaveUpAcceptFailure"]
    static let ended = serverEnded + gaveUp
    static let names = ["idle", "received", "refusing", "acceptSent"] + ended

    /// The state named `name`, reached by stepping its path; `nil` if a step was not a legal move.
    static func state(_ name: String) -> Machine.State? {
        guard let path = paths[name] else { return nil }
        var state = Machine.initialState
        for event in path {
            guard case .moved(let next, _) = Machine.step(state, event) else { return nil }
            state = next
        }
        return state
    }
}

/// What a test expects one (state, event) step to do.
enum ExpectedStep: Equatable, CustomStringConvertible {
    /// Moves to the named fixture state with exactly these callbacks (labels, in order).
    case to(String, [String])
    /// Moves back to the same state with no callback (an API call answered with a code, or a
    /// sub-state that the table names explicitly with `.to`).
    case same
    case ignored
    case rejected(Violation.Kind)

    var description: String {
        switch self {
        case .to(let name, let callbacks): "moved to \(name) \(callbacks)"
        case .same: "moved to the same state"
        case .ignored: "ignored"
        case .rejected(let kind): "rejected(\(kind.rawValue))"
        }
    }
}

/// One row of an outcome table: an event and the fixture states where it does `expected`.
struct OutcomeRow<Event> {
    var event: Event
    var states: [String]
    var expected: ExpectedStep

    init(_ event: Event, _ states: [String], _ expected: ExpectedStep) {
        self.event = event
        self.states = states
        self.expected = expected
    }
}

extension StateMachine {
    /// What `step` actually did, in the vocabulary of ``ExpectedStep``, given how to name states
    /// and callbacks.
    static func observed(
        _ state: State, _ event: Event, name: (State) -> String?, callbacks: ([Effect]) -> [String]
    ) -> ExpectedStep {
        switch step(state, event) {
        case .moved(let next, let effects):
            let fired = callbacks(effects)
            if next == state && fired.isEmpty { return .same }
            return .to(name(next) ?? "unnamed \(next)", fired)
        case .ignored: return .ignored
        case .rejected(let violation): return .rejected(violation.kind)
        }
    }
}

/// The kinds of effect in the order a step must emit them: the return code, timers, the request
/// to the server, then the callback (LocalInvitationMachine / RemoteInvitationMachine type docs).
enum EffectKind: Int, Comparable {
    case returnCode, timer, send, callback
    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension LocalInvitationMachine.Effect {
    var kind: EffectKind {
        switch self {
        case .returnCode: .returnCode
        case .startTimer, .cancelTimer: .timer
        case .send: .send
        case .callback: .callback
        }
    }
}

extension RemoteInvitationMachine.Effect {
    var kind: EffectKind {
        switch self {
        case .returnCode: .returnCode
        case .startTimer, .cancelTimer: .timer
        case .send: .send
        case .callback: .callback
        }
    }
}
