/// A model-independent rendering of a ``CheckResult``: every state and action already described
/// as text by the model, every collection in a stable order. `Codable`, so a CLI can encode it
/// (`JSONEncoder` with `.sortedKeys` gives the same keys as ``json(includeTiming:)``).
public struct Report: Codable, Hashable, Sendable {
    /// One numbered step of a path: step 0 is the initial state (no action).
    public struct Step: Codable, Hashable, Sendable {
        public var step: Int
        public var action: String?
        public var state: String
    }

    /// The verdict on one property.
    public struct PropertyEntry: Codable, Hashable, Sendable {
        public var name: String
        public var kind: PropertyKind
        /// "holds", "violated", "witnessed", "never reached", "no violation within bounds",
        /// "not reached within bounds".
        public var verdict: String
        /// A sentence: "no violation up to depth 14 (bound hit: depth)", "witnessed in 3 steps", ...
        public var detail: String
        public var note: String?
        public var path: [Step]?
    }

    /// What deadlock detection found.
    public struct Deadlocks: Codable, Hashable, Sendable {
        public var checked: Bool
        public var count: Int
        public var detail: String
        public var path: [Step]?
    }

    /// How often one coverage key was taken.
    public struct CoverageEntry: Codable, Hashable, Sendable {
        public var key: String
        public var count: Int
    }

    public var outcome: Outcome
    /// A sentence for the whole run.
    public var summary: String
    public var strategy: String
    public var storage: CheckOptions.Storage
    /// Compact and bitstate storage: why the verdicts are probabilistic and how much
    /// ("probabilistic: hash compaction, probability of an omission ≈ 2.1e-07").
    public var storageNote: String?
    /// Partial-order reduction: what the counts and paths are of.
    public var reductionNote: String? = nil
    /// Worker threads used.
    public var workers: Int
    /// "state space exhausted", "bound hit: depth", ...
    public var termination: String
    public var boundHit: Bound?
    public var exhausted: Bool
    public var states: Int
    public var transitions: Int
    public var maxDepth: Int
    public var completedDepth: Int?
    public var durationSeconds: Double
    public var statesPerSecond: Double
    public var properties: [PropertyEntry]
    public var deadlocks: Deadlocks
    /// Sorted by key.
    public var coverage: [CoverageEntry]
}

extension CheckResult {
    /// The search's reach, for bounded verdicts: "up to depth 14 (bound hit: depth)".
    public var scope: String {
        switch termination {
        case .exhausted:
            return "(\(exhaustedPhrase))"
        case .walksCompleted(let count):
            return "in \(count) random walks (simulation, not exhaustive)"
        case .boundHit, .stoppedAtFirstViolation, .allPropertiesDecided:
            let reach = completedDepth.map { "up to depth \($0)" } ?? "in \(states) states"
            return "\(reach) (\(termination.description))"
        }
    }

    /// "state space exhausted", followed for compact and bitstate storage by why that is only
    /// probably so.
    public var exhaustedPhrase: String {
        guard let note = probabilisticNote else { return "state space exhausted" }
        return "state space exhausted; \(note)"
    }

    /// Compact and bitstate storage: "probabilistic: hash compaction, probability of an omission
    /// ≈ 2.1e-07" (nil for exact storage and for simulation).
    public var probabilisticNote: String? {
        if case .randomWalks = strategy { return nil }
        guard storage.isProbabilistic else { return nil }
        return store?.probabilisticNote ?? "probabilistic: \(storage.rawValue) storage"
    }

    /// The sentence for one verdict.
    public func detail(of verdict: Verdict<M>) -> String {
        switch verdict {
        case .holds: "holds (\(exhaustedPhrase))"
        case .violated(let path): "violated: counterexample of \(path.count) steps"
        case .witnessed(let path): "witnessed in \(path.count) steps"
        case .neverReached: "never reached (\(exhaustedPhrase))"
        case .noViolationWithinBounds: "no violation \(scope)"
        case .notReachedWithinBounds: "not reached \(scope)"
        }
    }

    /// A sentence for the whole run.
    public var summary: String {
        switch outcome {
        case .passed:
            return termination.isExhaustive
                ? "every property holds (\(exhaustedPhrase))" : "every property decided (\(termination.description))"
        case .failed:
            var failures = properties.filter { $0.verdict.isFailure }.map { "\($0.name) \($0.verdict.name)" }
            if deadlocks.count > 0 { failures.append("\(deadlocks.count) deadlocked states") }
            return failures.joined(separator: ", ")
        case .incomplete:
            return "no violation \(scope)"
        }
    }

    /// The report with states and actions described by `model`.
    public func report(for model: M) -> Report {
        func steps(_ path: Path<M>) -> [Report.Step] {
            var steps = [Report.Step(step: 0, action: nil, state: model.describe(state: path.initialState))]
            for (index, step) in path.steps.enumerated() {
                steps.append(Report.Step(
                    step: index + 1, action: model.describe(action: step.action),
                    state: model.describe(state: step.state)))
            }
            return steps
        }
        let entries = properties.map { property in
            Report.PropertyEntry(
                name: property.name, kind: property.kind,
                verdict: property.verdict.name, detail: detail(of: property.verdict), note: property.note,
                path: property.verdict.path.map(steps))
        }
        let deadlockDetail: String
        if !deadlocks.checked {
            deadlockDetail = "not checked"
        } else if let path = deadlocks.path {
            let shortest = strategy == .breadthFirst ? "shortest path" : "path"
            deadlockDetail = "\(deadlocks.count) deadlocked states; \(shortest) of \(path.count) steps"
        } else {
            deadlockDetail = termination.isExhaustive ? "none (\(exhaustedPhrase))" : "none found \(scope)"
        }
        var report = Report(
            outcome: outcome, summary: summary, strategy: strategyDescription, storage: storage,
            storageNote: probabilisticNote, workers: workers,
            termination: termination.description, boundHit: termination.bound, exhausted: termination.isExhaustive,
            states: states, transitions: transitions, maxDepth: maxDepth, completedDepth: completedDepth,
            durationSeconds: duration.seconds, statesPerSecond: statesPerSecond, properties: entries,
            deadlocks: Report.Deadlocks(
                checked: deadlocks.checked, count: deadlocks.count, detail: deadlockDetail,
                path: deadlocks.path.map(steps)),
            coverage: sortedCoverage.map { Report.CoverageEntry(key: $0.key, count: $0.count) })
        if store?.partialOrderReduced == true {
            report.reductionNote = "partial-order reduction: counts are of the reduced state graph, and a path is "
                + "shortest in it, not necessarily in the full one"
            if let merged = store?.mergedSteps {
                report.reductionNote! += "; \(merged) single-successor steps merged (states passed through, "
                    + "not stored; a run counts as one step of depth)"
            }
        }
        return report
    }

    var strategyDescription: String {
        switch strategy {
        case .breadthFirst: "breadth-first"
        case .depthFirst: "depth-first"
        case .randomWalks(let count, let maxLength, let seed):
            "random walks (\(count) walks of up to \(maxLength) steps, seed \(seed))"
        }
    }
}
