import Testing

@testable import RTMKit

/// A small deterministic workload: endpoints that answer every message until a budget runs
/// out, plus a periodic timer per endpoint, driven through `step()`.
struct PingPong {
    let network: SimulatedNetwork<Int>
    var remaining: Int
    var received: [EndpointID: [Int]] = [:]

    init(seed: UInt64, faults: FaultPlan, budget: Int = 1_000) {
        network = SimulatedNetwork(seed: seed, faults: faults)
        remaining = budget
        let endpoints: [EndpointID] = ["server", "alice", "bob"]
        for (index, endpoint) in endpoints.enumerated() {
            network.setLatency(UInt64(5 + index * 7), from: endpoint, to: "server")
            network.schedule(after: 1_000, TimerToken(owner: endpoint, label: "tick"))
        }
        network.send(0, from: "alice", to: "server")
        network.send(0, from: "bob", to: "server")
    }

    mutating func run() {
        while let event = network.step() {
            switch event {
            case .delivered(let envelope):
                received[envelope.to, default: []].append(envelope.message)
                guard remaining > 0 else { continue }
                remaining -= 1
                network.send(envelope.message + 1, from: envelope.to, to: envelope.from)
            case .timerFired(_, let token):
                guard remaining > 0 else { continue }
                network.schedule(after: 1_000, token)
                let peer: EndpointID = token.owner == "server" ? "alice" : "server"
                network.send(-1, from: token.owner, to: peer)
            case .linkDown, .linkUp, .endpointRestarted:
                continue
            }
        }
    }

    static func logText(seed: UInt64, faults: FaultPlan) -> String {
        var workload = PingPong(seed: seed, faults: faults)
        workload.run()
        return workload.network.log.map(\.description).joined(separator: "\n")
    }
}

@Suite struct SimulatedNetworkTests {
    static let faulty = FaultPlan(
        lossProbability: 0.1, duplicationProbability: 0.05, reorderProbability: 0.2, linkDropProbability: 0.02,
        restartProbability: 0.05, restartableEndpoints: ["bob"])

    @Test("the same seed gives a byte-identical event log")
    func sameSeedSameLog() {
        let first = PingPong.logText(seed: 42, faults: Self.faulty)
        let second = PingPong.logText(seed: 42, faults: Self.faulty)
        #expect(first == second)
        #expect(first.split(separator: "\n").count > 2_000)
        for kind in ["drop m", "(loss)", "duplicate m", "delay m", "link-down", "link-up", "restart bob", "fire t"] {
            #expect(first.contains(kind), "the faulty run should exercise \(kind)")
        }
    }

    @Test("a different seed gives a different log")
    func differentSeedDifferentLog() {
        #expect(PingPong.logText(seed: 42, faults: Self.faulty) != PingPong.logText(seed: 43, faults: Self.faulty))
    }

    @Test("without faults, each link delivers in send order even when its latency drops mid-stream")
    func fifoPerLink() {
        let network = SimulatedNetwork<Int>(seed: 1)
        network.setLatency(50, from: "a", to: "b")
        for n in 0..<50 { network.send(n, from: "a", to: "b") }
        network.setLatency(1, from: "a", to: "b")
        for n in 50..<100 {
            network.send(n, from: "a", to: "b")
            network.send(1_000 + n, from: "c", to: "b")
        }
        var fromA: [Int] = []
        var fromC: [Int] = []
        var times: [UInt64] = []
        network.runUntilQuiet(maxSteps: 1_000) { event in
            guard case .delivered(let envelope) = event else { return }
            times.append(network.nowMs)
            if envelope.from == "a" { fromA.append(envelope.message) } else { fromC.append(envelope.message) }
        }
        #expect(fromA == Array(0..<100))
        #expect(fromC == Array(1_050..<1_100))
        #expect(times == times.sorted())
    }

    @Test("a message arrives after its link's latency, on the virtual clock")
    func latency() {
        let network = SimulatedNetwork<String>(seed: 1, defaultLatencyMs: 25)
        let id = network.send("hi", from: "a", to: "b")
        guard case .delivered(let envelope) = network.step() else {
            Issue.record("expected a delivery")
            return
        }
        #expect(envelope.id == id)
        #expect(envelope.message == "hi")
        #expect(network.nowMs == 25)
        #expect(network.step() == nil)
    }

