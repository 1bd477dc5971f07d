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
    /// `serial` renumbers the invitation keys' serial numbers (a checker that knows them to be redundant
    /// maps them all to one value); it must keep keys that differ in caller and callee in their order.
    ///
    /// - Complexity: O(k log k) for the k invitations and received messages.
    public func renamingUsers(
        _ user: (UserID) -> UserID, text: (String) -> String, serial: (Int) -> Int = { $0 }
    ) -> ClientCore {
        // Only what changes is written, so the unchanged arrays keep sharing their storage.
        var core = self
        if let id = userId {
            let renamed = user(id)
            if renamed != id { core.userId = renamed }
        }
        func key(_ key: InvitationKey) -> InvitationKey {
            InvitationKey(caller: user(key.caller), callee: user(key.callee), serial: serial(key.serial))
        }
        var changed = false
        for (index, slot) in locals.enumerated() {
            var renamed = slot
            renamed.key = key(slot.key)
            if !slot.content.isEmpty { renamed.content = text(slot.content) }
            if renamed != slot {
                core.locals[index] = renamed
                changed = true
            }
        }
        if changed, core.locals.count > 1 { core.locals.sort { $0.key < $1.key } }
        changed = false
        for (index, slot) in remotes.enumerated() {
            var renamed = slot
            renamed.key = key(slot.key)
            if !slot.content.isEmpty { renamed.content = text(slot.content) }
            if !slot.response.isEmpty { renamed.response = text(slot.response) }
            if renamed != slot {
                core.remotes[index] = renamed
                changed = true
            }
        }
        if changed, core.remotes.count > 1 { core.remotes.sort { $0.key < $1.key } }
        changed = false
        for (index, message) in receivedPeerMessages.enumerated() {
            let from = user(message.from)
            if from != message.from {
                core.receivedPeerMessages[index].from = from
                changed = true
            }
        }
        if changed, core.receivedPeerMessages.count > 1 { core.receivedPeerMessages.sort() }
        return core
    }
}

extension ClientCore {
    /// This core with the invitations of some slots shown as canceled at this end: the local slot
    /// `locals[s]` when bit `s` of `locals` is set, the remote slot `remotes[s]` when bit `s` of
    /// `remotes` is; every other field as it is.
    ///
    /// A checker shows this way the invitations that are over for good (both ends ended and agree,
    /// nothing about them in flight, no timer or server record left that could still send them
    /// anything): how they ended no longer changes anything that can happen, so two states that differ
    /// only in it may share a representative.
    public func showingCanceled(locals: UInt64, remotes: UInt64) -> ClientCore {
        var core = self
        for index in self.locals.indices where index < 64 && locals & (1 << UInt64(index)) != 0 {
            core.locals[index].machine = .canceled
        }
        for index in self.remotes.indices where index < 64 && remotes & (1 << UInt64(index)) != 0 {
            core.remotes[index].machine = .canceled
        }
        return core
    }
}
