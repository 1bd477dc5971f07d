import ModelChecker
import RTMMachines
import Testing

@testable import RTMSystem

/// Server reads offered alone (`RTMSystemModel+ServerReads`): what the reduction may skip, checked
/// along real paths rather than one step.
@Suite struct ServerReadTests {
    /// States from seeded random walks (deep ones too, which a breadth-first sample misses), in visit
    /// order, without repeats, at most `cap` of them.
    static func walks(_ model: RTMSystemModel, count: Int, seed: UInt64, cap: Int = .max) -> [SystemState] {
        var generator = seed
        func next(_ bound: Int) -> Int {
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            return Int((generator >> 33) % UInt64(bound))
        }
        var seen: Set<SystemState> = []
        var states: [SystemState] = []
        var actions: [SystemAction] = []
        for _ in 0..<count {
            var state = model.initialStates[0]
            while states.count < cap {
                if seen.insert(state).inserted { states.append(state) }
                actions.removeAll(keepingCapacity: true)
                model.actions(state, into: &actions)
                guard !actions.isEmpty, let after = model.next(state, actions[next(actions.count)]) else { break }
                state = after
            }
        }
        return states
    }

    /// The states reachable from `state` in at most `depth` steps outside `ample`, at most `cap` of them.
    static func pathsAvoiding(
        _ ample: Set<SystemAction>, from state: SystemState, _ model: RTMSystemModel, depth: Int, cap: Int
    ) -> [SystemState] {
        var seen: Set<SystemState> = [state]
        var level = [state]
        var all = [state]
        var actions: [SystemAction] = []
        for _ in 0..<depth {
            var nextLevel: [SystemState] = []
            for s in level {
                actions.removeAll(keepingCapacity: true)
                model.actions(s, into: &actions)
                for action in actions where !ample.contains(action) {
                    guard all.count < cap, let t = model.next(s, action), seen.insert(t).inserted else { continue }
                    nextLevel.append(t)
                    all.append(t)
                }
            }
            level = nextLevel
        }
        return all
    }

    /// The ample-set condition itself, to a bounded depth: along every path that takes no action of an
    /// offered set, every action of the set stays enabled and commutes with every step taken.
    @Test(
        "Along every path outside an offered set, its actions stay enabled and commute with each step",
        arguments: [ReducibleScenarios.callers, ReducibleScenarios.twoCallees, ReducibleScenarios.threeClients])
    func ampleAlongPaths(_ text: String) throws {
        let model = try RTMSystemModel(ReducibleScenarios.parse(text))
        var reads = 0
        var checked = 0
        var actions: [SystemAction] = []
        for state in Self.walks(model, count: 60, seed: 7).prefix(400) {
            let (enabled, candidates) = ReducibleScenarios.candidates(in: state, of: model)
            for candidate in 0..<candidates.count {
                let ample = candidates[candidate].map { enabled[$0] }
                if ample.allSatisfy({ if case .deliverUp = $0 { true } else { false } }) { reads += 1 }
                let inside = Set(ample)
                for t in Self.pathsAvoiding(inside, from: state, model, depth: 3, cap: 40) {
                    actions.removeAll(keepingCapacity: true)
                    model.actions(t, into: &actions)
                    for a in ample {
                        #expect(actions.contains(a), "\(model.describe(action: a)) disabled in \(model.describe(state: t))")
                        guard let afterA = model.next(t, a) else { continue }
                        for b in actions where !inside.contains(b) {
                            guard let afterB = model.next(t, b) else { continue }
                            checked += 1
                            #expect(
                                model.next(afterA, b) == model.next(afterB, a),
                                "\(model.describe(action: a)) and \(model.describe(action: b)) do not commute in \(model.describe(state: t))")
                        }
                    }
                }
            }
        }
        #expect(checked > 1000, "only \(checked) pairs checked")
        if text != ReducibleScenarios.callers { #expect(reads > 20, "server reads offered in only \(reads) states") }
    }

    @Test("Offering server reads keeps every verdict and reduces further")
    func readsReduceFurther() throws {
        for text in [ReducibleScenarios.threeClients, ReducibleScenarios.twoCallees] {
            var model = try RTMSystemModel(ReducibleScenarios.parse(text))
            #expect(model.offersServerReads)
            var options = CheckOptions()
            options.partialOrder = true
            let withReads = model.check(options: options)
            model.offersServerReads = false
            let without = model.check(options: options)
            #expect(withReads.states < without.states)
            #expect(withReads.properties.map(\.verdict.name) == without.properties.map(\.verdict.name))
            #expect(withReads.deadlocks.count == without.deadlocks.count)
        }
    }

    @Test("Server reads are not offered where footprints are not tracked, nor under a planted server")
    func notOfferedUntracked() throws {
        #expect(try !RTMSystemModel(ReducibleScenarios.parse(ReducibleScenarios.peers)).offersServerReads)
        #expect(try !RTMSystemModel(ReducibleScenarios.named("channel")).offersServerReads)
        #expect(try !RTMSystemModel(ReducibleScenarios.parse(ReducibleScenarios.threeClients), serverStep: ServerMachine.step).offersServerReads)
        let tracked = try RTMSystemModel(ReducibleScenarios.parse(ReducibleScenarios.threeClients))
        #expect(tracked.offersServerReads && tracked.replica().offersServerReads)
    }

    @Test("A footprint conflicts on a write to what the other reads or writes, never on two reads")
    func footprintConflicts() {
        let readsSession0 = ReadFootprint(reads: ReadFootprint.session(0), writes: 0, records: 0)
        let writesSession0 = ReadFootprint(reads: 0, writes: ReadFootprint.session(0), records: 0)
        let appendsTo1 = ReadFootprint(reads: 0, writes: ReadFootprint.down(1), records: 0)
        #expect(!readsSession0.conflicts(with: readsSession0))
        #expect(readsSession0.conflicts(with: writesSession0) && writesSession0.conflicts(with: readsSession0))
        #expect(appendsTo1.conflicts(with: appendsTo1))
        #expect(!appendsTo1.conflicts(with: writesSession0))
        let pair01 = ReadFootprint(reads: 0, writes: 0, records: ReadFootprint.record(0, 1))
        let pair10 = ReadFootprint(reads: 0, writes: 0, records: ReadFootprint.record(1, 0))
        #expect(pair01.conflicts(with: pair01) && !pair01.conflicts(with: pair10))
    }
}
