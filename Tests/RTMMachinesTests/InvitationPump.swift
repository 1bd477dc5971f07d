import RTMMachines
import RTMProtocol

/// Wires a caller machine, a callee machine and ``InvitationTestArbiter`` through four FIFO links
/// and pumps messages until everything goes quiet (the swift-nio-ssh test style).
///
/// `pump()` always delivers the oldest message in flight, so the order of callbacks follows the
/// order in which the server sent its notices; `deliver(_:)` and `drop(_:)` let a test dictate
/// races and losses. The callee's shell rule is modelled too: the machine is created by an
/// `invite`, and other notices for an unknown invitation are dropped.
struct InvitationPump {
    enum Link: CaseIterable { case callerToServer, calleeToServer, serverToCaller, serverToCallee }

    private(set) var caller = LocalInvitationMachine.initialState
    private(set) var callee: RemoteInvitationMachine.State?
    var server = InvitationTestArbiter()
    /// When false, every request to the server is lost (the server is unreachable).
    var serverReachable = true
    /// Callbacks at both ends, in the order they fired, e.g. `callee: onRemoteInvitationReceived`.
    private(set) var log: [String] = []
    /// The content and channel id the callee's shell received.
    private(set) var calleeInvite: (content: String, channelId: String)?
    /// Rejections by either machine (a correct run has none).
    private(set) var violations: [Violation] = []
    private(set) var callerTimers: [LocalInvitationMachine.Timer: Int] = [:]
    private(set) var calleeTimers: [RemoteInvitationMachine.Timer: Int] = [:]

    private var queues: [Link: [(seq: Int, message: Message)]] = [:]
    private var nextSeq = 0

    private enum Message {
        case request(InvitationRequest)
        case notice(InvitationNotice)
    }

    // MARK: API calls and timers

    /// Runs a caller API call; returns its code.
    @discardableResult
    mutating func callerCall(_ event: LocalInvitationMachine.Event) -> InvitationApiCallErrCode? {
        stepCaller(event)
    }

    /// Runs a callee API call; returns its code (`nil` when there is no callee object).
    @discardableResult
    mutating func calleeCall(_ event: RemoteInvitationMachine.Event) -> InvitationApiCallErrCode? {
        stepCallee(event)
    }

    /// Fires a caller fallback timer; false when it is not running.
    mutating func fireCaller(_ timer: LocalInvitationMachine.Timer) -> Bool {
        guard callerTimers.removeValue(forKey: timer) != nil else { return false }
        stepCaller(.timerFired(timer))
        return true
    }

    /// Fires a callee fallback timer; false when it is not running.
    mutating func fireCallee(_ timer: RemoteInvitationMachine.Timer) -> Bool {
        guard calleeTimers.removeValue(forKey: timer) != nil else { return false }
        stepCallee(.timerFired(timer))
        return true
    }

    /// Fires a server timer; false when it is not running.
    mutating func fireServer(_ timer: InvitationTestArbiter.Timer) -> Bool {
        guard let out = server.fire(timer) else { return false }
        post(out)
        return true
    }

    /// The callee logs in: the server delivers a held invitation.
    mutating func calleeLogsIn() { post(server.calleeLoggedIn()) }

    // MARK: The network

    /// Messages in flight on a link.
    func inFlight(_ link: Link) -> Int { queues[link, default: []].count }

    /// Whether nothing is in flight.
    var isQuiet: Bool { Link.allCases.allSatisfy { inFlight($0) == 0 } }

    /// Delivers the oldest message in flight until none is left.
    mutating func pump() {
        while let link = Link.allCases.filter({ inFlight($0) > 0 }).min(by: {
            queues[$0]![0].seq < queues[$1]![0].seq
        }) {
            deliver(link)
        }
    }

    /// Delivers the next message on `link`.
    mutating func deliver(_ link: Link) {
        guard let (_, message) = queues[link]?.first else { return }
        queues[link]!.removeFirst()
        switch (link, message) {
        case (.callerToServer, .request(let request)): post(server.receive(request, from: .caller))
        case (.calleeToServer, .request(let request)): post(server.receive(request, from: .callee))
        case (.serverToCaller, .notice(let notice)): stepCaller(.noticeReceived(notice))
        case (.serverToCallee, .notice(let notice)):
            if callee == nil {
                guard case .invite(let content, let channelId) = notice else { return }  // unknown id: dropped
                callee = RemoteInvitationMachine.initialState
                calleeInvite = (content, channelId)
            }
            stepCallee(.noticeReceived(notice))
        case (.callerToServer, .notice), (.calleeToServer, .notice), (.serverToCaller, .request),
            (.serverToCallee, .request):
            return
        }
    }

    /// Loses the next message on `link`.
    mutating func drop(_ link: Link) { _ = queues[link]?.removeFirst() }

    // MARK: Running effects

    @discardableResult
    private mutating func stepCaller(_ event: LocalInvitationMachine.Event) -> InvitationApiCallErrCode? {
        let step = LocalInvitationMachine.step(caller, event)
        if case .rejected(let violation) = step { violations.append(violation) }
        caller = step.state(after: caller)
        var code: InvitationApiCallErrCode?
        for effect in step.effects {
            switch effect {
            case .returnCode(let returned): code = returned
            case .startTimer(let timer, let ms): callerTimers[timer] = ms
            case .cancelTimer(let timer): callerTimers[timer] = nil
            case .send(let request): if serverReachable { enqueue(.request(request), on: .callerToServer) }
            case .callback(let callback): log.append("caller: " + Self.describe(callback))
            }
        }
        return code
    }

    @discardableResult
    private mutating func stepCallee(_ event: RemoteInvitationMachine.Event) -> InvitationApiCallErrCode? {
        guard let state = callee else { return nil }
        let step = RemoteInvitationMachine.step(state, event)
        if case .rejected(let violation) = step { violations.append(violation) }
        callee = step.state(after: state)
        var code: InvitationApiCallErrCode?
        for effect in step.effects {
            switch effect {
            case .returnCode(let returned): code = returned
            case .startTimer(let timer, let ms): calleeTimers[timer] = ms
            case .cancelTimer(let timer): calleeTimers[timer] = nil
            case .send(let request): if serverReachable { enqueue(.request(request), on: .calleeToServer) }
            case .callback(let callback): log.append("callee: " + RemoteInvitationMachine.callbackLabel(callback))
            }
        }
        return code
    }

    /// Sends the server's notices; a notice to a user who is offline is lost (§4).
    private mutating func post(_ out: InvitationTestArbiter.Out) {
        for (role, notice) in out {
            switch role {
            case .caller: if server.callerOnline { enqueue(.notice(notice), on: .serverToCaller) }
            case .callee: if server.calleeOnline { enqueue(.notice(notice), on: .serverToCallee) }
            }
        }
    }

    private mutating func enqueue(_ message: Message, on link: Link) {
        queues[link, default: []].append((nextSeq, message))
        nextSeq += 1
    }

    private static func describe(_ callback: LocalInvitationMachine.Callback) -> String {
        switch callback {
        case .onLocalInvitationAccepted(let response): "onLocalInvitationAccepted(\(response))"
        case .onLocalInvitationRefused(let response): "onLocalInvitationRefused(\(response))"
        case .onLocalInvitationReceivedByPeer, .onLocalInvitationCanceled, .onLocalInvitationFailure:
            LocalInvitationMachine.callbackLabel(callback)
        }
    }
}
