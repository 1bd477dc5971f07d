import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

@Suite struct ServerQueryTests {
    @Test("queryPeersOnlineStatus: ONLINE while logged in or within the grace, OFFLINE otherwise, in query order")
    func onlineStatus() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.login("bob", on: 2)
        driver.login("dave", on: 4)
        driver.send(.core(.logout), from: 4)
        driver.record(driver.server.linkLost(ConnectionID(2)))
        driver.send(.queryPeersOnlineStatus(requestId: 3, peerIds: ["carol", "bob", "dave", "alice"]), from: 1)
        #expect(
            driver.take(1) == [
                .peersOnlineStatus(
                    requestId: 3,
                    [
                        .init(peerId: "carol", onlineState: .offline), .init(peerId: "bob", onlineState: .online),
                        .init(peerId: "dave", onlineState: .offline), .init(peerId: "alice", onlineState: .online),
                    ], .ok)
            ])
        driver.record(driver.server.advanceClock(to: ServerFixture.startMs + 30_000))
        driver.send(.queryPeersOnlineStatus(requestId: 4, peerIds: ["bob"]), from: 1)
        #expect(
            driver.take(1) == [.peersOnlineStatus(requestId: 4, [.init(peerId: "bob", onlineState: .offline)], .ok)])
    }

    @Test("queryPeersOnlineStatus before login is QUERY_PEERS_ONLINE_STATUS_ERR_USER_NOT_LOGGED_IN")
    func onlineStatusNotLoggedIn() {
        let driver = ServerDriver()
        driver.send(.queryPeersOnlineStatus(requestId: 1, peerIds: ["alice"]), from: 1)
        #expect(driver.take(1) == [.peersOnlineStatus(requestId: 1, [], .userNotLoggedIn)])
    }

    @Test(
        "queryPeersOnlineStatus with no peers or more than 256 is QUERY_PEERS_ONLINE_STATUS_ERR_INVALID_ARGUMENT",
        arguments: [0, 257])
    func onlineStatusBadArgument(_ count: Int) {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.send(.queryPeersOnlineStatus(requestId: 1, peerIds: (0..<count).map { "u\($0)" }), from: 1)
        #expect(driver.take(1) == [.peersOnlineStatus(requestId: 1, [], .invalidArgument)])
    }

    @Test("getChannelMemberCount counts members per channel, 0 for an unknown channel, membership not required")
    func memberCounts() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.login("bob", on: 2)
        driver.login("carol", on: 3)
        driver.join("lobby", on: 1)
        driver.join("lobby", on: 2)
        driver.join("kitchen", on: 2)
        driver.send(.getChannelMemberCount(requestId: 8, channelIds: ["lobby", "kitchen", "attic"]), from: 3)
        #expect(
            driver.take(3) == [
                .channelMemberCounts(
                    requestId: 8,
                    [
                        .init(channelId: "lobby", count: 2), .init(channelId: "kitchen", count: 1),
                        .init(channelId: "attic", count: 0),
                    ], .ok)
            ])
        driver.send(.core(.leave("lobby")), from: 1)
        driver.send(.getChannelMemberCount(requestId: 9, channelIds: ["lobby"]), from: 3)
        #expect(driver.take(3) == [.channelMemberCounts(requestId: 9, [.init(channelId: "lobby", count: 1)], .ok)])
    }

    @Test("getChannelMemberCount with more than 32 channels is GET_CHANNEL_MEMBER_COUNT_ERR_EXCEED_LIMIT")
    func memberCountLimit() {
        let driver = ServerDriver()
        driver.login("alice", on: 1)
        driver.send(.getChannelMemberCount(requestId: 1, channelIds: (0..<33).map { "c\($0)" }), from: 1)
        #expect(driver.take(1) == [.channelMemberCounts(requestId: 1, [], .exceedLimit)])
        driver.send(.getChannelMemberCount(requestId: 2, channelIds: (0..<32).map { "c\($0)" }), from: 1)
        guard case .channelMemberCounts(2, let counts, .ok) = driver.take(1).last else {
            Issue.record("no OK answer for 32 channels")
            return
        }
        #expect(counts.count == 32)
    }

    @Test("getChannelMemberCount before login is GET_CHANNEL_MEMBER_COUNT_ERR_USER_NOT_LOGGED_IN")
    func memberCountNotLoggedIn() {
        let driver = ServerDriver()
        driver.send(.getChannelMemberCount(requestId: 1, channelIds: ["lobby"]), from: 1)
        #expect(driver.take(1) == [.channelMemberCounts(requestId: 1, [], .userNotLoggedIn)])
    }
}
