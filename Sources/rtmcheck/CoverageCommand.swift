import ArgumentParser
import Foundation
import RTMSystem
import RTMTrace

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show which transitions of each machine the traces, the model exploration and a simulation exercise.",
        discussion: """
            One table per machine (connection, channel, peer messages, invitation, server, network): each \
            transition of the model, and how often it is taken by the traces in Traces/ (each validated \
            against the model; a trace counts once), by the breadth-first exploration of every scenario in \
            Models/ (within its bounds), and by seeded random walks of those scenarios. A transition no \
            trace takes is a gap in the conformance suite.

            Examples:
              rtmcheck coverage
              rtmcheck coverage --traces Traces/ --models Models/ --walks 500 --seed 7
              rtmcheck coverage --json

            Exit status: 0 report printed, 64 bad usage or a malformed scenario.
            """
    )

    @Option(help: "Folders or files of traces (searched recursively for .jsonl).")
    var traces: [String] = ["Traces"]

    @Option(help: "Scenario files or folders.")
    var models: [String] = ["Models"]

    @Option(help: "Random walks per scenario for the simulation column (0: no simulation).")
    var walks: Int = 200

    @Option(help: "Seed of the simulation.")
    var seed: UInt64 = 1

    @Option(help: "Override each scenario's exploration time bound, in seconds.")
    var time: Double?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        var collector = CoverageCollector()
        let traceFiles = try traces.filter { FileManager.default.fileExists(atPath: $0) }.flatMap {
            try TraceFiles.expand([$0])
        }
        collector.addTraces(traceFiles)
        for file in try ScenarioFiles.expand(models) {
            do {
                try collector.addScenario(try ScenarioLoader.load(path: file), walks: walks, seed: seed, maxSeconds: time)
            } catch let error as ScenarioError {
                var located = error
                located.file = file
                FileHandle.standardError.write(Data("\(located)\n".utf8))
                throw ExitCode(64)
            }
        }
        let report = collector.report()
        print(json ? report.json() : report.text(), terminator: json ? "\n" : "")
    }
}
