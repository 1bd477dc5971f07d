import ArgumentParser
import Foundation
import ModelChecker
import RTMSystem
import RTMTrace

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Explore every interleaving of a scenario and check its properties.",
        discussion: """
            Each scenario (Models/*.yaml) composes N RTM clients, the server and a faulty network, and \
            the checker explores every interleaving of the users' calls, deliveries, faults and timers \
            within the scenario's bounds. A violated property is printed as a shortest counterexample, \
            step by step, in the SDK's vocabulary.

            Examples:
              rtmcheck check Models/invitation-race.yaml
              rtmcheck check Models/                      # every scenario in the folder
              rtmcheck check Models/channel.yaml --json
              rtmcheck check Models/invitation.yaml --max-depth 20 --verbose

            Exit status: 0 every verdict is as expected (within the stated bounds), 1 a property is \
            violated (or an expected violation was not found), 64 bad usage or a malformed scenario.
            """
    )

    @Argument(help: "Scenario files (.yaml) or folders of them.")
    var paths: [String]

    @Flag(help: "Print the full report as JSON.")
    var json = false

    @Flag(help: "Also print the counterexamples of expected violations and the coverage list.")
    var verbose = false

    @Option(help: "Search strategy: bfs (shortest counterexamples), dfs, or random (seeded walks).")
    var strategy: StrategyOption = .bfs

    @Option(help: "Seed for --strategy random.")
    var seed: UInt64 = 1

    @Option(help: "Random walks for --strategy random.")
    var walks: Int = 1000

    @Option(help: "State storage: exact (every state, compared exactly), compact (64-bit fingerprints) or bitstate (fixed bit array); compact and bitstate are probabilistic and say so.")
    var store: StoreOption = .exact

    @Option(help: "Worker threads (default: all cores); the results are identical for any count.")
    var workers: Int?

    @Option(
        help: """
            Memory bound, e.g. 8G or 512M: the search stops, and says so, when the process's resident \
            memory (read between batches) or the checker's tables reach it.
            """)
    var memory: String?

    @Option(help: "Override the scenario's depth bound.")
    var maxDepth: Int?

    @Option(help: "Override the scenario's bound on distinct states.")
    var maxStates: Int?

    @Option(help: "Override the scenario's time bound, in seconds.")
    var time: Double?

    @Flag(
        help: """
            Explore without folding the clients the scenario declares interchangeable (a declared \
            symmetry is otherwise sampled first and refused, exit 64, if the sample shows it wrong).
            """)
    var noSymmetry = false

    @Flag(
        inversion: .prefixedNo,
        help: """
            Partial-order reduction (breadth-first only): where a set of steps provably commutes \
            with all others (one client's steps while a message to it is in flight, or a server \
            read no other client's request can race), explore \
            only that set instead of every interleaving. Only scenarios without faults left and \
            without `delay` reduce. Verdicts and \
            deadlocks are kept; counts are of the reduced graph, and a counterexample is the shortest \
            in it, not necessarily the shortest overall (off by default for that reason).
            """)
    var partialOrder = false

    @Flag(help: ArgumentHelp(Self.mergeStepsHelp + " Needs --partial-order; counts no coverage."))
    var mergeSteps = false

    @Option(help: ArgumentHelp(Self.packFrontierHelp + " (default: auto)"))
    var packFrontier: CheckCommand.FrontierOption?

    @Flag(help: "Leave timings out of the report (for byte-identical output).")
    var noTiming = false

    @Option(help: ArgumentHelp(
        "Write the first counterexample (of an unexpected violation, else of an expected one) as a trace file.",
        valueName: "file"))
    var traceOut: String?

    enum StrategyOption: String, ExpressibleByArgument, CaseIterable { case bfs, dfs, random }
    /// `--merge-steps`' help (`check` and `bench`).
    static let mergeStepsHelp = """
        With partial-order reduction, take at once each step the reduction leaves a state alone \
        with, and store only the state where such a run ends (a property deciding something, a \
        final state, or a choice ends it), as Spin merges statements. Verdicts and deadlocks are \
        kept and counterexamples still show every step. For memory: in the invitation benchmarks \
        half the states are stored (two fifths less peak memory) for about a sixth more time; \
        depth and transitions count a run as one step, and a counterexample is shortest in runs.
        """
    /// `--pack-frontier`'s help (`check` and `bench`).
    static let packFrontierHelp = """
        Keep the breadth-first frontier's states as their encodings, a few hundred bytes each, \
        decoded when expanded, instead of as values (whose heap storage is most of the memory of \
        a wide level): about a quarter of the memory for a fifth to two fifths more time per state. \
        auto packs once resident memory passes half the --memory bound (half the machine's \
        memory without one); always packs from the start; never keeps values. Results are \
        identical either way.
        """

    enum FrontierOption: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
        var packing: CheckOptions.FrontierPacking {
            switch self {
            case .auto: .auto
            case .always: .always
            case .never: .never
            }
        }
    }
    enum StoreOption: String, ExpressibleByArgument, CaseIterable {
        case exact, compact, bitstate
        var storage: CheckOptions.Storage {
            switch self {
            case .exact: .exact
            case .compact: .compact
            case .bitstate: .bitstate
            }
        }
    }

    func run() throws {
        if partialOrder, strategy != .bfs {
            throw ValidationError("--partial-order needs --strategy bfs (depth-first search and walks explore every interleaving)")
        }
        if mergeSteps, !partialOrder {
            throw ValidationError("--merge-steps needs --partial-order (it merges the steps the reduction leaves alone)")
        }
        if packFrontier != nil, strategy != .bfs {
            throw ValidationError("--pack-frontier needs --strategy bfs (depth-first search and walks keep no frontier levels)")
        }
        let files = try ScenarioFiles.expand(paths)
        var allPassed = true
        var wroteTrace = false
        var outcomes: [ScenarioCheck.Outcome] = []
        let workerCount = workers ?? CheckOptions.availableCores
        for file in files {
            let check: ScenarioCheck
            do {
                check = try ScenarioCheck(try ScenarioLoader.load(path: file))
            } catch let error as ScenarioError {
                var located = error
                located.file = file
                FileHandle.standardError.write(Data("\(located)\n".utf8))
                throw ExitCode(64)
            }
            if !noSymmetry {
                try SymmetryGate.validate(check, file: file, workers: workerCount)
            }
            var options = ScenarioCheck.Options()
            options.useSymmetry = !noSymmetry
            options.partialOrder = partialOrder
            options.mergesSteps = mergeSteps
            if mergeSteps { options.collectCoverage = false }
            options.frontierPacking = (packFrontier ?? .auto).packing
            switch strategy {
            case .bfs: options.strategy = .breadthFirst
            case .dfs: options.strategy = .depthFirst
            case .random: options.strategy = .randomWalks(count: walks, maxLength: maxDepth ?? 200, seed: seed)
            }
            options.storage = store.storage
            options.workers = workerCount
            if let memory {
                guard let bytes = ScenarioLoader.parseBytes(memory) else { throw ValidationError("--memory: expected e.g. 8G or 512M, got '\(memory)'") }
                options.maxMemory = bytes
            }
            options.maxDepth = maxDepth
            options.maxStates = maxStates
            options.maxSeconds = time
            options.progress = ProgressLine.reporter(label: check.scenario.name)
            let (outcome, result) = check.run(options)
            ProgressLine.clear()
            if let traceOut, !wroteTrace {
                wroteTrace = try writeCounterexample(check, outcome, result, to: traceOut)
            }
            allPassed = allPassed && outcome.passed
            outcomes.append(outcome)
            if !json { print(outcome.text(includeTiming: !noTiming, verbose: verbose)) }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(outcomes), as: UTF8.self))
        }
        if !allPassed { throw ExitCode(1) }
    }
}

