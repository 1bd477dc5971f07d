import ModelChecker
import RTMMachines

/// Partial-order reduction, continued: the server's reads of the head requests of a set of clients `K`
/// as an ample set, when no read another client's requests may get before them touches what they touch.
///
/// **Footprints.** What a server read may touch is counted per client `x` (its user is the scenario's
/// name for `x`): `x`'s session (read to route a notice or decide an outcome, written by reading
/// `x`'s login and logout), `x`'s server → client direction (a send appends to it; reading `x`'s
/// login or logout clears ``Link/stale``), and the invitations held for `x` as callee (their
/// `heldOrder`); and per (caller, callee) pair, the invitation records of that pair. Two reads
/// commute when neither writes what the other reads or writes: the server keeps each of these parts
/// apart (sorted arrays, an index per user), starts and cancels timers per invitation key, and notes
/// what it sees in sorted sets of sticky notes.
///
/// The footprint of a head read `r` is its request's, except that its sends may be the ones the
/// server makes from this state. Those depend only on the sessions, records and held invitations `r`
/// reads, which only reads `r` conflicts with can change.
///
/// **Why nothing that happens before the set runs interferes with it.** Each head stays at the head of
/// its client's requests until it is read: faults are spent, and a client's calls append behind it.
/// No timer fires while a message is in flight (a scenario without `delay`). Before any read of the
/// set runs, there can be:
/// - *Reads of requests of clients outside `K`*, in flight now or sent later (the requests of clients
///   in `K` wait behind their heads). For each client `j`, an over-approximation of its footprints:
///   the requests in flight from it; its login and logout while its budget has them; and an
///   invitation request of every pair it may send about (``pairsInPlay(of:_:)``). `K` starts as one
///   client and takes in every client whose footprints conflict with a head read of `K`; the set is
///   offered if each such client has a head read that may be offered itself.
/// - *Deliveries to clients*: a client takes the head of its direction while a read appends to the
///   tail; what it does touches its own core, the tail of its requests, and its own timers.
/// - *Calls*: a call touches its client's core and the tail of its requests, and an accepted
///   `login` or `logout` empties its client's server → client direction; `logout` also marks it
///   stale. So, for each head read `r`, of client `i`:
///   - a `logout` of a client `r` sends to commutes with `r`: the message is lost either way;
///   - a `login` of one does not, unless the connection is stale (the message is lost either way, and
///     only reads `r` conflicts with clear `stale`). `r` is offered only when each client it sends to
///     has a stale connection or cannot log in before `r` is read: no login left in its budget, or
///     it is connected with no `kicked` or `loginRejected` in flight to it (it must log out first,
///     which marks the connection stale);
///   - when `r` is `i`'s own logout, `i`'s `logout` would close the connection `r` reopens: `i` must
///     have no logout left (its `login` empties a direction `r` sends nothing to);
///   - when `r` is `i`'s login, `i` must have neither login nor logout left.
///
/// The properties keep their verdicts for the reasons the other ample sets do (see
/// `RTMSystemModel+PartialOrder`): server reads are among the actions of `W` there. Offered only for
/// scenarios whose clients make invitation, login, logout and token calls (no channels or peer
/// messages, whose routing reads every member's session), of at most 8 clients, under the documented
/// server step (``offersServerReads``). `ServerReadTests` checks the condition along every path of a
/// few steps from sampled states, not only for one step.
extension RTMSystemModel {
    /// Adds the sets of server reads that may run first, as offers: each the heads of a set of clients
    /// whose reads no read of another client's may conflict with.
    func serverReadOffers(_ state: SystemState, _ actions: [SystemAction], into offers: inout [AmpleOffer]) {
        guard offersServerReads else { return }
        let clients = state.clients.count
        guard clients <= ReadFootprint.maxClients, state.links.contains(where: { !$0.up.isEmpty }) else { return }
        // Run for every state expanded: the footprints live on the stack and the sets of clients are
        // bits, so nothing is allocated.
        withUnsafeTemporaryAllocation(of: ReadFootprint.self, capacity: 2 * clients) { buffer in
            let others = UnsafeMutableBufferPointer(rebasing: buffer[0..<clients])
            let heads = UnsafeMutableBufferPointer(rebasing: buffer[clients..<(2 * clients)])
            for j in 0..<clients { others.initializeElement(at: j, to: potentialFootprint(of: j, state)) }
            // Bit i: client i's head may be read first (its footprint is heads[i]).
            var headed: UInt64 = 0
            for i in 0..<clients {
                if !state.links[i].up.isEmpty, let footprint = headFootprint(i, state, actions, UnsafeBufferPointer(others)) {
                    heads.initializeElement(at: i, to: footprint)
                    headed |= 1 << UInt64(i)
                } else {
                    heads.initializeElement(at: i, to: ReadFootprint())
                }
            }
            // The sets offered so far, as a 256-bit set of 8-bit client sets.
            var offered: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            var left = headed
            while left != 0 {
                let i = left.trailingZeroBitCount
                left &= left - 1
                // The smallest set of heads that holds i's and every head a read of its conflicts with.
                var set: UInt64 = 1 << UInt64(i)
                var pending = set
                var closed = true
                while closed, pending != 0 {
                    let k = pending.trailingZeroBitCount
                    pending &= pending - 1
                    for j in 0..<clients where set & (1 << UInt64(j)) == 0 && heads[k].conflicts(with: others[j]) {
                        guard headed & (1 << UInt64(j)) != 0 else {
                            closed = false
                            break
                        }
                        set |= 1 << UInt64(j)
                        pending |= 1 << UInt64(j)
                    }
                }
                guard closed, !Self.insert(set, into: &offered) else { continue }
                offers.append(
                    AmpleOffer(size: set.nonzeroBitCount, kind: .read, client: set.trailingZeroBitCount, heads: set))
            }
            _ = buffer.deinitialize()
        }
    }

