import RTMMachines
import RTMProtocol

extension RTMSystemModel {
    /// Applies one action; when `log` is non-nil, appends what happened in SDK vocabulary.
    func apply(_ action: SystemAction, to s: inout SystemState, trail: inout Trail?) {
        switch action {
        case .call(let i, let entry):
            s.clients[i].callsLeft[entry] -= 1
            userCall(i, scenario.calls[i][entry], &s, &trail)
        case .deliverUp(let i, let index):
            let request = s.links[i].up.remove(at: index).message
            trail?.lines.append("server receives \(request.label) from \(name(i))")
            note("server-received", &s)
            switch request {
            case .login, .relogin, .logout: s.links[i].stale = false  // The server hears of the closed connection.
            case .join, .leave, .channelMessage, .getMembers, .peerMessage, .peerMessageAck, .invitation: break
            }
            stepServer(.requestReceived(ConnectionID(i), request), &s, &trail)
        case .deliverDown(let i, let index):
            let message = s.links[i].down.remove(at: index).message
            trail?.lines.append("\(name(i)) receives \(message.label)")
            feed(i, .received(message), &s, &trail)
        case .lose(let i, let upward, let index):
            s.faults.losses -= 1
            if upward { s.links[i].up.remove(at: index) } else { s.links[i].down.remove(at: index) }
        case .duplicate(let i, let upward, let index):
            s.faults.duplications -= 1
            if upward {
                s.links[i].up.insert(s.links[i].up[index], at: index + 1)
            } else {
                s.links[i].down.insert(s.links[i].down[index], at: index + 1)
            }
        case .dropLink(let i):
            s.faults.linkDrops -= 1
            interruptInvitations(of: i, &s)
            // A connection the client closed stays closed until the server hears of it.
            s.links[i] = Link(isUp: false, stale: s.links[i].stale)
            feed(i, .linkLost, &s, &trail)
            stepServer(.linkLost(ConnectionID(i)), &s, &trail)
        case .restoreLink(let i):
            s.links[i].isUp = true
            feed(i, .linkRestored, &s, &trail)
        case .restartServer:
            s.faults.restarts -= 1
            stepServer(.restarted, &s, &trail)
            s.timers.removeAll { if case .server = $0.owner { true } else { false } }
            // Every connection to the old process is gone.
            for i in s.links.indices where s.links[i].isUp {
                interruptInvitations(of: i, &s)
                s.links[i] = Link(isUp: false, stale: s.links[i].stale)
                feed(i, .linkLost, &s, &trail)
            }
        case .fire(let index):
            let timer = s.timers.remove(at: index)
            for j in s.timers.indices { s.timers[j].msLeft -= timer.msLeft }
            if case .bounded = scenario.network.delay {
                for l in s.links.indices {
                    for m in s.links[l].up.indices { s.links[l].up[m].msLeft -= timer.msLeft }
                    for m in s.links[l].down.indices { s.links[l].down[m].msLeft -= timer.msLeft }
                }
            }
            trail?.lines.append("+\(timer.msLeft) ms: timer \(timer.owner.label) fires")
            switch timer.owner {
            case .client(let i, let t): feed(i, .timerFired(t), &s, &trail)
            case .server(let t): stepServer(.timerFired(t), &s, &trail)
            }
        }
    }

    /// The user of client `i` makes one call of its budget.
    func userCall(_ i: Int, _ budget: CallBudget, _ s: inout SystemState, _ trail: inout Trail?) {
        // The core is read in place (a copy would retain every array it holds).
        let (call, serial) = s.clients.withUnsafeBufferPointer { clients in
            let core = ClientNode.core(of: clients.baseAddress! + i)
            return (apiCall(i, budget, core), core.pointee.nextInvitationSerial)
        }
        guard let call else { return }
        callApi(i, call, &s, &trail)
        // Checked here, not only in `followUp`: its argument would copy the core for every call.
        if budget.call == .sendLocalInvitation, let next = followUp(budget, core: s.clients[i].core, serial: serial) {
            callApi(i, next, &s, &trail)
        }
        if case .sendMessageToPeer(_, let text, true) = call {
            let index = s.seen.sent.firstIndex { $0 >= text } ?? s.seen.sent.count
            s.seen.sent.insert(text, at: index)
        }
    }

