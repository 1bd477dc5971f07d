import RTMProtocol

/// The server's timers for one invitation (docs/invitation-protocol.md §4).
public enum InvitationServerTimer: String, Hashable, Sendable, Codable {
    /// 30 s after the invite: no ACK from the callee.
    case noAck
    /// 60 s after the ACK: no accept, refuse or cancel.
    case expire
    /// 30 s after the accept won: no ACK from the caller (decision 18).
    case acceptAck
    /// Forget an ended record once no late request can still arrive.
    case purge
}

/// The server's record of one invitation it arbitrates.
public struct InvitationRecord: Hashable, Sendable, Codable {
    public enum Phase: Hashable, Sendable, Codable {
        /// The callee is offline; the invite waits for the callee's login within the no-ACK window.
        case holding
        /// Sent to the callee; no `receivedAck` yet.
        case delivered
        /// The callee ACKed; the caller was told `calleeAck`.
        case ringing
        /// The callee's accept won; the caller was told `accept`; waiting for the caller's ACK.
        case acceptWon
        /// Decided; kept so that late requests are dropped.
        case ended
    }

    public var key: InvitationKey
    public var phase: Phase
    public var content: String
    public var channelId: String
    /// While holding: how many invitations were held for the same callee before this one and are
    /// still held (0, 1, …): the callee gets them in the order they arrived. 0 in every other phase.
    /// Counting rather than stamping keeps equal situations equal states, and the order does not
    /// depend on user names, so clients the scenario declares interchangeable stay interchangeable.
    public var heldOrder: Int

    public init(key: InvitationKey, phase: Phase, content: String, channelId: String, heldOrder: Int = 0) {
        self.key = key
        self.phase = phase
        self.content = content
        self.channelId = channelId
        self.heldOrder = heldOrder
    }
}

extension ServerMachine.State {
    /// The record of the invitation with `key`, if the server holds one. - Complexity: O(log i).
    public func invitation(_ key: InvitationKey) -> InvitationRecord? {
        invitationIndex(key).map { content.invitations[$0] }
    }
}

extension ServerCore {
    /// How long an ended record is kept: past every client fallback timer.
    static let purgeMs = InvitationTiming.expiryMs + InvitationTiming.acceptAckMs + InvitationTiming.fallbackGraceMs

    /// The connection of `user` if it is logged in (a notice to an offline user is dropped).
    func connection(of user: UserID) -> ConnectionID? { state.session(user: user)?.conn }

    mutating func notify(_ user: UserID, _ key: InvitationKey, _ notice: InvitationNotice) {
        if let conn = connection(of: user) { send(conn, .invitation(key, notice)) }
    }

    mutating func setPhase(_ key: InvitationKey, _ phase: InvitationRecord.Phase) {
        guard let index = state.invitationIndex(key) else { return }
        let record = state.content.invitations[index]
        if record.phase == .holding, phase != .holding {
            // The invitations held after this one move up.
            for other in state.index.invitationsByCallee[key.callee] ?? [] {
                guard let at = state.invitationIndex(other), state.content.invitations[at].phase == .holding,
                    state.content.invitations[at].heldOrder > record.heldOrder
                else { continue }
                state.content.invitations[at].heldOrder -= 1
            }
            state.content.invitations[index].heldOrder = 0
        }
        state.content.invitations[index].phase = phase
    }

    /// How many invitations the server holds for `callee`.
    func heldCount(for callee: UserID) -> Int {
        (state.index.invitationsByCallee[callee] ?? []).count { state.invitation($0)?.phase == .holding }
    }

    mutating func end(_ key: InvitationKey, stopping timer: InvitationServerTimer?) {
        if let timer { effects.append(.cancelTimer(.invitation(key, timer))) }
        setPhase(key, .ended)
        effects.append(.startTimer(.invitation(key, .purge), ms: Self.purgeMs))
    }

