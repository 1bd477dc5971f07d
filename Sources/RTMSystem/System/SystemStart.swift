import RTMMachines
import RTMProtocol

extension RTMSystemModel {
    /// Logs every client in and delivers every message until the network is quiet, in a fixed
    /// order (client 0 first, requests before replies): the initial state of `start: online`.
    ///
    /// What happened on the way is not an observation of the search: the marks are cleared.
    func settleOnline(_ s: inout SystemState) {
        var trail: Trail? = nil
        for i in s.clients.indices {
            callApi(i, .login(token: "", userId: name(i)), &s, &trail)
            var steps = 0
            while !s.networkQuiet, steps < 1_000 {
                steps += 1
                if let up = s.links.firstIndex(where: { !$0.up.isEmpty }) {
                    apply(.deliverUp(client: up, index: 0), to: &s, trail: &trail)
                } else if let down = s.links.firstIndex(where: { !$0.down.isEmpty }) {
                    apply(.deliverDown(client: down, index: 0), to: &s, trail: &trail)
                }
            }
        }
        s.seen = Observations()
    }

    /// Whether every API call budget entry `entry` of client `i` makes would return success
    /// (`apiErrors: false` offers only those calls): ``ClientCore/accepts(_:)`` answers from the
    /// machines' transitions where it can; else ``callSucceedsByRunning(_:_:_:)``.
    func callSucceeds(_ core: borrowing ClientCore, _ i: Int, _ entry: Int) -> Bool {
        withUnsafePointer(to: core) { callSucceeds($0, i, entry) }
    }

    /// ``callSucceeds(_:_:_:)-(ClientCore,_,_)`` of the core at `core`, read in place: the checker asks
    /// this of every budget entry of every state it expands, and a core handed over as a value is
    /// copied first, retaining every array it holds.
    func callSucceeds(_ core: UnsafePointer<ClientCore>, _ i: Int, _ entry: Int) -> Bool {
        let budget = scenario.calls[i][entry]
        if budget.call == .sendLocalInvitation {
            return ClientCore.acceptsSendOfNewInvitation(to: budget.target ?? "", at: core)
        }
        guard let call = apiCall(i, budget, core) else { return false }
        if let accepted = ClientCore.accepts(call, at: core) { return accepted }
        return callSucceedsByRunning(core.pointee, i, entry)
    }

    /// ``callSucceeds(_:_:_:)`` by running the calls of ``userCall(_:_:_:_:)`` on a copy of the
    /// client's core.
    func callSucceedsByRunning(_ start: ClientCore, _ i: Int, _ entry: Int) -> Bool {
        let budget = scenario.calls[i][entry]
        var core = start
        func succeeds(_ call: RtmApiCall) -> Bool {
            for case .returned(let result) in core.handle(.api(call)) { return result.succeeded }
            return true
        }
        guard let call = withUnsafePointer(to: core, { apiCall(i, budget, $0) }) else { return false }
        let serial = core.nextInvitationSerial
        guard succeeds(call) else { return false }
        guard budget.call == .sendLocalInvitation else { return true }
        guard let next = followUp(budget, core: core, serial: serial) else { return false }
        return succeeds(next)
    }
}

extension RtmApiResult {
    /// Whether the call was accepted: its error code is the SDK's 0 (`…_ERR_OK`, `…_ERR_NONE`),
    /// or it returned an object.
    public var succeeded: Bool {
        switch self {
        case .login(let c): c.rawValue == 0
        case .logout(let c): c.rawValue == 0
        case .renewToken(let c): c.rawValue == 0
        case .peerMessage(let c, _): c.rawValue == 0
        case .queryPeersOnlineStatus(let c, _): c.rawValue == 0
        case .attribute(let c, _): c.rawValue == 0
        case .getChannelMemberCount(let c, _): c.rawValue == 0
        case .channelCreated(let ok): ok
        case .join(let c): c.rawValue == 0
        case .leave(let c): c.rawValue == 0
        case .channelMessage(let c, _): c.rawValue == 0
        case .getMembers(let c): c.rawValue == 0
        case .void: true
        case .invitationCreated(let key): key != nil
        case .invitation(let c): c.rawValue == 0
        }
    }
}
