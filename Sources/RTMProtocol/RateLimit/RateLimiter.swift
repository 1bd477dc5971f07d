/// An RTM API call that counts against a rate limit. Each case is the C++ SDK method of the same name.
public enum RateLimitedOperation: Hashable, Sendable {
    case login
    case renewToken
    /// `IChannel::join` of the channel with this ID: counts against both `join` and `joinSameChannel`.
    case join(channelId: String)
    case sendMessageToPeer
    /// `IChannel::sendMessage`.
    case sendChannelMessage
    case getMembers
    case queryPeersOnlineStatus
    case setLocalUserAttributes
    case addOrUpdateLocalUserAttributes
    case deleteLocalUserAttributesByKeys
    case clearLocalUserAttributes
    case getUserAttributes
    case getUserAttributesByKeys
    case setChannelAttributes
    case addOrUpdateChannelAttributes
    case deleteChannelAttributesByKeys
    case clearChannelAttributes
    case getChannelAttributes
    case getChannelAttributesByKeys
    case getChannelMemberCount
    case subscribePeersOnlineStatus
    case unsubscribePeersOnlineStatus
    case queryPeersBySubscriptionOption

    /// The budgets the call counts against, most specific first (a join's per-channel budget before the global
    /// one, so a refused join reports `JOIN_SAME_CHANNEL_TOO_OFTEN` when both are exhausted).
    public var budgets: [RateLimiter.BudgetKey] {
        switch self {
        case .login: [.init(.login)]
        case .renewToken: [.init(.renewToken)]
        case .join(let channelId): [.init(.joinSameChannel, channelId: channelId), .init(.join)]
        case .sendMessageToPeer, .sendChannelMessage: [.init(.messages)]
        case .getMembers: [.init(.getMembers)]
        case .queryPeersOnlineStatus: [.init(.queryPeersOnlineStatus)]
        case .setLocalUserAttributes, .addOrUpdateLocalUserAttributes, .deleteLocalUserAttributesByKeys,
            .clearLocalUserAttributes:
            [.init(.userAttributeWrites)]
        case .getUserAttributes, .getUserAttributesByKeys: [.init(.userAttributeReads)]
        case .setChannelAttributes, .addOrUpdateChannelAttributes, .deleteChannelAttributesByKeys,
            .clearChannelAttributes:
            [.init(.channelAttributeWrites)]
        case .getChannelAttributes, .getChannelAttributesByKeys: [.init(.channelAttributeReads)]
        case .getChannelMemberCount: [.init(.getChannelMemberCount)]
        case .subscribePeersOnlineStatus: [.init(.subscribePeersOnlineStatus)]
        case .unsubscribePeersOnlineStatus: [.init(.unsubscribePeersOnlineStatus)]
        case .queryPeersBySubscriptionOption: [.init(.queryPeersBySubscriptionOption)]
        }
    }
}

/// Whether the rate limiter admitted a call, and if not, which row refused it.
public enum RateLimitDecision: Hashable, Sendable {
    /// The call is admitted and counted.
    case admitted
    /// The call is refused by this row; nothing is counted.
    case refused(RateLimitRule)
}

/// A sliding-window rate limiter over virtual time, one per IRtmService instance.
///
/// A call at time *t* is admitted when every budget it counts against has admitted fewer than `limit` calls in
/// the window (*t* − `windowMs`, *t*]: a call exactly `windowMs` earlier has expired. Only admitted calls are
/// counted; a refused call does not extend the wait. Time is the caller's (milliseconds, any origin): the
/// limiter never reads a clock, so a model checker can explore it.
///
/// ```swift
/// var limiter = RateLimiter()
/// limiter.admit(.login, at: 0)      // true
/// limiter.admit(.login, at: 10)     // true
/// limiter.admit(.login, at: 999)    // false: 2 logins per second
/// limiter.admit(.login, at: 1_000)  // true: the login at 0 has left the window
/// ```
///
/// Implements rtm-reference §4.4 (the 1.2.x Linux C++ column by default).
public struct RateLimiter: Hashable, Sendable {
    /// One budget, with the channel ID for per-channel budgets.
    public struct BudgetKey: Hashable, Sendable {
        /// The budget.
        public let budget: RateBudget
        /// The channel ID for `joinSameChannel`; `nil` otherwise.
        public let channelId: String?

        /// Creates a key.
        public init(_ budget: RateBudget, channelId: String? = nil) {
            self.budget = budget
            self.channelId = channelId
        }
    }

    /// The rows in force, by budget.
    public let rules: [RateBudget: RateLimitRule]
    /// The times (ms) of the admitted calls still inside their window, oldest first, per budget. Budgets with
    /// none are absent, so two limiters with the same live history compare equal.
    public private(set) var admittedAt: [BudgetKey: [Int64]] = [:]

    /// A limiter with `rules` (by default the 1.2.x Linux C++ table). A budget with no rule is unlimited.
    public init(rules: [RateLimitRule] = RateLimitTable.linuxCpp12) {
        var byBudget: [RateBudget: RateLimitRule] = [:]
        for rule in rules { byBudget[rule.budget] = rule }
        self.rules = byBudget
    }

    /// Admits and counts `operation` at `ms` if every budget it uses has room; returns whether it did.
    public mutating func admit(_ operation: RateLimitedOperation, at ms: Int64) -> Bool {
        decide(operation, at: ms) == .admitted
    }

    /// Admits and counts `operation` at `ms` if every budget it uses has room; otherwise reports the first
    /// (most specific) row that refused it and counts nothing.
    public mutating func decide(_ operation: RateLimitedOperation, at ms: Int64) -> RateLimitDecision {
        let keys = operation.budgets
        for key in keys { expire(key, at: ms) }
        for key in keys {
            guard let rule = rules[key.budget] else { continue }
            if (admittedAt[key]?.count ?? 0) >= rule.limit { return .refused(rule) }
        }
        for key in keys where rules[key.budget] != nil {
            admittedAt[key, default: []].append(ms)
        }
        return .admitted
    }

    /// Drops every admitted call whose window has passed at `ms`, so equal futures compare equal.
    public mutating func expireAll(at ms: Int64) {
        for key in Array(admittedAt.keys) { expire(key, at: ms) }
    }

    /// The number of calls `operation` could still make at `ms` before a refusal (the tightest budget).
    public func remaining(_ operation: RateLimitedOperation, at ms: Int64) -> Int {
        var room = Int.max
        for key in operation.budgets {
            guard let rule = rules[key.budget] else { continue }
            let live = admittedAt[key]?.filter { $0 > Self.windowStart(ms, rule) }.count ?? 0
            room = min(room, max(0, rule.limit - live))
        }
        return room
    }

    /// `ms - windowMs`, saturating at `Int64.min` instead of trapping.
    private static func windowStart(_ ms: Int64, _ rule: RateLimitRule) -> Int64 {
        let (start, overflow) = ms.subtractingReportingOverflow(rule.windowMs)
        return overflow ? Int64.min : start
    }

    private mutating func expire(_ key: BudgetKey, at ms: Int64) {
        guard let times = admittedAt[key] else { return }
        guard let rule = rules[key.budget] else {
            admittedAt[key] = nil
            return
        }
        // Keep every call inside (ms - window, ms]; a call stamped after `ms` (time went backwards) is kept too.
        let start = Self.windowStart(ms, rule)
        let live = times.filter { $0 > start }
        admittedAt[key] = live.isEmpty ? nil : live
    }
}
