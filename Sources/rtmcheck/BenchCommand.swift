import ArgumentParser
import Foundation
import ModelChecker
import RTMSystem

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Exhaust a benchmark scenario and print the checker's speed and memory.",
        discussion: """
            Runs the named scenario (Models/<name>.yaml, or a path) with its bounds lifted unless given \
            here, and prints distinct states, transitions, depth, wall time, states/s, bytes/state (of \
            peak memory, and of the checker's own tables: the visited store's share, and for exact \
            storage the overhead beside the states), peak memory and workers. A declared symmetry is \
            sampled first (exit 64 when the sample shows it wrong). Partial-order reduction is on, as in Spin (--no-partial-order explores every \
            interleaving). Compact and bitstate storage say in the verdict that it is probabilistic.

            The bench scenarios are the families of ../shared/bench/spin/invitation.pml: \
            bench-invitation (-n4, -n5: everyone calls everyone), bench-invitation-callers1 (only c0 \
            calls), bench-invitation-callers1-online (-n4: nobody logs out) and \
            bench-invitation-online (everyone calls everyone, nobody logs out). \
            scripts/bench-vs-spin.sh runs this and Spin side by side.

            Examples:
              rtmcheck bench bench-invitation-callers1
              rtmcheck bench bench-invitation --max-states 5000000 --json
            """
    )

    @Argument(help: "A benchmark name (Models/<name>.yaml) or a scenario path.")
    var scenario: String

    @Option(help: "Stop after this many distinct states (default: exhaust).")
    var maxStates: Int?

    @Option(help: "Stop after this many seconds (default: none).")
    var time: Double?

    @Option(
        help: """
            State storage: exact (every state, compared exactly; the model's state encodings are kept), \
            compact (64-bit fingerprints, probabilistic) or bitstate (a fixed bit array, probabilistic).
            """)
    var store: CheckCommand.StoreOption = .exact

    @Option(
        help: """
            Memory bound, e.g. 8G: the run stops, and says so, when the process's resident memory \
            reaches it (read between batches of a few thousand states).
            """)
    var memory: String?

    @Option(help: "Worker threads (default: all cores).")
    var workers: Int?

    @Flag(help: "Explore without folding the clients the scenario declares interchangeable.")
    var noSymmetry = false

    @Flag(
        inversion: .prefixedNo,
        help: """
            Partial-order reduction: where a set of steps provably commutes with all others (one \
            client's steps while a message to it is in flight, say), explore only that set instead \
            of every interleaving. On by default, as in Spin; \
            --no-partial-order explores every interleaving. Verdicts and deadlocks are kept; counts \
            are of the reduced graph.
            """)
    var partialOrder = true

    @Flag(help: ArgumentHelp(CheckCommand.mergeStepsHelp + " Needs partial-order reduction."))
    var mergeSteps = false

    @Option(help: ArgumentHelp(CheckCommand.packFrontierHelp))
    var packFrontier: CheckCommand.FrontierOption = .auto

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        if mergeSteps, !partialOrder {
            throw ValidationError("--merge-steps needs partial-order reduction (drop --no-partial-order)")
        }
        let path = scenario.hasSuffix(".yaml") ? scenario : "Models/\(scenario).yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("no benchmark scenario at \(path)")
        }
        var loaded: Scenario
        do {
            loaded = try ScenarioLoader.load(path: path)
        } catch let error as ScenarioError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(64)
        }
        var memoryBytes: Int?
        if let memory {
            guard let bytes = ScenarioLoader.parseBytes(memory) else {
                throw ValidationError("--memory: expected e.g. 8G or 512M, got '\(memory)'")
            }
            memoryBytes = bytes
        }
        loaded.bounds = Bounds(depth: nil, states: maxStates, seconds: time, memory: memoryBytes)
        let check = try ScenarioCheck(loaded)
        let workerCount = workers ?? CheckOptions.availableCores
        // The symmetry sample runs before the search and is not in its wall time: reported apart.
        let sampleStart = ContinuousClock.now
        if !noSymmetry {
            try SymmetryGate.validate(check, file: path, workers: workerCount)
        }
        let sampled = !noSymmetry && loaded.symmetry.contains { $0.count > 1 }
        let sampleSeconds = sampled ? Self.seconds(ContinuousClock.now - sampleStart) : 0
        var options = ScenarioCheck.Options()
        options.useSymmetry = !noSymmetry
        options.partialOrder = partialOrder
        options.mergesSteps = mergeSteps
        options.frontierPacking = packFrontier.packing
        options.collectCoverage = false  // bench prints no coverage; Spin counts none
        options.storage = store.storage
        options.workers = workerCount
        options.progress = ProgressLine.reporter(label: loaded.name)
        let (outcome, result) = check.run(options)
        ProgressLine.clear()
        let peak = SystemInfo.peakResidentBytes ?? 0
        let report = BenchFigures(
            scenario: loaded.name, states: outcome.states, transitions: outcome.transitions, depth: outcome.maxDepth,
            seconds: outcome.seconds, statesPerSecond: outcome.statesPerSecond,
            bytesPerState: outcome.states > 0 ? Double(peak) / Double(outcome.states) : 0,
            storedBytesPerState: result.store?.bytesPerState(states: outcome.states) ?? 0,
            visitedBytesPerState: result.store?.visitedBytesPerState(states: outcome.states) ?? 0,
            overheadBytesPerState: result.store?.overheadPerState(states: outcome.states) ?? 0, peakMemoryBytes: peak,
            workers: workerCount, store: store.rawValue, partialOrder: partialOrder,
            mergedSteps: result.store?.mergedSteps,
            frontier: packFrontier.rawValue, packedFromState: result.store?.packedFromState,
            symmetry: noSymmetry ? "" : loaded.symmetry.filter { $0.count > 1 }.map { "[" + $0.joined(separator: ", ") + "]" }
                .joined(separator: " "),
            exhausted: outcome.exhausted, allocator: Allocator.name, symmetrySampleSeconds: sampleSeconds,
            verdict: (outcome.passed
                ? (outcome.exhausted ? "pass (exhausted)" : "no violation \(outcome.scope)")
                : "fail")
                + (result.store?.probabilisticNote.map { "; \($0)" } ?? ""))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }
}

