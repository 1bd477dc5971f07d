import Testing

@testable import RTMKit

@Suite struct DictatedNetworkTests {
    @Test("nothing is delivered until the caller says so, in the order the caller says")
    func deliverInDictatedOrder() throws {
        let network = SimulatedNetwork<String>(seed: 1, mode: .dictated)
        let first = network.send("one", from: "a", to: "b")
        let second = network.send("two", from: "a", to: "b")
        #expect(network.step() == nil)
        #expect(network.messagesInFlight.map(\.id) == [first, second])
        try network.deliver(second)
        #expect(network.step() == .delivered(Envelope(id: second, from: "a", to: "b", sentAtMs: 0, message: "two")))
        try network.deliver(first)
        #expect(network.step() == .delivered(Envelope(id: first, from: "a", to: "b", sentAtMs: 0, message: "one")))
        #expect(network.step() == nil)
        #expect(network.nowMs == 0)
    }

    @Test("drop loses a message; duplicate adds a copy with a new ID; unknown IDs are errors")
    func dropAndDuplicate() throws {
        let network = SimulatedNetwork<String>(seed: 1, mode: .dictated)
        let lost = network.send("lost", from: "a", to: "b")
        let twice = network.send("twice", from: "a", to: "b")
        try network.drop(lost)
        let copy = try network.duplicate(twice)
        #expect(copy == MessageID(rawValue: 3))
        try network.deliver(copy)
        try network.deliver(twice)
        let received = [network.step(), network.step()].compactMap { event -> String? in
            if case .delivered(let envelope) = event { "\(envelope.id):\(envelope.message)" } else { nil }
        }
        #expect(received == ["m3:twice", "m2:twice"])
        #expect(throws: DictationError.unknownMessage(lost)) { try network.deliver(lost) }
        #expect(throws: DictationError.unknownMessage(twice)) { try network.drop(twice) }
        #expect(throws: DictationError.unknownMessage(MessageID(rawValue: 99))) {
            try network.duplicate(MessageID(rawValue: 99))
        }
        let lines = network.log.map(\.description)
        #expect(lines == [
            "@0 send m1 a->b", "@0 send m2 a->b", "@0 drop m1 (dictated)", "@0 duplicate m2 as m3",
            "@0 deliver m3", "@0 deliver m2",
        ])
    }

    @Test("advance fires due timers in order and then moves the clock; going back is an error")
    func advance() throws {
        let network = SimulatedNetwork<Int>(seed: 1, mode: .dictated)
        network.schedule(after: 60_000, TimerToken(owner: "a", label: "expiry"))
        network.schedule(after: 4_000, TimerToken(owner: "a", label: "interruption"))
        try network.advance(to: 1_000)
        #expect(network.nowMs == 1_000)
        #expect(network.step() == nil)
        try network.advance(to: 61_000)
        var fired: [String] = []
        while let event = network.step() {
            if case .timerFired(_, let token) = event { fired.append("\(token.label)@\(network.nowMs)") }
        }
        #expect(fired == ["interruption@4000", "expiry@60000"])
        #expect(network.nowMs == 61_000)
        #expect(throws: DictationError.clockWouldGoBack(fromMs: 61_000, toMs: 5)) { try network.advance(to: 5) }
    }

    @Test("a timer scheduled while advancing fires within the same advance if it is due")
    func timerScheduledDuringAdvance() throws {
        let network = SimulatedNetwork<Int>(seed: 1, mode: .dictated)
        network.schedule(after: 100, TimerToken(owner: "a", label: "first"))
        try network.advance(to: 1_000)
        var fired: [String] = []
        while let event = network.step() {
            guard case .timerFired(_, let token) = event else { continue }
            fired.append("\(token.label)@\(network.nowMs)")
            if token.label == "first" { network.schedule(after: 50, TimerToken(owner: "a", label: "second")) }
        }
        #expect(fired == ["first@100", "second@150"])
        #expect(network.nowMs == 1_000)
    }

    @Test("link down in dictated mode drops pending messages both ways and tells the owner")
    func dictatedLinkDown() throws {
        let network = SimulatedNetwork<Int>(seed: 1, mode: .dictated)
        let ab = network.send(1, from: "a", to: "b")
        let ba = network.send(2, from: "b", to: "a")
        network.linkDown("a", "b")
        #expect(network.step() == .linkDown(LinkID("a", "b")))
        #expect(throws: DictationError.unknownMessage(ab)) { try network.deliver(ab) }
        #expect(throws: DictationError.unknownMessage(ba)) { try network.deliver(ba) }
        network.linkUp("a", "b")
        #expect(network.step() == .linkUp(LinkID("a", "b")))
    }

    @Test("deliver and advance are refused on an automatic network")
    func automaticRefusesDictation() {
        let network = SimulatedNetwork<Int>(seed: 1)
        let id = network.send(1, from: "a", to: "b")
        #expect(throws: DictationError.notDictated) { try network.deliver(id) }
        #expect(throws: DictationError.notDictated) { try network.advance(to: 10) }
    }
}
