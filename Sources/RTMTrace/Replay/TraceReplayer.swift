import RTMKit

/// Drives RTMKit with a trace's calls and compares every return code and callback (and, for a recorded
/// trace, every network step and clock move) with the trace's lines, stopping at the first divergence.
///
/// How the network behaves depends on the trace (``ReplayMode``, docs/trace-format.md "Replay"):
/// a recorded trace replays with its recorded seed and faults (seeded); a trace with network lines has
/// them carried out (dictated); a trace without them gets prompt, in-order delivery (prompt). In every
/// mode the clock moves only as the trace says, and calls are made in file order.
///
/// ```swift
/// let result = try TraceReplayer().replay(path: "Traces/docs/invitation-accept.jsonl")
/// print(result.text())   // "Traces/docs/invitation-accept.jsonl: identical (19 lines matched, prompt replay)"
/// ```
///
/// A malformed trace throws its ``TraceError`` (`file:line: message`) when the replay reaches the bad line.
///
/// - Complexity: O(*n* + *e*) for *n* lines and *e* simulation events; a recorded trace is streamed in
///   memory bounded by what RTMKit produced ahead of the line being matched.
public struct TraceReplayer: Sendable {
    public struct Options: Sendable {
        /// The most simulation steps taken while waiting for one line, before it is reported as not happening.
        public var maxStepsPerLine = 1_000_000
        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Replays the trace at `path`, reading it line by line.
    public func replay(path: String) throws(TraceError) -> ReplayResult {
        let reader = try TraceReader(path: path)
        let network = try Self.recordedNetwork(reader.header, file: path, line: reader.headerLine)
        let mode: ReplayMode
        if network != nil {
            mode = .seeded
        } else {
            // Small hand-written traces: a first pass decides between dictated and prompt delivery.
            let scan = try TraceReader(path: path)
            mode = try Self.hasNetworkLines { () throws(TraceError) in try scan.next() } ? .dictated : .prompt
        }
        return try run(reader.header, file: path, mode: mode, network: network) { () throws(TraceError) in
            try reader.next()
        }
    }

    /// Replays a trace already in memory; `file` names it in the report.
    public func replay(_ trace: Trace, file: String, headerLine: Int = 1) throws(TraceError) -> ReplayResult {
        let network = try Self.recordedNetwork(trace.header, file: file, line: headerLine)
        let hasNetwork = trace.lines.contains { if case .network = $0.event { true } else { false } }
        let mode: ReplayMode = network != nil ? .seeded : hasNetwork ? .dictated : .prompt
        var iterator = trace.lines.makeIterator()
        return try run(trace.header, file: file, mode: mode, network: network) { () throws(TraceError) in
            iterator.next()
        }
    }

    /// Replays a trace given as text; `file` names it in errors and in the report.
    public func replay(text: String, file: String) throws(TraceError) -> ReplayResult {
        let reader = try TraceReader(text: text, file: file)
        return try replay(
            Trace(header: reader.header, lines: try reader.readAll()), file: file, headerLine: reader.headerLine)
    }

    private func run(
        _ header: TraceHeader, file: String, mode: ReplayMode, network: RecordedNetwork?,
        next: () throws(TraceError) -> TraceLine?
    ) throws(TraceError) -> ReplayResult {
        let made = ReplaySession.make(
            header: header, file: file, mode: mode, network: network, maxSteps: options.maxStepsPerLine)
        guard let session = made.session else {
            return ReplayResult(
                file: file, mode: mode, verdict: .skipped, linesMatched: 0, simulationEvents: 0,
                reason: made.skipReason)
        }
        var divergence: ReplayDivergence?
        while divergence == nil, let line = try next() {
            divergence = mode == .seeded ? session.seeded(line) : session.dictated(line)
        }
        if divergence == nil {
            divergence = mode == .seeded ? session.seededEnd() : session.dictatedEnd()
        }
        return ReplayResult(
            file: file, mode: mode, verdict: divergence == nil ? .identical : .diverged,
            linesMatched: session.matched, simulationEvents: session.simulation.counters.total,
            divergence: divergence)
    }

    /// The recorded network settings in the header's notes; a malformed settings line is a header error.
    static func recordedNetwork(_ header: TraceHeader, file: String, line: Int) throws(TraceError) -> RecordedNetwork? {
        do throws(TraceLineError) {
            return try RecordedNetwork.parse(notes: header.notes)
        } catch {
            throw TraceError(file: file, line: line, message: error.message)
        }
    }

    static func hasNetworkLines(_ next: () throws(TraceError) -> TraceLine?) throws(TraceError) -> Bool {
        while let line = try next() {
            if case .network = line.event { return true }
        }
        return false
    }
}
