import ModelChecker
import RTMMachines

// The canonical encoding of a renamed state, fed without building the renamed state.
//
// `permuted(by:)` builds the image of a state: new arrays for every client, link and server list that
// names a client, re-sorted. The checker needs only the image's fingerprint and encoding when it keeps
// the state it reached (see ``SymmetryPlan/classFingerprint(of:recordingInto:)``), so
// ``ClientPermutation/feedImage(of:into:)`` feeds exactly the words `permuted(by:).feed(into:)`
// would, renaming each value as it is fed and sorting the few renamed lists in a stack buffer.
// A test compares the two word for word on sampled states of every scenario with a symmetry.

extension ClientPermutation {
    /// Feeds the canonical encoding of `state.permuted(by: self)` (the same words, in the same order).
    func feedImage(of state: SystemState, into h: inout StableHasher) {
        feedImage(of: state, settled: forgetsSettled ? settledSlots(in: state) : nil, into: &h)
    }

    /// ``feedImage(of:into:)`` with `state`'s settled invitations found already (``settledSlots(in:)``;
    /// nil when there are none or the image keeps outcomes).
    func feedImage(of state: SystemState, settled: SettledSlots?, into h: inout StableHasher) {
        guard renames, source.count == state.clients.count, state.links.count == state.clients.count else {
            state.feed(into: &h)
            return
        }
        let settled = forgetsSettled ? settled : nil
        h.combine(UInt64(state.clients.count))
        // Nodes and links are borrowed through their buffers: an array's subscript hands out a copy
        // of the element, retaining every array it holds.
        state.clients.withUnsafeBufferPointer { clients in
            for i in clients.indices {
                let j = source[i]
                feedCore(
                    clients.baseAddress! + j, settledLocals: settled?.locals(of: j) ?? 0,
                    settledRemotes: settled?.remotes(of: j) ?? 0, into: &h)
                let count = clients[j].callsLeft.count
                if entries.indices.contains(i), !entries[i].indices.contains(where: { entries[i][$0] >= count }) {
                    h.combine(UInt64(entries[i].count))
                    for entry in entries[i].indices { h.feed(clients[j].callsLeft[entries[i][entry]]) }
                } else {
                    h.feed(clients[j].callsLeft)
                }
                h.feed(clients[j].loggedOut)
            }
        }
        feedServer(state.server, into: &h)
        h.combine(UInt64(state.links.count))
        state.links.withUnsafeBufferPointer { links in
            for i in links.indices {
                let j = source[i]
                h.feed(links[j].isUp)
                h.feed(links[j].stale)
                h.combine(UInt64(links[j].up.count))
                links[j].up.withUnsafeBufferPointer { up in
                    for index in up.indices {
                        h.feed(request(up[index].message))
                        h.feed(up[index].msLeft)
                    }
                }
                h.combine(UInt64(links[j].down.count))
                links[j].down.withUnsafeBufferPointer { down in
                    for index in down.indices {
                        h.feed(message(down[index].message))
                        h.feed(down[index].msLeft)
                    }
                }
            }
        }
        feedTimers(state.timers, into: &h)
        h.feed(state.faults)
        feedObservations(of: state, settled: settled, into: &h)
    }

    /// Feeds ``observations(_:)`` of `state.seen` (its interrupted invitations that `settled` marks left
    /// out), renamed in place: building the renamed observations copied them and allocated a new list
    /// of interrupted keys for every state with one.
    func feedObservations(of state: SystemState, settled: SettledSlots?, into h: inout StableHasher) {
        feedNotes(state.seen.violations, into: &h)
        feedNotes(state.seen.delivered, into: &h)
        feedNotes(state.seen.sent, into: &h)
        feedNotes(state.seen.cached, into: &h)
        feedNotes(state.seen.marks, into: &h)
        state.seen.interrupted.withUnsafeBufferPointer { keys in
            guard !keys.isEmpty else {
                h.combine(0 as UInt64)
                return
            }
            withUnsafeTemporaryAllocation(of: InvitationKey.self, capacity: keys.count) { buffer in
                var count = 0
                for index in keys.indices {
                    if let settled, isSettled(keys[index], in: state, settled) { continue }
                    buffer.initializeElement(at: count, to: key(keys[index]))
                    count += 1
                }
                // Insertion sort: few keys, mostly in order already.
                if count > 1 {
                    for end in 1..<count {
                        var position = end
                        while position > 0, buffer[position] < buffer[position - 1] {
                            buffer.swapAt(position, position - 1)
                            position -= 1
                        }
                    }
                }
                h.combine(UInt64(count))
                for index in 0..<count { h.feed(buffer[index]) }
                _ = buffer[0..<count].deinitialize()
            }
        }
    }