    /// The API call budget entry `budget` of client `i` makes on `core`, or nil when there is nothing
    /// to act on (no invitation to cancel, accept or refuse). `sendLocalInvitation` first makes
    /// `createLocalCallInvitation`; ``followUp(_:core:serial:)`` is its send.
    func apiCall(_ i: Int, _ budget: CallBudget, _ core: UnsafePointer<ClientCore>) -> RtmApiCall? {
        let me = name(i)
        let target = budget.target ?? ""
        switch budget.call {
        case .login: return .login(token: "", userId: me)
        case .logout: return .logout
        case .renewToken: return .renewToken(token: "")
        case .join: return .join(channel: target)
        case .leave: return .leave(channel: target)
        case .sendMessage: return .sendMessage(channel: target, text: "from \(me)")
        case .getMembers: return .getMembers(channel: target)
        case .sendMessageToPeer:
            // The text names the message, so the properties can follow it end to end.
            let text = "\(me):\(core.pointee.nextMessageId)>\(target)"
            return .sendMessageToPeer(peerId: target, text: text, enableOfflineMessaging: budget.offline)
        case .sendLocalInvitation: return .createLocalCallInvitation(calleeId: target)
        case .cancelLocalInvitation:
            return core.pointee.locals.last { $0.key.callee == target }.map { .cancelLocalInvitation($0.key) }
        case .acceptRemoteInvitation:
            return core.pointee.remotes.last { $0.key.caller == target }.map { .acceptRemoteInvitation($0.key) }
        case .refuseRemoteInvitation:
            return core.pointee.remotes.last { $0.key.caller == target }.map { .refuseRemoteInvitation($0.key) }
        }
    }

    /// The second call of `sendLocalInvitation`: the send of the invitation the first call created
    /// (the one with `serial`, in `core` as the first call left it); nil for every other entry or
    /// when nothing was created.
    func followUp(_ budget: CallBudget, core: ClientCore, serial: Int) -> RtmApiCall? {
        guard budget.call == .sendLocalInvitation else { return nil }
        let target = budget.target ?? ""
        return core.locals.first { $0.key.callee == target && $0.key.serial == serial }
            .map { .sendLocalInvitation($0.key) }
    }

    func callApi(_ i: Int, _ call: RtmApiCall, _ s: inout SystemState, _ trail: inout Trail?) {
        // Read before the call, and only for a logout: a copy of the core retains every array it holds.
        let pendingBefore = if case .logout = call { hasPending(s.clients[i].core) } else { false }
        let outputs = s.clients[i].core.handle(.api(call))
        if trail != nil {
            let returned = outputs.compactMap { if case .returned(let r) = $0 { r } else { nil } }.first
            if let returned { trail?.events.append(.returned(client: i, call, returned)) }
            trail?.lines.append("\(name(i)) calls \(call.sdkName)\(arguments(call)) → \(returned.map { "\($0)" } ?? "-")")
        }
        if case .login = call, outputs.first == .returned(.login(.ok)) {
            s.clients[i].loggedOut = false
            // A new login is a new connection: whatever the old one still carried is gone.
            s.links[i].down.removeAll()
        }
        if case .logout = call, outputs.first == .returned(.logout(.ok)) {
            s.clients[i].loggedOut = true
            if pendingBefore { note("logout-with-pending", &s) }
            interruptInvitations(of: i, &s)
        }
        absorb(i, outputs, &s, &trail)
        if case .logout = call, outputs.first == .returned(.logout(.ok)) {
            // The session's connection closes: nothing more arrives on it, including what the server
            // sends before it hears of the logout.
            s.links[i].down.removeAll()
            s.links[i].stale = true
        }
    }

    /// Marks the pending invitations of client `i` as interrupted (it logged out or lost its link).
    func interruptInvitations(of i: Int, _ s: inout SystemState) {
        for slot in s.clients[i].core.locals where slot.machine != .idle && !slot.machine.isTerminal {
            s.seen.interrupt(slot.key)
        }
        for slot in s.clients[i].core.remotes where !slot.machine.isTerminal { s.seen.interrupt(slot.key) }
    }

    func hasPending(_ core: ClientCore) -> Bool {
        !core.pendingPeerMessages.isEmpty || core.locals.contains { !$0.machine.isTerminal && $0.machine != .idle }
            || core.remotes.contains { !$0.machine.isTerminal }
            || core.channels.contains { $0.machine.membership == .joined }
    }

