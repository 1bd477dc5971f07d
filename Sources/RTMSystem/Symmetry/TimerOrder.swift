import RTMMachines

/// The order in which representatives under symmetry keep their timers: by time left, then by a
/// structural order on owners (client index, timer kind, key), with no strings built.
///
/// The model keeps its own states' timers by `(msLeft, owner.sortKey)`, a string order that is
/// costly to recompute for every renamed image. Any total order serves a canonical form equally
/// well: the timers due at the same time are one set whichever way they are listed, and a state's
/// successors are the same whatever their order (`fire(index:)` offers every earliest timer). So
/// the canonical form sorts every image, the state itself included, in this order instead.
enum TimerOrder {
    /// Whether `a` comes before `b`.
    @inline(__always)
    static func precedes(_ a: PendingTimer, _ b: PendingTimer) -> Bool {
        a.msLeft != b.msLeft ? a.msLeft < b.msLeft : precedes(a.owner, b.owner)
    }

    /// `timers` sorted (already sorted: returned as they are, sharing storage).
    static func sorted(_ timers: [PendingTimer]) -> [PendingTimer] {
        guard timers.count > 1 else { return timers }
        var index = 1
        while index < timers.count, precedes(timers[index - 1], timers[index]) { index += 1 }
        guard index < timers.count else { return timers }
        return timers.sorted(by: precedes)
    }

    static func precedes(_ a: TimerOwner, _ b: TimerOwner) -> Bool {
        switch (a, b) {
        case (.client(let i, let s), .client(let j, let t)): i != j ? i < j : precedes(s, t)
        case (.client, .server): true
        case (.server, .client): false
        case (.server(let s), .server(let t)): precedes(s, t)
        }
    }

    static func precedes(_ a: ServerMachine.ServerTimer, _ b: ServerMachine.ServerTimer) -> Bool {
        switch (a, b) {
        case (.grace(let x), .grace(let y)): x < y
        case (.grace, .invitation): true
        case (.invitation, .grace): false
        case (.invitation(let x, let s), .invitation(let y, let t)): x != y ? x < y : s.rawValue < t.rawValue
        }
    }

    static func precedes(_ a: ClientCore.Timer, _ b: ClientCore.Timer) -> Bool {
        let (ra, rb) = (rank(a), rank(b))
        guard ra == rb else { return ra < rb }
        switch (a, b) {
        case (.connection(let s), .connection(let t)): return s.rawValue < t.rawValue
        case (.channel(let x, let s), .channel(let y, let t)): return x != y ? x < y : rank(s) < rank(t)
        case (.local(let x, let s), .local(let y, let t)): return x != y ? x < y : rank(s) < rank(t)
        case (.remote(let x, let s), .remote(let y, let t)): return x != y ? x < y : rank(s) < rank(t)
        case (.peerMessage(let x), .peerMessage(let y)): return x < y
        case (.connection, _), (.channel, _), (.local, _), (.remote, _), (.peerMessage, _): return false
        }
    }

    static func rank(_ timer: ClientCore.Timer) -> Int {
        switch timer {
        case .connection: 0
        case .channel: 1
        case .local: 2
        case .remote: 3
        case .peerMessage: 4
        }
    }

    /// Payloads rank after the kind, so `message(1)` and `message(2)` differ.
    static func rank(_ timer: ChannelMembershipMachine.Timer) -> Int {
        switch timer {
        case .join: 0
        case .message(let id): 1 + 2 * max(0, id)
        case .getMembers(let id): 2 + 2 * max(0, id)
        }
    }

    static func rank(_ timer: LocalInvitationMachine.Timer) -> Int {
        switch timer {
        case .noAck: 0
        case .expiry: 1
        }
    }

    static func rank(_ timer: RemoteInvitationMachine.Timer) -> Int {
        switch timer {
        case .expiry: 0
        case .acceptAck: 1
        }
    }
}
