import ArgumentParser
import Foundation
import RTMSystem
import RTMTrace

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a small set of traces from a scenario's model that together take every transition.",
        discussion: """
            The scenario is explored breadth-first; for each transition (coverage key) no chosen trace \
            takes yet, the shortest execution that takes it is chosen, continued until the system is quiet \
            when that is near. Each execution is written as a trace with its calls, returns, callbacks, \
            numbered network steps and clock moves: <out>/<scenario>-01.jsonl, -02, … (the scenario's old \
            files there are replaced). The same scenario always gives the same files.

            Examples:
              rtmcheck generate Models/invitation.yaml --cover transitions -o Traces/generated/
              rtmcheck generate Models/ -o Traces/generated/

            Exit status: 0 written (the coverage reached is printed), 64 bad usage or a malformed scenario.
            """
    )

    enum Cover: String, ExpressibleByArgument, CaseIterable { case transitions }

    @Argument(help: "Scenario files (.yaml) or folders of them.")
    var paths: [String]

    @Option(help: "What the traces must cover together: transitions (every coverage key of the model).")
    var cover: Cover = .transitions

    @Option(name: [.short, .customLong("output")], help: "The folder to write the traces to.")
    var output: String = "Traces/generated"

    @Option(help: "Override the scenario's depth bound.")
    var maxDepth: Int?

    @Option(help: "Override the scenario's bound on distinct states.")
    var maxStates: Int?

    @Option(help: "Override the scenario's time bound, in seconds.")
    var time: Double?

    func run() throws {
        for file in try ScenarioFiles.expand(paths) {
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader.load(path: file)
            } catch let error as ScenarioError {
                var located = error
                located.file = file
                FileHandle.standardError.write(Data("\(located)\n".utf8))
                throw ExitCode(64)
            }
            var options = SuiteGenerator.Options()
            options.maxDepth = maxDepth
            options.maxStates = maxStates
            options.maxSeconds = time
            let suite = try SuiteGenerator(scenario: scenario, options: options).generate()
            let written = try suite.write(to: output)
            print(suite.summary)
            for (path, trace) in zip(written, suite.traces) {
                print("  \(path): \(trace.events.count) lines, \(trace.keys.count) transitions")
            }
        }
    }
}
