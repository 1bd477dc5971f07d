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
///
/// Every change to the state's content goes through here and keeps its index (``ServerIndex``) in step.
struct ServerCore {
    var state: ServerMachine.State
    var effects: [ServerMachine.Effect] = []
    /// The sessions this step ended, in order.
    var endedSessions: [ServerMachine.Session] = []

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
            if let index = state.sessionIndex(conn), state.content.sessions[index].user == user {
                // Within the grace: membership and presence unchanged, other members see nothing (§2.1).
                if !state.content.sessions[index].linkUp {
                    state.content.sessions[index].linkUp = true
                    effects.append(.cancelTimer(.grace(conn)))
                }
                send(conn, .reloginAccepted)
                for channel in channels where !state.isMember(user, of: channel) {
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
            if state.isMember(session.user, of: channel) {
                send(conn, .joinAccepted(channel, memberCount: state.members(channel).count))
            } else {
                addMember(session.user, to: channel, notifySelf: conn)
            }
        case .leave(let channel):
            // Every leave is answered, member or not, logged in or not (docs/decisions-channel.md).
            if let session = state.session(conn) { removeMember(session.user, from: channel) }
            send(conn, .leaveAccepted(channel))
        case .channelMessage(let channel, let messageId, let text):
            guard let session = state.session(conn), state.isMember(session.user, of: channel) else {
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
            guard let session = state.session(conn), state.isMember(session.user, of: channel) else {
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
            // Acknowledgements come roughly in order, so the scan usually stops near the front.
            guard state.index.pendingCount[receiver.user] != nil,
                let index = state.content.pending.firstIndex(where: {
                    $0.from == from && $0.to == receiver.user && $0.messageId == messageId
                })
            else {
                return .ignored("a duplicate acknowledgement: the message was already settled")
            }
            let message = state.content.pending.remove(at: index)
            ServerIndex.add(-1, to: message.to, in: &state.index.pendingCount)
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
        guard let index = state.sessionIndex(conn), !state.content.sessions[index].linkUp else { return }
        state.content.sessions[index].linkUp = true
        effects.append(.cancelTimer(.grace(conn)))
        resendPending(to: state.content.sessions[index].user, conn: conn)
    }

    /// Adds a session after those with a lower or equal connection (binary search).
    mutating func insertSession(_ session: ServerMachine.Session) {
        let index = state.content.sessions.lowerBound { $0.conn <= session.conn }
        state.content.sessions.insert(session, at: index)
        ServerIndex.insert(session.conn, for: session.user, in: &state.index.connections)
    }

    /// Kicks every other instance logged in as `user` (C8: REMOTE_LOGIN), in connection order.
    mutating func kickOthers(of user: UserID, except conn: ConnectionID) {
        for other in state.index.connections[user] ?? [] where other != conn {
            endSession(other, notify: .kicked(.remoteLogin))
        }
    }

    /// Ends a session: the user leaves every channel (decision 7), pending peer messages to it are
    /// cached or reported unreachable; its invitations stay (notices to it are dropped from now on).
    /// `graceFired` says the grace timer is what ended it (so there is no timer left to cancel).
    mutating func endSession(_ conn: ConnectionID, notify: ServerMessage?, graceFired: Bool = false) {
        guard let index = state.sessionIndex(conn) else { return }
        let session = state.content.sessions.remove(at: index)
        ServerIndex.remove(conn, for: session.user, in: &state.index.connections)
        endedSessions.append(session)
        if let notify { send(conn, notify) }
        if !session.linkUp && !graceFired { effects.append(.cancelTimer(.grace(conn))) }
        // The user's channels, sorted by ID.
        for channel in state.index.channels[session.user] ?? [] {
            removeMember(session.user, from: channel)
        }
        settlePending(to: session.user)
    }

    /// A restart loses sessions, channels and invitations, and cancels their timers. The offline store
    /// is persistent: messages delivered from it but not yet acknowledged go back to it first, then the
    /// cached ones, then unacknowledged offline-enabled sends (their senders will see SENT_TIMEOUT).
    mutating func restart() {
        for session in state.content.sessions where !session.linkUp {
            effects.append(.cancelTimer(.grace(session.conn)))
        }
        endedSessions += state.content.sessions
        for record in state.content.invitations {
            let timer: InvitationServerTimer =
                switch record.phase {
                case .holding, .delivered: .noAck
                case .ringing: .expire
                case .acceptWon: .acceptAck
                case .ended: .purge
                }
            effects.append(.cancelTimer(.invitation(record.key, timer)))
        }
        let pending = state.content.pending
        let unacknowledged = pending.filter(\.fromStore) + pending.filter { !$0.fromStore && $0.offline }
        let cached = unacknowledged.map {
            ServerMachine.OfflineMessage(to: $0.to, from: $0.from, messageId: $0.messageId, text: $0.text)
        }
        let store = state.content.offline
        state = ServerMachine.State()
        let storeFirst = unacknowledged.filter(\.fromStore).count
        state.content.offline = Array(cached[..<storeFirst]) + store + Array(cached[storeFirst...])
        state.rebuildIndex()
        trimOffline(Set(state.index.offlineCount.keys))
    }

    // MARK: Channels

    /// Adds `user` to `channel` (creating it): `joinAccepted` to `notifySelf`, `onMemberJoined` and the new
    /// count to every other member. - Complexity: O(log c + m) for c channels and m members.
    mutating func addMember(_ user: UserID, to channel: ChannelID, notifySelf: ConnectionID?) {
        let others = state.members(channel)
        let at = others.lowerBound { $0 < user }
        guard at == others.count || others[at] != user else { return }
        if let index = state.channelIndex(channel) {
            state.content.channels[index].members.insert(user, at: at)
        } else {
            let index = state.content.channels.lowerBound { $0.id <= channel }
            state.content.channels.insert(.init(id: channel, members: [user]), at: index)
        }
        ServerIndex.insert(channel, for: user, in: &state.index.channels)
        let count = others.count + 1
        if let notifySelf { send(notifySelf, .joinAccepted(channel, memberCount: count)) }
        for other in others {
            guard let session = state.session(user: other) else { continue }
            send(session.conn, .memberJoined(channel, user))
            send(session.conn, .memberCount(channel, count))
        }
    }

    /// Removes `user` from `channel` (dropping the channel when it empties): `onMemberLeft` and the new count
    /// to every remaining member. - Complexity: O(log c + m).
    mutating func removeMember(_ user: UserID, from channel: ChannelID) {
        guard let index = state.channelIndex(channel) else { return }
        let at = state.content.channels[index].members.lowerBound { $0 < user }
        guard at < state.content.channels[index].members.count, state.content.channels[index].members[at] == user
        else { return }
        state.content.channels[index].members.remove(at: at)
        ServerIndex.remove(channel, for: user, in: &state.index.channels)
        let members = state.content.channels[index].members
        if members.isEmpty { state.content.channels.remove(at: index) }
        for other in members {
            guard let session = state.session(user: other) else { continue }
            send(session.conn, .memberLeft(channel, user))
            send(session.conn, .memberCount(channel, members.count))
        }
    }
}