    /// Feeds ``notes(_:)`` of `notes`.
    func feedNotes(_ notes: [String], into h: inout StableHasher) {
        if notes.isEmpty {
            h.combine(0 as UInt64)
        } else {
            h.feed(self.notes(notes))
        }
    }

    /// Feeds `timers` renamed, in their canonical order: what ``feedSorted(_:_:renamed:by:into:)``
    /// feeds for them. A list kept sorted by time left (as every state's is) is reordered by a renaming only
    /// within a run of timers due at the same time: only such runs are copied and sorted, and a timer due
    /// alone is fed in place. A list out of that order is sorted whole.
    func feedTimers(_ timers: [PendingTimer], into h: inout StableHasher) {
        let byTime = timers.withUnsafeBufferPointer { timers in
            timers.indices.dropFirst().allSatisfy { timers[$0 - 1].msLeft <= timers[$0].msLeft }
        }
        guard byTime else {
            Self.feedSorted(timers, self, renamed: { $0.timer($1) }, by: <, into: &h)
            return
        }
        h.combine(UInt64(timers.count))
        timers.withUnsafeBufferPointer { timers in
            var start = 0
            while start < timers.count {
                let msLeft = timers[start].msLeft
                var end = start + 1
                while end < timers.count, timers[end].msLeft == msLeft { end += 1 }
                if end == start + 1 {
                    h.feed(msLeft)
                    h.feed(owner(timers[start].owner))
                } else {
                    withUnsafeTemporaryAllocation(of: TimerOwner.self, capacity: end - start) { owners in
                        for index in start..<end {
                            owners.initializeElement(at: index - start, to: owner(timers[index].owner))
                        }
                        // Insertion sort: few timers are due at once.
                        for last in 1..<owners.count {
                            var position = last
                            while position > 0, owners[position].precedes(owners[position - 1]) {
                                owners.swapAt(position, position - 1)
                                position -= 1
                            }
                        }
                        for index in owners.indices {
                            h.feed(msLeft)
                            h.feed(owners[index])
                        }
                        _ = owners.deinitialize()
                    }
                }
                start = end
            }
        }
    }

    /// What ``ClientCore/renamingUsers(_:text:serial:)`` gives for `node`'s core, fed, with the slots set in
    /// `settledLocals` and `settledRemotes` shown as canceled (``ClientCore/showingCanceled(locals:remotes:)``).
    ///
    /// The core is read through a pointer to its node: a core handed over as a value (even `borrowing`)
    /// is copied first, retaining every array it holds, and those arrays are shared by many states.
    func feedCore(
        _ node: UnsafePointer<ClientNode>, settledLocals: UInt64 = 0, settledRemotes: UInt64 = 0,
        into h: inout StableHasher
    ) {
        h.feed(node.pointee.core.userId.map { user($0) })
        h.feed(node.pointee.core.token)
        h.feed(node.pointee.core.connection)
        h.feed(node.pointee.core.channels)
        Self.feedSortedByKey(node.pointee.core.locals, self, key: { $0.key }, into: &h) { permutation, slot, index, h in
            h.feed(permutation.key(slot.key))
            if SettledSlots.marks(settledLocals, index) {
                h.feed(LocalInvitationMachine.State.canceled)
            } else {
                h.feed(slot.machine)
            }
            h.feed(slot.content.isEmpty ? slot.content : permutation.text(slot.content))
            h.feed(slot.channelId)
        }
        Self.feedSortedByKey(node.pointee.core.remotes, self, key: { $0.key }, into: &h) {
            permutation, slot, index, h in
            h.feed(permutation.key(slot.key))
            if SettledSlots.marks(settledRemotes, index) {
                h.feed(RemoteInvitationMachine.State.canceled)
            } else {
                h.feed(slot.machine)
            }
            h.feed(slot.content.isEmpty ? slot.content : permutation.text(slot.content))
            h.feed(slot.channelId)
            h.feed(slot.response.isEmpty ? slot.response : permutation.text(slot.response))
        }
        h.feed(node.pointee.core.pendingPeerMessages)
        Self.feedSorted(node.pointee.core.receivedPeerMessages, self, renamed: { $0.received($1) }, by: <, into: &h)
        h.feed(node.pointee.core.nextMessageId)
        h.feed(node.pointee.core.nextRequestId)
        h.feed(node.pointee.core.nextInvitationSerial)
    }

