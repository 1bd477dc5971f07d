import ArgumentParser
import Foundation
import RTMSystem
import RTMTrace

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Ask whether the model allows a trace: search for an execution with the same calls, returns and callbacks.",
        discussion: """
            The composed model of the trace's actors is searched for an execution whose observable events \
            match the trace: each actor's calls, what they returned, and its callbacks, in that actor's \
            order (different actors' lines may interleave in any way). Network and clock lines are not \
            matched one by one: without them the network is reliable, in order, with every message \
            arriving within 1 s; with them, their drops, duplicates, link drops and restarts are the fault \
            budget. Calls and callbacks the model does not cover (attributes, online status, member counts, \
            token renewal) are left to replay and listed; Signaling traces are skipped.

            A trace no execution matches is reported at its first line that nothing can match \
            (file:line: message), with the model states reachable just before it and what they could \
            have produced instead.

            Examples:
              rtmcheck validate Traces/docs/invitation-accept.jsonl
              rtmcheck validate Traces/                    # every .jsonl below, recursively
              rtmcheck validate app.jsonl --loss 1         # allow one lost message
              rtmcheck validate t.jsonl --complete --verbose

            Exit status: 0 every trace is valid (or skipped), 1 a trace does not match (or the search \
            was inconclusive), 64 bad usage or a malformed trace (file:line: error).
            """
    )

    @Argument(help: "Trace files (.jsonl) or folders of them (searched recursively).")
    var paths: [String]

    @Flag(help: "Also require that the system can go quiet after the last line without any further callback.")
    var complete = false

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Flag(help: "Also print skipped lines and the matched execution step by step.")
    var verbose = false

    @Option(help: "Allow this many lost messages (overrides what the trace's network lines imply).")
    var loss: Int?

    @Option(help: "Allow this many duplicated messages.")
    var duplication: Int?

    @Option(help: "Allow this many link drops.")
    var linkDrops: Int?

    @Option(help: "Allow this many server restarts.")
    var serverRestarts: Int?

    @Flag(help: "Allow links to reorder messages.")
    var reorder = false

    @Flag(help: "Allow any delay: a timer may fire while messages are in flight.")
    var unboundedDelay = false

    @Option(help: "Give up (inconclusive) after searching this many states.")
    var maxStates: Int = 2_000_000

    func run() throws {
        let files = try TraceFiles.expand(paths)
        var options = TraceValidator.Options()
        options.complete = complete
        options.maxStates = maxStates
        if loss != nil || duplication != nil || linkDrops != nil || serverRestarts != nil || reorder || unboundedDelay {
            options.faults = NetworkFaults(
                loss: loss ?? 0, duplication: duplication ?? 0, reorder: reorder,
                delay: unboundedDelay ? .unbounded : .bounded(ms: ValidationSetup.defaultDelayMs),
                linkDrops: linkDrops ?? 0, serverRestarts: serverRestarts ?? 0, capacity: 64)
        }
        let validator = TraceValidator(options: options)
        var malformed = false
        var failed = false
        var results: [TraceValidation] = []
        for file in files {
            do {
                let result = try validator.validate(path: file)
                results.append(result)
                failed = failed || !result.passed
                if !json { print(result.text(verbose: verbose), terminator: "") }
            } catch let error as TraceError {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                malformed = true
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        }
        if malformed { throw ExitCode(TraceError.exitCode) }
        if failed { throw ExitCode(1) }
    }
}

/// Trace paths: files as given, folders expanded to the `.jsonl` files below them, in path order.
enum TraceFiles {
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            if isDirectory.boolValue {
                let found = (FileManager.default.subpaths(atPath: path) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
                files += found.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
