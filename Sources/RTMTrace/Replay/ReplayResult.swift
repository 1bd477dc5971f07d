/// How a replay drove RTMKit through a trace: chosen from the trace itself (docs/trace-format.md, "Replay").
public enum ReplayMode: String, Hashable, Sendable, CaseIterable {
    /// A recorded trace (its notes hold ``RecordedNetwork``): the network runs with the recorded seed and
    /// faults, and every line — calls, callbacks, network steps, clock moves — must come out in file order.
    case seeded
    /// A trace with network lines but no recorded settings: messages wait until a `deliver` line, faults
    /// happen when their lines say, time moves only by clock lines.
    case dictated
    /// A trace without network lines: messages are delivered promptly, in order, when the trace waits for
    /// a callback; time moves only by clock lines.
    case prompt
}

/// The first place where RTMKit did not do what a trace says.
public struct ReplayDivergence: Hashable, Sendable {
    /// The trace line (nil: the end of the trace, where RTMKit did more).
    public var line: Int?
    /// The line as the trace holds it (JSON), or `end of trace`.
    public var expected: String
    /// What RTMKit did instead (a JSON line), or a sentence when it did nothing.
    public var actual: String
    /// The callbacks RTMKit delivered since the last matched line that no line has matched, in order.
    public var happened: [String]
    /// The last line that matched (0: none).
    public var lastMatchedLine: Int

    public init(line: Int?, expected: String, actual: String, happened: [String], lastMatchedLine: Int) {
        self.line = line
        self.expected = expected
        self.actual = actual
        self.happened = happened
        self.lastMatchedLine = lastMatchedLine
    }
}

/// The outcome of replaying one trace against RTMKit.
///
/// `text()` prints one line when the replay matched (`t.jsonl: identical (…)`), and for a divergence the
/// editor-friendly `file:line: expected <line>, got <what RTMKit did>` followed by the callbacks that did
/// happen since the last matched line.
public struct ReplayResult: Hashable, Sendable {
    public enum Verdict: String, Hashable, Sendable {
        /// RTMKit did everything the trace says, and nothing else.
        case identical
        /// It did not: ``ReplayResult/divergence`` says where.
        case diverged
        /// The trace uses what replay cannot drive yet (Signaling actors, an App Certificate not recorded).
        case skipped
    }

    public var file: String
    public var mode: ReplayMode
    public var verdict: Verdict
    /// Event lines matched.
    public var linesMatched: Int
    /// Protocol events the simulation handled (calls, callbacks, deliveries, timers, link events, restarts).
    public var simulationEvents: Int
    public var divergence: ReplayDivergence?
    /// Why the trace was skipped.
    public var reason: String?

    public init(
        file: String, mode: ReplayMode, verdict: Verdict, linesMatched: Int, simulationEvents: Int,
        divergence: ReplayDivergence? = nil, reason: String? = nil
    ) {
        self.file = file
        self.mode = mode
        self.verdict = verdict
        self.linesMatched = linesMatched
        self.simulationEvents = simulationEvents
        self.divergence = divergence
        self.reason = reason
    }

    /// Whether the trace passed (identical, or skipped as outside what replay drives).
    public var passed: Bool {
        switch verdict {
        case .identical, .skipped: true
        case .diverged: false
        }
    }

    /// The first line of the report: `file:line: expected …, got …` for a divergence.
    public var summary: String {
        switch verdict {
        case .identical:
            return "\(file): identical (\(linesMatched) lines matched, \(mode.rawValue) replay)"
        case .skipped:
            return "\(file): skipped: \(reason ?? "not replayable")"
        case .diverged:
            guard let divergence else { return "\(file): diverged" }
            let place = divergence.line.map { "\(file):\($0)" } ?? "\(file):end"
            return "\(place): expected \(divergence.expected), got \(divergence.actual)"
        }
    }

    /// The report for people.
    public func text() -> String {
        var out = summary + "\n"
        guard verdict == .diverged, let divergence else { return out }
        let since = divergence.lastMatchedLine == 0 ? "the start" : "line \(divergence.lastMatchedLine)"
        out += "  \(linesMatched) lines matched (\(mode.rawValue) replay); "
        if divergence.happened.isEmpty {
            out += "no callback happened since \(since) that the trace has not matched\n"
        } else {
            out += "callbacks that happened since \(since) and were not matched:\n"
            for callback in divergence.happened { out += "    \(callback)\n" }
        }
        return out
    }
}
