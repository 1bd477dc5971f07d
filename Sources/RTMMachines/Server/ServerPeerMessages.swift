import RTMProtocol

/// Peer messages: routing with receiver ACKs, resending after an outage, and the offline store (decision 15).
///
/// The pending list and the offline store stay in arrival order (the canonical content); the per-receiver
/// counts of ``ServerIndex`` let an event skip them entirely when its receiver has nothing there, which is
/// the common case. Only a receiver that has messages waiting costs a pass over the list.
extension ServerCore {
    mutating func routePeerMessage(
        from sender: ServerMachine.Session, to: UserID, messageId: Int, text: String, offline: Bool
    ) -> RequestOutcome {
        let message = ServerMachine.PendingPeerMessage(
            senderConn: sender.conn, from: sender.user, to: to, messageId: messageId, text: text, offline: offline,
            fromStore: false)
        if let receiver = state.session(user: to) {
            if state.index.pendingCount[to] != nil,
                state.content.pending.contains(where: {
                    $0.from == sender.user && $0.to == to && $0.messageId == messageId
                })
            {
                return .ignored("a duplicated send: the first copy is already on its way")
            }
            state.content.pending.append(message)
            ServerIndex.add(1, to: to, in: &state.index.pendingCount)
            if receiver.linkUp {
                send(receiver.conn, .peerMessage(from: sender.user, messageId: messageId, text: text, isOffline: false))
            }
        } else if offline {
            if state.index.offlineCount[to] != nil,
                state.content.offline.contains(where: {
                    $0.from == sender.user && $0.to == to && $0.messageId == messageId
                })
            {
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
        guard state.index.pendingCount[user] != nil else { return }
        for message in state.content.pending where message.to == user {
            send(
                conn,
                .peerMessage(
                    from: message.from, messageId: message.messageId, text: message.text, isOffline: message.fromStore))
        }
    }

    /// The receiver's session ended: unacknowledged messages go to the offline store when the sender
    /// asked for it (or they came from it), else the sender learns the peer is unreachable.
    mutating func settlePending(to user: UserID) {
        guard state.index.pendingCount[user] != nil else { return }
        var kept: [ServerMachine.PendingPeerMessage] = []
        var backToStore: [ServerMachine.OfflineMessage] = []
        for message in state.content.pending {
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
        state.content.pending = kept
        state.index.pendingCount[user] = nil
        guard !backToStore.isEmpty else { return }
        // Messages that were already cached go back ahead of newer ones, preserving send order.
        state.content.offline = backToStore + state.content.offline
        ServerIndex.add(backToStore.count, to: user, in: &state.index.offlineCount)
        trimOffline([user])
    }

    mutating func cache(_ message: ServerMachine.OfflineMessage) {
        state.content.offline.append(message)
        ServerIndex.add(1, to: message.to, in: &state.index.offlineCount)
        trimOffline([message.to])
    }

    /// Decision 15: at most 200 cached per receiver, the oldest dropped first.
    ///
    /// Only `receivers` (those whose messages were just added) can be over: every step starts with none over.
    mutating func trimOffline(_ receivers: Set<UserID>) {
        var drop: [UserID: Int] = [:]
        for user in receivers {
            let count = state.index.offlineCount[user, default: 0]
            if count > ServerMachine.offlineCapacity { drop[user] = count - ServerMachine.offlineCapacity }
        }
        guard !drop.isEmpty else { return }
        for (user, n) in drop { ServerIndex.add(-n, to: user, in: &state.index.offlineCount) }
        state.content.offline = state.content.offline.filter { message in
            if let n = drop[message.to], n > 0 {
                drop[message.to] = n - 1
                return false
            }
            return true
        }
    }

    /// At login, the offline store is delivered in send order, flagged `isOfflineMessage`.
    mutating func deliverOfflineMessages(to user: UserID, conn: ConnectionID) {
        guard state.index.offlineCount[user] != nil else { return }
        let mine = state.content.offline.filter { $0.to == user }
        state.content.offline.removeAll { $0.to == user }
        state.index.offlineCount[user] = nil
        ServerIndex.add(mine.count, to: user, in: &state.index.pendingCount)
        for message in mine {
            state.content.pending.append(
                .init(
                    senderConn: nil, from: message.from, to: user, messageId: message.messageId, text: message.text,
                    offline: true, fromStore: true))
            send(
                conn,
                .peerMessage(from: message.from, messageId: message.messageId, text: message.text, isOffline: true))
        }
    }
}
