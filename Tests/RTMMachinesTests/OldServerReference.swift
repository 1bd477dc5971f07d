import RTMProtocol
@testable import RTMMachines

/// The linear-scan server core as it was before the index (a reference for the differential test).
enum OldServerMachine {
    typealias Session = ServerMachine.Session
    typealias ChannelRecord = ServerMachine.ChannelRecord
    typealias OfflineMessage = ServerMachine.OfflineMessage
    typealias PendingPeerMessage = ServerMachine.PendingPeerMessage
    typealias Event = ServerMachine.Event
    typealias Effect = ServerMachine.Effect
    typealias ServerTimer = ServerMachine.ServerTimer
    static let graceMs = ServerMachine.graceMs
    static let offlineCapacity = ServerMachine.offlineCapacity
    static let getMembersLimit = ServerMachine.getMembersLimit
    struct State: Hashable, Sendable, Codable {
        /// Logged-in client instances, sorted by connection.
        var sessions: [Session] = []
        /// Channels with at least one member, sorted by ID.
        var channels: [ChannelRecord] = []
        /// Cached offline messages in arrival order (decision 15).
        var offline: [OfflineMessage] = []
        /// Peer messages handed to a receiver (or queued for a lingering one) and not yet acknowledged.
        var pending: [PendingPeerMessage] = []
        /// Invitations the server is arbitrating, sorted by key.
        var invitations: [InvitationRecord] = []

        init() {}

        func session(_ conn: ConnectionID) -> Session? { sessions.first { $0.conn == conn } }
        func session(user: UserID) -> Session? { sessions.first { $0.user == user } }
        func members(_ channel: ChannelID) -> [UserID] {
            channels.first { $0.id == channel }?.members ?? []
        }
        /// Whether the server treats `user` as online (logged in, or within the grace).
        func isOnline(_ user: UserID) -> Bool { session(user: user) != nil }
    }

    static func step(_ state: State, _ event: Event) -> Step<State, Effect> {
        var core = OldServerCore(state: state)
        switch event {
        case .requestReceived(let conn, let request):
            let outcome = core.handle(conn, request)
            switch request {
            case .login, .relogin, .logout: break  // They settle the session's link themselves.
            case .join, .leave, .channelMessage, .getMembers, .peerMessage, .peerMessageAck, .invitation:
                core.reviveIfLingering(conn)
            }
            switch outcome {
            case .violation(let violation): return .rejected(violation)
            case .ignored(let reason) where core.effects.isEmpty && core.state == state:
                return .ignored(because: reason)
            case .ignored, .handled: break
            }
        case .linkLost(let conn):
            guard let index = core.state.sessions.firstIndex(where: { $0.conn == conn }),
                core.state.sessions[index].linkUp
            else { return .ignored(because: "the link of a connection with no live session was lost") }
            core.state.sessions[index].linkUp = false
            core.effects.append(.startTimer(.grace(conn), ms: graceMs))
        case .timerFired(.grace(let conn)):
            guard let session = core.state.session(conn), !session.linkUp else {
                return .ignored(because: "the grace timer raced with a relogin or logout")
            }
            core.endSession(conn, notify: nil, graceFired: true)
        case .timerFired(.invitation(let key, let timer)):
            if let reason = core.invitationTimerFired(key, timer) { return .ignored(because: reason) }
        case .restarted:
            core.restart()
        }
        return .moved(to: core.state, effects: core.effects)
    }

}



/// How the server dealt with one request.
enum OldRequestOutcome {
    /// Handled: the working state and effects say how (possibly unchanged, e.g. an answered duplicate).
    case handled
    /// Dropped as a documented race (a duplicate, a late request): nothing changes.
    case ignored(String)
    /// A correct client never sends this here.
    case violation(Violation)
}

/// The working copy of one server step: the state being changed and the effects produced, in order.
struct OldServerCore {
    var state: OldServerMachine.State
    var effects: [OldServerMachine.Effect] = []

    init(state: OldServerMachine.State) { self.state = state }

    mutating func send(_ conn: ConnectionID, _ message: ServerMessage) { effects.append(.send(conn, message)) }

