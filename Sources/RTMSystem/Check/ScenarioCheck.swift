import Foundation
import ModelChecker
import RTMMachines

/// Checks one scenario: explores its composed model within the scenario's bounds and compares each
/// verdict with what the scenario expects.
public struct ScenarioCheck: Sendable {
    public struct Options: Sendable {
        public var strategy: CheckOptions.Strategy = .breadthFirst
        public var storage: CheckOptions.Storage = .exact
        /// Overrides of the scenario's bounds.
        public var maxDepth: Int?
        public var maxStates: Int?
        public var maxSeconds: Double?
        public var maxMemory: Int?
        /// Worker threads; results are identical for any count.
        public var workers: Int = 1
        /// Whether the scenario's symmetry declaration folds states (on by default).
        public var useSymmetry = true
        /// Whether only ample sets are explored (partial-order reduction; breadth-first only).
        public var partialOrder = false
        /// With ``partialOrder``: merge the steps the reduction leaves a state alone with
        /// (``CheckOptions/mergesSteps``). Needs ``collectCoverage`` off (merged runs count no coverage).
        public var mergesSteps = false
        /// When a breadth-first search keeps its frontier levels as state encodings
        /// (``CheckOptions/FrontierPacking``). Results are the same either way.
        public var frontierPacking: CheckOptions.FrontierPacking = .auto
        /// Whether transitions are counted per coverage key (``Outcome/coverage``); a benchmark, which
        /// prints no coverage, turns it off (each key is a string built per transition).
        public var collectCoverage = true
        public var progress: (@Sendable (CheckOptions.Progress) -> Void)?
        public init() {}
    }

    /// One property's verdict against its expectation.
    public struct Entry: Codable, Hashable, Sendable {
        public var property: String
        public var verdict: String
        public var detail: String
        public var expected: String
        public var matches: Bool
        /// The counterexample or witness, explained step by step in SDK vocabulary.
        public var steps: [String]?
    }

    public struct CoverageEntry: Codable, Hashable, Sendable {
        public var key: String
        public var count: Int
    }

    public struct Outcome: Codable, Hashable, Sendable {
        public var scenario: String
        public var summary: String
        public var states: Int
        public var transitions: Int
        public var maxDepth: Int
        public var seconds: Double
        public var statesPerSecond: Double
        public var scope: String
        /// Partial-order reduction was on: the counts are of the reduced state graph.
        public var partialOrder = false
        /// Steps merged through states not stored (``Options/mergesSteps``), nil when none were merged.
        public var mergedSteps: Int?
        public var exhausted: Bool
        public var entries: [Entry]
        public var coverage: [CoverageEntry]
        /// Whether every verdict matches its expectation (exit 0), else exit 1.
        public var passed: Bool
    }

    public let scenario: Scenario
    public let model: RTMSystemModel

    public init(_ scenario: Scenario) throws {
        self.scenario = scenario
        self.model = try RTMSystemModel(scenario)
    }

