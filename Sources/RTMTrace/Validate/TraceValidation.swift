import Foundation

/// The outcome of validating one trace against the model.
///
/// `text()` prints it for people: one line when it matched (`t.jsonl: valid (…)`), and for a
/// mismatch the editor-friendly `file:line: message` followed by the states reachable just before the
/// line and what they could have produced instead.
public struct TraceValidation: Hashable, Sendable, Codable {
    public enum Verdict: String, Hashable, Sendable, Codable {
        /// An execution of the model produces exactly the trace's calls, returns and callbacks.
        case matched
        /// No execution does; ``TraceValidation/failure`` says where.
        case mismatch
        /// The search hit its bound before deciding.
        case inconclusive
        /// The model does not cover the trace (Signaling actors); replay checks it.
        case skipped
    }

    /// Where and why no execution matches.
    public struct Failure: Hashable, Sendable, Codable {
        /// The first line no execution matches (nil: the end of the trace, under `--complete`).
        public var line: Int?
        /// That line as written (JSON), or a description of the end of the trace.
        public var expected: String
        public var message: String
        /// The model states reachable just before the line (distinct descriptions, the first few).
        public var states: [String]
        /// How many distinct states there were.
        public var stateCount: Int
        /// What those states could have produced instead.
        public var alternatives: [String]
    }

    /// A line validation did not match (network, clock and shell-level lines).
    public struct Skipped: Hashable, Sendable, Codable {
        public var line: Int
        public var reason: String
    }

    public var file: String
    public var verdict: Verdict
    /// The modeled lines matched (all of them when the verdict is `matched`; else those before the
    /// failing line).
    public var linesMatched: Int
    public var skipped: [Skipped]
    /// The (state, progress) pairs searched.
    public var explored: Int
    /// The network the search assumed.
    public var assumptions: String
    public var failure: Failure?
    /// Why the trace was skipped or the search was inconclusive.
    public var reason: String?
    /// The coverage keys of the matched execution (the model's transitions it takes).
    public var coverage: [String]
    /// The matched execution, step by step, in SDK vocabulary.
    public var execution: [String]
    /// The matched execution as moves of the validation's model, each with the trace lines it matched
    /// and the state it reaches (empty unless the verdict is `matched`; not part of the JSON).
    /// ``ScenarioPath`` turns it into a path of a scenario's actions.
    public var matchedPath: [MatchedStep] = []

    enum CodingKeys: String, CodingKey {
        case file, verdict, linesMatched, skipped, explored, assumptions, failure, reason, coverage, execution
    }

    init(
        file: String, verdict: Verdict, linesMatched: Int, skipped: [ValidationSetup.SkippedLine], explored: Int,
        assumptions: String, failure: Failure?, reason: String?, coverage: [String] = [], execution: [String] = [],
        matchedPath: [MatchedStep] = []
    ) {
        self.file = file
        self.verdict = verdict
        self.linesMatched = linesMatched
        self.skipped = skipped.map { Skipped(line: $0.line, reason: $0.reason) }
        self.explored = explored
        self.assumptions = assumptions
        self.failure = failure
        self.reason = reason
        self.coverage = coverage
        self.execution = execution
        self.matchedPath = matchedPath
    }

    /// Whether the trace passed (matched, or skipped as outside the model).
    public var passed: Bool {
        switch verdict {
        case .matched, .skipped: true
        case .mismatch, .inconclusive: false
        }
    }

    /// The report for people. `verbose` adds the skipped lines and the matched execution.
    public func text(verbose: Bool = false) -> String {
        var out = ""
        let shellSkips = skipped.filter { !$0.reason.hasPrefix("network line") && !$0.reason.hasPrefix("clock line") }
        switch verdict {
        case .matched:
            out += "\(file): valid (\(linesMatched) lines matched, \(explored) states searched; \(assumptions))\n"
            if !shellSkips.isEmpty {
                out += "  \(shellSkips.count) line\(shellSkips.count == 1 ? "" : "s") left to replay:"
                    + " \(shellSkips.map { String($0.line) }.joined(separator: ", "))\n"
            }
        case .skipped:
            out += "\(file): skipped: \(reason ?? "not covered by the model")\n"
        case .inconclusive:
            out += "\(file): inconclusive: \(reason ?? "search bound hit")\n"
        case .mismatch:
            guard let failure else { return "\(file): no execution matches\n" }
            out += "\(file):\(failure.line.map(String.init) ?? "end"): \(failure.message)\n"
            out += "  line: \(failure.expected)\n"
            out += "  \(linesMatched) earlier lines match; \(failure.stateCount) model state"
                + "\(failure.stateCount == 1 ? " is" : "s are") reachable just before this line"
                + " (\(assumptions)):\n"
            for state in failure.states { out += "    \(state)\n" }
            if failure.stateCount > failure.states.count {
                out += "    … and \(failure.stateCount - failure.states.count) more\n"
            }
            if failure.alternatives.isEmpty {
                out += "  what the model could do instead: nothing observable\n"
            } else {
                out += "  what the model could do instead:\n"
                for alternative in failure.alternatives { out += "    \(alternative)\n" }
            }
        }
        if verbose {
            for skip in skipped { out += "  skipped line \(skip.line): \(skip.reason)\n" }
            if !execution.isEmpty {
                out += "  matched execution:\n" + execution.map { "    \($0)\n" }.joined()
            }
        }
        return out
    }

    /// The result as pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
