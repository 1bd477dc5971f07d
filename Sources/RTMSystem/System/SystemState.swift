import RTMMachines
import RTMProtocol

/// One state of a composed RTM system: N client cores, the server core, the links between them,
/// the pending timers and the fault budgets left.
///
/// Every part is a value kept in a canonical order, so equal states are equal values with equal
/// fingerprints. Time is not stored: each pending timer keeps the milliseconds left until it fires,
/// and firing the earliest subtracts its delay from the others (a virtual clock that never lets a
/// 60 s timer fire before a 4 s one).
public struct SystemState: Hashable, Sendable, Codable {
    public var clients: [ClientNode]
    public var server: ServerMachine.State
    /// One link per client.
    public var links: [Link]
    /// Pending timers, sorted by time left, then owner.
    public var timers: [PendingTimer]
    public var faults: FaultBudget
    /// Sticky observations the properties read (what happened along the path to this state).
    public var seen: Observations

    /// Whether nothing is in flight on any link.
    public var networkQuiet: Bool {
        // By index: iterating would copy each link, retaining its arrays.
        for i in links.indices where !links[i].up.isEmpty || !links[i].down.isEmpty { return false }
        return true
    }

    /// The least time left before some message in flight must arrive (bounded delay).
    public var earliestDeadline: Int? {
        links.flatMap { $0.up.map(\.msLeft) + $0.down.map(\.msLeft) }.min()
    }
}

/// One client instance in the model, and what its user may still do.
public struct ClientNode: Hashable, Sendable, Codable {
    public var core: ClientCore
    /// Calls left per entry of the scenario's budget for this client.
    public var callsLeft: [Int]
    /// Between an accepted `logout` and the next `login`.
    public var loggedOut: Bool

    /// The core of the node at `node`, to read in place (a core read out as a value is a copy, which
    /// retains every array it holds).
    @inline(__always)
    static func core(of node: UnsafePointer<ClientNode>) -> UnsafePointer<ClientCore> {
        UnsafeRawPointer(node).advanced(by: MemoryLayout<ClientNode>.offset(of: \.core)!)
            .assumingMemoryBound(to: ClientCore.self)
    }
}

/// The two directions of one client's link to the server, FIFO unless the scenario allows reordering.
public struct Link: Hashable, Sendable, Codable {
    public var isUp: Bool = true
    /// The client logged out and closed its connection, and the server has not heard of it yet (nor of a
    /// new login): what the server sends to the client meanwhile is lost on the closed connection
    /// (``Trail/closedSends``) and never reaches the client's next session.
    public var stale: Bool = false
    public var up: [InFlight<ClientRequest>] = []
    public var down: [InFlight<ServerMessage>] = []
}

/// A message in flight and, under a bounded delay, the milliseconds left before it must arrive.
public struct InFlight<Message: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var message: Message
    public var msLeft: Int
}

public struct PendingTimer: Hashable, Sendable, Codable, Comparable {
    public var msLeft: Int
    public var owner: TimerOwner

    public static func < (a: Self, b: Self) -> Bool {
        if a.msLeft != b.msLeft { return a.msLeft < b.msLeft }
        return a.owner.precedes(b.owner)
    }
}

public enum TimerOwner: Hashable, Sendable, Codable {
    case client(Int, ClientCore.Timer)
    case server(ServerMachine.ServerTimer)

    /// The canonical order of owners with the same time left: client timers by client, then
    /// server timers; within one owner by kind, then by the timer's keys. Compared field by field:
    /// this runs for every timer a step starts, so it builds no strings.
    func precedes(_ other: TimerOwner) -> Bool {
        switch (self, other) {
        case (.client(let i, let t), .client(let j, let u)):
            if i != j { return i < j }
            return t.rank < u.rank
        case (.client, .server): return true
        case (.server, .client): return false
        case (.server(let t), .server(let u)): return t.rank < u.rank
        }
    }
}

public struct FaultBudget: Hashable, Sendable, Codable {
    public var losses: Int
    public var duplications: Int
    public var linkDrops: Int
    public var restarts: Int
}

/// What happened on the way to a state, for the properties. Notes are sticky.
///
/// Only notes a selected property reads are kept (``RTMSystemModel/note(_:_:)``): a note no property
/// reads would split every later state in two.
public struct Observations: Hashable, Sendable, Codable {
    /// Property-violation notes (sorted, unique), e.g. "alice: onMemberJoined(lobby, alice) to self".
    public var violations: [String] = []
    /// Peer messages delivered to their receiver (by their text "sender:messageId>receiver"), sorted.
    public var delivered: [String] = []
    /// Peer messages sent with offline messaging (by text), sorted.
    public var sent: [String] = []
    /// Those the server reported CACHED_BY_SERVER (by text), sorted.
    public var cached: [String] = []
    /// Witness marks for `sometimes` properties (sorted, unique).
    public var marks: [String] = []
    /// Invitations pending while one of their ends logged out or lost its link: their ends may
    /// legitimately disagree (a verdict cannot reach a client that is gone), so agreement is not
    /// asked of them.
    public var interrupted: [InvitationKey] = []

