import ModelChecker
import RTMMachines

/// Partial-order reduction for the composed system: three kinds of ample set, a client's own steps
/// taken while a message to it is in flight, server reads no other client's request can race, and
/// everything but the calls of clients that wait for the server.
///
/// **The sets.** For a client `i` whose server → client direction is not empty, `T(i)` is the
/// delivery of that direction's head plus every call client `i`'s user may make now. `R(K)` is the
/// server's reads of the head requests of a set of clients `K` that no other client's request can
/// race (`RTMSystemModel+ServerReads`, where the argument is). And `W` is every action but the
/// calls of the *waiting* clients: those with a request in flight to the server and nothing in
/// flight to them. All are offered, smallest first (the checker takes the
/// first that passes its cycle proviso, which ``progress(_:)`` weakens: a set may reach a state found
/// before when the measure rises on the way).
///
/// **Why nothing outside `T(i)` can interfere before `T(i)` runs** (the checker enforces the cycle
/// proviso itself):
/// - *Other clients* touch their own core, their own link and sorted sets of sticky notes: they
///   commute with `T(i)`.
/// - *Timers* do not fire while a message is in flight (a scenario without `delay`), and the head
///   message to `i` stays in flight until `T(i)` delivers it: no fault may lose it (offered only
///   when no fault budget is left and every link is up).
/// - *The server* takes requests from the heads of client → server directions and appends to the
///   tails of server → client ones; `T(i)` appends to the tail of `i`'s request direction and takes
///   the head of its own. On FIFO links (no `reorder`) these commute. What does not commute:
///   - `logout` empties `i`'s direction and closes it (``Link/stale``). A server step that sends
///     to `i` commutes with it (the message is lost either way) unless the server reads a
///     `login` / `logout` of `i` first, which reopens the connection: so `T(i)` is offered with
///     a possible `logout` only when no such request of `i` is in flight.
///   - `login` empties `i`'s direction too, but keeps what the server sends after it: so `T(i)` is
///     offered with a possible `login` only on a closed connection that no request in flight can
///     reopen.
///   - Peer messages: a sender's `onSendMessageResult` reads whether the receiver got the message
///     (`peer-message-exactly-once`), so a head that is a peer message or its result is never
///     offered.
///   Calls of other clients cannot become `T(i)`'s dependents later: a client's enabled calls
///   depend only on its own core, which only its own steps change.
///
/// **Why nothing outside `W` can interfere before `W` runs.** Outside `W` are only the waiting
/// clients' calls (and the calls they enable in turn). Each touches its client's core, appends to its
/// request direction, whose head delivery is in `W` (FIFO: they commute), and finds nothing in flight
/// to it that `W` could deliver; the server sends to it only through `W`. No timer fires before `W`
/// runs (the waiting requests stay in flight). A waiting client's `logout` commutes with the server's
/// steps unless the head of its requests (the only one the server reads before `W` runs) opens or
/// closes a session, and its `login` does when its connection is closed: so a client is waiting only
/// then, with two exceptions where the head does open or close a session:
/// - the head is its `logout`, the server has not read it yet (the connection is closed, so what the
///   server sends it meanwhile is lost either way) and no further `logout` is left in its budget: its
///   `login` empties a direction that is empty, and appends behind the head; reading the head ends
///   the session, sends the client nothing and reopens nothing it could receive before `W` runs;
/// - the head is its `login` (or `relogin`) and its budget has neither `login` nor `logout` left: its
///   other calls only touch its core and the tail of its requests.
///
/// A client that may call `login` on a connection the server already knows closed waits only if the
/// server has no session on that connection and the head is an invitation request: the server drops
/// it unanswered, and sends the client nothing else before `W` runs (the client has no session), so
/// its `login` empties a direction nothing can fill meanwhile.
///
/// **Why every property keeps its verdict.** The sticky notes (violations, marks) never go away;
/// an invitation's ends, once both terminal, stay so with the same outcome and are never marked
/// interrupted afterwards, so `invitation-agreement` and its premise are sticky too; and the
/// predicates guarded by a quiet network or a final state (`invitation-ends`,
/// `membership-agrees-when-quiet`, `offline-message-delivered`) hold vacuously while `T(i)`'s
/// delivery is still in flight. Deadlocks are kept by construction.
extension RTMSystemModel {
    /// The first candidate of ``ampleSets(_:_:into:)`` when it is a single action. Merged runs ask this
    /// of every state they pass through, so the common case is answered without the footprints of
    /// server reads: a `T(i)` of a single action (the delivery of the head of a server → client
    /// direction to a client whose user has no call to make) comes first among the candidates, the
    /// smallest of the deliveries by client.
    public func singleAmpleAction(_ state: SystemState, _ actions: [SystemAction]) -> Int? {
        let network = scenario.network
        guard network.delay == .none, !network.reorder, state.faults.isSpent, actions.count > 1 else { return nil }
        return soleDelivery(state, actions) ?? firstAmpleCandidateIfSingle(state, actions)
    }