    /// Adds `set` (below 256) to the 256-bit set `bits`; whether it was there already.
    static func insert(_ set: UInt64, into bits: inout (UInt64, UInt64, UInt64, UInt64)) -> Bool {
        let bit: UInt64 = 1 << (set & 63)
        switch set >> 6 {
        case 0: defer { bits.0 |= bit }; return bits.0 & bit != 0
        case 1: defer { bits.1 |= bit }; return bits.1 & bit != 0
        case 2: defer { bits.2 |= bit }; return bits.2 & bit != 0
        default: defer { bits.3 |= bit }; return bits.3 & bit != 0
        }
    }

    /// The footprint of the read of client `i`'s head request, if it may be offered as far as the
    /// clients' calls go; nil if not. Its sends are the request's (either end of an invitation) when
    /// that is enough, else those the server makes from `state`: the same offers either way, and the
    /// server step is run only when it tells more.
    func headFootprint(
        _ i: Int, _ state: SystemState, _ actions: [SystemAction], _ others: UnsafeBufferPointer<ReadFootprint>
    ) -> ReadFootprint?
    {
        guard let request = state.links[i].up.first?.message, actions.contains(.deliverUp(client: i, index: 0)),
            var footprint = footprint(of: request, from: i)
        else { return nil }
        var sessionChange = false
        switch request {
        case .login:
            guard !budgetLeft(i, .login, state), !budgetLeft(i, .logout, state) else { return nil }
            sessionChange = true
        case .logout:
            guard !budgetLeft(i, .logout, state) else { return nil }
            sessionChange = true
        default: break
        }
        func loginRace(_ sends: UInt32) -> Bool {
            for x in state.clients.indices where sends & (1 << x) != 0 && !(x == i && sessionChange) {
                if !state.links[x].stale && mayLogIn(x, state) { return true }
            }
            return false
        }
        // A login sends only to its own client, and a logout sends nothing (no channels, no peer
        // messages): their footprints are exact already, and the checks above cover their client.
        let mayAppend = (footprint.writes & ReadFootprint.allDown) >> 8
        if sessionChange || !loginRace(mayAppend) && !conflicts(footprint, others, except: i) { return footprint }
        let sends = sentTo(request, from: i, state)
        guard !loginRace(sends) else { return nil }
        footprint.writes = footprint.writes & ~ReadFootprint.allDown | sends << 8
        return footprint
    }

    func conflicts(_ footprint: ReadFootprint, _ others: UnsafeBufferPointer<ReadFootprint>, except i: Int) -> Bool {
        for j in others.indices where j != i && footprint.conflicts(with: others[j]) { return true }
        return false
    }