    /// Handles one client request.
    mutating func handle(_ conn: ConnectionID, _ request: ClientRequest) -> OldRequestOutcome {
        switch request {
        case .login(let user, let verdict):
            guard verdict == .ok else {
                send(conn, .loginRejected(verdict))
                return .handled
            }
            if let existing = state.session(conn) {
                if existing.user == user && existing.linkUp {
                    // A duplicated login request: answer it again.
                    send(conn, .loginAccepted)
                    return .handled
                }
                // A login over a new link while the old session lingers: the client logged out (its
                // logout was lost with the link) and logs in afresh, so the old session ends first.
                endSession(conn, notify: nil)
            }
            kickOthers(of: user, except: conn)
            insertSession(OldServerMachine.Session(conn: conn, user: user, linkUp: true))
            send(conn, .loginAccepted)
            deliverOfflineMessages(to: user, conn: conn)
            userCameOnline(user)
        case .relogin(let user, let channels):
            if let index = state.sessions.firstIndex(where: { $0.conn == conn }), state.sessions[index].user == user {
                // Within the grace: membership and presence unchanged, other members see nothing (§2.1).
                if !state.sessions[index].linkUp {
                    state.sessions[index].linkUp = true
                    effects.append(.cancelTimer(.grace(conn)))
                }
                send(conn, .reloginAccepted)
                for channel in channels where !state.members(channel).contains(user) {
                    addMember(user, to: channel, notifySelf: nil)
                }
                resendPending(to: user, conn: conn)
            } else if let other = state.session(user: user), other.conn != conn {
                // The same user logged in elsewhere during our outage (C8): the newer session stays and
                // the re-login is answered with the kick (docs/decisions-connection.md, "Kicks").
                if state.session(conn) != nil { endSession(conn, notify: nil) }
                send(conn, .kicked(.remoteLogin))
            } else {
                // After the grace (or a server restart): a fresh session, channels rejoined with remote
                // `onMemberJoined`, and the offline store delivered.
                if state.session(conn) != nil { endSession(conn, notify: nil) }
                insertSession(OldServerMachine.Session(conn: conn, user: user, linkUp: true))
                send(conn, .reloginAccepted)
                for channel in channels { addMember(user, to: channel, notifySelf: nil) }
                deliverOfflineMessages(to: user, conn: conn)
                userCameOnline(user)
            }
        case .logout:
            guard state.session(conn) != nil else {
                return .ignored("a logout with no session: a duplicate, or it cancels a login the server refused")
            }
            endSession(conn, notify: nil)
        case .join(let channel):
            guard let session = state.session(conn) else {
                // The session ended under the client (grace, kick, restart). A server refusal is one of
                // FAILURE, REJECTED, INVALID_ARGUMENT, EXCEED_LIMIT (docs/decisions-channel.md): 102 is the
                // SDK's synchronous check and would break the client's protocol.
                send(conn, .joinRejected(channel, .failure))
                return .handled
            }
            if state.members(channel).contains(session.user) {
                send(conn, .joinAccepted(channel, memberCount: state.members(channel).count))
            } else {
                addMember(session.user, to: channel, notifySelf: conn)
            }
        case .leave(let channel):
            // Every leave is answered, member or not, logged in or not (docs/decisions-channel.md).
            if let session = state.session(conn) { removeMember(session.user, from: channel) }
            send(conn, .leaveAccepted(channel))
        case .channelMessage(let channel, let messageId, let text):
            guard let session = state.session(conn), state.members(channel).contains(session.user) else {
                send(conn, .channelMessageAck(channel, messageId: messageId, .failure))
                return .handled
            }
            send(conn, .channelMessageAck(channel, messageId: messageId, .ok))
            for member in state.members(channel) where member != session.user {
                if let other = state.session(user: member) {
                    send(other.conn, .channelMessage(channel, from: session.user, messageId: messageId, text: text))
                }
            }
        case .getMembers(let channel, let requestId):
            guard let session = state.session(conn), state.members(channel).contains(session.user) else {
                send(conn, .members(channel, requestId: requestId, [], .notInChannel))
                return .handled
            }
            let members = Array(state.members(channel).prefix(OldServerMachine.getMembersLimit))
            send(conn, .members(channel, requestId: requestId, members, .ok))
        case .peerMessage(let to, let messageId, let text, let offline):
            guard let sender = state.session(conn) else {
                send(conn, .peerMessageResult(messageId: messageId, .userNotLoggedIn))
                return .handled
            }
            return routePeerMessage(from: sender, to: to, messageId: messageId, text: text, offline: offline)
        case .peerMessageAck(let from, let messageId):
            guard let receiver = state.session(conn) else {
                return .ignored("an acknowledgement from a connection with no session")
            }
            guard
                let index = state.pending.firstIndex(where: {
                    $0.from == from && $0.to == receiver.user && $0.messageId == messageId
                })
            else {
                return .ignored("a duplicate acknowledgement: the message was already settled")
            }
            let message = state.pending.remove(at: index)
            if let senderConn = message.senderConn, state.session(senderConn)?.user == from {
                send(senderConn, .peerMessageResult(messageId: messageId, .ok))
            }
        case .invitation(let key, let request):
            return handleInvitation(conn, key, request)
        }
        return .handled
    }

