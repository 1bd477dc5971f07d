import RTMProtocol

extension ClientCore {
    /// This core with every user ID renamed by `user` (its own, the callers and callees of its
    /// invitations, the senders of the peer messages it received) and every free text (invitation
    /// content and response) by `text`, kept in the core's canonical orders.
    ///
    /// A checker that folds interchangeable clients (symmetry reduction) renames whole states: the
    /// core of the client that plays another's part sees every other user under its new name.
    /// Channel IDs are not user IDs and stay as they are. `locals`, `remotes` and
    /// `receivedPeerMessages` are re-sorted, so two cores that differ only in the names of their
    /// users compare equal after renaming onto the same names.
    ///
    /// ```swift
    /// let swapped = core.renamingUsers({ $0 == "alice" ? "bob" : $0 == "bob" ? "alice" : $0 }, text: { $0 })
    /// ```
    ///
    /// - Complexity: O(k log k) for the k invitations and received messages.
    public func renamingUsers(_ user: (UserID) -> UserID, text: (String) -> String) -> ClientCore {
        var core = self
        if let id = userId { core.userId = user(id) }
        func key(_ key: InvitationKey) -> InvitationKey {
            InvitationKey(caller: user(key.caller), callee: user(key.callee), serial: key.serial)
        }
        if !locals.isEmpty {
            for index in core.locals.indices {
                core.locals[index].key = key(core.locals[index].key)
                if !core.locals[index].content.isEmpty { core.locals[index].content = text(core.locals[index].content) }
            }
            if core.locals.count > 1 { core.locals.sort { $0.key < $1.key } }
        }
        if !remotes.isEmpty {
            for index in core.remotes.indices {
                core.remotes[index].key = key(core.remotes[index].key)
                if !core.remotes[index].content.isEmpty {
                    core.remotes[index].content = text(core.remotes[index].content)
                }
                if !core.remotes[index].response.isEmpty {
                    core.remotes[index].response = text(core.remotes[index].response)
                }
            }
            if core.remotes.count > 1 { core.remotes.sort { $0.key < $1.key } }
        }
        if !receivedPeerMessages.isEmpty {
            for index in core.receivedPeerMessages.indices {
                core.receivedPeerMessages[index].from = user(core.receivedPeerMessages[index].from)
            }
            if core.receivedPeerMessages.count > 1 { core.receivedPeerMessages.sort() }
        }
        return core
    }
}
