import ArgumentParser
import Foundation
import RTMTrace

/// `rtmcheck replay`: drives RTMKit with traces and compares every return code and callback.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Drive RTMKit with a trace's calls and compare every return code and callback.",
        discussion: """
            Creates one RtmService per actor of the trace's header (App ID and certificate from the header) \
            and makes the trace's calls in file order, comparing what each returned and every callback each \
            actor received, in that actor's order. The network follows the trace: a recorded trace \
            (rtmcheck record) replays with its seed and faults and must reproduce every line, network and \
            clock lines included; a trace with network lines has them carried out (messages wait for their \
            deliver line); a trace without them gets prompt, in-order delivery. The clock moves only as the \
            trace's clock lines say.

            The first divergence is printed as file:line: expected <line>, got <what RTMKit did>, followed \
            by the callbacks that happened since the last matched line.

            Examples:
              rtmcheck replay Traces/docs/invitation-accept.jsonl
              rtmcheck replay Traces/ --junit replay.xml
              rtmcheck record --clients 10 -o run.jsonl && rtmcheck replay run.jsonl --timing

            Exit status: 0 every trace replayed identically (or was skipped: Signaling actors), 1 a trace \
            diverged, 64 bad usage or a malformed trace (file:line: error).
            """
    )

    @Argument(help: "Trace files (.jsonl) or folders of them (searched recursively).")
    var paths: [String]

    @Option(help: "Write a JUnit XML report (one test case per trace) to this file.")
    var junit: String?

    @Flag(help: "Print each replay's wall time and speed.")
    var timing = false

    func run() throws {
        let files = try TraceFiles.expand(paths)
        let replayer = TraceReplayer()
        var report = ReplayJUnit()
        var malformed = false
        var failed = false
        let clock = ContinuousClock()
        for file in files {
            let start = clock.now
            do {
                let result = try replayer.replay(path: file)
                let seconds = Self.seconds(clock.now - start)
                report.add(result, seconds: seconds)
                failed = failed || !result.passed
                print(result.text(), terminator: "")
                if timing { print(Self.speed(result, seconds: seconds)) }
            } catch {
                report.add(file: file, error: error, seconds: Self.seconds(clock.now - start))
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                malformed = true
            }
        }
        if let junit {
            do {
                try report.xml.write(toFile: junit, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write \(junit): \(error.localizedDescription)")
            }
        }
        if malformed { throw ExitCode(TraceError.exitCode) }
        if failed { throw ExitCode(1) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func speed(_ result: ReplayResult, seconds: Double) -> String {
        let perSecond = Int((Double(result.linesMatched) / max(seconds, 1e-9)).rounded())
        let events = Int((Double(result.simulationEvents) / max(seconds, 1e-9)).rounded())
        return "  \(String(format: "%.2f", seconds)) s: \(perSecond) trace lines per second, "
            + "\(events) simulation events per second"
    }
}
