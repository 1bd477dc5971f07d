import Foundation
import RTMKit

/// Writes what an ``RtmSimulation`` does as a trace: every call with what it returned, every callback,
/// and the network's steps and clock moves, so that a replay can reproduce the run line for line.
///
/// The header names the simulation's services as actors (a service's name is its actor's name and its
/// user ID), the App ID and certificate they use, the network's seed, and — in `notes` — the network
/// settings a seeded replay needs (``RecordedNetwork``). Create the recorder after the services and
/// before running: a service created later cannot join the header and is reported by ``finish()``.
///
/// ```swift
/// let workload = SimulationWorkload(plan: plan, seed: 7)
/// let recorder = try TraceRecorder(simulation: workload.simulation, path: "run.jsonl", scenario: "workload")
/// let report = workload.run()
/// try recorder.finish()
/// ```
///
/// - Complexity: O(1) per simulation event; memory bounded by the writer's buffer.
public final class TraceRecorder {
    /// The writer the lines go to.
    public let writer: TraceWriter
    /// Whether `send` lines carry a summary of the message (`core.invite`); on by default.
    public var summaries = true
    /// Event lines written so far (the header not counted).
    public private(set) var eventLines = 0
    private let simulation: RtmSimulation
    private var failure: TraceError?
    /// The latest clock move, written only when something else happens after it.
    private var pendingClock: TraceEvent?

    /// Records `simulation` into `writer`, whose header should be ``header(for:scenario:notes:)``.
    public init(simulation: RtmSimulation, writer: TraceWriter) {
        self.simulation = simulation
        self.writer = writer
        simulation.observe { [unowned self] entry in self.handle(entry) }
    }

    /// Records `simulation` into a new file at `path`.
    public convenience init(simulation: RtmSimulation, path: String, scenario: String, notes: String? = nil)
        throws(TraceError)
    {
        let header = Self.header(for: simulation, scenario: scenario, notes: notes)
        self.init(simulation: simulation, writer: try TraceWriter(path: path, header: header))
    }

    /// Records `simulation` in memory (read the trace from ``writer``'s `text`).
    public convenience init(simulation: RtmSimulation, scenario: String, notes: String? = nil) {
        let header = Self.header(for: simulation, scenario: scenario, notes: notes)
        self.init(simulation: simulation, writer: TraceWriter(header: header))
    }

    /// The header of a recording of `simulation`: its services as `rtm` actors, the first service's App ID
    /// (and its certificate, when the server holds one), the network's seed, and `notes` followed by the
    /// ``RecordedNetwork`` line.
    public static func header(for simulation: RtmSimulation, scenario: String, notes: String? = nil) -> TraceHeader {
        let actors = simulation.services.map { TraceActor(name: $0.name, api: .rtm, userId: $0.name) }
        let appId = simulation.services.first?.appId ?? ""
        let certificate = simulation.server.apps.app(appId)?.certificate ?? ""
        let settings = RecordedNetwork(of: simulation).notesLine
        return TraceHeader(
            scenario: scenario, actors: actors,
            app: TraceApp(appId: appId, certificate: certificate.isEmpty ? .none : .value(certificate)),
            seed: simulation.network.seed,
            notes: notes.map { "\($0)\n\(settings)" } ?? "recorded by rtmcheck\n\(settings)")
    }

    /// Writes the final clock move, flushes and closes the file; throws the first error met while recording.
    public func finish() throws(TraceError) {
        if failure == nil, let clock = pendingClock { write(clock) }
        pendingClock = nil
        try writer.close()
        if let failure { throw failure }
    }

    private func handle(_ entry: SimulationTraceEntry) {
        guard failure == nil else { return }
        if case .serviceCreated(let service, _) = entry.event {
            failure = TraceError(
                file: "<recording>", line: nil,
                message: "service \(service) was created after recording began, so the header does not declare it")
            return
        }
        let summarize = summaries
        guard
            let event = SimulationLines.event(
                for: entry, user: { $0 },
                summary: { [simulation] id in
                    summarize ? simulation.messageInFlight(id).map(RtmSimulation.summary(of:)) : nil
                })
        else { return }
        // Clock moves with nothing in between collapse into the last one (SimulationLines.coalesces).
        if case .clock = event {
            pendingClock = event
            return
        }
        if let clock = pendingClock {
            pendingClock = nil
            write(clock)
        }
        write(event)
    }

    private func write(_ event: TraceEvent) {
        do throws(TraceError) {
            try writer.write(event)
            eventLines += 1
        } catch {
            failure = error
        }
    }
}

/// A simulated workload run while its trace is recorded.
public struct RecordedRun: Sendable {
    /// The run's summary and property verdicts.
    public var report: SimulationReport
    /// Event lines written (the header not counted).
    public var eventLines: Int

    public init(report: SimulationReport, eventLines: Int) {
        self.report = report
        self.eventLines = eventLines
    }
}

extension TraceRecorder {
    /// Runs `workload` and records it into a new file at `path`.
    public static func record(_ workload: SimulationWorkload, scenario: String, path: String) throws(TraceError)
        -> RecordedRun
    {
        let recorder = try TraceRecorder(simulation: workload.simulation, path: path, scenario: scenario)
        let report = workload.run()
        try recorder.finish()
        return RecordedRun(report: report, eventLines: recorder.eventLines)
    }

    /// Runs `workload` and records it in memory; returns the run and the trace's text.
    public static func record(_ workload: SimulationWorkload, scenario: String) throws(TraceError)
        -> (run: RecordedRun, text: String)
    {
        let recorder = TraceRecorder(simulation: workload.simulation, scenario: scenario)
        let report = workload.run()
        try recorder.finish()
        return (RecordedRun(report: report, eventLines: recorder.eventLines), recorder.writer.text)
    }
}
