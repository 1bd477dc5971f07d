import ModelChecker
import RTMSystem

/// Gathers the three columns of a ``CoverageReport``: the transitions the traces take (each validated
/// against the model, completely when it can be, its matched execution's keys counted once per trace),
/// those the model exploration
/// of each scenario takes, and those a seeded simulation takes.
///
/// ```swift
/// var collector = CoverageCollector()
/// collector.addTraces(files)                 // Traces/**/*.jsonl
/// for scenario in scenarios { collector.addScenario(scenario, walks: 200, seed: 1) }
/// print(collector.report().text())
/// ```
public struct CoverageCollector: Sendable {
    public var traceKeys: [String: Int] = [:]
    public var modelKeys: [String: Int] = [:]
    public var simulationKeys: [String: Int] = [:]
    public var traces = 0
    public var tracesMatched = 0
    public var tracesNotMatched: [String] = []
    public var scenarios: [String] = []
    public var simulation: String?
    /// Validates traces for the traces column: completely first (so the steps that finish what a trace
    /// started, such as a server's purge timer, count), else as a prefix.
    public var validator = TraceValidator()

    public init() {}

    /// Validates each trace and counts the keys of its matched execution; a malformed trace, or one no
    /// execution matches, is listed as not counted.
    public mutating func addTraces(_ files: [String]) {
        for file in files {
            traces += 1
            do {
                var complete = validator
                complete.options.complete = true
                var result = try complete.validate(path: file)
                if result.verdict != .matched { result = try validator.validate(path: file) }
                guard result.verdict == .matched else {
                    tracesNotMatched.append("\(file): \(result.verdict.rawValue)")
                    continue
                }
                tracesMatched += 1
                for key in Set(result.coverage) { traceKeys[key, default: 0] += 1 }
            } catch {
                tracesNotMatched.append("\(error)")
            }
        }
    }

    /// Explores `scenario` within its bounds (breadth-first, fingerprints only, no properties) and, when
    /// `walks` > 0, runs that many seeded random walks of it.
    public mutating func addScenario(_ scenario: Scenario, walks: Int = 0, seed: UInt64 = 1, maxSeconds: Double? = nil)
        throws
    {
        var plain = scenario
        plain.properties = []
        let model = try RTMSystemModel(plain)
        var bounds = CheckOptions.Bounds(maxDepth: scenario.bounds.depth, maxStates: scenario.bounds.states)
        if let seconds = maxSeconds ?? scenario.bounds.seconds { bounds.maxDuration = .milliseconds(Int(seconds * 1000)) }
        let result = model.check(options: CheckOptions(
            strategy: .breadthFirst, storage: .compact, bounds: bounds, checkDeadlocks: false,
            stopWhenAllDecided: false, collectCoverage: true))
        for (key, count) in result.coverage { modelKeys[CoverageKey.normalize(key), default: 0] += count }
        scenarios.append("\(scenario.name): \(result.states) states, \(result.termination.description)")
        guard walks > 0 else { return }
        let simulated = model.check(options: CheckOptions(
            strategy: .randomWalks(count: walks, maxLength: scenario.bounds.depth ?? 200, seed: seed),
            bounds: bounds, checkDeadlocks: false, stopWhenAllDecided: false, collectCoverage: true))
        for (key, count) in simulated.coverage { simulationKeys[CoverageKey.normalize(key), default: 0] += count }
        simulation = "\(walks) random walks per scenario, seed \(seed)"
    }

    public func report() -> CoverageReport {
        CoverageReport(
            sources: CoverageReport.Sources(
                traces: traces, tracesMatched: tracesMatched, tracesNotMatched: tracesNotMatched, scenarios: scenarios,
                simulation: simulation),
            traces: traceKeys, model: modelKeys, simulation: simulationKeys)
    }
}