    @Test("a 60 s timer never fires before a 4 s one, whatever the scheduling order")
    func timersByVirtualTime() {
        let network = SimulatedNetwork<Int>(seed: 1)
        let long = network.schedule(after: 60_000, TimerToken(owner: "alice", label: "invitation expiry"))
        let short = network.schedule(after: 4_000, TimerToken(owner: "alice", label: "interruption"))
        #expect(network.step() == .timerFired(short, TimerToken(owner: "alice", label: "interruption")))
        #expect(network.nowMs == 4_000)
        #expect(network.step() == .timerFired(long, TimerToken(owner: "alice", label: "invitation expiry")))
        #expect(network.nowMs == 60_000)
        #expect(network.step() == nil)
    }

    @Test("timers due at the same time fire in scheduling order; messages due then keep send order")
    func sameTimeOrder() {
        let network = SimulatedNetwork<Int>(seed: 1, defaultLatencyMs: 10)
        let first = network.schedule(after: 10, TimerToken(owner: "a", label: "1"))
        network.send(1, from: "a", to: "b")
        let second = network.schedule(after: 10, TimerToken(owner: "a", label: "2"))
        var order: [String] = []
        network.runUntilQuiet(maxSteps: 10) { event in
            switch event {
            case .timerFired(let id, _): order.append(id.description)
            case .delivered(let envelope): order.append(envelope.id.description)
            case .linkDown, .linkUp, .endpointRestarted: order.append("?")
            }
        }
        #expect(order == [first.description, "m1", second.description])
    }

    @Test("a cancelled timer never fires; cancelling twice or after firing is a harmless no-op")
    func cancel() {
        let network = SimulatedNetwork<Int>(seed: 1)
        let doomed = network.schedule(after: 5, TimerToken(owner: "a", label: "x"))
        let kept = network.schedule(after: 10, TimerToken(owner: "a", label: "y"))
        #expect(network.cancel(doomed))
        #expect(!network.cancel(doomed))
        #expect(network.step() == .timerFired(kept, TimerToken(owner: "a", label: "y")))
        #expect(!network.cancel(kept))
        #expect(network.step() == nil)
    }

    @Test("run(until:) handles what is due by then and leaves the clock there")
    func runUntil() {
        let network = SimulatedNetwork<Int>(seed: 1)
        network.schedule(after: 4_000, TimerToken(owner: "a", label: "early"))
        network.schedule(after: 6_000, TimerToken(owner: "a", label: "late"))
        var fired: [String] = []
        network.run(until: 5_000) { event in
            if case .timerFired(_, let token) = event { fired.append(token.label) }
        }
        #expect(fired == ["early"])
        #expect(network.nowMs == 5_000)
        #expect(network.pendingTimers.map(\.token.label) == ["late"])
    }

    @Test("a periodic timer never goes quiet: runUntilQuiet reports the step limit")
    func stepLimit() {
        let network = SimulatedNetwork<Int>(seed: 1)
        network.schedule(after: 1_000, TimerToken(owner: "a", label: "heartbeat"))
        let outcome = network.runUntilQuiet(maxSteps: 25) { event in
            if case .timerFired(_, let token) = event { network.schedule(after: 1_000, token) }
        }
        #expect(outcome == .stepLimitReached(steps: 25))
        #expect(network.nowMs == 25_000)
        #expect(network.runUntilQuiet(maxSteps: 0) { _ in } == .stepLimitReached(steps: 0))
        let idle = SimulatedNetwork<Int>(seed: 1)
        #expect(idle.runUntilQuiet(maxSteps: 5) { _ in } == .quiet(steps: 0))
    }

    @Test("every step reaches the observer in log order")
    func observer() {
        let network = SimulatedNetwork<Int>(seed: 1)
        var seen: [NetworkLogEntry] = []
        network.observer = { seen.append($0) }
        network.send(1, from: "a", to: "b")
        _ = network.step()
        #expect(seen == network.log)
        #expect(seen.map(\.description) == ["@0 send m1 a->b due@10", "@10 advance 10", "@10 deliver m1"])
        #expect(network.drainLog().count == 3)
        #expect(network.log.isEmpty)
    }
}