    /// The delivery that is a `T(i)` alone, of the first such client (see ``singleAmpleAction(_:_:)``).
    func soleDelivery(_ state: SystemState, _ actions: [SystemAction]) -> Int? {
        state.links.withUnsafeBufferPointer { links -> Int? in
            guard links.allSatisfy(\.isUp) else { return nil }
            // Clients with a call to make, a bit each (at most 64 clients tell; more offer none).
            var calling: UInt64 = 0
            for action in actions {
                if case .call(let i, _) = action {
                    guard i < 64 else { return nil }
                    calling |= 1 << UInt64(i)
                }
            }
            // The lowest such client, as the candidates are ordered.
            var found: (client: Int, index: Int)?
            for index in actions.indices {
                guard case .deliverDown(let i, 0) = actions[index], i < 64, calling & (1 << UInt64(i)) == 0,
                    links.indices.contains(i), !links[i].down.isEmpty, !links[i].down[0].message.isPeerMessage,
                    found.map({ i < $0.client }) ?? true
                else { continue }
                found = (i, index)
            }
            return found?.index
        }
    }

    public func ampleSets(_ state: SystemState, _ actions: [SystemAction], into candidates: inout AmpleCandidates) {
        let network = scenario.network
        guard network.delay == .none, !network.reorder, state.faults.isSpent,
            state.links.allSatisfy(\.isUp)
        else { return }
        let clients = state.clients.count
        // Run for every state expanded: the per-client facts live on the stack.
        withUnsafeTemporaryAllocation(of: ClientFacts.self, capacity: clients) { facts in
            facts.initialize(repeating: ClientFacts())
            defer { facts.deinitialize() }
            for action in actions {
                guard case .call(let i, let entry) = action else { continue }
                facts[i].calls += 1
                switch scenario.calls[i][entry].call {
                case .login: facts[i].mayLogin = true
                case .logout: facts[i].mayLogout = true
                default: break
                }
            }
            // Candidates by size, smallest first; on a tie, deliveries with calls, then server reads,
            // then `W`, each in client order.
            var offers: [AmpleOffer] = []
            state.links.withUnsafeBufferPointer { links in
                // T(i): the delivery to client i and its user's calls.
                for i in links.indices {
                    guard let head = links[i].down.first, !head.message.isPeerMessage else { continue }
                    if facts[i].mayLogin || facts[i].mayLogout {
                        let reopens = links[i].up.contains { $0.message.opensOrClosesSession }
                        if reopens || (facts[i].mayLogin && !links[i].stale) { continue }
                    }
                    offers.append(AmpleOffer(size: 1 + facts[i].calls, kind: .delivery, client: i))
                }
                serverReadOffers(state, actions, into: &offers)
                // Everything but the calls of the clients whose requests are in flight and to whom
                // nothing is.
                var deferred = 0
                for i in links.indices where facts[i].calls > 0 && links[i].down.isEmpty {
                    guard let head = links[i].up.first else { continue }
                    if facts[i].mayLogin, !links[i].stale {
                        // The server has read its logout: only an invitation request the server drops
                        // unanswered (no session on the connection) may stand before its `login`.
                        guard case .invitation = head.message, state.server.session(ConnectionID(i)) == nil
                        else { continue }
                    }
                    if head.message.opensOrClosesSession {
                        // Budgets, not enabled calls: a deferred `login` enables the `logout` after it.
                        guard !budgetLeft(i, .logout, state),
                            head.message == .logout ? links[i].stale : !budgetLeft(i, .login, state)
                        else { continue }
                    }
                    facts[i].waiting = true
                    deferred += facts[i].calls
                }
                if deferred > 0 {
                    offers.append(AmpleOffer(size: actions.count - deferred, kind: .waiting, client: 0))
                }
            }
            offers.sort()
            for offer in offers where offer.size < actions.count {
                let chosen = offer.client
                switch offer.kind {
                case .delivery:
                    candidates.add(actions.indices.lazy.filter { index in
                        switch actions[index] {
                        case .deliverDown(chosen, 0), .call(chosen, _): true
                        default: false
                        }
                    })
                case .read:
                    let heads = offer.heads
                    candidates.add(actions.indices.lazy.filter { index in
                        if case .deliverUp(let i, 0) = actions[index] { heads & (1 << UInt64(i)) != 0 } else { false }
                    })
                case .waiting:
                    candidates.add(actions.indices.lazy.filter { index in
                        if case .call(let i, _) = actions[index], facts[i].waiting { return false }
                        return true
                    })
                }
            }
        }
    }
}

/// What ``RTMSystemModel/ampleSets(_:_:into:)`` learns of one client: its enabled calls, whether one
/// is a `login` or a `logout`, and whether its calls wait (are left out of `W`).
struct ClientFacts {
    var calls = 0
    var mayLogin = false
    var mayLogout = false
    var waiting = false
}

