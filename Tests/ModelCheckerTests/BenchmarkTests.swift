import Foundation
import ModelChecker
import Testing

/// A copy of `CounterGridModel` defined outside the checker's module, to measure the search as a
/// client module (RTMSystem) will see it.
struct ClientGrid: Model {
    struct State: Hashable, Sendable, StableHashable {
        var values: [UInt8]

        func stableHash(into hasher: inout StableHasher) { hasher.combine(values) }
    }

    var counters = 4
    var modulus = 32

    var initialStates: [State] { [State(values: Array(repeating: 0, count: counters))] }

    func actions(_ state: State, into actions: inout [Int]) {
        for index in 0..<counters { actions.append(index) }
    }

    func next(_ state: State, _ action: Int) -> State? {
        var next = state
        let value = Int(next.values[action]) + 1
        next.values[action] = UInt8(truncatingIfNeeded: value == modulus ? 0 : value)
        return next
    }
}

/// Not a timed test: run `RTMCHECK_BENCH=1 RTMCHECK_CORE=1 swift test -c release --filter Benchmark`
/// to print states per second on the one-million-state grid (`RTMCHECK_BENCH="exact 2"` runs only
/// the configurations whose name contains that text).
@Suite struct BenchmarkTests {
    @Test(
        "The million-state grid is explored completely (prints states/s)",
        .enabled(if: ProcessInfo.processInfo.environment["RTMCHECK_BENCH"] != nil))
    func millionStates() {
        let configurations: [(String, CheckOptions)] = [
            ("bfs exact 1 worker", CheckOptions(collectCoverage: false)),
            ("bfs exact 2 workers", CheckOptions(collectCoverage: false, workers: 2)),
            ("bfs compact 1 worker", CheckOptions(storage: .compact, collectCoverage: false)),
            ("bfs compact 2 workers", CheckOptions(storage: .compact, collectCoverage: false, workers: 2)),
            ("bfs bitstate 2 workers", CheckOptions(storage: .bitstate, collectCoverage: false, workers: 2)),
            ("dfs compact", CheckOptions(strategy: .depthFirst, storage: .compact, collectCoverage: false)),
        ]
        let only = ProcessInfo.processInfo.environment["RTMCHECK_BENCH"] ?? "1"
        for work in [0, 200] {
            for workers in [1, 2] {
                for storage in CheckOptions.Storage.allCases
                where only == "1" || "packed work \(work) \(storage) \(workers)".contains(only) {
                    let options = CheckOptions(storage: storage, collectCoverage: false, workers: workers)
                    let packed = PackedGridModel(work: work).check(options: options)
                    #expect(packed.states == 1 << 20)
                    let bytes = packed.store.map { Int($0.bytesPerState(states: packed.states)) } ?? 0
                    print("benchmark packed work \(work) \(storage) \(workers) worker(s): "
                        + "\(Int(packed.statesPerSecond)) states/s (\(packed.duration)), \(bytes) B/state")
                }
            }
        }
        for (name, options) in configurations where only == "1" || name.contains(only) {
            let inModule = ModelCheckerBenchmark.exploreGrid(options: options)
            #expect(inModule.states == 1 << 20)
            #expect(inModule.transitions == 4 << 20)
            let client = ClientGrid().check(options: options)
            #expect(client.states == 1 << 20)
            let bytes = inModule.store.map { Int($0.bytesPerState(states: inModule.states)) } ?? 0
            print("benchmark \(name): in-module \(Int(inModule.statesPerSecond)) states/s"
                + " (\(inModule.duration)), client module \(Int(client.statesPerSecond)) states/s (\(client.duration)),"
                + " \(bytes) B/state")
        }
    }
}
