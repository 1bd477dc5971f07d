import ArgumentParser
import Foundation
import RTMKit
import RTMTrace

/// `rtmcheck record`: runs a simulation (as `rtmcheck simulate`) and writes its trace.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Run a simulation (as rtmcheck simulate) and write the trace of what RTMKit did.",
        discussion: """
            Runs the same workload as rtmcheck simulate — random users, or a scenario file's clients and \
            calls, over the seeded SimulatedNetwork with its faults — and writes every API call with its \
            return code, every callback, and the network's steps and clock moves as a trace (JSON Lines, \
            docs/trace-format.md). The header records the seed and the network settings, so \
            rtmcheck replay reproduces the run line for line.

            Examples:
              rtmcheck record --clients 10 --duration 60s --seed 7 -o run.jsonl
              rtmcheck record Models/invitation.yaml --seed 3 --loss 0.02 -o invitation-run.jsonl
              rtmcheck replay run.jsonl

            Prints the run's summary. Exit status: 0 every property held, 1 a property was violated (the \
            trace is written either way), 64 bad usage or the trace could not be written.
            """
    )

    @OptionGroup(title: "Workload (as rtmcheck simulate)")
    var workload: SimulateCommand

    @Option(name: .shortAndLong, help: "The trace file to write (.jsonl).")
    var output: String

    @Flag(help: "Leave the message summaries out of network send lines (smaller traces).")
    var noSummaries = false

    func run() throws {
        if workload.bench { throw ValidationError("--bench is a simulate option; record always checks properties") }
        var plan = try workload.makePlan()
        plan.durationMs = try SimulateCommand.parseDuration(workload.duration)
        plan.meanActionIntervalMs = max(1, workload.interval)
        let simulation = SimulationWorkload(plan: plan, seed: workload.seed)
        let scenario =
            workload.scenario.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
            ?? "workload-\(plan.users.count)-clients"
        let recorded: RecordedRun
        do {
            let recorder = try TraceRecorder(simulation: simulation.simulation, path: output, scenario: scenario)
            recorder.summaries = !noSummaries
            let report = simulation.run()
            try recorder.finish()
            recorded = RecordedRun(report: report, eventLines: recorder.eventLines)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(TraceError.exitCode)
        }
        print(recorded.report.text)
        print("wrote \(output): \(recorded.eventLines) event lines")
        if !recorded.report.passed { throw ExitCode(1) }
    }
}
