import RTMProtocol
import Testing

@testable import RTMMachines

func sameContent(_ new: ServerMachine.State, _ old: OldServerMachine.State) -> Bool {
    new.sessions == old.sessions && new.channels == old.channels && new.offline == old.offline
        && new.pending == old.pending && new.invitations == old.invitations
}

@Suite("ServerMachine: indexed core against the linear reference")
struct ServerDifferentialTests {
    @Test(
        "Random walks give the same steps as the linear-scan core",
        arguments: [(1, 6, 8, 3), (2, 12, 14, 4), (3, 3, 5, 2), (4, 30, 40, 6), (5, 2, 3, 1), (6, 4, 6, 2)])
    func sameAsReference(_ seed: UInt64, _ users: Int, _ connections: Int, _ channels: Int) {
        var walk = ServerWalk(seed: seed, users: users, connections: connections, channels: channels)
        walk.flood = seed == 6
        var old = OldServerMachine.State()
        var new = ServerMachine.State()
        var mismatches = 0
        for step in 0..<(seed == 6 ? 20_000 : 6_000) where mismatches < 3 {
            let event = walk.event(new)
            let oldStep = OldServerMachine.step(old, event)
            let newStep = ServerMachine.step(new, event)
            var inPlace = new
            let applied = ServerMachine.apply(event, to: &inPlace)
            switch (oldStep, newStep, applied) {
            case (.moved(let o, let oe), .moved(let n, let ne), .moved(let ae, _)):
                if oe != ne || !sameContent(n, o) || ae != ne || inPlace != n || n.index != ServerIndex(n.content) {
                    mismatches += 1
                    Issue.record("step \(step) \(event): moved differently")
                }
                walk.observe(ne)
                old = o
                new = n
            case (.ignored(let o), .ignored(let n), .ignored(let a)):
                if o != n || a != n || inPlace != new {
                    mismatches += 1
                    Issue.record("step \(step) \(event): ignored")
                }
            case (.rejected(let o), .rejected(let n), .rejected(let a)):
                if o != n || a != n || inPlace != new {
                    mismatches += 1
                    Issue.record("step \(step) \(event): rejected")
                }
            default:
                mismatches += 1
                Issue.record("step \(step) \(event): \(oldStep) vs \(newStep)")
            }
        }
        #expect(mismatches == 0)
        #expect(new.index == ServerIndex(new.content))
    }
}
