/// A scenario: what a composed RTM system may do, as written in a `Models/*.yaml` file.
///
/// A scenario names the clients, the channels, the API calls each client may make (and how many
/// times), the faults the network may inject, the exploration bounds and the properties to check.
/// The checker explores every interleaving the scenario allows.
public struct Scenario: Hashable, Sendable {
    public var name: String
    public var summary: String
    public var clients: [String]
    public var channels: [String]
    /// Per client (index into `clients`), the calls it may make.
    public var calls: [[CallBudget]]
    public var network: NetworkFaults
    public var bounds: Bounds
    /// Property names to check; `nil` means every property of the system.
    public var properties: [String]?
    /// Groups of clients the scenario declares interchangeable (symmetry reduction).
    public var symmetry: [[String]]
    /// Expected verdicts that differ from "holds" (e.g. a documented limitation under loss):
    /// property name → `violated`. A check passes when every verdict matches its expectation.
    public var expectations: [String: Expectation] = [:]
    /// How the clients begin: logged out (the default), or logged in with their sessions settled
    /// on the server (`start: online`), as protocol models such as Spin's usually begin.
    public var start: Start = .offline
    /// Whether users also make calls the SDK rejects with an error code (the default), or only
    /// calls it accepts (`apiErrors: false`): the protocol without API misuse.
    public var apiErrors = true

    public enum Start: String, Hashable, Sendable, Codable, CaseIterable {
        case offline
        case online
    }

    public enum Expectation: String, Hashable, Sendable, Codable {
        case holds
        case violated
    }

    public init(
        name: String, summary: String = "", clients: [String], channels: [String] = [],
        calls: [[CallBudget]], network: NetworkFaults = NetworkFaults(), bounds: Bounds = Bounds(),
        properties: [String]? = nil, symmetry: [[String]] = []
    ) {
        self.name = name
        self.summary = summary
        self.clients = clients
        self.channels = channels
        self.calls = calls
        self.network = network
        self.bounds = bounds
        self.properties = properties
        self.symmetry = symmetry
    }

    public func clientIndex(_ name: String) -> Int? { clients.firstIndex(of: name) }
}

/// An API call the user of one client may make, with the SDK's method name.
public enum ScenarioCall: String, Hashable, Sendable, CaseIterable, Codable {
    case login
    case logout
    case renewToken
    case join
    case leave
    /// `IChannel::sendMessage`.
    case sendMessage
    case getMembers
    case sendMessageToPeer
    case sendLocalInvitation
    case cancelLocalInvitation
    case acceptRemoteInvitation
    case refuseRemoteInvitation

    /// What the call's target names: a peer client, a channel, or nothing.
    public enum Target: Sendable { case none, peer, channel }

    public var target: Target {
        switch self {
        case .login, .logout, .renewToken: .none
        case .join, .leave, .sendMessage, .getMembers: .channel
        case .sendMessageToPeer, .sendLocalInvitation, .cancelLocalInvitation, .acceptRemoteInvitation,
            .refuseRemoteInvitation:
            .peer
        }
    }
}

/// One entry of a client's call budget: `call` on `target` at most `times` times.
public struct CallBudget: Hashable, Sendable {
    public var call: ScenarioCall
    /// The peer client's or channel's name, when the call takes one.
    public var target: String?
    public var times: Int
    /// For `sendMessageToPeer`: `SendMessageOptions.enableOfflineMessaging`.
    public var offline: Bool

    public init(_ call: ScenarioCall, target: String? = nil, times: Int = 1, offline: Bool = false) {
        self.call = call
        self.target = target
        self.times = times
        self.offline = offline
    }
}

/// The faults the model network may inject, each as a budget for the whole run.
public struct NetworkFaults: Hashable, Sendable {
    /// Messages that may be lost.
    public var loss: Int = 0
    /// Messages that may be delivered twice.
    public var duplication: Int = 0
    /// Whether a link may deliver out of order.
    public var reorder: Bool = false
    /// How long a message may take: `.none` (no time at all compared with the SDK's timeouts: a
    /// timer fires only when nothing is in flight), `.bounded(ms)` (a message arrives within `ms`:
    /// a timer cannot fire past a message's deadline), or `.unbounded` (a timer may fire at any time).
    public var delay: Delay = .none

    public enum Delay: Hashable, Sendable, Codable {
        case none
        case bounded(ms: Int)
        case unbounded
    }
    /// Link drops (each followed by the possibility of a restore).
    public var linkDrops: Int = 0
    /// Server restarts.
    public var serverRestarts: Int = 0
    /// Messages in flight per direction of one link.
    public var capacity: Int = 4

    public init(
        loss: Int = 0, duplication: Int = 0, reorder: Bool = false, delay: Delay = .none, linkDrops: Int = 0,
        serverRestarts: Int = 0, capacity: Int = 4
    ) {
        self.loss = loss
        self.duplication = duplication
        self.reorder = reorder
        self.delay = delay
        self.linkDrops = linkDrops
        self.serverRestarts = serverRestarts
        self.capacity = capacity
    }
}

/// Exploration bounds. A run that hits one says so; it never reports plain success.
public struct Bounds: Hashable, Sendable {
    public var depth: Int?
    public var states: Int?
    /// Seconds of wall-clock time.
    public var seconds: Double?
    /// Bytes of memory for the visited set.
    public var memory: Int?

    public init(depth: Int? = nil, states: Int? = nil, seconds: Double? = nil, memory: Int? = nil) {
        self.depth = depth
        self.states = states
        self.seconds = seconds
        self.memory = memory
    }
}
