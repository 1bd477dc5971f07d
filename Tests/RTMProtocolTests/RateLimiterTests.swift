import Testing

@testable import RTMProtocol

/// Offers `operation` at each time in order and returns which calls the limiter admitted.
private func admissions(_ operation: RateLimitedOperation, at times: [Int64], to limiter: inout RateLimiter) -> [Bool] {
    times.map { limiter.admit(operation, at: $0) }
}

@Suite("RateLimiter over virtual time (rtm-reference §4.4)")
struct RateLimiterTests {
    @Test("Login: 2 per second; the third in the same second is refused, then admitted once the window slides")
    func loginWindow() {
        var limiter = RateLimiter()
        // 1000: the login at 0 has left (0, 1000]. 1399: 400 and 1000 are still inside. 1400: 400 has left.
        let results = admissions(.login, at: [0, 400, 999, 1_000, 1_399, 1_400], to: &limiter)
        #expect(results == [true, true, false, true, false, true])
    }

    @Test("A refused call is not counted")
    func refusedNotCounted() {
        var limiter = RateLimiter()
        let results = admissions(.getChannelMemberCount, at: [0, 100, 500, 900, 999, 1_000], to: &limiter)
        #expect(results == [true, false, false, false, false, true])
    }

    @Test("Peer and channel messages share one budget of 180 per 3 s")
    func sharedMessageBudget() {
        var limiter = RateLimiter()
        let peer = admissions(.sendMessageToPeer, at: Array(repeating: 0, count: 90), to: &limiter)
        let channel = admissions(.sendChannelMessage, at: Array(repeating: 1, count: 90), to: &limiter)
        #expect(peer.allSatisfy { $0 } && channel.allSatisfy { $0 })
        #expect(admissions(.sendMessageToPeer, at: [100], to: &limiter) == [false])
        #expect(admissions(.sendChannelMessage, at: [2_999], to: &limiter) == [false])
        #expect(limiter.remaining(.sendMessageToPeer, at: 2_999) == 0)
        // At 3000 the 90 peer messages sent at 0 have left the window.
        #expect(limiter.remaining(.sendChannelMessage, at: 3_000) == 90)
        #expect(admissions(.sendChannelMessage, at: [3_000], to: &limiter) == [true])
    }

    @Test("Other budgets are independent")
    func independentBudgets() {
        var limiter = RateLimiter()
        #expect(admissions(.login, at: [0, 0, 0], to: &limiter) == [true, true, false])
        #expect(admissions(.renewToken, at: [0, 0, 0], to: &limiter) == [true, true, false])
        #expect(admissions(.getMembers, at: [0], to: &limiter) == [true])
    }

    @Test("Joining one channel: 2 per 5 s, refused as JOIN_SAME_CHANNEL_TOO_OFTEN; other channels still join")
    func sameChannel() throws {
        let rule = try #require(RateLimitTable.rule(for: .joinSameChannel))
        var limiter = RateLimiter()
        #expect(admissions(.join(channelId: "a"), at: [0, 1], to: &limiter) == [true, true])
        let refused = limiter.decide(.join(channelId: "a"), at: 4_999)
        #expect(refused == .refused(rule))
        #expect(rule.tooOftenCode == JoinChannelErr.joinSameChannelTooOften.sdkName)
        #expect(admissions(.join(channelId: "b"), at: [4_999], to: &limiter) == [true])
        #expect(admissions(.join(channelId: "a"), at: [5_000], to: &limiter) == [true])
    }

    @Test("Joins of different channels: 50 per 3 s, then JOIN_CHANNEL_ERR_TOO_OFTEN")
    func manyChannels() throws {
        let rule = try #require(RateLimitTable.rule(for: .join))
        var limiter = RateLimiter()
        let joined = (0..<50).map { limiter.admit(.join(channelId: "c\($0)"), at: 0) }
        #expect(joined.allSatisfy { $0 })
        let refused = limiter.decide(.join(channelId: "c50"), at: 2_999)
        #expect(refused == .refused(rule))
        #expect(rule.tooOftenCode == JoinChannelErr.tooOften.sdkName)
        #expect(admissions(.join(channelId: "c50"), at: [3_000], to: &limiter) == [true])
    }

    @Test("Expiring every budget makes limiters with the same live history equal")
    func canonicalState() {
        var early = RateLimiter()
        var late = RateLimiter()
        _ = early.admit(.login, at: 0)
        _ = early.admit(.getMembers, at: 0)
        _ = late.admit(.login, at: 1_500)
        #expect(early != late)
        early.expireAll(at: 3_000)
        late.expireAll(at: 3_000)
        #expect(early == late)
        #expect(early.admittedAt.isEmpty)
    }

    @Test("Time going backwards never traps; the later call stays counted")
    func timeBackwards() {
        var limiter = RateLimiter()
        #expect(admissions(.login, at: [5_000, 10, 20], to: &limiter) == [true, true, false])
        #expect(admissions(.login, at: [Int64.min, Int64.max], to: &limiter) == [false, true])
    }

    @Test("The 1.2.x table has one row per budget with the reference's numbers")
    func table() {
        let rows = RateLimitTable.linuxCpp12
        #expect(Set(rows.map(\.budget)) == Set(RateBudget.allCases))
        #expect(rows.count == RateBudget.allCases.count)
        let numbers = Dictionary(uniqueKeysWithValues: rows.map { ($0.budget, [$0.limit, Int($0.windowMs)]) })
        #expect(numbers[.login] == [2, 1_000])
        #expect(numbers[.renewToken] == [2, 1_000])
        #expect(numbers[.join] == [50, 3_000])
        #expect(numbers[.joinSameChannel] == [2, 5_000])
        #expect(numbers[.messages] == [180, 3_000])
        #expect(numbers[.getMembers] == [5, 2_000])
        #expect(numbers[.queryPeersOnlineStatus] == [10, 5_000])
        #expect(numbers[.userAttributeWrites] == [10, 5_000])
        #expect(numbers[.userAttributeReads] == [40, 5_000])
        #expect(numbers[.channelAttributeWrites] == [10, 5_000])
        #expect(numbers[.channelAttributeReads] == [10, 5_000])
        #expect(numbers[.getChannelMemberCount] == [1, 1_000])
        #expect(numbers[.subscribePeersOnlineStatus] == [10, 5_000])
        #expect(numbers[.unsubscribePeersOnlineStatus] == [10, 5_000])
        #expect(numbers[.queryPeersBySubscriptionOption] == [10, 5_000])
    }

    @Test("A limiter without a rule for a budget never refuses it")
    func customRules() {
        var limiter = RateLimiter(rules: [])
        #expect(admissions(.login, at: Array(repeating: 0, count: 100), to: &limiter).allSatisfy { $0 })
        #expect(limiter.admittedAt.isEmpty)
    }
}