extension CheckCommand {
    /// Writes the counterexample of the first unexpected violation (else the first expected one).
    func writeCounterexample(
        _ check: ScenarioCheck, _ outcome: ScenarioCheck.Outcome, _ result: CheckResult<RTMSystemModel>,
        to path: String
    ) throws -> Bool {
        let violated = result.properties.filter { if case .violated = $0.verdict { true } else { false } }
        let unexpected = violated.filter { p in outcome.entries.contains { $0.property == p.name && !$0.matches } }
        guard let chosen = unexpected.first ?? violated.first, let counterexample = chosen.verdict.path else {
            return false
        }
        let generator = try SuiteGenerator(scenario: check.scenario)
        let note = "counterexample to \(chosen.name) in \(check.scenario.name), found by rtmcheck check"
        guard let trace = generator.trace(of: counterexample.actions, name: check.scenario.name, note: note) else {
            return false
        }
        try trace.text.write(toFile: path, atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data("wrote the counterexample to \(chosen.name) to \(path)\n".utf8))
        return true
    }
}

/// Scenario paths: files as given, folders expanded to their `.yaml` files in name order.
enum ScenarioFiles {
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                guard !names.isEmpty else { throw ValidationError("no .yaml scenarios in \(path)") }
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }
}

/// A progress line on stderr for runs that take over a second.
enum ProgressLine {
    static func reporter(label: String) -> @Sendable (CheckOptions.Progress) -> Void {
        { progress in
            guard progress.elapsed > .seconds(1) else { return }
            let tty = isatty(2) != 0
            let line = String(
                format: "%@%@: %d states, depth %d, %.0f states/s%@", tty ? "\r" : "", label, progress.states,
                progress.depth, progress.statesPerSecond, tty ? "   " : "\n")
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    static func clear() {
        guard isatty(2) != 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