/// One ample set offered: its size, what it is, and the client it is about (0 for `W`; for server
/// reads, the first of the clients whose head requests it reads, all of them in `heads`, a bit each).
struct AmpleOffer: Comparable {
    enum Kind: Int, Comparable {
        /// T(i): the delivery to a client and its user's calls.
        case delivery
        /// Server reads (`RTMSystemModel+ServerReads`).
        case read
        /// W: everything but the waiting clients' calls.
        case waiting

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    var size: Int
    var kind: Kind
    var client: Int
    var heads: UInt64 = 0

    static func < (a: AmpleOffer, b: AmpleOffer) -> Bool {
        (a.size, a.kind, a.client, a.heads) < (b.size, b.kind, b.client, b.heads)
    }
}

extension FaultBudget {
    /// No fault is left to inject.
    var isSpent: Bool { losses == 0 && duplications == 0 && linkDrops == 0 && restarts == 0 }
}

extension ServerMessage {
    /// A peer message or the result of one (the properties read them across clients).
    var isPeerMessage: Bool {
        switch self {
        case .peerMessage, .peerMessageResult: true
        default: false
        }
    }
}

extension ClientRequest {
    /// Whether the server, reading it, learns of a new or closed session (``Link/stale``).
    var opensOrClosesSession: Bool {
        switch self {
        case .login, .relogin, .logout: true
        default: false
        }
    }
}

extension RTMSystemModel {
    /// The measure of ``ModelChecker/Model/progress(_:)``, three counts packed so that comparing the
    /// words compares them in order:
    ///
    /// 1. calls made (bits 44–63): every call spends its budget, which nothing refills;
    /// 2. protocol phases passed (bits 20–43): each invitation end and each server record counts its
    ///    phase's rank (``LocalInvitationMachine/State/progressRank``, …), and the sticky notes (but the
    ///    interruption marks) and received peer messages count one each;
    /// 3. messages consumed (bits 0–19): fewer messages in flight is further on.
    ///
    /// So a delivery that moves an invitation along, or that only consumes its message, rises;
    /// one that answers without any phase moving stays put (the checker then needs its successor new).
    /// The counts are sums over clients, the same for every renaming of them, and the same for every
    /// state of a symmetry class: how a settled invitation ended does not change its rank, and its
    /// interruption mark, which images drop, is not counted.
    public func progress(_ state: SystemState) -> UInt64? {
        guard measuresProgress else { return nil }
        var callsLeft = 0
        // Not the interruption marks: symmetry images drop those of settled invitations, and the measure
        // must be the same for every state of a class (only a `logout` call adds one, and calls count above).
        var phases = state.seen.violations.count + state.seen.delivered.count + state.seen.sent.count
            + state.seen.cached.count + state.seen.marks.count
        // By index, in place: iterating would copy each client and link, retaining their arrays.
        for i in state.clients.indices {
            for entry in state.clients[i].callsLeft.indices { callsLeft += state.clients[i].callsLeft[entry] }
            for slot in state.clients[i].core.locals.indices {
                phases += state.clients[i].core.locals[slot].machine.progressRank
            }
            for slot in state.clients[i].core.remotes.indices {
                phases += state.clients[i].core.remotes[slot].machine.progressRank
            }
            phases += state.clients[i].core.receivedPeerMessages.count
        }
        for record in state.server.invitations { phases += record.phase.progressRank }
        var inFlight = 0
        for i in state.links.indices { inFlight += state.links[i].up.count + state.links[i].down.count }
        let calls = UInt64((1 << 20) - 1 - min(callsLeft, (1 << 20) - 1))
        let passed = UInt64(min(phases, (1 << 24) - 1))
        let consumed = UInt64((1 << 20) - 1 - min(inFlight, (1 << 20) - 1))
        return calls << 44 | passed << 20 | consumed
    }
}

extension LocalInvitationMachine.State {
    /// How far the caller's end has come: sent (and heard the callee is offline, and asked to cancel),
    /// received by the callee (and asked to cancel), ended.
    var progressRank: Int {
        switch self {
        case .idle: 0
        case .sentToRemote(let calleeOffline, let cancelRequested): 1 + (calleeOffline ? 1 : 0) + (cancelRequested ? 1 : 0)
        case .receivedByRemote(let cancelRequested): 4 + (cancelRequested ? 1 : 0)
        case .acceptedByRemote, .refusedByRemote, .canceled, .failure, .gaveUp, .failedNotLoggedIn: 6
        }
    }
}

extension RemoteInvitationMachine.State {
    /// How far the callee's end has come: received (and asked to refuse), accept sent, ended.
    var progressRank: Int {
        switch self {
        case .idle: 0
        case .invitationReceived(let refuseRequested): 1 + (refuseRequested ? 1 : 0)
        case .acceptSentToLocal: 3
        case .refused, .accepted, .canceled, .failure, .gaveUp: 4
        }
    }
}

extension InvitationRecord.Phase {
    /// How far the server's record has come: held, delivered, ringing, accept won, ended.
    var progressRank: Int {
        switch self {
        case .holding: 1
        case .delivered: 2
        case .ringing: 3
        case .acceptWon: 4
        case .ended: 5
        }
    }
}
