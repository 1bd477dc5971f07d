import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// A logout closes the client's connection at once; the server hears of it only when the logout request
/// arrives. What the server sends meanwhile is lost on the closed connection (a `send`, then a `drop` with
/// reason `linkDown`) and never reaches the client's next session.
@Suite struct ClosedConnectionTests {
    /// The network steps of `world`'s stream.
    func steps(_ world: World) -> [NetworkStep] {
        world.stream.compactMap { if case .network(let entry) = $0.event { entry.step } else { nil } }
    }

    @Test("a logout/login race: the invite sent to the old connection is dropped, not delivered to the new session")
    func invitationToClosedConnection() throws {
        let world = World()
        world.client("alice")
        world.client("bob")
        world.login("alice", "bob")
        world.drain()
        let manager = world["alice"].getRtmCallManager(world.log("alice"))
        let invitation = try #require(manager.createLocalCallInvitation("bob"))
        #expect(manager.sendLocalInvitation(invitation) == .ok)
        // bob logs out and in again before the invite reaches the server: the server, unaware, forwards it to
        // bob's old connection.
        #expect(world["bob"].logout() == .ok)
        #expect(world["bob"].login(token: ServerFixture.token("bob"), userId: "bob") == .ok)
        world.sim.run(forMs: 1_000)
        let bob = world.take("bob")
        #expect(bob.contains("onLoginSuccess()"))
        #expect(!bob.contains { $0.hasPrefix("onRemoteInvitationReceived") }, "\(bob)")
        #expect(world.log("bob").remoteInvitations.isEmpty)
        // The invite shows as sent to bob, then dropped at once on the closed connection.
        let all = steps(world)
        let lost = all.indices.dropLast().filter { i in
            guard case .sent(let id, "server", "bob", _) = all[i] else { return false }
            return all[i + 1] == .dropped(id, .linkDown)
        }
        #expect(lost.count == 1)
        // Once the server heard the logout and the new login, bob's new session hears from it as usual.
        #expect(!world.sim.network.isDirectionClosed(from: "server", to: "bob"))
        world.check()
    }

    @Test("without a race nothing is lost: the server heard the logout before the invitation")
    func noRaceNoLoss() throws {
        let world = World()
        world.client("alice")
        world.client("bob")
        world.login("alice", "bob")
        #expect(world["bob"].logout() == .ok)
        world.settle()
        #expect(world["bob"].login(token: ServerFixture.token("bob"), userId: "bob") == .ok)
        world.settle()
        world.drain()
        let manager = world["alice"].getRtmCallManager(world.log("alice"))
        let invitation = try #require(manager.createLocalCallInvitation("bob"))
        #expect(manager.sendLocalInvitation(invitation) == .ok)
        world.sim.run(forMs: 1_000)
        #expect(world.take("bob") == ["onRemoteInvitationReceived(alice->bob#1)"])
        #expect(!steps(world).contains { if case .dropped = $0 { true } else { false } })
        world.check()
    }

    @Test("a closed direction loses what is in flight and what is sent until reopened; the other way still carries")
    func closedDirection() {
        let network = SimulatedNetwork<Int>(seed: 1)
        let old = network.send(1, from: "server", to: "bob")
        network.closeDirection(from: "server", to: "bob")
        let lost = network.send(2, from: "server", to: "bob")
        let logout = network.send(3, from: "bob", to: "server")
        network.reopenDirection(from: "server", to: "bob")
        let kept = network.send(4, from: "server", to: "bob")
        var delivered: [Int] = []
        network.runUntilQuiet(maxSteps: 100) { event in
            if case .delivered(let envelope) = event { delivered.append(envelope.message) }
        }
        #expect(delivered == [3, 4])
        let steps = network.log.map(\.step)
        #expect(steps.contains(.dropped(old, .linkDown)))
        let sent = steps.firstIndex { if case .sent(lost, _, _, _) = $0 { true } else { false } }
        #expect(sent.map { steps[$0 + 1] } == .dropped(lost, .linkDown))
        #expect(!steps.contains(.dropped(logout, .linkDown)))
        #expect(!steps.contains(.dropped(kept, .linkDown)))
    }

    @Test("a new connection loses what the server sent on the old one and is still in flight")
    func newConnectionDropsOld() {
        let network = SimulatedNetwork<Int>(seed: 1)
        let old = network.send(1, from: "server", to: "bob")
        let other = network.send(2, from: "server", to: "alice")
        network.dropInFlight(from: "server", to: "bob")
        #expect(network.messagesInFlight.map(\.id) == [other])
        #expect(network.log.map(\.step).contains(.dropped(old, .linkDown)))
        #expect(!network.isDirectionClosed(from: "server", to: "bob"))
    }
}
