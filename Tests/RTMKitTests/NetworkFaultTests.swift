import Testing

@testable import RTMKit

@Suite struct NetworkFaultTests {
    /// Sends `count` messages a -> b under `faults` and delivers everything.
    static func blast(count: Int, seed: UInt64, faults: FaultPlan) -> (log: [NetworkStep], delivered: [Envelope<Int>]) {
        let network = SimulatedNetwork<Int>(seed: seed, faults: faults)
        for n in 0..<count { network.send(n, from: "a", to: "b") }
        var delivered: [Envelope<Int>] = []
        network.runUntilQuiet(maxSteps: 10 * count) { event in
            if case .delivered(let envelope) = event { delivered.append(envelope) }
        }
        return (network.log.map(\.step), delivered)
    }

    @Test("loss and duplication rates follow the plan (exact counts for seed 7)")
    func lossAndDuplicationRates() {
        let faults = FaultPlan(lossProbability: 0.1, duplicationProbability: 0.05)
        let (log, delivered) = Self.blast(count: 10_000, seed: 7, faults: faults)
        let lost = log.filter { if case .dropped(_, .loss) = $0 { return true } else { return false } }.count
        let duplicated = log.filter { if case .duplicated = $0 { return true } else { return false } }.count
        #expect(lost == 1_034)
        #expect(duplicated == 442)
        #expect(delivered.count == 10_000 - lost + duplicated)
        #expect(abs(Double(lost) / 10_000 - 0.1) < 0.01)
        #expect(abs(Double(duplicated) / Double(10_000 - lost) - 0.05) < 0.01)
        #expect(delivered.filter { $0.duplicateOf != nil }.count == duplicated)
    }

    @Test("a duplicate arrives right after its original with its own ID")
    func duplicateOrder() {
        let (_, delivered) = Self.blast(count: 50, seed: 3, faults: FaultPlan(duplicationProbability: 0.3))
        let originals = delivered.filter { $0.duplicateOf == nil }.map(\.message)
        #expect(originals == Array(0..<50))
        for (index, envelope) in delivered.enumerated() where envelope.duplicateOf != nil {
            #expect(index > 0 && delivered[index - 1].id == envelope.duplicateOf)
            #expect(delivered[index - 1].message == envelope.message)
        }
        #expect(delivered.count > 50)
    }

    @Test("reordering lets later messages overtake, and delivers each message exactly once")
    func reordering() {
        let (log, delivered) = Self.blast(count: 200, seed: 11, faults: FaultPlan(reorderProbability: 0.3))
        let messages = delivered.map(\.message)
        #expect(messages.sorted() == Array(0..<200))
        #expect(messages != Array(0..<200))
        let delayed = Set(
            log.compactMap { step -> MessageID? in if case .delayed(let id, _) = step { id } else { nil } })
        let inOrder = delivered.filter { !delayed.contains($0.id) }.map(\.message)
        #expect(inOrder == inOrder.sorted(), "messages not held back keep FIFO order")
    }

    @Test("a link drop loses everything in flight both ways, tells both ends, and later sends are lost")
    func linkDownDropsInFlight() {
        let network = SimulatedNetwork<String>(seed: 1)
        let ab = (0..<3).map { network.send("ab\($0)", from: "a", to: "b") }
        let ba = (0..<2).map { network.send("ba\($0)", from: "b", to: "a") }
        let ac = network.send("ac", from: "a", to: "c")
        #expect(network.linkDown("b", "a"))
        #expect(!network.linkDown("a", "b"))
        #expect(!network.isLinkUp("a", "b"))
        let whileDown = network.send("late", from: "a", to: "b")
        #expect(network.step() == .linkDown(LinkID("a", "b")))
        guard case .delivered(let envelope) = network.step() else {
            Issue.record("expected a->c to survive")
            return
        }
        #expect(envelope.id == ac)
        #expect(network.step() == nil)
        let dropped = network.log.compactMap { entry -> MessageID? in
            if case .dropped(let id, .linkDown) = entry.step { id } else { nil }
        }
        #expect(dropped == ab + ba + [whileDown])

        #expect(network.linkUp("a", "b"))
        #expect(network.step() == .linkUp(LinkID("a", "b")))
        network.send("again", from: "a", to: "b")
        guard case .delivered(let after) = network.step() else {
            Issue.record("expected delivery after the link is back")
            return
        }
        #expect(after.message == "again")
    }

    @Test("a link taken down with a restore time comes back up by itself")
    func linkRestore() {
        let network = SimulatedNetwork<Int>(seed: 1)
        network.linkDown("a", "b", restoreAfterMs: 3_000)
        #expect(network.step() == .linkDown(LinkID("a", "b")))
        #expect(network.step() == .linkUp(LinkID("a", "b")))
        #expect(network.nowMs == 3_000)
        #expect(network.isLinkUp("a", "b"))
    }

    @Test("random link drops come back after a drawn duration; a stale restore is ignored")
    func randomLinkDrops() {
        var faults = FaultPlan(linkDropProbability: 0.05)
        faults.linkDownDurationMs = 100...200
        let network = SimulatedNetwork<Int>(seed: 5, faults: faults)
        var events: [String] = []
        var downAt: UInt64 = 0
        for n in 0..<400 {
            network.send(n, from: "a", to: "b")
            network.run(until: network.nowMs + 20) { event in
                switch event {
                case .linkDown:
                    downAt = network.nowMs
                    events.append("down")
                case .linkUp:
                    #expect((100...200).contains(network.nowMs - downAt))
                    events.append("up")
                case .delivered, .timerFired, .endpointRestarted:
                    break
                }
            }
        }
        #expect(events.count >= 4)
        #expect(events == Array(repeating: ["down", "up"], count: events.count / 2).flatMap { $0 })
    }

    @Test("restarting an endpoint loses its traffic and timers, and nobody else's")
    func restart() {
        let network = SimulatedNetwork<String>(seed: 1)
        network.send("to server", from: "alice", to: "server")
        network.send("from server", from: "server", to: "bob")
        let kept = network.send("alice to bob", from: "alice", to: "bob")
        network.schedule(after: 100, TimerToken(owner: "server", label: "presence"))
        let aliceTimer = network.schedule(after: 100, TimerToken(owner: "alice", label: "login"))
        network.restart("server")
        #expect(network.step() == .endpointRestarted("server"))
        #expect(network.messagesInFlight.map(\.id) == [kept])
        #expect(network.pendingTimers.map(\.id) == [aliceTimer])
    }

    @Test("the restart fault replaces a delivery with a restart of the receiver")
    func restartFault() {
        let faults = FaultPlan(restartProbability: 1, restartableEndpoints: ["server"])
        let network = SimulatedNetwork<Int>(seed: 1, faults: faults)
        let id = network.send(1, from: "alice", to: "server")
        network.send(2, from: "server", to: "bob")
        #expect(network.step() == .endpointRestarted("server"))
        #expect(network.log.contains { $0.step == .dropped(id, .restart) })
        #expect(network.step() == nil)
    }
}