    func arguments(_ call: RtmApiCall) -> String {
        switch call {
        case .login(_, let user): "(\(user))"
        case .join(let ch), .leave(let ch), .getMembers(let ch): "(\(ch))"
        case .sendMessage(let ch, let text): "(\(ch), \"\(text)\")"
        case .sendMessageToPeer(let peer, let text, let offline):
            "(\(peer), \"\(text)\"\(offline ? ", enableOfflineMessaging" : ""))"
        case .createLocalCallInvitation(let callee): "(\(callee))"
        case .sendLocalInvitation(let k), .cancelLocalInvitation(let k), .acceptRemoteInvitation(let k),
            .refuseRemoteInvitation(let k):
            "(\(k))"
        default: "()"
        }
    }

    func feed(_ i: Int, _ input: ClientCore.Input, _ s: inout SystemState, _ trail: inout Trail?) {
        if s.clients[i].loggedOut { note("input-after-logout", &s) }
        let outputs = s.clients[i].core.handle(input)
        absorb(i, outputs, &s, &trail)
    }

    /// Runs a client core's outputs: sends onto the link, timers into the clock, callbacks observed.
    func absorb(_ i: Int, _ outputs: [ClientCore.Output], _ s: inout SystemState, _ trail: inout Trail?) {
        for output in outputs {
            switch output {
            case .returned: break
            case .callback(let callback):
                trail?.lines.append("\(name(i)).\(callback.rendered)")
                trail?.events.append(.callback(client: i, callback))
                observe(i, callback, &s)
            case .send(let request):
                if s.links[i].isUp { s.links[i].up.append(InFlight(message: request, msLeft: sendDeadline)) }
            case .sendRenewToken:
                break  // The model's server knows nothing of tokens.
            case .startTimer(let timer, let ms): startTimer(.client(i, timer), ms: ms, &s)
            case .cancelTimer(let timer): cancelTimer(.client(i, timer), &s)
            case .violation(let violation):
                trail?.lines.append("\(name(i)) rejects: \(violation)")
                violate("protocol: \(name(i)) \(violation)", &s)
            }
        }
    }

    func stepServer(_ event: ServerMachine.Event, _ s: inout SystemState, _ trail: inout Trail?) {
        let effects: [ServerMachine.Effect]
        if documentedServer {
            // In place: `serverStep(s.server, event)` copies the server state twice (into the step,
            // then out as its result), retaining every array it holds each time.
            switch ServerMachine.apply(event, to: &s.server) {
            case .moved(let moved, _): effects = moved
            case .ignored: return
            case .rejected(let violation): return serverRejected(violation, &s, &trail)
            }
        } else {
            switch serverStep(s.server, event) {
            case .moved(let next, let moved):
                s.server = next
                effects = moved
            case .ignored: return
            case .rejected(let violation): return serverRejected(violation, &s, &trail)
            }
        }
        for effect in effects {
            switch effect {
            case .send(let conn, let message):
                guard conn.raw < s.links.count, s.links[conn.raw].isUp else { break }
                if s.links[conn.raw].stale {
                    trail?.lines.append("\(name(conn.raw))'s closed connection loses \(message.label)")
                    trail?.closedSends.append(ClosedSend(client: conn.raw, message: message))
                } else {
                    s.links[conn.raw].down.append(InFlight(message: message, msLeft: sendDeadline))
                }
            case .startTimer(let timer, let ms): startTimer(.server(timer), ms: ms, &s)
            case .cancelTimer(let timer): cancelTimer(.server(timer), &s)
            }
        }
    }

    private func serverRejected(_ violation: Violation, _ s: inout SystemState, _ trail: inout Trail?) {
        trail?.lines.append("server rejects: \(violation)")
        violate("protocol: server \(violation)", &s)
    }

    func startTimer(_ owner: TimerOwner, ms: Int, _ s: inout SystemState) {
        cancelTimer(owner, &s)
        let timer = PendingTimer(msLeft: ms, owner: owner)
        s.timers.insert(timer, at: s.timers.firstIndex { timer < $0 } ?? s.timers.count)
    }

    /// Removes `owner`'s pending timers. Looked up first: a successor's timer list still shares its
    /// buffer with the state it was stepped from, and removing in place copies the list even when
    /// nothing matches.
    func cancelTimer(_ owner: TimerOwner, _ s: inout SystemState) {
        guard s.timers.contains(where: { $0.owner == owner }) else { return }
        s.timers.removeAll { $0.owner == owner }
    }
}
