import RTMMachines
import RTMProtocol

/// One thing a simulated user may do, as the SDK call it makes. A nil target is drawn at random when the
/// action is taken (a random other user, a random channel).
public enum WorkloadAction: Hashable, Sendable {
    case login
    case logout
    case renewToken
    case join(ChannelID?)
    case leave(ChannelID?)
    /// `IChannel::sendMessage`.
    case sendMessage(ChannelID?)
    case getMembers(ChannelID?)
    case sendMessageToPeer(UserID?, offline: Bool)
    case queryPeersOnlineStatus(UserID?)
    case setLocalUserAttributes
    /// `createLocalCallInvitation` + `sendLocalInvitation`.
    case sendLocalInvitation(UserID?)
    /// Cancels one of the user's pending outgoing invitations.
    case cancelLocalInvitation
    /// Accepts one of the user's pending incoming invitations.
    case acceptRemoteInvitation
    /// Refuses one of the user's pending incoming invitations.
    case refuseRemoteInvitation

    /// How often a user picks this action relative to the others (logouts are rare, messages common).
    public var weight: Int {
        switch self {
        case .login, .logout, .renewToken, .getMembers, .queryPeersOnlineStatus, .setLocalUserAttributes,
            .cancelLocalInvitation:
            1
        case .leave: 1
        case .join: 3
        case .sendMessage, .sendMessageToPeer: 4
        case .sendLocalInvitation: 2
        case .acceptRemoteInvitation, .refuseRemoteInvitation: 3
        }
    }

    /// Every kind of action, with random targets: the menu of the `--clients N` workload.
    public static let all: [WorkloadAction] = [
        .logout, .renewToken, .join(nil), .leave(nil), .sendMessage(nil), .getMembers(nil),
        .sendMessageToPeer(nil, offline: false), .sendMessageToPeer(nil, offline: true), .queryPeersOnlineStatus(nil),
        .setLocalUserAttributes, .sendLocalInvitation(nil), .cancelLocalInvitation, .acceptRemoteInvitation,
        .refuseRemoteInvitation,
    ]
}

/// A random workload: who the users are, what each may do, how often, for how long, on which faults.
///
/// ```swift
/// var plan = WorkloadPlan(users: (1...100).map { "u\($0)" }, channels: ["c1", "c2"])
/// plan.durationMs = 60_000
/// plan.faults.lossProbability = 0.01
/// let report = SimulationWorkload(plan: plan, seed: 1).run()
/// print(report.text)
/// ```
public struct WorkloadPlan: Hashable, Sendable {
    /// The users; each gets one ``RtmService`` named after it.
    public var users: [UserID]
    /// The channels the users may join.
    public var channels: [ChannelID]
    /// Per user (same order as ``users``), the actions it may take; `login` is always available.
    public var menus: [[WorkloadAction]]
    /// How long users act, in virtual ms.
    public var durationMs: UInt64 = 60_000
    /// After the users stop, how long the simulation runs on so pending timers (invitations: 60 s) settle.
    public var drainMs: UInt64 = 75_000
    /// Each user acts on average once per this many virtual ms.
    public var meanActionIntervalMs: UInt64 = 2_000
    /// The granularity of the action schedule.
    public var tickMs: UInt64 = 100
    /// The network's faults (loss, duplication, reordering, link drops, server restarts).
    public var faults: FaultPlan = .none
    /// The one-way latency of every link, in ms.
    public var latencyMs: UInt64 = 10
    /// The App ID every user logs in to (registered without a certificate: tokens are the App ID).
    public var appId = "0123456789abcdef0123456789abcdef"

    /// A plan where every user may take every action.
    public init(users: [UserID], channels: [ChannelID], menus: [[WorkloadAction]]? = nil) {
        self.users = users
        self.channels = channels.isEmpty ? ["lobby"] : channels
        self.menus = menus ?? Array(repeating: WorkloadAction.all, count: users.count)
    }
}
