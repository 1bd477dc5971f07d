import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// What travels on the simulated network in these tests.
enum Packet: Hashable, Sendable {
    case up(KitUplink)
    case down(KitDownlink)
}

/// A minimal simulation driver: ``RtmServer`` as the "server" endpoint of a ``SimulatedNetwork``, with
/// its timers scheduled on the network and link losses reported to it. Clients are scripted by the test.
final class NetworkedServer {
    let network = SimulatedNetwork<Packet>(seed: 1)
    let server = RtmServer(apps: ServerFixture.apps, nowMs: ServerFixture.startMs)
    let users: [EndpointID] = ["alice", "bob"]
    private var timerIds: [ServerMachine.ServerTimer: TimerID] = [:]
    private var timers: [TimerID: ServerMachine.ServerTimer] = [:]
    private(set) var received: [EndpointID: [KitDownlink]] = [:]

    func conn(_ endpoint: EndpointID) -> ConnectionID { ConnectionID((users.firstIndex(of: endpoint) ?? 99) + 1) }
    func endpoint(_ conn: ConnectionID) -> EndpointID { users[conn.raw - 1] }

    func send(_ uplink: KitUplink, from user: EndpointID) { network.send(.up(uplink), from: user, to: "server") }

    func carryOut(_ outputs: [RtmServer.Output]) {
        for output in outputs {
            switch output {
            case .send(let conn, let message):
                network.send(.down(message), from: "server", to: endpoint(conn))
            case .startTimer(let timer, let afterMs, _):
                cancel(timer)
                let id = network.schedule(after: UInt64(afterMs), TimerToken(owner: "server", label: "\(timer)"))
                timerIds[timer] = id
                timers[id] = timer
            case .cancelTimer(let timer):
                cancel(timer)
            }
        }
    }

    private func cancel(_ timer: ServerMachine.ServerTimer) {
        guard let id = timerIds.removeValue(forKey: timer) else { return }
        timers[id] = nil
        _ = network.cancel(id)
    }

    func run() {
        _ = network.runUntilQuiet(maxSteps: 10_000) { event in
            server.nowMs = ServerFixture.startMs + Int64(network.nowMs)
            switch event {
            case .delivered(let envelope):
                switch envelope.message {
                case .up(let uplink): carryOut(server.receive(uplink, from: conn(envelope.from)))
                case .down(let message): received[envelope.to, default: []].append(message)
                }
            case .timerFired(let id, _):
                guard let timer = timers.removeValue(forKey: id) else { return }
                timerIds[timer] = nil
                carryOut(server.timerFired(timer))
            case .linkDown(let link):
                let client = link.a == "server" ? link.b : link.a
                carryOut(server.linkLost(conn(client)))
            case .linkUp:
                break
            case .endpointRestarted(let endpoint):
                if endpoint == "server" { carryOut(server.restart()) }
            }
        }
    }
}

@Suite struct ServerOnNetworkTests {
    @Test("over the simulated network: login, join, a notified channel attribute, and the grace timer")
    func endToEnd() {
        let sim = NetworkedServer()
        for user in sim.users {
            sim.send(
                .login(appId: ServerFixture.certApp, token: ServerFixture.token(user.rawValue), userId: user.rawValue),
                from: user)
            sim.send(.core(.join("lobby")), from: user)
        }
        sim.run()
        #expect(
            sim.received["bob"]?.prefix(2) == [.core(.loginAccepted), .core(.joinAccepted("lobby", memberCount: 2))])

        sim.send(
            .channelAttributes(
                requestId: 1, channel: "lobby", .set([.init(key: "topic", value: "tea")]),
                enableNotificationToChannelMembers: true),
            from: "alice")
        sim.run()
        guard case .attributesUpdated("lobby", let attributes) = sim.received["bob"]?.last else {
            Issue.record("bob got no attributesUpdated")
            return
        }
        #expect(attributes.map(\.lastUpdateUserId) == ["alice"])
        #expect(attributes.map(\.lastUpdateTs) == [ServerFixture.startMs + Int64(sim.network.nowMs) - 10])

        let lostAt = sim.network.nowMs
        sim.network.linkDown("alice", "server")
        sim.run()
        #expect(
            sim.received["bob"]?.suffix(2) == [.core(.memberLeft("lobby", "alice")), .core(.memberCount("lobby", 1))])
        #expect(sim.network.nowMs >= lostAt + UInt64(ServerMachine.graceMs))
        #expect(!sim.server.core.isOnline("alice"))
    }
}
