import RTMKit
import Testing

@testable import RTMTrace

@Suite struct TraceNetworkMappingTests {
    @Test("a dictated SimulatedNetwork run's log becomes network and clock lines that read back")
    func logOfADictatedRun() throws {
        let network = SimulatedNetwork<String>(seed: 1, mode: .dictated)
        let first = network.send("invite", from: "alice", to: "server")
        let second = network.send("ack", from: "server", to: "alice")
        try network.deliver(first)
        let copy = try network.duplicate(second)
        try network.drop(copy)
        network.linkDown("alice", "server")
        network.linkUp("server", "alice")
        network.restart("server")
        try network.advance(to: 1_500)
        while network.step() != nil {}

        let events = network.log.compactMap { TraceEvent($0.step, summary: nil) }
        #expect(
            events == [
                .network(.send(id: first.rawValue, from: "alice", to: "server", summary: nil)),
                .network(.send(id: second.rawValue, from: "server", to: "alice", summary: nil)),
                .network(.deliver(id: first.rawValue)),
                .network(.duplicate(id: second.rawValue, copy: copy.rawValue)),
                .network(.drop(id: copy.rawValue, reason: .dictated)),
                .network(.drop(id: second.rawValue, reason: .linkDown)),
                .network(.linkDown(a: "alice", b: "server")),
                .network(.linkUp(a: "alice", b: "server")),
                .network(.serverRestart),
                .clock(.to(ms: 1_500)),
            ])
        let writer = TraceWriter(header: TraceSamples.header)
        try writer.write(events)
        #expect(try TraceReader.read(text: writer.text, file: "t").events == events)
    }

    @Test(
        "steps a trace leaves out map to nothing",
        arguments: [
            NetworkStep.timerFired(TimerID(rawValue: 1)), .timerCancelled(TimerID(rawValue: 1)),
            .delayed(MessageID(rawValue: 1), extraMs: 5), .endpointRestarted("alice"),
        ])
    func omittedSteps(_ step: NetworkStep) {
        #expect(TraceEvent(step) == nil)
    }

    @Test("link and message steps expose RTMKit's IDs")
    func rtmKitIDs() {
        #expect(TraceNetworkStep.linkDown(a: "server", b: "alice").link == LinkID("alice", "server"))
        #expect(TraceNetworkStep.deliver(id: 7).messageID == MessageID(rawValue: 7))
        #expect(TraceNetworkStep.serverRestart.messageID == nil)
    }
}
