import RTMKit

/// The settings of a recorded simulation's network that a replay needs to reproduce the run exactly: the
/// latency, the fault plan and how long links stay down after a server restart. With the header's `seed`
/// they make the network draw the same faults in the same order.
///
/// The recorder writes them as one line of the header's `notes`, which a seeded replay reads back:
///
/// ```text
/// replay: seeded latency=10 loss=0.02 duplication=0 reorder=0 reorder-delay=1-200 link-drop=0 link-down=1000-10000 restart=0 restart-link-down=5000
/// ```
///
/// (`restartable=server` follows `restart` when the server may restart.) A trace without this line is
/// replayed with dictated or prompt delivery (docs/trace-format.md, "Replay").
public struct RecordedNetwork: Hashable, Sendable {
    /// The prefix of the notes line.
    public static let marker = "replay: seeded"

    /// The one-way latency of every link, in ms.
    public var latencyMs: UInt64
    public var faults: FaultPlan
    /// ``RtmSimulation/restartLinkDownMs``.
    public var restartLinkDownMs: UInt64

    public init(latencyMs: UInt64, faults: FaultPlan, restartLinkDownMs: UInt64) {
        self.latencyMs = latencyMs
        self.faults = faults
        self.restartLinkDownMs = restartLinkDownMs
    }

    /// The settings `simulation` runs with.
    public init(of simulation: RtmSimulation) {
        self.init(
            latencyMs: simulation.network.defaultLatencyMs, faults: simulation.network.faults,
            restartLinkDownMs: simulation.restartLinkDownMs)
    }

    /// The notes line (see the type's documentation).
    public var notesLine: String {
        var words = [
            Self.marker, "latency=\(latencyMs)", "loss=\(faults.lossProbability)",
            "duplication=\(faults.duplicationProbability)", "reorder=\(faults.reorderProbability)",
            "reorder-delay=\(range(faults.reorderExtraDelayMs))", "link-drop=\(faults.linkDropProbability)",
            "link-down=\(range(faults.linkDownDurationMs))", "restart=\(faults.restartProbability)",
        ]
        if !faults.restartableEndpoints.isEmpty {
            words.append("restartable=" + faults.restartableEndpoints.map(\.rawValue).sorted().joined(separator: ","))
        }
        words.append("restart-link-down=\(restartLinkDownMs)")
        return words.joined(separator: " ")
    }

    /// The settings in `notes`; nil when no line of `notes` starts with ``marker``.
    /// - Throws: a message saying what is wrong with the line.
    public static func parse(notes: String?) throws(TraceLineError) -> RecordedNetwork? {
        guard let notes,
            let line = notes.split(separator: "\n").first(where: { $0.hasPrefix(marker) })
        else { return nil }
        var settings = RecordedNetwork(latencyMs: 10, faults: FaultPlan(), restartLinkDownMs: 5_000)
        for word in line.dropFirst(marker.count).split(separator: " ") {
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw TraceLineError("notes: expected key=value in \(marker), found \(word)")
            }
            let value = String(parts[1])
            switch parts[0] {
            case "latency": settings.latencyMs = try integer(value, "latency")
            case "loss": settings.faults.lossProbability = try probability(value, "loss")
            case "duplication": settings.faults.duplicationProbability = try probability(value, "duplication")
            case "reorder": settings.faults.reorderProbability = try probability(value, "reorder")
            case "reorder-delay": settings.faults.reorderExtraDelayMs = try range(value, "reorder-delay")
            case "link-drop": settings.faults.linkDropProbability = try probability(value, "link-drop")
            case "link-down": settings.faults.linkDownDurationMs = try range(value, "link-down")
            case "restart": settings.faults.restartProbability = try probability(value, "restart")
            case "restartable":
                settings.faults.restartableEndpoints = Set(value.split(separator: ",").map { EndpointID(String($0)) })
            case "restart-link-down": settings.restartLinkDownMs = try integer(value, "restart-link-down")
            default:
                throw TraceLineError("notes: unknown setting \(parts[0]) in \(marker)")
            }
        }
        return settings
    }

    private func range(_ range: ClosedRange<UInt64>) -> String { "\(range.lowerBound)-\(range.upperBound)" }

    private static func integer(_ text: String, _ key: String) throws(TraceLineError) -> UInt64 {
        guard let value = UInt64(text) else { throw TraceLineError("notes: \(key) must be an integer, not \(text)") }
        return value
    }

    private static func probability(_ text: String, _ key: String) throws(TraceLineError) -> Double {
        guard let value = Double(text), (0...1).contains(value) else {
            throw TraceLineError("notes: \(key) must be a probability between 0 and 1, not \(text)")
        }
        return value
    }

    private static func range(_ text: String, _ key: String) throws(TraceLineError) -> ClosedRange<UInt64> {
        let bounds = text.split(separator: "-").compactMap { UInt64($0) }
        guard bounds.count == 2, bounds[0] <= bounds[1] else {
            throw TraceLineError("notes: \(key) must be a range like 1-200, not \(text)")
        }
        return bounds[0]...bounds[1]
    }
}
