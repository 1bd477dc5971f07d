import RTMSystem

/// The recorded traces that exercise a scenario: which trace files belong to it, each validated within
/// its network and mapped onto its model (``ScenarioPath``), which were skipped and why, and which
/// failed.
///
/// A trace belongs to the scenario its header names (``ScenarioPath/membership(of:in:requireName:)``);
/// the others are counted per scenario and skipped. A trace of the scenario that does not validate, or
/// whose execution the scenario's budgets or network cannot follow, is a failure, reported as
/// `file:line: message`: nothing is dropped silently.
///
/// ```swift
/// let set = ScenarioTraces.collect(files: ["Traces/generated/invitation-01.jsonl"], model: model)
/// print(set.summary(folder: "Traces"))   // "used 1 trace of Traces for invitation"
/// ```
public struct ScenarioTraces: Sendable {
    /// A trace of the scenario and the scenario actions it takes.
    public struct Used: Hashable, Sendable {
        public var file: String
        public var actions: [SystemAction]
    }

    /// A trace file left out, and why.
    public struct Skipped: Hashable, Sendable {
        public var file: String
        public var reason: String
    }

    /// The scenario's name.
    public var scenario: String
    public var used: [Used] = []
    /// Per other scenario named in a header, how many traces name it.
    public var otherScenarios: [String: Int] = [:]
    /// Traces that name the scenario but cannot be checked against it (other actors, Signaling).
    public var skipped: [Skipped] = []
    /// `file:line: message` for every trace of the scenario that failed (malformed, no execution
    /// matches, or the scenario cannot follow it).
    public var failures: [String] = []

    /// Reads, validates and maps every trace in `files` (paths of `.jsonl` files) for `model`'s scenario.
    public static func collect(files: [String], model: RTMSystemModel) -> ScenarioTraces {
        var set = ScenarioTraces(scenario: model.scenario.name)
        let validator = ScenarioPath.validator(for: model.scenario)
        for file in files {
            let trace: Trace
            do throws(TraceError) {
                let header = try TraceReader(path: file).header
                if header.scenario != model.scenario.name {
                    set.otherScenarios[header.scenario, default: 0] += 1
                    continue
                }
                if let reason = ScenarioPath.membership(of: header, in: model.scenario) {
                    set.skipped.append(Skipped(file: file, reason: reason))
                    continue
                }
                trace = try TraceReader.read(path: file)
            } catch {
                set.failures.append(error.description)
                continue
            }
            switch path(of: trace, file: file, validator: validator, model: model) {
            case .success(let actions): set.used.append(Used(file: file, actions: actions))
            case .failure(let failure): set.failures.append(failure.message)
            }
        }
        return set
    }

    /// A failure, as `file:line: message`.
    public struct Failure: Error, Hashable, Sendable {
        public var message: String
    }

    /// The scenario actions of one trace already read, validated with `validator`.
    public static func path(of trace: Trace, file: String, validator: TraceValidator, model: RTMSystemModel)
        -> Result<[SystemAction], Failure>
    {
        let result = validator.validate(trace, file: file)
        switch result.verdict {
        case .matched:
            do {
                return .success(try ScenarioPath.actions(of: result.matchedPath, in: model))
            } catch {
                return .failure(Failure(message: "\(file):\(error.description)"))
            }
        case .mismatch, .inconclusive, .skipped:
            let report = result.text()
            return .failure(Failure(message: report.hasSuffix("\n") ? String(report.dropLast()) : report))
        }
    }

    /// One line for people: how many traces were used, how many belong to other scenarios (the most
    /// frequent named), how many were skipped and failed.
    public func summary(folder: String) -> String {
        let count = used.count
        var text = "used \(count) trace\(count == 1 ? "" : "s") of \(folder) for \(scenario)"
        let others = otherScenarios.values.reduce(0, +)
        if others > 0 {
            let named = otherScenarios.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            let shown = named.prefix(4).map { "\($0.key) \($0.value)" }
            let rest = named.count > 4 ? ", \(named.count - 4) more" : ""
            text +=
                "; \(others) " + (others == 1 ? "belongs to another scenario" : "belong to other scenarios")
                + " (\(shown.joined(separator: ", "))\(rest))"
        }
        if !skipped.isEmpty {
            text +=
                "; \(skipped.count) skipped: "
                + skipped.map { "\($0.file) (\($0.reason))" }.joined(separator: ", ")
        }
        if !failures.isEmpty {
            text += "; \(failures.count) failed"
        }
        return text
    }
}
