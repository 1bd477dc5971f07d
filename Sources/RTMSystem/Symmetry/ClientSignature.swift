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
        // Fields are read in place, through the buffers and a pointer to the node: an array's
        // subscript hands out a copy of the element, which retains arrays that many states share (and
        // workers retaining the same object contend for it).
        var h = StableHasher(seed: 0x5379_6D6D_6574_7279)
        state.clients.withUnsafeBufferPointer { clients in
            let node = clients.baseAddress! + i
            let core = ClientNode.core(of: node)
            // Budget entries move with renaming onto entries of the same call (`ClientPermutation.entries`):
            // an order-free sum over (call, calls left).
            var budget: UInt64 = 0
            node.pointee.callsLeft.withUnsafeBufferPointer { callsLeft in
                for entry in callsLeft.indices where calls.indices.contains(entry) {
                    budget &+= mix(calls[entry] << 32 | UInt64(max(0, callsLeft[entry])))
                }
            }
            h.combine(budget)
            h.combine(node.pointee.loggedOut)
            h.combine(core.pointee.userId == nil)
            h.feed(core.pointee.connection)
            h.feed(core.pointee.channels)
            // A renaming keeps an invitation's serial number: it tells apart two callees whose
            // invitations are in the same state but were sent in a different order (unless images drop it).
            let (settledLocals, settledRemotes) = (settled?.locals(of: i) ?? 0, settled?.remotes(of: i) ?? 0)
            h.combine(core.pointee.locals.withUnsafeBufferPointer { slots in
                slotSum(count: slots.count, settled: settledLocals) { index, canceled, slot in
                    if canceled { slot.feed(LocalInvitationMachine.State.canceled) } else { slot.feed(slots[index].machine) }
                    slot.combine(dropsSerials ? 0 : slots[index].key.serial)
                }
            })
            h.combine(core.pointee.remotes.withUnsafeBufferPointer { slots in
                slotSum(count: slots.count, settled: settledRemotes) { index, canceled, slot in
                    if canceled { slot.feed(RemoteInvitationMachine.State.canceled) } else { slot.feed(slots[index].machine) }
                    slot.combine(dropsSerials ? 0 : slots[index].key.serial)
                }
            })
            h.feed(core.pointee.pendingPeerMessages)
            h.combine(core.pointee.receivedPeerMessages.count)
            h.combine(core.pointee.nextMessageId)
            h.combine(core.pointee.nextRequestId)
            h.combine(core.pointee.nextInvitationSerial)
        }
        state.links.withUnsafeBufferPointer { links in
            h.combine(links[i].isUp)
            h.combine(links[i].up.count)
            h.combine(links[i].down.count)
        }
        var timers = 0
        state.timers.withUnsafeBufferPointer { pending in
            for timer in pending.indices {
                if case .client(i, _) = pending[timer].owner { timers += 1 }
            }
        }
        h.combine(timers)
        h.combine(state.server.hasSession(ConnectionID(i)))
        return h.finalize().rawValue
    }

    /// An order-free sum over `count` invitation slots, each hashed by `feed` (given its index and
    /// whether `settled` marks it, so that it shows as canceled).
    @inline(__always)
    static func slotSum(count: Int, settled: UInt64, _ feed: (Int, Bool, inout StableHasher) -> Void) -> UInt64 {
        var sum = UInt64(count)
        for index in 0..<count {
            var slot = StableHasher(seed: 1)
            feed(index, SettledSlots.marks(settled, index), &slot)
            sum &+= mix(slot.finalize().rawValue)
        }
        return sum
    }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
}