    public func run(_ options: Options = Options()) -> (Outcome, CheckResult<RTMSystemModel>) {
        var bounds = CheckOptions.Bounds()
        bounds.maxDepth = options.maxDepth ?? scenario.bounds.depth
        bounds.maxStates = options.maxStates ?? scenario.bounds.states
        bounds.maxMemoryBytes = options.maxMemory ?? scenario.bounds.memory
        bounds.maxResidentBytes = options.maxMemory ?? scenario.bounds.memory
        if let seconds = options.maxSeconds ?? scenario.bounds.seconds {
            bounds.maxDuration = .milliseconds(Int(seconds * 1000))
        }
        var checkOptions = CheckOptions(
            strategy: options.strategy, storage: options.storage, bounds: bounds, checkDeadlocks: true,
            stopAtFirstViolation: false, stopWhenAllDecided: false, collectCoverage: options.collectCoverage,
            progress: options.progress)
        checkOptions.workers = max(1, options.workers)
        checkOptions.useSymmetry = options.useSymmetry
        checkOptions.partialOrder = options.partialOrder
        checkOptions.mergesSteps = options.mergesSteps
        checkOptions.frontierPacking = options.frontierPacking
        let result = model.check(options: checkOptions)
        var entries: [Entry] = []
        for property in result.properties {
            let expected = expectation(for: property.name, kind: property.kind)
            let matches: Bool
            switch (property.kind, expected) {
            case (.sometimes, _):
                matches = !property.verdict.isFailure
            case (_, .violated):
                if case .violated = property.verdict { matches = true } else { matches = !property.verdict.isDefinite }
            case (_, .holds):
                matches = !property.verdict.isFailure
            }
            entries.append(Entry(
                property: property.name, verdict: property.verdict.name, detail: result.detail(of: property.verdict),
                expected: property.kind == .sometimes ? "witnessed" : expected.rawValue, matches: matches,
                steps: property.verdict.path.map { explain($0) }))
        }
        if result.deadlocks.count > 0 {
            entries.append(Entry(
                property: "no deadlock", verdict: "violated", detail: "\(result.deadlocks.count) deadlocked states",
                expected: "holds", matches: false, steps: result.deadlocks.path.map { explain($0) }))
        }
        var outcome = Outcome(
            scenario: scenario.name, summary: scenario.summary, states: result.states,
            transitions: result.transitions, maxDepth: result.maxDepth,
            seconds: Double(result.duration.components.seconds) + Double(result.duration.components.attoseconds) / 1e18,
            statesPerSecond: result.statesPerSecond, scope: result.scope, exhausted: result.termination.isExhaustive,
            entries: entries, coverage: result.sortedCoverage.map { CoverageEntry(key: $0.key, count: $0.count) },
            passed: entries.allSatisfy(\.matches))
        outcome.partialOrder = result.store?.partialOrderReduced ?? false
        outcome.mergedSteps = result.store?.mergedSteps
        return (outcome, result)
    }

    func expectation(for name: String, kind: PropertyKind) -> Scenario.Expectation {
        scenario.expectations[name] ?? .holds
    }

    /// A path as numbered steps: each action and what it produced (calls, returns, callbacks).
    public func explain(_ path: Path<RTMSystemModel>) -> [String] {
        var lines: [String] = []
        var state = path.initialState
        for (index, action) in path.actions.enumerated() {
            let (next, log) = model.explain(action, from: state)
            lines.append("\(index + 1). \(model.describe(action: action))")
            for line in log { lines.append("     \(line)") }
            state = next
        }
        lines.append("   state: \(model.describe(state: state))")
        return lines
    }
}

extension ScenarioCheck.Outcome {
    /// The human report: counts, each verdict, and any counterexample in SDK vocabulary.
    public func text(includeTiming: Bool = true, verbose: Bool = false) -> String {
        var out = "\(scenario): \(passed ? "PASS" : "FAIL")"
        if !summary.isEmpty { out += " — \(summary)" }
        out += "\n  \(states) states, \(transitions) transitions, depth \(maxDepth) \(scope)"
        if partialOrder {
            out += mergedSteps.map { " (partial-order reduced, \($0) single-successor steps merged)" }
                ?? " (partial-order reduced)"
        }
        if includeTiming {
            out += String(format: ", %.2f s, %.0f states/s", seconds, statesPerSecond)
        }
        out += "\n"
        for entry in entries {
            let mark = entry.matches ? "ok  " : "FAIL"
            let note = entry.expected == "violated" ? " (expected: violated)" : ""
            out += "  \(mark) \(entry.property): \(entry.detail)\(note)\n"
            if let steps = entry.steps, !entry.matches || (verbose && entry.verdict == "violated") {
                out += steps.map { "       \($0)" }.joined(separator: "\n") + "\n"
            }
        }
        out += mergedSteps == nil
            ? "  coverage: \(coverage.count) distinct transitions taken\n"
            : "  coverage: not counted (merged steps)\n"
        return out
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
