extension Report {
    /// The report for a terminal: verdicts first, paths as numbered steps, coverage sorted by key.
    ///
    /// ```text
    /// FAILED: agreement violated
    /// breadth-first search, exact storage: state space exhausted
    /// 57 states, 120 transitions, max depth 7
    ///
    /// always agreement: violated: counterexample of 5 steps
    ///   0. initial state
    ///      => votes: -- ...
    ///   1. vote(0, yes)
    ///      => votes: y- ...
    /// ```
    ///
    /// Pass `includeTiming: false` for output that is identical on every run.
    public func text(includeTiming: Bool = true) -> String {
        var lines: [String] = []
        let verdict = switch outcome {
        case .passed: "PASSED"
        case .failed: "FAILED"
        case .incomplete: "INCOMPLETE"
        }
        lines.append("\(verdict): \(summary)")
        lines.append("\(strategy) search, \(storage.rawValue) storage: \(termination)")
        if let storageNote { lines.append(storageNote) }
        if let reductionNote { lines.append(reductionNote) }
        var counts = "\(states) states, \(transitions) transitions, max depth \(maxDepth)"
        if let completedDepth { counts += ", every state up to depth \(completedDepth) checked" }
        lines.append(counts)
        if includeTiming {
            lines.append("\(Self.formatSeconds(durationSeconds)) s, \(Int(statesPerSecond.rounded())) states/s")
        }
        for property in properties {
            lines.append("")
            lines.append("\(property.kind.rawValue) \(property.name): \(property.detail)")
            if let note = property.note { lines.append("  (\(note))") }
            if let path = property.path { lines += Self.render(path) }
        }
        lines.append("")
        lines.append("deadlocks: \(deadlocks.detail)")
        if let path = deadlocks.path { lines += Self.render(path) }
        if !coverage.isEmpty {
            lines.append("")
            lines.append("coverage (\(coverage.count) keys):")
            for entry in coverage { lines.append("  \(entry.count)\t\(entry.key)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ path: [Step]) -> [String] {
        var lines: [String] = []
        for step in path {
            lines.append("  \(step.step). \(step.action ?? "initial state")")
            lines.append("     => \(step.state)")
        }
        return lines
    }

    /// Seconds with three decimals, without Foundation.
    static func formatSeconds(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "0.000" }
        let millis = Int((seconds * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
