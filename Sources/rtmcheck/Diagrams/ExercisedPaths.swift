import ArgumentParser
import Foundation
import RTMSystem
import RTMTrace

/// The paths that recorded traces and `*.steps` files take through a scenario, for `render --uncovered`
/// and `render --highlight FILE.jsonl`.
enum ExercisedPaths {
    /// Every trace of the scenario (`.jsonl`, by its header) and every `*.steps` file below `folder`,
    /// as paths of the scenario's actions. Says on standard error how many traces were used and skipped;
    /// when one fails, prints each failure as `file:line: message` and exits 1.
    static func collect(in folder: String, model: RTMSystemModel) throws -> [[SystemAction]] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--uncovered: no folder \(folder) (give one with --traces).")
        }
        let below = (FileManager.default.subpaths(atPath: folder) ?? []).sorted()
        let path = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        let traces = ScenarioTraces.collect(files: below.filter { $0.hasSuffix(".jsonl") }.map(path), model: model)
        var paths = traces.used.map(\.actions)
        let steps = below.filter { $0.hasSuffix(".steps") }
        for name in steps {
            paths.append(try ScenarioRendering.path(named: path(name), model: model).actions)
        }
        var summary = traces.summary(folder: folder)
        if !steps.isEmpty { summary += "; \(steps.count) *.steps file\(steps.count == 1 ? "" : "s")" }
        standardError(summary)
        if !traces.failures.isEmpty {
            for failure in traces.failures { standardError(failure) }
            standardError(
                "render: \(traces.failures.count) trace\(traces.failures.count == 1 ? "" : "s") of "
                    + "\(model.scenario.name) failed (above); no diagram written.")
            throw ExitCode(1)
        }
        if paths.isEmpty {
            throw ValidationError(
                "--uncovered: no trace under \(folder) belongs to scenario \(model.scenario.name) and there is no"
                    + " *.steps file: every transition would be uncovered. (A trace belongs to the scenario its"
                    + " header's \"scenario\" names; `rtmcheck generate` writes some.)")
        }
        return paths
    }

    /// The scenario actions of the trace at `file` (for `--highlight`): its actors must be the
    /// scenario's clients; its header may name another scenario. A trace that fails exits 1.
    static func tracePath(_ file: String, model: RTMSystemModel) throws -> [SystemAction] {
        let trace: Trace
        do throws(TraceError) {
            trace = try TraceReader.read(path: file)
        } catch {
            standardError(error.description)
            throw ExitCode(TraceError.exitCode)
        }
        if let reason = ScenarioPath.membership(of: trace.header, in: model.scenario, requireName: false) {
            throw ValidationError("--highlight \(file): not a trace of scenario \(model.scenario.name): \(reason).")
        }
        let validator = ScenarioPath.validator(for: model.scenario)
        switch ScenarioTraces.path(of: trace, file: file, validator: validator, model: model) {
        case .success(let actions):
            return actions
        case .failure(let failure):
            standardError(failure.message)
            let named =
                trace.header.scenario == model.scenario.name ? "" : " (its header names \(trace.header.scenario))"
            standardError("render: --highlight \(file)\(named) is no execution of scenario \(model.scenario.name).")
            throw ExitCode(1)
        }
    }

    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