    /// What reading `request` from client `j` may touch, over all the server's states; nil for a
    /// request whose footprint is not tracked (channels, peer messages, re-logins, unknown names).
    func footprint(of request: ClientRequest, from j: Int) -> ReadFootprint? {
        switch request {
        case .login: loginFootprint(j)
        case .logout: logoutFootprint(j)
        case .invitation(let key, _):
            if let a = scenario.clientIndex(key.caller), let b = scenario.clientIndex(key.callee) {
                invitationFootprint(a, b, from: j)
            } else {
                nil
            }
        case .relogin, .join, .leave, .channelMessage, .getMembers, .peerMessage, .peerMessageAck: nil
        }
    }

    /// A login writes the session, direction and held invitations of its client, and the records of
    /// every pair its client is the callee of (held ones are delivered).
    func loginFootprint(_ j: Int) -> ReadFootprint {
        var records: UInt64 = 0
        for c in scenario.clients.indices { records |= ReadFootprint.record(c, j) }
        return ReadFootprint(
            reads: 0, writes: ReadFootprint.session(j) | ReadFootprint.down(j) | ReadFootprint.held(j), records: records)
    }

    /// A logout ends its client's session and clears `stale` (it sends nothing: no channels, no
    /// peer messages).
    func logoutFootprint(_ j: Int) -> ReadFootprint {
        ReadFootprint(reads: 0, writes: ReadFootprint.session(j) | ReadFootprint.down(j), records: 0)
    }

    /// An invitation request of pair (a, b) from client `j` reads the sender's and both ends' sessions,
    /// may notify either end, and changes the pair's record and the invitations held for `b`.
    func invitationFootprint(_ a: Int, _ b: Int, from j: Int) -> ReadFootprint {
        ReadFootprint(
            reads: ReadFootprint.session(j) | ReadFootprint.session(a) | ReadFootprint.session(b),
            writes: ReadFootprint.down(a) | ReadFootprint.down(b) | ReadFootprint.held(b),
            records: ReadFootprint.record(a, b))
    }

    /// Everything the reads of client `j`'s requests may touch before some other read: those in
    /// flight, its login and logout while its budget has them, and an invitation request of every
    /// pair it may send about (``pairsInPlay(of:_:)``); ``ReadFootprint/everything`` if one of them is
    /// not tracked.
    func potentialFootprint(of j: Int, _ state: SystemState) -> ReadFootprint {
        var union = ReadFootprint()
        for index in state.links[j].up.indices {
            guard let footprint = footprint(of: state.links[j].up[index].message, from: j) else { return .everything }
            union.formUnion(footprint)
        }
        if budgetLeft(j, .login, state) { union.formUnion(loginFootprint(j)) }
        if budgetLeft(j, .logout, state) { union.formUnion(logoutFootprint(j)) }
        let pairs = pairsInPlay(of: j, state)
        guard pairs != 0 else { return union }
        let n = state.clients.count
        for other in 0..<n {
            if pairs & ReadFootprint.record(j, other) != 0 { union.formUnion(invitationFootprint(j, other, from: j)) }
            if pairs & ReadFootprint.record(other, j) != 0 { union.formUnion(invitationFootprint(other, j, from: j)) }
        }
        return union
    }

    /// The (caller, callee) pairs of client `j` it may send an invitation request about: those of its
    /// ends that are not terminal, those its budget may still invite, those a message in flight to it
    /// is about, and those the server holds a record of that has not ended.
    ///
    /// A pair outside this set comes into play only through a message the server sends `j` about it,
    /// when it reads the other party's request about that pair (or `j`'s login delivers an invitation
    /// held for it, whose record is in the set). That read has the footprint `j`'s answer has (both
    /// read both parties' sessions), and it is in the other party's set: when it does not conflict
    /// with a read, neither does `j`'s answer.
    func pairsInPlay(of j: Int, _ state: SystemState) -> UInt64 {
        var pairs: UInt64 = 0
        func add(_ key: InvitationKey) {
            guard let a = scenario.clientIndex(key.caller), let b = scenario.clientIndex(key.callee) else {
                pairs = ~0
                return
            }
            pairs |= ReadFootprint.record(a, b)
        }
        for entry in state.clients[j].callsLeft.indices where state.clients[j].callsLeft[entry] > 0 {
            let budget = scenario.calls[j][entry]
            guard budget.call == .sendLocalInvitation else { continue }
            guard let target = budget.target, let t = scenario.clientIndex(target) else { return ~0 }
            pairs |= ReadFootprint.record(j, t)
        }
        for slot in state.clients[j].core.locals.indices where !state.clients[j].core.locals[slot].machine.isTerminal {
            add(state.clients[j].core.locals[slot].key)
        }
        for slot in state.clients[j].core.remotes.indices where !state.clients[j].core.remotes[slot].machine.isTerminal {
            add(state.clients[j].core.remotes[slot].key)
        }
        for m in state.links[j].down.indices {
            if case .invitation(let key, _) = state.links[j].down[m].message { add(key) }
        }
        let me = name(j)
        for record in state.server.invitations
        where record.phase != .ended && (record.key.caller == me || record.key.callee == me) {
            add(record.key)
        }
        return pairs
    }

