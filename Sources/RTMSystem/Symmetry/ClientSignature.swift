import ModelChecker
import RTMMachines

/// A summary of one client's part in a state that no renaming of interchangeable clients changes:
/// what it may still do, its connection, the states of its invitations and channels, its counters,
/// and how much is on its link and in its timers, never a name. Clients with different summaries
/// are never each other's image, so the canonical form orders them by summary and compares
/// fingerprints only among clients whose summaries tie.
///
/// Invariance is what matters, not completeness: a weak summary only means more ties.
enum ClientSignature {
    /// The summary of client `i` in `state`; `calls[e]` names the call of client `i`'s budget entry `e`.
    /// `dropsSerials`: images drop the invitation keys' serial numbers (``SymmetryPlan/dropsSerials``),
    /// so the summary must not read them. `settled`: the state's settled invitations, which images show
    /// as canceled (``ClientPermutation/settledSlots(in:)``), and so must the summary.
    static func of(
        _ i: Int, in state: SystemState, calls: [UInt64], dropsSerials: Bool = false, settled: SettledSlots? = nil
    ) -> UInt64 {
        guard state.clients.indices.contains(i), state.links.indices.contains(i) else { return 0 }
        // Fields are read in place (`state.clients[i].core.…`), not through copies: a copy retains
        // arrays that many states share, and workers retaining the same object contend for it.
        var h = StableHasher(seed: 0x5379_6D6D_6574_7279)
        // Budget entries move with renaming onto entries of the same call (`ClientPermutation.entries`):
        // an order-free sum over (call, calls left).
        var budget: UInt64 = 0
        for entry in state.clients[i].callsLeft.indices where calls.indices.contains(entry) {
            budget &+= mix(calls[entry] << 32 | UInt64(max(0, state.clients[i].callsLeft[entry])))
        }
        h.combine(budget)
        h.combine(state.clients[i].loggedOut)
        h.combine(state.clients[i].core.userId == nil)
        h.feed(state.clients[i].core.connection)
        h.feed(state.clients[i].core.channels)
        // A renaming keeps an invitation's serial number: it tells apart two callees whose
        // invitations are in the same state but were sent in a different order (unless images drop it).
        let (settledLocals, settledRemotes) = (settled?.locals(of: i) ?? 0, settled?.remotes(of: i) ?? 0)
        h.combine(unordered(state.clients[i].core.locals) { slot, index, hasher in
            if SettledSlots.marks(settledLocals, index) {
                hasher.feed(LocalInvitationMachine.State.canceled)
            } else {
                hasher.feed(slot.machine)
            }
            hasher.combine(dropsSerials ? 0 : slot.key.serial)
        })
        h.combine(unordered(state.clients[i].core.remotes) { slot, index, hasher in
            if SettledSlots.marks(settledRemotes, index) {
                hasher.feed(RemoteInvitationMachine.State.canceled)
            } else {
                hasher.feed(slot.machine)
            }
            hasher.combine(dropsSerials ? 0 : slot.key.serial)
        })
        h.feed(state.clients[i].core.pendingPeerMessages)
        h.combine(state.clients[i].core.receivedPeerMessages.count)
        h.combine(state.clients[i].core.nextMessageId)
        h.combine(state.clients[i].core.nextRequestId)
        h.combine(state.clients[i].core.nextInvitationSerial)
        h.combine(state.links[i].isUp)
        h.combine(state.links[i].up.count)
        h.combine(state.links[i].down.count)
        var timers = 0
        for timer in state.timers.indices {
            if case .client(i, _) = state.timers[timer].owner { timers += 1 }
        }
        h.combine(timers)
        h.combine(state.server.session(ConnectionID(i)) != nil)
        return h.finalize().rawValue
    }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// An order-free combination of one hash per element (`feed` is given each with its index).
    static func unordered<T>(_ items: [T], _ feed: (T, Int, inout StableHasher) -> Void) -> UInt64 {
        var sum = UInt64(items.count)
        for index in items.indices {
            var h = StableHasher(seed: 1)
            feed(items[index], index, &h)
            sum &+= mix(h.finalize().rawValue)
        }
        return sum
    }
}