    /// A request arrived on a connection whose session lingers: the link is back (a short interruption
    /// that the client hid, C5's 4 s window), so the grace stops and queued peer messages are resent.
    mutating func reviveIfLingering(_ conn: ConnectionID) {
        guard let index = state.sessions.firstIndex(where: { $0.conn == conn }), !state.sessions[index].linkUp
        else { return }
        state.sessions[index].linkUp = true
        effects.append(.cancelTimer(.grace(conn)))
        resendPending(to: state.sessions[index].user, conn: conn)
    }

    mutating func insertSession(_ session: OldServerMachine.Session) {
        let index = state.sessions.firstIndex { $0.conn > session.conn } ?? state.sessions.count
        state.sessions.insert(session, at: index)
    }

    /// Kicks every other instance logged in as `user` (C8: REMOTE_LOGIN).
    mutating func kickOthers(of user: UserID, except conn: ConnectionID) {
        for other in state.sessions where other.user == user && other.conn != conn {
            endSession(other.conn, notify: .kicked(.remoteLogin))
        }
    }

    /// Ends a session: the user leaves every channel (decision 7), pending peer messages to it are
    /// cached or reported unreachable; its invitations stay (notices to it are dropped from now on).
    /// `graceFired` says the grace timer is what ended it (so there is no timer left to cancel).
    mutating func endSession(_ conn: ConnectionID, notify: ServerMessage?, graceFired: Bool = false) {
        guard let index = state.sessions.firstIndex(where: { $0.conn == conn }) else { return }
        let session = state.sessions.remove(at: index)
        if let notify { send(conn, notify) }
        if !session.linkUp && !graceFired { effects.append(.cancelTimer(.grace(conn))) }
        for channel in state.channels.map(\.id) where state.members(channel).contains(session.user) {
            removeMember(session.user, from: channel)
        }
        settlePending(to: session.user)
    }

    /// A restart loses sessions, channels and invitations, and cancels their timers. The offline store
    /// is persistent: messages delivered from it but not yet acknowledged go back to it first, then the
    /// cached ones, then unacknowledged offline-enabled sends (their senders will see SENT_TIMEOUT).
    mutating func restart() {
        for session in state.sessions where !session.linkUp { effects.append(.cancelTimer(.grace(session.conn))) }
        for record in state.invitations {
            let timer: InvitationServerTimer =
                switch record.phase {
                case .holding, .delivered: .noAck
                case .ringing: .expire
                case .acceptWon: .acceptAck
                case .ended: .purge
                }
            effects.append(.cancelTimer(.invitation(record.key, timer)))
        }
        let unacknowledged = state.pending.filter(\.fromStore) + state.pending.filter { !$0.fromStore && $0.offline }
        let cached = unacknowledged.map {
            OldServerMachine.OfflineMessage(to: $0.to, from: $0.from, messageId: $0.messageId, text: $0.text)
        }
        let store = state.offline
        state = OldServerMachine.State()
        let storeFirst = unacknowledged.filter(\.fromStore).count
        state.offline = Array(cached[..<storeFirst]) + store + Array(cached[storeFirst...])
        trimOffline()
    }

    // MARK: Channels