    /// One invitation request, arbitrated per docs/invitation-protocol.md §4.
    ///
    /// A request from the wrong role (only the caller sends `invite`, `cancel`, `acceptAck`; only the
    /// callee sends `receivedAck`, `accept`, `refuse`; `abandon` comes from either) is a violation in
    /// every phase. "Drop (violation)" cells are violations; the other drops are ignored races.
    mutating func handleInvitation(_ conn: ConnectionID, _ key: InvitationKey, _ request: InvitationRequest)
        -> RequestOutcome
    {
        guard let sender = state.session(conn) else {
            return .ignored("an invitation request from a connection with no session: nobody to answer")
        }
        let fromCaller = sender.user == key.caller
        let fromCallee = sender.user == key.callee
        func violation(_ detail: String) -> RequestOutcome {
            let phase = state.invitation(key).map { "\($0.phase)" } ?? "none"
            return .violation(
                Violation(
                    .peerBrokeProtocol, state: "invitation \(key) \(phase)",
                    event: "invitation.\(request.label) from \(sender.user)", detail: detail))
        }
        let roleAllowed =
            switch request {
            case .invite, .cancel, .acceptAck: fromCaller
            case .receivedAck, .accept, .refuse: fromCallee
            case .abandon: fromCaller || fromCallee
            }
        guard roleAllowed else { return violation("\(sender.user) may not send \(request.label) for \(key)") }
        guard let record = state.invitation(key) else {
            guard case .invite(let content, let channelId) = request else {
                return .ignored("no record: purged, or its invite was lost or wiped by a restart")
            }
            startInvitation(key, content: content, channelId: channelId)
            return .handled
        }
        switch (request, record.phase) {
        case (.invite, _):
            return .ignored("a duplicate invite: the server already holds this id")
        case (_, .ended):
            return .ignored("decided already: the sender has (or is being sent) its verdict")
        case (.receivedAck, .delivered):
            ring(key)
        case (.receivedAck, .holding):
            return violation("an ACK for an invite the callee was never sent")
        case (.receivedAck, .ringing), (.receivedAck, .acceptWon):
            return .ignored("a duplicate ACK")
        case (.accept(let response), .delivered), (.accept(let response), .ringing):
            if record.phase == .delivered { ring(key) }
            if connection(of: key.caller) == nil {
                // Decision 10: the caller is offline when the accept reaches the server.
                notify(key.callee, key, .remoteFailure(.peerOffline))
                notify(key.caller, key, .localFailure(.invitationExpire))
                end(key, stopping: .expire)
            } else {
                notify(key.caller, key, .accept(response: response))
                effects.append(.cancelTimer(.invitation(key, .expire)))
                setPhase(key, .acceptWon)
                effects.append(.startTimer(.invitation(key, .acceptAck), ms: InvitationTiming.acceptAckMs))
            }
        case (.accept, .acceptWon):
            return .ignored("a duplicate accept")
        case (.accept, .holding):
            return violation("an accept for an invite the callee was never sent")
        case (.refuse(let response), .delivered), (.refuse(let response), .ringing):
            if record.phase == .delivered { ring(key) }
            notify(key.callee, key, .refuseAck)
            notify(key.caller, key, .refuse(response: response))
            end(key, stopping: .expire)
        case (.refuse, .holding):
            return violation("a refuse for an invite the callee was never sent")
        case (.refuse, .acceptWon):
            return violation("a refuse after the callee's own accept won")
        case (.cancel, .holding):
            notify(key.caller, key, .cancel)
            end(key, stopping: .noAck)
        case (.cancel, .delivered), (.cancel, .ringing):
            notify(key.callee, key, .cancel)
            notify(key.caller, key, .cancel)
            end(key, stopping: record.phase == .delivered ? .noAck : .expire)
        case (.cancel, .acceptWon):
            return .ignored("decision 11: the accept won; the caller already has `accept`")
        case (.acceptAck, .acceptWon):
            notify(key.callee, key, .callerAck)
            end(key, stopping: .acceptAck)
        case (.acceptAck, .holding), (.acceptAck, .delivered), (.acceptAck, .ringing):
            return violation("an ACK of an accept the caller was never sent")
        case (.abandon, .holding):
            guard fromCaller else { return violation("the callee never had this invite") }
            end(key, stopping: .noAck)
        case (.abandon, .delivered), (.abandon, .ringing):
            let timer: InvitationServerTimer = record.phase == .delivered ? .noAck : .expire
            if fromCaller {
                notify(key.callee, key, .remoteFailure(.invitationExpire))
            } else {
                notify(key.caller, key, .localFailure(.invitationExpire))
            }
            end(key, stopping: timer)
        case (.abandon, .acceptWon):
            if fromCaller { notify(key.callee, key, .remoteFailure(.acceptFailure)) }
            end(key, stopping: .acceptAck)
        }
        return .handled
    }

