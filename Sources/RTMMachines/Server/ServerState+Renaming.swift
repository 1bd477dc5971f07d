import RTMProtocol

extension ServerMachine.State {
    /// This state with every user ID renamed by `user`, every connection by `connection` and every
    /// free text (message texts, invitation content) by `text`, kept in the state's canonical orders:
    /// sessions by connection, members by user ID, invitations by key; the offline store and the
    /// pending messages keep their arrival order. The index is left to be derived when first needed.
    ///
    /// A checker that folds interchangeable clients (symmetry reduction) renames whole states; see
    /// ``ClientCore/renamingUsers(_:text:serial:)``. Channel IDs are not user IDs and stay as they are.
    ///
    /// `serial` renumbers the invitation keys' serial numbers, as in ``ClientCore/renamingUsers(_:text:serial:)``.
    ///
    /// - Complexity: O(n log n) in the size of the state.
    public func renamingUsers(
        _ user: (UserID) -> UserID, connection: (ConnectionID) -> ConnectionID, text: (String) -> String,
        serial: (Int) -> Int = { $0 }
    ) -> ServerMachine.State {
        // Only what changes is written, so unchanged arrays keep sharing their storage.
        var content = self.content
        var changed = false
        for (index, session) in self.content.sessions.enumerated() {
            var renamed = session
            renamed.conn = connection(session.conn)
            renamed.user = user(session.user)
            if renamed != session {
                content.sessions[index] = renamed
                changed = true
            }
        }
        if changed, content.sessions.count > 1 { content.sessions.sort { $0.conn < $1.conn } }
        for (index, channel) in self.content.channels.enumerated() {
            var members = channel.members.map(user)
            guard members != channel.members else { continue }
            members.sort()
            content.channels[index].members = members
        }
        for (index, message) in self.content.offline.enumerated() {
            var renamed = message
            renamed.to = user(message.to)
            renamed.from = user(message.from)
            renamed.text = text(message.text)
            if renamed != message { content.offline[index] = renamed }
        }
        for (index, message) in self.content.pending.enumerated() {
            var renamed = message
            renamed.senderConn = message.senderConn.map(connection)
            renamed.from = user(message.from)
            renamed.to = user(message.to)
            renamed.text = text(message.text)
            if renamed != message { content.pending[index] = renamed }
        }
        changed = false
        for (index, record) in self.content.invitations.enumerated() {
            var renamed = record
            renamed.key = InvitationKey(
                caller: user(record.key.caller), callee: user(record.key.callee), serial: serial(record.key.serial))
            if !record.content.isEmpty { renamed.content = text(record.content) }
            if renamed != record {
                content.invitations[index] = renamed
                changed = true
            }
        }
        if changed, content.invitations.count > 1 { content.invitations.sort { $0.key < $1.key } }
        guard content != self.content else { return self }
        var state = ServerMachine.State()
        state.content = content
        state.indexIsStale = true  // derived if the renamed state is ever stepped
        return state
    }
}
