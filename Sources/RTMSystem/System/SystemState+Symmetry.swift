import RTMMachines

extension SystemState {
    /// The state in which client `i` plays the part client `permutation[i]` played in this one
    /// (``Symmetry``'s convention), every name renamed to match: the clients and their links change
    /// places, and each client's index, connection, user ID and whole-word name in free text is
    /// replaced by those of the client now playing its part, inside the cores, the server, the
    /// messages in flight, the timers and the observations. A client's remaining call budget moves
    /// with it onto the matching entries of its new budget (the model's declared symmetry guarantees
    /// they exist). Every list the state keeps sorted is sorted again, so two states that differ only
    /// in the clients' names are `==` after renaming onto the same names.
    ///
    /// A `permutation` that is not one of `0..<clients.count` gives back this state unchanged.
    ///
    /// ```swift
    /// let swapped = state.permuted(by: [1, 0, 2], in: model)  // clients 0 and 1 trade parts
    /// ```
    public func permuted(by permutation: [Int], in model: RTMSystemModel) -> SystemState {
        guard permutation.count == clients.count, permutation.count == model.scenario.clients.count,
            Set(permutation) == Set(permutation.indices)
        else { return self }
        let entries = SymmetryPlan.entryMaps(source: permutation, scenario: model.scenario).entries
        return permuted(by: ClientPermutation(source: permutation, names: model.scenario.clients, entries: entries))
    }

    /// The renaming by a prepared permutation (the checker's hot path).
    func permuted(by p: ClientPermutation) -> SystemState {
        guard p.renames, p.source.count == clients.count, links.count == clients.count else { return self }
        // Settled invitations (`SettledInvitations.swift`), marked before the cores' slots are re-sorted.
        let settled = p.forgetsSettled ? p.settledSlots(in: self) : nil
        var image = self
        for i in clients.indices {
            let j = p.source[i]
            var node = clients[j]
            if let settled, settled.locals(of: j) | settled.remotes(of: j) != 0 {
                node.core = node.core.showingCanceled(locals: settled.locals(of: j), remotes: settled.remotes(of: j))
            }
            node.core = node.core.renamingUsers(p.user, text: p.text, serial: p.serial)
            if p.entries.indices.contains(i), p.entries[i].allSatisfy(clients[j].callsLeft.indices.contains) {
                node.callsLeft = p.entries[i].map { clients[j].callsLeft[$0] }
            }
            image.clients[i] = node
            // Only what changes is written, so unchanged arrays keep sharing their storage.
            var link = links[j]
            for (index, inFlight) in links[j].up.enumerated() {
                let renamed = p.request(inFlight.message)
                if renamed != inFlight.message { link.up[index].message = renamed }
            }
            for (index, inFlight) in links[j].down.enumerated() {
                let renamed = p.message(inFlight.message)
                if renamed != inFlight.message { link.down[index].message = renamed }
            }
            image.links[i] = link
        }
        image.server = p.server(server)
        var timersChanged = false
        for (index, timer) in timers.enumerated() {
            let owner = p.owner(timer.owner)
            if owner != timer.owner {
                image.timers[index].owner = owner
                timersChanged = true
            }
        }
        // Timers stay sorted by time left, then owner (`PendingTimer.<`); the owners' order may change.
        if timersChanged, image.timers.count > 1 { image.timers.sort() }
        if let settled, !seen.interrupted.isEmpty {
            // A settled invitation's interruption mark is read no more either.
            var kept = seen
            kept.interrupted.removeAll { p.isSettled($0, in: self, settled) }
            image.seen = p.observations(kept)
        } else {
            image.seen = p.observations(seen)
        }
        return image
    }
}
