/// The figures of one benchmark run, for `rtmcheck bench` and for comparing with Spin.
///
/// ```swift
/// let report = BenchmarkReport(name: "grid", result: CounterGridModel().check(options: options))
/// print(report.text)      // or report.json()
/// ```
public struct BenchmarkReport: Codable, Hashable, Sendable {
    /// The scenario's name.
    public var name: String
    /// Distinct states stored.
    public var states: Int
    public var transitions: Int
    /// The largest depth of a stored state.
    public var depth: Int
    /// Wall-clock time of the search.
    public var seconds: Double
    public var statesPerSecond: Double
    /// The checker's own tables at the end, per stored state (see ``StoreStatistics/bytes``).
    public var bytesPerState: Double
    /// The process's peak resident memory (`VmHWM`), 0 where it cannot be read. It covers the whole
    /// process, so run one benchmark per process for a clean figure.
    public var peakMemoryBytes: Int
    public var workers: Int
    /// "exact", "compact" or "bitstate".
    public var storage: String
    /// "passed", "failed" or "incomplete".
    public var verdict: String
    /// The result's one-sentence summary (says "probabilistic" for compact and bitstate storage).
    public var summary: String
    /// Whether the whole space was explored.
    public var exhausted: Bool
    /// Whether states were folded by symmetry.
    public var symmetry: Bool
    /// Compact storage: the estimated probability of an omission.
    public var omissionProbability: Double?
    /// Bitstate storage: the estimated coverage.
    public var expectedCoverage: Double?

    /// The figures of `result`; the peak memory is read from the process.
    public init<M: Model>(name: String, result: CheckResult<M>, peakMemoryBytes: Int? = SystemInfo.peakResidentBytes) {
        self.name = name
        states = result.states
        transitions = result.transitions
        depth = result.maxDepth
        seconds = result.duration.seconds
        statesPerSecond = result.statesPerSecond
        bytesPerState = result.store?.bytesPerState(states: result.states) ?? 0
        self.peakMemoryBytes = peakMemoryBytes ?? 0
        workers = result.workers
        storage = result.storage.rawValue
        verdict = result.outcome.rawValue
        summary = result.summary
        exhausted = result.termination.isExhaustive
        symmetry = result.store?.symmetryReduced ?? false
        omissionProbability = result.store?.omissionProbability
        expectedCoverage = result.store?.expectedCoverage
    }

    /// One JSON object with sorted keys (absent optionals omitted), ending in a newline.
    public func json() -> String {
        var members: [String: JSONValue] = [
            "name": .string(name), "states": .int(states), "transitions": .int(transitions), "depth": .int(depth),
            "seconds": .double(seconds), "statesPerSecond": .double(statesPerSecond),
            "bytesPerState": .double(bytesPerState), "peakMemoryBytes": .int(peakMemoryBytes),
            "workers": .int(workers), "storage": .string(storage), "verdict": .string(verdict),
            "summary": .string(summary), "exhausted": .bool(exhausted), "symmetry": .bool(symmetry),
        ]
        if let omissionProbability { members["omissionProbability"] = .double(omissionProbability) }
        if let expectedCoverage { members["expectedCoverage"] = .double(expectedCoverage) }
        var out = ""
        JSONValue.object(members).render(indent: "", into: &out)
        return out + "\n"
    }

    /// Aligned lines for a terminal.
    public var text: String {
        let rows: [(String, String)] = [
            ("benchmark", name),
            ("verdict", "\(verdict): \(summary)"),
            ("states", String(states)),
            ("transitions", String(transitions)),
            ("depth", String(depth)),
            ("wall time", Report.formatSeconds(seconds) + " s"),
            ("states/s", String(Int(statesPerSecond.rounded()))),
            ("bytes/state", String(Int(bytesPerState.rounded())) + " (\(storage) storage)"),
            ("peak memory", String(peakMemoryBytes / (1 << 20)) + " MiB"),
            ("workers", String(workers)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }
            .joined(separator: "\n") + "\n"
    }
}

extension Model {
    /// Checks this model with `options` and returns the benchmark figures.
    public func benchmark(name: String, options: CheckOptions) -> BenchmarkReport {
        BenchmarkReport(name: name, result: check(options: options))
    }
}
