/// One shared budget of the RTM rate limits: every operation mapped to it counts against the same window.
public enum RateBudget: String, Hashable, Sendable, CaseIterable, Codable {
    /// `login`.
    case login
    /// `renewToken`.
    case renewToken
    /// `IChannel::join`, any channel.
    case join
    /// `IChannel::join` of one channel (counted per channel ID).
    case joinSameChannel
    /// `sendMessageToPeer` and `IChannel::sendMessage`, together.
    case messages
    /// `IChannel::getMembers`.
    case getMembers
    /// `queryPeersOnlineStatus`.
    case queryPeersOnlineStatus
    /// `setLocalUserAttributes`, `addOrUpdateLocalUserAttributes`, `deleteLocalUserAttributesByKeys`,
    /// `clearLocalUserAttributes`.
    case userAttributeWrites
    /// `getUserAttributes`, `getUserAttributesByKeys`.
    case userAttributeReads
    /// `setChannelAttributes`, `addOrUpdateChannelAttributes`, `deleteChannelAttributesByKeys`,
    /// `clearChannelAttributes`.
    case channelAttributeWrites
    /// `getChannelAttributes`, `getChannelAttributesByKeys`.
    case channelAttributeReads
    /// `getChannelMemberCount`.
    case getChannelMemberCount
    /// `subscribePeersOnlineStatus`.
    case subscribePeersOnlineStatus
    /// `unsubscribePeersOnlineStatus`.
    case unsubscribePeersOnlineStatus
    /// `queryPeersBySubscriptionOption`.
    case queryPeersBySubscriptionOption
}

/// One row of the rate-limit table: at most `limit` admitted calls in any `windowMs` milliseconds.
public struct RateLimitRule: Hashable, Sendable, Codable {
    /// The budget the row limits.
    public let budget: RateBudget
    /// The SDK methods that share the budget, as the C++ API spells them.
    public let methods: [String]
    /// The most calls admitted in one window.
    public let limit: Int
    /// The window length in milliseconds.
    public let windowMs: Int64
    /// The `*_TOO_OFTEN` code a refused call returns, e.g. `"LOGIN_ERR_TOO_OFTEN"`.
    public let tooOftenCode: String

    /// Creates a row.
    public init(budget: RateBudget, methods: [String], limit: Int, windowMs: Int64, tooOftenCode: String) {
        self.budget = budget
        self.methods = methods
        self.limit = limit
        self.windowMs = windowMs
        self.tooOftenCode = tooOftenCode
    }
}

/// The RTM rate limits per IRtmService instance, as data.
///
/// Implements the "≤1.2.x Linux C++" column of rtm-reference §4.4.
public enum RateLimitTable {
    /// The RTM 1.2.x Linux C++ limits (§0 decision 1). Peer and channel messages share one budget.
    public static let linuxCpp12: [RateLimitRule] = [
        RateLimitRule(
            budget: .login, methods: ["login"], limit: 2, windowMs: 1_000, tooOftenCode: "LOGIN_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .renewToken, methods: ["renewToken"], limit: 2, windowMs: 1_000,
            tooOftenCode: "RENEW_TOKEN_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .join, methods: ["join"], limit: 50, windowMs: 3_000, tooOftenCode: "JOIN_CHANNEL_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .joinSameChannel, methods: ["join"], limit: 2, windowMs: 5_000,
            tooOftenCode: "JOIN_CHANNEL_ERR_JOIN_SAME_CHANNEL_TOO_OFTEN"),
        RateLimitRule(
            budget: .messages, methods: ["sendMessageToPeer", "sendMessage"], limit: 180, windowMs: 3_000,
            tooOftenCode: "PEER_MESSAGE_ERR_TOO_OFTEN / CHANNEL_MESSAGE_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .getMembers, methods: ["getMembers"], limit: 5, windowMs: 2_000,
            tooOftenCode: "GET_MEMBERS_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .queryPeersOnlineStatus, methods: ["queryPeersOnlineStatus"], limit: 10, windowMs: 5_000,
            tooOftenCode: "QUERY_PEERS_ONLINE_STATUS_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .userAttributeWrites,
            methods: [
                "setLocalUserAttributes", "addOrUpdateLocalUserAttributes", "deleteLocalUserAttributesByKeys",
                "clearLocalUserAttributes",
            ],
            limit: 10, windowMs: 5_000, tooOftenCode: "ATTRIBUTE_OPERATION_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .userAttributeReads, methods: ["getUserAttributes", "getUserAttributesByKeys"], limit: 40,
            windowMs: 5_000, tooOftenCode: "ATTRIBUTE_OPERATION_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .channelAttributeWrites,
            methods: [
                "setChannelAttributes", "addOrUpdateChannelAttributes", "deleteChannelAttributesByKeys",
                "clearChannelAttributes",
            ],
            limit: 10, windowMs: 5_000, tooOftenCode: "ATTRIBUTE_OPERATION_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .channelAttributeReads, methods: ["getChannelAttributes", "getChannelAttributesByKeys"],
            limit: 10, windowMs: 5_000, tooOftenCode: "ATTRIBUTE_OPERATION_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .getChannelMemberCount, methods: ["getChannelMemberCount"], limit: 1, windowMs: 1_000,
            tooOftenCode: "GET_CHANNEL_MEMBER_COUNT_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .subscribePeersOnlineStatus, methods: ["subscribePeersOnlineStatus"], limit: 10,
            windowMs: 5_000, tooOftenCode: "PEER_SUBSCRIPTION_STATUS_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .unsubscribePeersOnlineStatus, methods: ["unsubscribePeersOnlineStatus"], limit: 10,
            windowMs: 5_000, tooOftenCode: "PEER_SUBSCRIPTION_STATUS_ERR_TOO_OFTEN"),
        RateLimitRule(
            budget: .queryPeersBySubscriptionOption, methods: ["queryPeersBySubscriptionOption"], limit: 10,
            windowMs: 5_000, tooOftenCode: "QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_TOO_OFTEN"),
    ]

    /// The 1.2.x Linux C++ row for `budget`.
    public static func rule(for budget: RateBudget) -> RateLimitRule? {
        linuxCpp12.first { $0.budget == budget }
    }
}
