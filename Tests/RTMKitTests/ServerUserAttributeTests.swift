import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// Alice (#1) writes her own attributes; Bob (#2) reads them.
@Suite struct ServerUserAttributeTests {
    let driver = ServerDriver()

    init() {
        driver.login("alice", on: 1)
        driver.login("bob", on: 2)
    }

    /// Alice's write; returns her result code.
    @discardableResult
    func write(_ write: AttributeWrite, requestId: Int = 1, from conn: Int = 1) -> AttributeOperationErr? {
        driver.send(.localUserAttributes(requestId: requestId, write), from: conn)
        guard case .localUserAttributesResult(requestId, write.kind, let code) = driver.take(conn).last else {
            return nil
        }
        return code
    }

    /// What Bob reads of `user`'s attributes.
    func read(_ user: UserID, keys: [String]? = nil) -> KitDownlink? {
        let request: KitUplink =
            if let keys { .getUserAttributesByKeys(requestId: 7, userId: user, keys: keys) } else {
                .getUserAttributes(requestId: 7, userId: user)
            }
        driver.send(request, from: 2)
        return driver.take(2).last
    }

    @Test("set, addOrUpdate, deleteByKeys and clear change what another user reads")
    func writeOperations() {
        #expect(write(.set([.init(key: "mood", value: "happy"), .init(key: "city", value: "Oslo")])) == .ok)
        #expect(
            read("alice")
                == .userAttributes(
                    requestId: 7, userId: "alice",
                    [.init(key: "mood", value: "happy"), .init(key: "city", value: "Oslo")], .ok))
        #expect(write(.addOrUpdate([.init(key: "mood", value: "calm"), .init(key: "lang", value: "nb")])) == .ok)
        #expect(
            read("alice", keys: ["mood", "lang", "absent"])
                == .userAttributes(
                    requestId: 7, userId: "alice",
                    [.init(key: "mood", value: "calm"), .init(key: "lang", value: "nb")], .ok))
        #expect(write(.deleteByKeys(["mood", "absent"])) == .ok)
        #expect(
            read("alice")
                == .userAttributes(
                    requestId: 7, userId: "alice",
                    [.init(key: "city", value: "Oslo"), .init(key: "lang", value: "nb")], .ok))
        #expect(write(.clear) == .ok)
        #expect(read("alice") == .userAttributes(requestId: 7, userId: "alice", [], .ok))
    }

    @Test("set replaces every attribute")
    func setReplaces() {
        write(.set(attributes(3)))
        #expect(write(.set([.init(key: "only", value: "1")])) == .ok)
        #expect(read("alice") == .userAttributes(requestId: 7, userId: "alice", [.init(key: "only", value: "1")], .ok))
    }

    @Test("32 attributes fit; the 33rd is ATTRIBUTE_OPERATION_ERR_SIZE_OVERFLOW and changes nothing")
    func countLimit() {
        #expect(write(.set(attributes(32))) == .ok)
        #expect(write(.addOrUpdate([.init(key: "k32", value: "v")])) == .sizeOverflow)
        #expect(driver.server.userAttributes.attributes(of: "alice") == attributes(32))
        #expect(write(.set(attributes(33))) == .sizeOverflow)
        #expect(driver.server.userAttributes.attributes(of: "alice") == attributes(32))
    }

    @Test("a value of 8 KB fits; 8 KB + 1 byte is ATTRIBUTE_OPERATION_ERR_SIZE_OVERFLOW")
    func valueLimit() {
        #expect(write(.set([.init(key: "a", value: bytes(8192))])) == .ok)
        #expect(write(.addOrUpdate([.init(key: "b", value: bytes(8193))])) == .sizeOverflow)
        #expect(driver.server.userAttributes.attributes(of: "alice").map(\.key) == ["a"])
    }

    @Test("keys plus values may total 16 KB; one byte more is ATTRIBUTE_OPERATION_ERR_SIZE_OVERFLOW")
    func totalLimit() {
        #expect(write(.set([.init(key: "a", value: bytes(8191))])) == .ok)  // 8,192 bytes
        #expect(write(.addOrUpdate([.init(key: "b", value: bytes(8192))])) == .sizeOverflow)  // 16,385
        #expect(write(.addOrUpdate([.init(key: "b", value: bytes(8191))])) == .ok)  // 16,384
        #expect(write(.addOrUpdate([.init(key: "c", value: "x")])) == .sizeOverflow)
    }

    @Test("a value of \"\" is ATTRIBUTE_OPERATION_ERR_INVALID_ARGUMENT")
    func emptyValue() {
        #expect(write(.set([.init(key: "a", value: "")])) == .invalidArgument)
        #expect(write(.addOrUpdate([.init(key: "a", value: "")])) == .invalidArgument)
        #expect(write(.deleteByKeys([])) == .invalidArgument)
    }

    @Test(
        "reading an offline or unknown user is ATTRIBUTE_OPERATION_ERR_USER_NOT_FOUND", arguments: ["carol", "alice"])
    func userNotFound(_ user: UserID) {
        write(.set(attributes(1)))
        driver.send(.core(.logout), from: 1)
        #expect(read(user) == .userAttributes(requestId: 7, userId: user, [], .userNotFound))
    }

    @Test("writes and reads before login are ATTRIBUTE_OPERATION_ERR_USER_NOT_LOGGED_IN")
    func notLoggedIn() {
        #expect(write(.set(attributes(1)), from: 3) == .userNotLoggedIn)
        driver.send(.getUserAttributes(requestId: 2, userId: "alice"), from: 3)
        #expect(driver.take(3) == [.userAttributes(requestId: 2, userId: "alice", [], .userNotLoggedIn)])
    }

    @Test("a write lands on the sender's own attributes: Bob cannot change Alice's")
    func writesAreOwnOnly() {
        write(.set([.init(key: "role", value: "owner")]))
        #expect(write(.set([.init(key: "role", value: "intruder")]), from: 2) == .ok)
        #expect(write(.clear, from: 2) == .ok)
        #expect(
            read("alice") == .userAttributes(requestId: 7, userId: "alice", [.init(key: "role", value: "owner")], .ok))
        #expect(driver.server.userAttributes.attributes(of: "bob") == [])
    }

    @Test("user attributes are cleared at logout")
    func clearedAtLogout() {
        write(.set(attributes(2)))
        driver.send(.core(.logout), from: 1)
        driver.login("alice", on: 1)
        #expect(read("alice") == .userAttributes(requestId: 7, userId: "alice", [], .ok))
    }

    @Test("user attributes are kept within the grace and dropped when it ends")
    func graceKeepsThem() {
        write(.set(attributes(1)))
        driver.record(driver.server.linkLost(ConnectionID(1)))
        #expect(read("alice") == .userAttributes(requestId: 7, userId: "alice", attributes(1), .ok))
        driver.record(driver.server.advanceClock(to: ServerFixture.startMs + Int64(ServerMachine.graceMs)))
        #expect(read("alice") == .userAttributes(requestId: 7, userId: "alice", [], .userNotFound))
        #expect(!driver.server.userAttributes.users.contains("alice"))
    }

    @Test("a re-login within the grace keeps the attributes")
    func reloginKeepsThem() {
        write(.set(attributes(1)))
        driver.record(driver.server.linkLost(ConnectionID(1)))
        driver.send(
            .relogin(appId: ServerFixture.certApp, token: ServerFixture.token("alice"), userId: "alice", channels: []),
            from: 1)
        #expect(driver.take(1) == [.core(.reloginAccepted)])
        #expect(read("alice") == .userAttributes(requestId: 7, userId: "alice", attributes(1), .ok))
    }

    @Test("a kick by a same-user login clears the kicked session's attributes")
    func kickClears() {
        write(.set(attributes(1)))
        driver.login("alice", on: 3)
        #expect(driver.take(1) == [.core(.kicked(.remoteLogin))])
        #expect(read("alice") == .userAttributes(requestId: 7, userId: "alice", [], .ok))
    }
}
