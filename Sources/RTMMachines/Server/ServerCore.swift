import RTMProtocol

/// How the server dealt with one request.
enum RequestOutcome {
    /// Handled: the working state and effects say how (possibly unchanged, e.g. an answered duplicate).
    case handled
    /// Dropped as a documented race (a duplicate, a late request): nothing changes.
    case ignored(String)
    /// A correct client never sends this here.
    case violation(Violation)
}

/// The working copy of one server step: the state being changed and the effects produced, in order.
struct ServerCore {
    var state: ServerMachine.State
    var effects: [ServerMachine.Effect] = []

    init(state: ServerMachine.State) { self.state = state }

    mutating func send(_ conn: ConnectionID, _ message: ServerMessage) { effects.append(.send(conn, message)) }

    /// Handles one client request.
    mutating func handle(_ conn: ConnectionID, _ request: ClientRequest) -> RequestOutcome {
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
            insertSession(ServerMachine.Session(conn: conn, user: user, linkUp: true))
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
                insertSession(ServerMachine.Session(conn: conn, user: user, linkUp: true))
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
            let members = Array(state.members(channel).prefix(ServerMachine.getMembersLimit))
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

    mutating func insertSession(_ session: ServerMachine.Session) {
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
            ServerMachine.OfflineMessage(to: $0.to, from: $0.from, messageId: $0.messageId, text: $0.text)
        }
        let store = state.offline
        state = ServerMachine.State()
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
        from sender: ServerMachine.Session, to: UserID, messageId: Int, text: String, offline: Bool
    ) -> RequestOutcome {
        let message = ServerMachine.PendingPeerMessage(
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
        var kept: [ServerMachine.PendingPeerMessage] = []
        var backToStore: [ServerMachine.OfflineMessage] = []
        for message in state.pending {
            guard message.to == user else {
                kept.append(message)
                continue
            }
            let cached = ServerMachine.OfflineMessage(
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

    mutating func cache(_ message: ServerMachine.OfflineMessage) {
        state.offline.append(message)
        trimOffline()
    }

    /// Decision 15: at most 200 cached per receiver, the oldest dropped first.
    mutating func trimOffline() {
        var counts: [UserID: Int] = [:]
        for message in state.offline { counts[message.to, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > ServerMachine.offlineCapacity }) else { return }
        var drop: [UserID: Int] = counts.mapValues { max(0, $0 - ServerMachine.offlineCapacity) }
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