struct BenchFigures: Codable {
    var scenario: String
    var states: Int
    var transitions: Int
    var depth: Int
    var seconds: Double
    var statesPerSecond: Double
    var bytesPerState: Double
    /// The checker's own tables (visited store, parent links, monitors, state encodings) per state.
    var storedBytesPerState: Double
    /// Of those, the visited store's (compact: the fingerprint tables and runs).
    var visitedBytesPerState: Double
    /// Of those, all but the stored states themselves (the same as ``storedBytesPerState`` unless exact).
    var overheadBytesPerState: Double
    var peakMemoryBytes: Int
    var workers: Int
    var store: String
    /// Whether only ample sets were explored (partial-order reduction).
    var partialOrder: Bool
    /// Steps taken through states that were not stored (``CheckOptions/mergesSteps``), nil when steps
    /// were not merged.
    var mergedSteps: Int?
    /// When the frontier's states were kept as encodings: never, auto or always
    /// (``CheckOptions/FrontierPacking``).
    var frontier: String
    /// The first state kept as its encoding, or nil when the frontier held only values.
    var packedFromState: Int?
    /// The declared groups of interchangeable clients ("" when none).
    var symmetry: String
    var exhausted: Bool
    /// The memory allocator (``Allocator``).
    var allocator: String
    /// The time the declared symmetry's sample took before the search (0 without symmetry).
    var symmetrySampleSeconds: Double
    var verdict: String

    /// What the checker's tables hold per state: the visited store, and (exact) the overhead beside the states.
    var tableText: String {
        let visited = String(format: "%.1f", visitedBytesPerState)
        guard store == "exact" else { return ", \(visited) of them the visited store" }
        return String(format: ", %.1f of them overhead (%@ the visited store)", overheadBytesPerState, visited)
    }

    var text: String {
        String(
            format: """
                %@: %@
                  states        %d
                  transitions   %d
                  depth         %d
                  wall time     %.2f s
                  states/s      %.0f
                  bytes/state   %.0f (peak RSS / states); %.0f in the checker's tables%@
                  peak memory   %.1f MB
                  workers       %d, store %@, %@
                  symmetry      %@%@
                  reduction     %@
                  frontier      %@
                """, scenario, verdict, states, transitions, depth, seconds, statesPerSecond, bytesPerState,
            storedBytesPerState, tableText, Double(peakMemoryBytes) / 1_048_576, workers, store, allocator,
            symmetry.isEmpty ? "none declared" : symmetry,
            symmetry.isEmpty ? "" : String(format: " (sampled first in %.2f s, not in the wall time)", symmetrySampleSeconds),
            reductionText, frontierText)
    }
}

extension BenchFigures {
    var reductionText: String {
        guard partialOrder else { return "none" }
        let merged = mergedSteps.map {
            "; \($0) single-successor steps merged, their states not stored (--merge-steps)"
        }
        return "partial-order (--no-partial-order explores every interleaving)" + (merged ?? "")
    }

    var frontierText: String {
        let how = packedFromState.map { $0 == 0 ? "encodings" : "values, then encodings from state \($0)" } ?? "values"
        return "\(how) (--pack-frontier \(frontier))"
    }
}

extension BenchCommand {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