    mutating func addMember(_ user: UserID, to channel: ChannelID, notifySelf: ConnectionID?) {
        var members = state.members(channel)
        guard !members.contains(user) else { return }
        let others = members
        members.insert(user, at: members.firstIndex { $0 > user } ?? members.count)
        setMembers(channel, members)
        if let notifySelf { send(notifySelf, .joinAccepted(channel, memberCount: members.count)) }
        for other in others {
            guard let session = state.session(user: other) else { continue }
            send(session.conn, .memberJoined(channel, user))
            send(session.conn, .memberCount(channel, members.count))
        }
    }

    mutating func removeMember(_ user: UserID, from channel: ChannelID) {
        var members = state.members(channel)
        guard let index = members.firstIndex(of: user) else { return }
        members.remove(at: index)
        setMembers(channel, members)
        for other in members {
            guard let session = state.session(user: other) else { continue }
            send(session.conn, .memberLeft(channel, user))
            send(session.conn, .memberCount(channel, members.count))
        }
    }

    mutating func setMembers(_ channel: ChannelID, _ members: [UserID]) {
        if let index = state.channels.firstIndex(where: { $0.id == channel }) {
            if members.isEmpty { state.channels.remove(at: index) } else { state.channels[index].members = members }
        } else if !members.isEmpty {
            let index = state.channels.firstIndex { $0.id > channel } ?? state.channels.count
            state.channels.insert(.init(id: channel, members: members), at: index)
        }
    }

    // MARK: Peer messages

    mutating func routePeerMessage(
        from sender: OldServerMachine.Session, to: UserID, messageId: Int, text: String, offline: Bool
    ) -> OldRequestOutcome {
        let message = OldServerMachine.PendingPeerMessage(
            senderConn: sender.conn, from: sender.user, to: to, messageId: messageId, text: text, offline: offline,
            fromStore: false)
        if let receiver = state.session(user: to) {
            if state.pending.contains(where: { $0.from == sender.user && $0.to == to && $0.messageId == messageId }) {
                return .ignored("a duplicated send: the first copy is already on its way")
            }
            state.pending.append(message)
            if receiver.linkUp {
                send(receiver.conn, .peerMessage(from: sender.user, messageId: messageId, text: text, isOffline: false))
            }
        } else if offline {
            if state.offline.contains(where: { $0.from == sender.user && $0.to == to && $0.messageId == messageId }) {
                return .ignored("a duplicated send: the first copy is cached and the sender was told")
            }
            cache(.init(to: to, from: sender.user, messageId: messageId, text: text))
            send(sender.conn, .peerMessageResult(messageId: messageId, .cachedByServer))
        } else {
            send(sender.conn, .peerMessageResult(messageId: messageId, .peerUnreachable))
        }
        return .handled
    }

    /// Resends every unacknowledged message to a receiver whose link came back (§2.1: the server
    /// resends the peer messages of the outage).
    mutating func resendPending(to user: UserID, conn: ConnectionID) {
        for message in state.pending where message.to == user {
            send(
                conn,
                .peerMessage(
                    from: message.from, messageId: message.messageId, text: message.text, isOffline: message.fromStore))
        }
    }

    /// The receiver's session ended: unacknowledged messages go to the offline store when the sender
    /// asked for it (or they came from it), else the sender learns the peer is unreachable.
    mutating func settlePending(to user: UserID) {
        var kept: [OldServerMachine.PendingPeerMessage] = []
        var backToStore: [OldServerMachine.OfflineMessage] = []
        for message in state.pending {
            guard message.to == user else {
                kept.append(message)
                continue
            }
            let cached = OldServerMachine.OfflineMessage(
                to: message.to, from: message.from, messageId: message.messageId, text: message.text)
            if message.fromStore {
                backToStore.append(cached)
            } else if message.offline {
                backToStore.append(cached)
                if let senderConn = message.senderConn, state.session(senderConn)?.user == message.from {
                    send(senderConn, .peerMessageResult(messageId: message.messageId, .cachedByServer))
                }
            } else if let senderConn = message.senderConn, state.session(senderConn)?.user == message.from {
                send(senderConn, .peerMessageResult(messageId: message.messageId, .peerUnreachable))
            }
        }
        state.pending = kept
        // Messages that were already cached go back ahead of newer ones, preserving send order.
        state.offline = backToStore + state.offline
        trimOffline()
    }