    /// What ``ServerMachine/State/renamingUsers(_:connection:text:serial:)`` gives, fed.
    func feedServer(_ server: ServerMachine.State, into h: inout StableHasher) {
        Self.feedSorted(server.sessions, self, renamed: { $0.session($1) }, by: { $0.conn < $1.conn }, into: &h)
        h.combine(UInt64(server.channels.count))
        for channel in server.channels {
            h.feed(channel.id)
            Self.feedSorted(channel.members, self, renamed: { $0.user($1) }, by: <, into: &h)
        }
        h.combine(UInt64(server.offline.count))
        for message in server.offline {
            var renamed = message
            renamed.to = user(message.to)
            renamed.from = user(message.from)
            renamed.text = text(message.text)
            h.feed(renamed)
        }
        h.combine(UInt64(server.pending.count))
        for message in server.pending {
            var renamed = message
            renamed.senderConn = message.senderConn.map { conn($0) }
            renamed.from = user(message.from)
            renamed.to = user(message.to)
            renamed.text = text(message.text)
            h.feed(renamed)
        }
        Self.feedSortedByKey(server.invitations, self, key: { $0.key }, into: &h) { permutation, record, _, h in
            h.feed(permutation.key(record.key))
            h.feed(record.phase)
            h.feed(record.content.isEmpty ? record.content : permutation.text(record.content))
            h.feed(record.channelId)
            h.feed(record.heldOrder)
        }
    }

    // The renamings of the items of sorted lists (``ClientCore/renamingUsers(_:text:serial:)`` and
    // ``ServerMachine/State/renamingUsers(_:connection:text:serial:)`` rename them the same way).

    func timer(_ timer: PendingTimer) -> PendingTimer {
        var renamed = timer
        renamed.owner = owner(timer.owner)
        return renamed
    }

    func received(_ message: ClientCore.ReceivedMessage) -> ClientCore.ReceivedMessage {
        var renamed = message
        renamed.from = user(message.from)
        return renamed
    }

    func session(_ session: ServerMachine.Session) -> ServerMachine.Session {
        var renamed = session
        renamed.conn = conn(session.conn)
        renamed.user = user(session.user)
        return renamed
    }

    /// Feeds the count of `items`, then their forms renamed by `permutation` in the order `isBelow`
    /// gives them (a strict total order on the renamed items, as every list the state keeps sorted
    /// has), sorted in a stack buffer: lists here hold a handful of items. The permutation is passed
    /// in, not captured by `rename`: a capturing closure copies it, retaining the tables every worker
    /// shares.
    @inline(__always)
    static func feedSorted<T: StateHashable>(
        _ items: [T], _ permutation: borrowing ClientPermutation,
        renamed rename: (borrowing ClientPermutation, T) -> T, by isBelow: (T, T) -> Bool,
        into h: inout StableHasher
    ) {
        h.combine(UInt64(items.count))
        // Items are read through the buffer: the array's subscript would hand out copies.
        items.withUnsafeBufferPointer { items in
            switch items.count {
            case 0: return
            case 1: rename(permutation, items[0]).feed(into: &h)
            default:
                withUnsafeTemporaryAllocation(of: T.self, capacity: items.count) { buffer in
                    for index in items.indices {
                        buffer.initializeElement(at: index, to: rename(permutation, items[index]))
                    }
                    // Insertion sort: few items, mostly in order already.
                    for end in 1..<items.count {
                        var position = end
                        while position > 0, isBelow(buffer[position], buffer[position - 1]) {
                            buffer.swapAt(position, position - 1)
                            position -= 1
                        }
                    }
                    for index in 0..<items.count { buffer[index].feed(into: &h) }
                    _ = buffer.deinitialize()
                }
            }
        }
    }

    /// Feeds the count of `items`, then each item as `feedRenamed` feeds its renamed form (the words
    /// the renamed value would feed, read in place: no renamed copy is built), in the order of their
    /// renamed invitation keys (unique in every list the state keeps by key). `feedRenamed` is also
    /// given the item's index in `items`.
    @inline(__always)
    static func feedSortedByKey<T>(
        _ items: [T], _ permutation: borrowing ClientPermutation, key: (borrowing T) -> InvitationKey,
        into h: inout StableHasher,
        _ feedRenamed: (borrowing ClientPermutation, borrowing T, Int, inout StableHasher) -> Void
    ) {
        h.combine(UInt64(items.count))
        items.withUnsafeBufferPointer { items in
            switch items.count {
            case 0: return
            case 1: feedRenamed(permutation, items[0], 0, &h)
            default:
                withUnsafeTemporaryAllocation(of: (key: InvitationKey, index: Int).self, capacity: items.count) { buffer in
                    for index in items.indices {
                        buffer.initializeElement(at: index, to: (permutation.key(key(items[index])), index))
                    }
                    // Insertion sort: few items, mostly in order already.
                    for end in 1..<items.count {
                        var position = end
                        while position > 0, buffer[position].key < buffer[position - 1].key {
                            buffer.swapAt(position, position - 1)
                            position -= 1
                        }
                    }
                    for position in 0..<items.count {
                        let index = buffer[position].index
                        feedRenamed(permutation, items[index], index, &h)
                    }
                    _ = buffer.deinitialize()
                }
            }
        }
    }
}