    mutating func interrupt(_ key: InvitationKey) {
        let i = interrupted.firstIndex { $0 >= key } ?? interrupted.count
        if i == interrupted.count || interrupted[i] != key { interrupted.insert(key, at: i) }
    }

    mutating func violate(_ note: String) {
        let i = violations.firstIndex { $0 >= note } ?? violations.count
        if i == violations.count || violations[i] != note { violations.insert(note, at: i) }
    }

    mutating func mark(_ note: String) {
        let i = marks.firstIndex { $0 >= note } ?? marks.count
        if i == marks.count || marks[i] != note { marks.insert(note, at: i) }
    }

    func has(_ note: String) -> Bool { marks.contains(note) }
    func violated(_ prefix: String) -> Bool { violations.contains { $0.hasPrefix(prefix) } }
}

/// One step the checker may take from a state.
public enum SystemAction: Hashable, Sendable, Codable {
    /// Client `client` makes the call of its budget entry `entry`.
    case call(client: Int, entry: Int)
    /// The message at `index` of the client → server direction is delivered.
    case deliverUp(client: Int, index: Int)
    /// The message at `index` of the server → client direction is delivered.
    case deliverDown(client: Int, index: Int)
    case lose(client: Int, upward: Bool, index: Int)
    case duplicate(client: Int, upward: Bool, index: Int)
    case dropLink(client: Int)
    case restoreLink(client: Int)
    case restartServer
    /// The pending timer at `index` (one of the earliest) fires.
    case fire(index: Int)
}

/// What a step produced: printable lines, and the observable events per client.
public struct Trail: Hashable, Sendable {
    public var lines: [String] = []
    public var events: [ObservedEvent] = []
    /// What the server sent on a connection its client had closed (``Link/stale``), in send order: sent,
    /// then lost at once. No link holds them, so a trace learns of them only here.
    public var closedSends: [ClosedSend] = []
    public init() {}
}

/// A message the server sent to client `client` after the client logged out and before the server heard
/// of it: lost on the closed connection.
public struct ClosedSend: Hashable, Sendable {
    public var client: Int
    public var message: ServerMessage

    public init(client: Int, message: ServerMessage) {
        self.client = client
        self.message = message
    }
}

/// An observable event of one client: what an app (and so a trace) sees.
public enum ObservedEvent: Hashable, Sendable {
    case returned(client: Int, RtmApiCall, RtmApiResult)
    case callback(client: Int, RtmCallback)
}

/// A timer's position in the canonical order: kind, then names, then numbers.
struct TimerRank: Comparable {
    var kind: Int
    var first: String = ""
    var second: String = ""
    var number: Int = 0
    var sub: Int = 0

    static func < (a: Self, b: Self) -> Bool {
        (a.kind, a.first, a.second, a.number, a.sub) < (b.kind, b.first, b.second, b.number, b.sub)
    }
}

extension ClientCore.Timer {
    var rank: TimerRank {
        switch self {
        case .connection(let t): TimerRank(kind: 0, sub: t == .login ? 0 : 1)
        case .channel(let id, let t):
            switch t {
            case .join: TimerRank(kind: 1, first: id, sub: 0)
            case .message(let n): TimerRank(kind: 1, first: id, number: n, sub: 1)
            case .getMembers(let n): TimerRank(kind: 1, first: id, number: n, sub: 2)
            }
        case .local(let key, let t):
            TimerRank(kind: 2, first: key.caller, second: key.callee, number: key.serial, sub: t == .noAck ? 0 : 1)
        case .remote(let key, let t):
            TimerRank(kind: 3, first: key.caller, second: key.callee, number: key.serial, sub: t == .expiry ? 0 : 1)
        case .peerMessage(let n): TimerRank(kind: 4, number: n)
        }
    }
}

extension ServerMachine.ServerTimer {
    var rank: TimerRank {
        switch self {
        case .grace(let conn): return TimerRank(kind: 0, number: conn.raw)
        case .invitation(let key, let t):
            let sub = switch t {
            case .noAck: 0
            case .expire: 1
            case .acceptAck: 2
            case .purge: 3
            }
            return TimerRank(kind: 1, first: key.caller, second: key.callee, number: key.serial, sub: sub)
        }
    }
}