    /// The clients (bit `x` for client `x`) the server sends to when it reads `request` from `i` now.
    func sentTo(_ request: ClientRequest, from i: Int, _ state: SystemState) -> UInt32 {
        guard case .moved(_, let effects) = serverStep(state.server, .requestReceived(ConnectionID(i), request))
        else { return 0 }
        var sends: UInt32 = 0
        for effect in effects {
            if case .send(let conn, _) = effect, conn.raw < state.clients.count { sends |= 1 << UInt32(conn.raw) }
        }
        return sends
    }

    /// Whether client `x` may make an accepted `login` before it logs out: it has a login left and is
    /// not connected, or a message in flight to it may disconnect it.
    func mayLogIn(_ x: Int, _ state: SystemState) -> Bool {
        guard budgetLeft(x, .login, state) else { return false }
        guard state.clients[x].core.connectionState == .connected else { return true }
        return state.links[x].down.contains {
            switch $0.message {
            case .kicked, .loginRejected: true
            default: false
            }
        }
    }

    /// Whether client `i`'s budget has a call of kind `call` left.
    func budgetLeft(_ i: Int, _ call: ScenarioCall, _ state: SystemState) -> Bool {
        for entry in state.clients[i].callsLeft.indices
        where state.clients[i].callsLeft[entry] > 0 && scenario.calls[i][entry].call == call {
            return true
        }
        return false
    }

    /// Whether the scenario's calls keep every server read's footprint tracked: at most 8 clients,
    /// and only invitation, login, logout and token calls.
    static func readFootprintsTracked(_ scenario: Scenario) -> Bool {
        guard scenario.clients.count <= ReadFootprint.maxClients else { return false }
        return scenario.calls.allSatisfy { budgets in
            budgets.allSatisfy { budget in
                switch budget.call {
                case .login, .logout, .renewToken, .sendLocalInvitation, .cancelLocalInvitation,
                    .acceptRemoteInvitation, .refuseRemoteInvitation:
                    true
                case .join, .leave, .sendMessage, .getMembers, .sendMessageToPeer: false
                }
            }
        }
    }
}

/// What a server read may touch (see `RTMSystemModel+ServerReads`): per client `x`, its session
/// (bit `x`), its server → client direction (bit 8 + `x`) and the invitations held for it (bit
/// 16 + `x`), read or written; and the invitation records of each (caller, callee) pair (bit
/// 8 · caller + callee), always written.
struct ReadFootprint {
    var reads: UInt32 = 0
    var writes: UInt32 = 0
    var records: UInt64 = 0

    static let maxClients = 8
    static let everything = ReadFootprint(reads: ~0, writes: ~0, records: ~0)
    static let allDown: UInt32 = 0xFF << 8

    static func session(_ x: Int) -> UInt32 { 1 << UInt32(x) }
    static func down(_ x: Int) -> UInt32 { 1 << UInt32(8 + x) }
    static func held(_ x: Int) -> UInt32 { 1 << UInt32(16 + x) }
    static func record(_ caller: Int, _ callee: Int) -> UInt64 { 1 << UInt64(8 * caller + callee) }

    /// Whether one writes what the other reads or writes.
    func conflicts(with other: ReadFootprint) -> Bool {
        writes & (other.reads | other.writes) != 0 || other.writes & reads != 0 || records & other.records != 0
    }

    mutating func formUnion(_ other: ReadFootprint) {
        reads |= other.reads
        writes |= other.writes
        records |= other.records
    }
}
