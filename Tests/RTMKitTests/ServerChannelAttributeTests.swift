import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// Alice (#1) and Bob (#2) are in "lobby"; Carol (#3) is logged in but not a member.
@Suite struct ServerChannelAttributeTests {
    let driver = ServerDriver()

    init() {
        driver.login("alice", on: 1)
        driver.login("bob", on: 2)
        driver.login("carol", on: 3)
        driver.join("lobby", on: 1)
        driver.join("lobby", on: 2)
        driver.drain()
    }

    func write(
        _ write: AttributeWrite, notify: Bool = false, channel: ChannelID = "lobby", from conn: Int,
        requestId: Int = 1
    ) -> AttributeOperationErr? {
        driver.send(
            .channelAttributes(
                requestId: requestId, channel: channel, write, enableNotificationToChannelMembers: notify),
            from: conn)
        return driver.messages(to: conn).reversed().lazy.compactMap {
            if case .channelAttributesResult(requestId, write.kind, let code) = $0 { code } else { nil }
        }.first
    }

    func stamped(_ key: String, _ value: String, by user: UserID, at ms: Int64) -> RtmChannelAttribute {
        RtmChannelAttribute(key: key, value: value, lastUpdateUserId: user, lastUpdateTs: ms)
    }

    @Test("with the notification flag every current member gets all attributes; a non-member writer does not")
    func notifyOn() {
        #expect(write(.set([.init(key: "topic", value: "rust")]), notify: true, from: 3) == .ok)
        let all = [stamped("topic", "rust", by: "carol", at: ServerFixture.startMs)]
        #expect(driver.take(1) == [.attributesUpdated("lobby", all)])
        #expect(driver.take(2) == [.attributesUpdated("lobby", all)])
        #expect(driver.take(3) == [.channelAttributesResult(requestId: 1, .set, .ok)])
    }

    @Test("a member writer with the flag gets its result, then the update")
    func writerMemberNotified() {
        #expect(write(.addOrUpdate([.init(key: "a", value: "1")]), notify: true, from: 1) == .ok)
        let all = [stamped("a", "1", by: "alice", at: ServerFixture.startMs)]
        #expect(
            driver.take(1) == [
                .channelAttributesResult(requestId: 1, .addOrUpdate, .ok), .attributesUpdated("lobby", all),
            ])
    }

    @Test("without the notification flag no member hears of the write")
    func notifyOff() {
        #expect(write(.set([.init(key: "topic", value: "swift")]), from: 1) == .ok)
        #expect(driver.take(1) == [.channelAttributesResult(requestId: 1, .set, .ok)])
        #expect(driver.take(2) == [])
    }

    @Test("delete and clear with the flag push what is left")
    func deleteAndClearNotify() {
        _ = write(.set([.init(key: "a", value: "1"), .init(key: "b", value: "2")]), from: 1)
        _ = write(.deleteByKeys(["a"]), notify: true, from: 1)
        #expect(
            driver.take(2) == [.attributesUpdated("lobby", [stamped("b", "2", by: "alice", at: ServerFixture.startMs)])]
        )
        _ = write(.clear, notify: true, from: 1)
        #expect(driver.take(2) == [.attributesUpdated("lobby", [])])
    }

    @Test("each attribute records who last wrote it and when, by the server clock")
    func lastUpdate() {
        let t0 = ServerFixture.startMs
        _ = write(.set([.init(key: "a", value: "1")]), from: 1)
        driver.server.nowMs = t0 + 1_000
        _ = write(.addOrUpdate([.init(key: "b", value: "2")]), from: 2)
        driver.server.nowMs = t0 + 2_000
        _ = write(.addOrUpdate([.init(key: "a", value: "3")]), from: 3)
        driver.send(.getChannelAttributes(requestId: 5, channel: "lobby"), from: 2)
        #expect(
            driver.take(2).last
                == .channelAttributes(
                    requestId: 5, channel: "lobby",
                    [stamped("a", "3", by: "carol", at: t0 + 2_000), stamped("b", "2", by: "bob", at: t0 + 1_000)], .ok)
        )
        driver.send(.getChannelAttributesByKeys(requestId: 6, channel: "lobby", keys: ["b", "zz"]), from: 3)
        #expect(
            driver.take(3).last
                == .channelAttributes(
                    requestId: 6, channel: "lobby", [stamped("b", "2", by: "bob", at: t0 + 1_000)], .ok))
    }

    @Test("a write before login is ATTRIBUTE_OPERATION_ERR_USER_NOT_LOGGED_IN and changes nothing")
    func notLoggedIn() {
        #expect(write(.set(attributes(1)), from: 4) == .userNotLoggedIn)
        #expect(driver.server.channelAttributes.attributes(of: "lobby") == [])
        driver.send(.getChannelAttributes(requestId: 2, channel: "lobby"), from: 4)
        #expect(driver.take(4).last == .channelAttributes(requestId: 2, channel: "lobby", [], .userNotLoggedIn))
    }

    @Test("32 attributes fit; the 33rd is ATTRIBUTE_OPERATION_ERR_SIZE_OVERFLOW")
    func countLimit() {
        #expect(write(.set(attributes(32)), from: 1) == .ok)
        #expect(write(.addOrUpdate([.init(key: "k32", value: "v")]), from: 1) == .sizeOverflow)
        #expect(driver.server.channelAttributes.attributes(of: "lobby").count == 32)
    }

    @Test("a value over 8 KB or a total over 32 KB is ATTRIBUTE_OPERATION_ERR_SIZE_OVERFLOW")
    func sizeLimits() {
        #expect(write(.set([.init(key: "a", value: bytes(8193))]), from: 1) == .sizeOverflow)
        let fourFull = (0..<4).map { RtmAttribute(key: "k\($0)", value: bytes(8192 - 2)) }  // 4 × 8,192 = 32 KB
        #expect(write(.set(fourFull), from: 1) == .ok)
        #expect(write(.addOrUpdate([.init(key: "z", value: "1")]), from: 1) == .sizeOverflow)
        #expect(write(.set([.init(key: "a", value: "")]), from: 1) == .invalidArgument)
    }

    @Test("channel attributes survive every member leaving and a server restart")
    func persistence() {
        _ = write(.set([.init(key: "a", value: "1")]), from: 1)
        driver.send(.core(.leave("lobby")), from: 1)
        driver.send(.core(.leave("lobby")), from: 2)
        #expect(driver.server.core.members("lobby") == [])
        driver.record(driver.server.restart())
        driver.login("carol", on: 3)
        driver.send(.getChannelAttributes(requestId: 3, channel: "lobby"), from: 3)
        #expect(
            driver.take(3).last
                == .channelAttributes(
                    requestId: 3, channel: "lobby", [stamped("a", "1", by: "alice", at: ServerFixture.startMs)], .ok))
    }

    @Test("an unknown channel has no attributes")
    func unknownChannel() {
        driver.send(.getChannelAttributes(requestId: 3, channel: "nowhere"), from: 3)
        #expect(driver.take(3) == [.channelAttributes(requestId: 3, channel: "nowhere", [], .ok)])
    }
}
