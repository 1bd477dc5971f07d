import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// User attributes and channel attributes, end to end (§1.14, §3.4, §4.2).
@Suite struct ClientAttributeTests {
    func pair() -> World {
        let world = World()
        world.client("alice")
        world.client("bob")
        world.login("alice", "bob")
        world.drain()
        return world
    }

    @Test("user attributes: set, addOrUpdate, delete, clear on alice; bob reads them (all and by keys)")
    func userAttributes() {
        let world = pair()
        let alice = world["alice"]
        var id = 0
        #expect(alice.setLocalUserAttributes([.init(key: "mood", value: "ok")], requestId: &id) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onSetLocalUserAttributesResult(\(id), ATTRIBUTE_OPERATION_ERR_OK)"])
        #expect(
            alice.addOrUpdateLocalUserAttributes(
                [.init(key: "mood", value: "great"), .init(key: "city", value: "Oslo")], requestId: &id) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onAddOrUpdateLocalUserAttributesResult(\(id), ATTRIBUTE_OPERATION_ERR_OK)"])
        var read = 0
        #expect(world["bob"].getUserAttributes("alice", requestId: &read) == .ok)
        world.settle()
        #expect(
            world.take("bob") == [
                "onGetUserAttributesResult(\(read), alice, [mood=\"great\", city=\"Oslo\"], ATTRIBUTE_OPERATION_ERR_OK)"
            ])
        #expect(alice.deleteLocalUserAttributesByKeys(["mood"], requestId: &id) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onDeleteLocalUserAttributesResult(\(id), ATTRIBUTE_OPERATION_ERR_OK)"])
        #expect(world["bob"].getUserAttributesByKeys("alice", keys: ["city", "mood"], requestId: &read) == .ok)
        world.settle()
        #expect(
            world.take("bob") == [
                "onGetUserAttributesResult(\(read), alice, [city=\"Oslo\"], ATTRIBUTE_OPERATION_ERR_OK)"
            ])
        #expect(alice.clearLocalUserAttributes(requestId: &id) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onClearLocalUserAttributesResult(\(id), ATTRIBUTE_OPERATION_ERR_OK)"])
        #expect(alice.localUserAttributes.isEmpty)
        world.check()
    }

    @Test("getUserAttributes of a user who is not online: ATTRIBUTE_OPERATION_ERR_USER_NOT_FOUND")
    func userNotFound() {
        let world = pair()
        var id = 0
        #expect(world["alice"].getUserAttributes("carol", requestId: &id) == .ok)
        world.settle()
        #expect(
            world.take("alice") == [
                "onGetUserAttributesResult(\(id), carol, [], ATTRIBUTE_OPERATION_ERR_USER_NOT_FOUND)"
            ])
        world.check()
    }

    @Test("user attributes are pushed again after a reconnect past the grace (§2.1)")
    func attributesResyncedAfterReconnect() {
        let world = pair()
        var id = 0
        world["alice"].setLocalUserAttributes([.init(key: "k", value: "v")], requestId: &id)
        world.settle()
        world.sim.dropLink(of: world["alice"], restoreAfterMs: 40_000)
        world.settle()
        #expect(world.sim.server.userAttributes.attributes(of: "alice") == [.init(key: "k", value: "v")])
        world.drain()
        world.check()
    }

    @Test("channel attributes: a write with notification reaches every member in onAttributesUpdated; without, none")
    func channelAttributes() {
        let world = pair()
        world.client("carol")
        world.login("carol")
        for name in ["alice", "bob"] {
            world.channel(name, "lobby")?.join()
            world.settle()
        }
        world.drain()
        var id = 0
        let notify = ChannelAttributeOptions(enableNotificationToChannelMembers: true)
        #expect(
            world["carol"].setChannelAttributes(
                "lobby", [.init(key: "topic", value: "cats")], options: notify,
                requestId: &id) == .ok)
        world.settle()
        #expect(world.take("carol") == ["onSetChannelAttributesResult(\(id), ATTRIBUTE_OPERATION_ERR_OK)"])
        #expect(world.take("alice") == ["lobby.onAttributesUpdated([topic=\"cats\"])"])
        #expect(world.take("bob") == ["lobby.onAttributesUpdated([topic=\"cats\"])"])
        #expect(
            world["alice"].addOrUpdateChannelAttributes(
                "lobby", [.init(key: "rule", value: "be kind")],
                requestId: &id) == .ok)
        world.settle()
        #expect(world.take("alice") == ["onAddOrUpdateChannelAttributesResult(\(id), ATTRIBUTE_OPERATION_ERR_OK)"])
        #expect(world.take("bob") == [])
        #expect(world["bob"].getChannelAttributes("lobby", requestId: &id) == .ok)
        world.settle()
        let read = world.log("bob").callbacks.last
        #expect(
            world.take("bob") == [
                "onGetChannelAttributesResult(\(id), [topic=\"cats\", rule=\"be kind\"], ATTRIBUTE_OPERATION_ERR_OK)"
            ])
        if case .onGetChannelAttributesResult(_, let attributes, _) = read {
            #expect(attributes.map(\.lastUpdateUserId) == ["carol", "alice"])
        }
        #expect(
            world["bob"].deleteChannelAttributesByKeys("lobby", keys: ["topic"], options: notify, requestId: &id)
                == .ok)
        world.settle()
        #expect(
            world.take("bob") == [
                "onDeleteChannelAttributesResult(\(id), ATTRIBUTE_OPERATION_ERR_OK)",
                "lobby.onAttributesUpdated([rule=\"be kind\"])",
            ])
        #expect(world.take("alice") == ["lobby.onAttributesUpdated([rule=\"be kind\"])"])
        #expect(world["bob"].getChannelAttributesByKeys("lobby", keys: ["rule"], requestId: &id) == .ok)
        #expect(world["bob"].clearChannelAttributes("lobby", requestId: &id) == .ok)
        world.settle()
        #expect(world.take("bob").last == "onClearChannelAttributesResult(\(id), ATTRIBUTE_OPERATION_ERR_OK)")
        world.check()
    }

    @Test("a request whose answer is lost times out: ATTRIBUTE_OPERATION_ERR_TIMEOUT after 5 s")
    func attributeTimeout() {
        let world = pair()
        world.sim.network.faults.lossProbability = 1
        var id = 0
        #expect(world["alice"].getUserAttributes("bob", requestId: &id) == .ok)
        world.sim.run(forMs: 5_000)
        #expect(world.take("alice") == ["onGetUserAttributesResult(\(id), bob, [], ATTRIBUTE_OPERATION_ERR_TIMEOUT)"])
        world.check()
    }
}
