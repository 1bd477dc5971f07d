import RTMMachines

// Invitations over for good, which images show as canceled at both ends, without interruption marks.
//
// An invitation is *settled* in a state when
// 1. the caller's end has ended (its local slot is terminal), and so has the callee's if the
//    invitation reached it (a remote slot);
// 2. the two ends agree, as `invitation-agreement` judges them, or the invitation is marked interrupted
//    (so that property asks nothing of it), or it never reached the callee (the property asks only of
//    invitations with two ends, and no remote slot can appear without an `invite` notice, by 3 and 5);
// 3. no message about it is in flight, in either direction of any link;
// 4. no client timer of it is pending; and
// 5. the server holds no record of it, or holds it ended.
//
// Why how a settled invitation ended no longer matters. A slot's machine changes only by the slot's
// own events: notices about its key (none in flight, by 3, and none to come: an ended record, or none,
// answers nothing and sends nothing, and a record can only be made by an `invite` in flight, by 5
// and 3; so no remote slot can appear either), its own timers (none, by 4) and API calls on its key.
// An API call on an ended slot returns an error code and changes nothing, whatever the outcome
// (`ALREADY_END`, or for an accepted remote end `ALREADY_ACCEPT`: the return differs, the state after
// it does not). Nothing else reads the outcome:
// the checker's notes read whether a slot has ended (`logout-with-pending`, interruption marks), not
// how; `invitation-ends` and the premises read `isTerminal`; and `invitation-agreement` holds for the
// invitation in every such state, by 2, and goes on holding (both ends stay ended, and an invitation is
// marked interrupted only while an end is pending). So two states that differ only in the outcomes of
// settled invitations have the same futures, step for step, with the same verdicts, deadlocks and
// properties, and one representative serves both. The search keeps and prints the real states; only
// the representative's encoding shows the ends as canceled.
//
// The invitation's interruption mark goes too: it is read only by `invitation-agreement` (which holds
// for a settled invitation either way: its ends agree, or the mark stays) and by the test of
// condition 2, and no step adds one to an ended invitation. Nothing can unsettle an invitation, so
// the image's ends shown as canceled, which agree, need no mark. (The partial-order measure does not
// count interruption marks, so it stays the same across a class.)

/// A state's settled invitations, as slot positions: per client, a mask of its local slots and one of
/// its remote slots (bit `s` for slot `s`). A value on the stack (no allocation, no closure), so it
/// covers states of at most 8 clients and slots below the 64th; past that nothing is marked, which
/// only folds less.
struct SettledSlots {
    /// Word `2 * i` for client `i`'s local slots, word `2 * i + 1` for its remote slots.
    private var words = SIMD16<UInt64>()

    /// The mask of client `client`'s settled local slots (0 past the 8th client).
    func locals(of client: Int) -> UInt64 { client < 8 ? words[2 * client] : 0 }

    /// The mask of client `client`'s settled remote slots (0 past the 8th client).
    func remotes(of client: Int) -> UInt64 { client < 8 ? words[2 * client + 1] : 0 }

    /// Whether `mask` (``locals(of:)`` or ``remotes(of:)``) marks slot `slot`.
    @inline(__always)
    static func marks(_ mask: UInt64, _ slot: Int) -> Bool { slot < 64 && mask & (1 << UInt64(slot)) != 0 }

    mutating func markLocal(_ slot: Int, of client: Int) {
        if client < 8, slot < 64 { words[2 * client] |= 1 << UInt64(slot) }
    }

    mutating func markRemote(_ slot: Int, of client: Int) {
        if client < 8, slot < 64 { words[2 * client + 1] |= 1 << UInt64(slot) }
    }
}

extension ClientPermutation {
    /// `state`'s settled invitations, or nil when none is (or the state has more than 8 clients).
    ///
    /// Runs for every class fingerprint, so the common case (no ended local slot) reads one field per
    /// slot and nothing else.
    func settledSlots(in state: SystemState) -> SettledSlots? {
        guard state.clients.count <= 8 else { return nil }
        var masks = SettledSlots()
        var any = false
        state.clients.withUnsafeBufferPointer { clients in
            for caller in clients.indices {
                clients[caller].core.locals.withUnsafeBufferPointer { locals in
                    for slot in locals.indices where slot < 64 && locals[slot].machine.isTerminal {
                        let key = locals[slot].key
                        guard let callee = index(ofUser: key.callee), callee != caller else { continue }
                        // The callee's end, if the invitation reached it.
                        let remote = clients[callee].core.remotes.withUnsafeBufferPointer { remotes in
                            remotes.firstIndex { $0.key == key }.map { ($0, remotes[$0].machine) }
                        }
                        if let remote {
                            guard remote.0 < 64, remote.1.isTerminal,
                                RTMSystemModel.endsAgree(locals[slot].machine, remote.1)
                                    || state.seen.interrupted.contains(key)
                            else { continue }
                        }
                        guard state.server.invitation(key).map({ $0.phase == .ended }) ?? true, !state.mentions(key)
                        else { continue }
                        masks.markLocal(slot, of: caller)
                        if let remote { masks.markRemote(remote.0, of: callee) }
                        any = true
                    }
                }
            }
        }
        return any ? masks : nil
    }

    /// Whether `settled` marks the invitation `key` of `state` (by its caller's local slot).
    func isSettled(_ key: InvitationKey, in state: SystemState, _ settled: SettledSlots) -> Bool {
        guard let caller = index(ofUser: key.caller), state.clients.indices.contains(caller) else { return false }
        // Read in place: the array's subscript would copy the node, retaining every array it holds.
        let slot = state.clients.withUnsafeBufferPointer { clients in
            ClientNode.core(of: clients.baseAddress! + caller).pointee.locals.withUnsafeBufferPointer { locals in
                locals.firstIndex { $0.key == key }
            }
        }
        guard let slot else { return false }
        return SettledSlots.marks(settled.locals(of: caller), slot)
    }
}

extension SystemState {
    /// Whether a message about the invitation `key` is in flight or a client timer of it is pending.
    /// Read through the buffers: an array's subscript would copy each message and its payload.
    func mentions(_ key: InvitationKey) -> Bool {
        let inFlight = links.withUnsafeBufferPointer { links in
            links.contains { link in
                link.up.withUnsafeBufferPointer { up in
                    up.contains { if case .invitation(let other, _) = $0.message { other == key } else { false } }
                }
                    || link.down.withUnsafeBufferPointer { down in
                        down.contains { if case .invitation(let other, _) = $0.message { other == key } else { false } }
                    }
            }
        }
        return inFlight
            || timers.withUnsafeBufferPointer { timers in
                timers.contains { timer in
                    switch timer.owner {
                    case .client(_, .local(let other, _)), .client(_, .remote(let other, _)): other == key
                    default: false
                    }
                }
            }
    }
}
