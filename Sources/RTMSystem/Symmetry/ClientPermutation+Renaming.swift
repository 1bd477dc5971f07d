import RTMMachines

// Renaming every part of a state that names a client, each kept in its canonical order. Enum
// renamings `switch` over every case without `default:`, so a new case that carries a user ID
// breaks the build here instead of silently escaping the renaming.

extension ClientPermutation {
    func request(_ request: ClientRequest) -> ClientRequest {
        switch request {
        case .login(let user, let verdict): .login(user: self.user(user), tokenVerdict: verdict)
        case .relogin(let user, let channels): .relogin(user: self.user(user), channels: channels)
        case .logout, .join, .leave, .getMembers: request
        case .channelMessage(let channel, let messageId, let text):
            .channelMessage(channel, messageId: messageId, text: self.text(text))
        case .peerMessage(let to, let messageId, let text, let offline):
            .peerMessage(to: user(to), messageId: messageId, text: self.text(text), offline: offline)
        case .peerMessageAck(let from, let messageId): .peerMessageAck(from: user(from), messageId: messageId)
        case .invitation(let key, let request): .invitation(self.key(key), invitationRequest(request))
        }
    }

    func invitationRequest(_ request: InvitationRequest) -> InvitationRequest {
        switch request {
        case .invite(let content, let channelId): .invite(content: text(content), channelId: channelId)
        case .accept(let response): .accept(response: text(response))
        case .refuse(let response): .refuse(response: text(response))
        case .cancel, .acceptAck, .receivedAck, .abandon: request
        }
    }

    func message(_ message: ServerMessage) -> ServerMessage {
        switch message {
        case .loginAccepted, .loginRejected, .reloginAccepted, .kicked, .joinAccepted, .joinRejected, .leaveAccepted,
            .memberCount, .channelMessageAck, .peerMessageResult:
            message
        case .memberJoined(let channel, let member): .memberJoined(channel, user(member))
        case .memberLeft(let channel, let member): .memberLeft(channel, user(member))
        case .channelMessage(let channel, let from, let messageId, let text):
            .channelMessage(channel, from: user(from), messageId: messageId, text: self.text(text))
        case .members(let channel, let requestId, let members, let code):
            // The server lists members sorted by user ID.
            .members(channel, requestId: requestId, members.map(user).sorted(), code)
        case .peerMessage(let from, let messageId, let text, let isOffline):
            .peerMessage(from: user(from), messageId: messageId, text: self.text(text), isOffline: isOffline)
        case .invitation(let key, let notice): .invitation(self.key(key), self.notice(notice))
        }
    }

    func notice(_ notice: InvitationNotice) -> InvitationNotice {
        switch notice {
        case .invite(let content, let channelId): .invite(content: text(content), channelId: channelId)
        case .accept(let response): .accept(response: text(response))
        case .refuse(let response): .refuse(response: text(response))
        case .calleeOffline, .calleeAck, .refuseAck, .callerAck, .cancel, .localFailure, .remoteFailure: notice
        }
    }

    func clientTimer(_ timer: ClientCore.Timer) -> ClientCore.Timer {
        switch timer {
        case .connection, .channel, .peerMessage: timer
        case .local(let key, let timer): .local(self.key(key), timer)
        case .remote(let key, let timer): .remote(self.key(key), timer)
        }
    }

    func owner(_ owner: TimerOwner) -> TimerOwner {
        switch owner {
        case .client(let i, let timer): .client(client(i), clientTimer(timer))
        case .server(.grace(let conn)): .server(.grace(self.conn(conn)))
        case .server(.invitation(let key, let timer)): .server(.invitation(self.key(key), timer))
        }
    }

    /// The server's state renamed (in its canonical orders).
    func server(_ state: ServerMachine.State) -> ServerMachine.State {
        state.renamingUsers(user, connection: conn, text: text, serial: serial)
    }

    /// The observations renamed: every note's whole-word client names, re-sorted.
    func observations(_ seen: Observations) -> Observations {
        var seen = seen
        seen.violations = notes(seen.violations)
        seen.delivered = notes(seen.delivered)
        seen.sent = notes(seen.sent)
        seen.cached = notes(seen.cached)
        seen.marks = notes(seen.marks)
        if !seen.interrupted.isEmpty {
            // A loop, not `map(key)`: a method reference captures a copy of the permutation.
            for index in seen.interrupted.indices { seen.interrupted[index] = key(seen.interrupted[index]) }
            seen.interrupted.sort()
        }
        return seen
    }

    /// A sorted list of notes, renamed and sorted again (a renaming is one-to-one, so a list without
    /// duplicates stays without).
    func notes(_ notes: [String]) -> [String] {
        guard !notes.isEmpty else { return notes }
        var changed = false
        var renamed = notes
        for index in renamed.indices {
            let note = text(notes[index])
            if note != notes[index] {
                renamed[index] = note
                changed = true
            }
        }
        if changed, renamed.count > 1 { renamed.sort() }
        return renamed
    }
}