    /// A new invitation: delivered to an online callee, else held (the caller hears `calleeOffline`);
    /// `T_noAck` runs in both cases.
    mutating func startInvitation(_ key: InvitationKey, content: String, channelId: String) {
        let online = connection(of: key.callee) != nil
        let record = InvitationRecord(
            key: key, phase: online ? .delivered : .holding, content: content, channelId: channelId,
            heldOrder: online ? 0 : heldCount(for: key.callee))
        state.content.invitations.insert(record, at: state.content.invitations.lowerBound { $0.key <= key })
        ServerIndex.insert(key, for: key.callee, in: &state.index.invitationsByCallee)
        if online {
            notify(key.callee, key, .invite(content: content, channelId: channelId))
        } else {
            notify(key.caller, key, .calleeOffline)
        }
        effects.append(.startTimer(.invitation(key, .noAck), ms: InvitationTiming.noAckMs))
    }

    /// The callee ACKed: tell the caller, and start the 60 s expiry.
    mutating func ring(_ key: InvitationKey) {
        notify(key.caller, key, .calleeAck)
        effects.append(.cancelTimer(.invitation(key, .noAck)))
        setPhase(key, .ringing)
        effects.append(.startTimer(.invitation(key, .expire), ms: InvitationTiming.expiryMs))
    }

    /// A server invitation timer fired; returns why it was ignored, if it was.
    mutating func invitationTimerFired(_ key: InvitationKey, _ timer: InvitationServerTimer) -> String? {
        guard let record = state.invitation(key) else { return "the record is gone" }
        switch (timer, record.phase) {
        case (.noAck, .holding):
            notify(key.caller, key, .localFailure(.peerOffline))
            end(key, stopping: nil)
        case (.noAck, .delivered):
            notify(key.caller, key, .localFailure(.peerNoResponse))
            notify(key.callee, key, .remoteFailure(.invitationExpire))
            end(key, stopping: nil)
        case (.expire, .ringing):
            notify(key.callee, key, .remoteFailure(.invitationExpire))
            notify(key.caller, key, .localFailure(.invitationExpire))
            end(key, stopping: nil)
        case (.acceptAck, .acceptWon):
            notify(key.callee, key, .remoteFailure(.acceptFailure))
            end(key, stopping: nil)
        case (.purge, .ended):
            if let index = state.invitationIndex(key) { state.content.invitations.remove(at: index) }
            ServerIndex.remove(key, for: key.callee, in: &state.index.invitationsByCallee)
        case (.noAck, _), (.expire, _), (.acceptAck, _), (.purge, _):
            return "the timer raced with a decision that stopped it"
        }
        return nil
    }

    /// A user logged in: invitations held for it are delivered now, in the order they arrived.
    mutating func userCameOnline(_ user: UserID) {
        let held = (state.index.invitationsByCallee[user] ?? []).compactMap { key in
            state.invitation(key).flatMap { $0.phase == .holding ? $0 : nil }
        }
        for record in held.sorted(by: { $0.heldOrder < $1.heldOrder }) {
            setPhase(record.key, .delivered)
            notify(user, record.key, .invite(content: record.content, channelId: record.channelId))
        }
    }
}