    mutating func cache(_ message: OldServerMachine.OfflineMessage) {
        state.offline.append(message)
        trimOffline()
    }

    /// Decision 15: at most 200 cached per receiver, the oldest dropped first.
    mutating func trimOffline() {
        var counts: [UserID: Int] = [:]
        for message in state.offline { counts[message.to, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > OldServerMachine.offlineCapacity }) else { return }
        var drop: [UserID: Int] = counts.mapValues { max(0, $0 - OldServerMachine.offlineCapacity) }
        state.offline = state.offline.filter { message in
            if let n = drop[message.to], n > 0 {
                drop[message.to] = n - 1
                return false
            }
            return true
        }
    }

    /// At login, the offline store is delivered in send order, flagged `isOfflineMessage`.
    mutating func deliverOfflineMessages(to user: UserID, conn: ConnectionID) {
        let mine = state.offline.filter { $0.to == user }
        guard !mine.isEmpty else { return }
        state.offline.removeAll { $0.to == user }
        for message in mine {
            state.pending.append(
                .init(
                    senderConn: nil, from: message.from, to: user, messageId: message.messageId, text: message.text,
                    offline: true, fromStore: true))
            send(
                conn,
                .peerMessage(from: message.from, messageId: message.messageId, text: message.text, isOffline: true))
        }
    }
}

extension OldServerMachine.State {
    func invitation(_ key: InvitationKey) -> InvitationRecord? { invitations.first { $0.key == key } }
}

extension OldServerCore {
    /// How long an ended record is kept: past every client fallback timer.
    static let purgeMs2 = InvitationTiming.expiryMs + InvitationTiming.acceptAckMs + InvitationTiming.fallbackGraceMs

    /// The connection of `user` if it is logged in (a notice to an offline user is dropped).
    func connection(of user: UserID) -> ConnectionID? { state.session(user: user)?.conn }

    mutating func notify(_ user: UserID, _ key: InvitationKey, _ notice: InvitationNotice) {
        if let conn = connection(of: user) { send(conn, .invitation(key, notice)) }
    }

    mutating func setPhase(_ key: InvitationKey, _ phase: InvitationRecord.Phase) {
        guard let index = state.invitations.firstIndex(where: { $0.key == key }) else { return }
        state.invitations[index].phase = phase
    }

    mutating func end(_ key: InvitationKey, stopping timer: InvitationServerTimer?) {
        if let timer { effects.append(.cancelTimer(.invitation(key, timer))) }
        setPhase(key, .ended)
        effects.append(.startTimer(.invitation(key, .purge), ms: ServerCore.purgeMs))
    }

    /// One invitation request, arbitrated per docs/invitation-protocol.md §4.
    ///
    /// A request from the wrong role (only the caller sends `invite`, `cancel`, `acceptAck`; only the
    /// callee sends `receivedAck`, `accept`, `refuse`; `abandon` comes from either) is a violation in
    /// every phase. "Drop (violation)" cells are violations; the other drops are ignored races.
    mutating func handleInvitation(_ conn: ConnectionID, _ key: InvitationKey, _ request: InvitationRequest)
        -> OldRequestOutcome
    {
        guard let sender = state.session(conn) else {
            return .ignored("an invitation request from a connection with no session: nobody to answer")
        }
        let fromCaller = sender.user == key.caller
        let fromCallee = sender.user == key.callee
        func violation(_ detail: String) -> OldRequestOutcome {
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
            key: key, phase: online ? .delivered : .holding, content: content, channelId: channelId)
        state.invitations.insert(record, at: state.invitations.firstIndex { $0.key > key } ?? state.invitations.count)
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
            state.invitations.removeAll { $0.key == key }
        case (.noAck, _), (.expire, _), (.acceptAck, _), (.purge, _):
            return "the timer raced with a decision that stopped it"
        }
        return nil
    }

    /// A user logged in: invitations held for it are delivered now.
    mutating func userCameOnline(_ user: UserID) {
        for record in state.invitations where record.key.callee == user && record.phase == .holding {
            setPhase(record.key, .delivered)
            notify(user, record.key, .invite(content: record.content, channelId: record.channelId))
        }
    }
}
