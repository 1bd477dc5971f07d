import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// Faults: a lossy, duplicating, reordering network, logouts and a server restart (§2.1, §3.2, decision 15).
@Suite struct ClientFaultTests {
    /// Every peer message sent (sender, message ID → receiver, text), and what each user received.
    struct PeerLedger {
        var sent: [String: [Int: (to: String, text: String)]] = [:]
        var ok: [(sender: String, messageId: Int)] = []
        var received: [String: [String]] = [:]

        init(_ stream: [SimulationTraceEntry]) {
            for entry in stream {
                switch entry.event {
                case .apiReturned(let service, .sendMessageToPeer(let peer, let text, _), .peerMessage(.ok, let id)):
                    sent[service, default: [:]][id] = (peer, text)
                case .callback(let service, .onSendMessageResult(let id, .ok)):
                    ok.append((service, id))
                case .callback(let service, .onMessageReceivedFromPeer(_, let text, _)):
                    received[service, default: []].append(text)
                default:
                    break
                }
            }
        }
    }

    @Test(
        "with loss, duplication and reordering on, no PEER_MESSAGE_ERR_OK message is lost or delivered twice",
        arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func exactlyOnce(seed: UInt64) {
        let world = World(seed: seed)
        let users = ["alice", "bob", "carol"]
        for user in users { world.client(user) }
        world.login("alice", "bob", "carol")
        world.sim.network.faults = FaultPlan(
            lossProbability: 0.1, duplicationProbability: 0.2, reorderProbability: 0.3)
        for i in 0..<60 {
            let sender = users[i % 3]
            let receiver = users[(i + 1) % 3]
            let options = SendMessageOptions(enableOfflineMessaging: i % 2 == 0)
            world[sender].sendMessageToPeer(receiver, message: RtmMessage(text: "\(sender)-\(i)"), options: options)
            world.sim.run(forMs: 150)
        }
        world.sim.run(forMs: 60_000)
        let ledger = PeerLedger(world.stream)
        #expect(ledger.ok.count > 10)  // The premise: most messages got through.
        for (sender, id) in ledger.ok {
            guard let message = ledger.sent[sender]?[id] else {
                Issue.record("\(sender)'s message \(id) reported OK but was never sent")
                continue
            }
            let copies = ledger.received[message.to, default: []].filter { $0 == message.text }.count
            #expect(copies == 1, "\(message.text) reached \(message.to) \(copies) times")
        }
        for (user, texts) in ledger.received {
            #expect(Set(texts).count == texts.count, "\(user) received a message twice")
        }
    }

    @Test("offline messages survive the receiver's logout and login, and a server restart, in send order")
    func offlineMessagesSurvive() {
        let world = World()
        world.client("alice")
        world.client("bob")
        world.login("alice", "bob")
        world["bob"].logout()
        world.settle()
        world.drain()
        let offline = SendMessageOptions(enableOfflineMessaging: true)
        world["alice"].sendMessageToPeer("bob", message: RtmMessage(text: "o1"), options: offline)
        world.settle()
        #expect(world.take("alice") == ["onSendMessageResult(1, PEER_MESSAGE_ERR_CACHED_BY_SERVER)"])
        world.login("bob")
        #expect(world.take("bob") == loginCallbacks + ["onMessageReceivedFromPeer(alice, \"o1\", isOfflineMessage)"])
        world["bob"].logout()
        world.settle()
        for text in ["o2", "o3"] {
            world["alice"].sendMessageToPeer("bob", message: RtmMessage(text: text), options: offline)
        }
        world.settle()
        world.drain()
        world.sim.restartServer()
        world.settle()
        #expect(
            world.take("alice") == [
                "onConnectionStateChanged(CONNECTION_STATE_RECONNECTING, CONNECTION_CHANGE_REASON_INTERRUPTED)",
                "onConnectionStateChanged(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGE_REASON_LOGIN_SUCCESS)",
            ])
        world.login("bob")
        #expect(
            world.take("bob") == loginCallbacks + [
                "onMessageReceivedFromPeer(alice, \"o2\", isOfflineMessage)",
                "onMessageReceivedFromPeer(alice, \"o3\", isOfflineMessage)",
            ])
        world.check()
    }

    @Test("a server restart: every client re-logs in by itself and rejoins its channels")
    func serverRestart() {
        let world = World()
        world.client("alice")
        world.client("bob")
        world.login("alice", "bob")
        for name in ["alice", "bob"] {
            world.channel(name, "lobby")?.join()
            world.settle()
        }
        world.drain()
        world.sim.restartServer()
        world.settle()
        for name in ["alice", "bob"] {
            #expect(world[name].connectionState == .connected)
            #expect(world[name].channels["lobby"]?.membership == .joined)
        }
        #expect(world.sim.server.core.members("lobby") == ["alice", "bob"])
        #expect(world.sim.counters.serverRestarts == 1)
        world.check()
    }
}
