import Foundation
import ModelChecker
import RTMSystem

/// Generates a small set of traces from a scenario's model that together take every transition (every
/// coverage key) reachable in it: the conformance suite for that scenario.
///
/// 1. Explore the scenario breadth-first (``ScenarioExploration``), noting where each key is first taken.
/// 2. Take the keys longest-path first; for each key no chosen execution takes yet, choose the shortest
///    execution that takes it, continued to quiet (every message delivered, every timer fired, no new
///    call and no fault) when that is near, and count every key along it as covered. An execution that
///    is a prefix of a longer one is never chosen (the longer one already takes all its keys).
/// 3. Render each execution as a trace (``TraceRenderer``): `<scenario>-01.jsonl`, `-02`, … in the order
///    chosen, so the same scenario always gives the same files byte for byte.
///
/// ```swift
/// let suite = try SuiteGenerator(scenario: try ScenarioLoader.load(path: "Models/invitation.yaml")).generate()
/// try suite.write(to: "Traces/generated")
/// print(suite.summary)   // "invitation: 9 traces cover 41 of 41 transitions (17434 states, exhausted)"
/// ```
public struct SuiteGenerator: Sendable {
    public struct Options: Sendable {
        /// Override the scenario's depth bound.
        public var maxDepth: Int?
        /// Override the scenario's bound on distinct states.
        public var maxStates: Int?
        /// A time bound, in seconds. The scenario's own time bound is ignored: a suite must not depend on
        /// the speed of the machine that generates it (bound big scenarios with `maxStates` instead).
        public var maxSeconds: Double?
        /// The most states searched to continue an execution to quiet.
        public var completionStates = 20_000
        public init() {}
    }

    public let scenario: Scenario
    public let model: RTMSystemModel
    public var options: Options

    public init(scenario: Scenario, options: Options = Options()) throws {
        self.scenario = scenario
        model = try RTMSystemModel(scenario)
        self.options = options
    }

    public func generate() -> GeneratedSuite {
        let exploration = ScenarioExploration(
            model: model, maxDepth: options.maxDepth, maxStates: options.maxStates,
            maxSeconds: options.maxSeconds ?? .infinity)
        guard let initial = exploration.initialState else {
            return GeneratedSuite(scenario: scenario.name, traces: [], exploration: exploration)
        }
        let order = exploration.keys.enumerated().sorted { a, b in
            let la = exploration.shortestPath(to: a.element)?.count ?? 0
            let lb = exploration.shortestPath(to: b.element)?.count ?? 0
            return la != lb ? la > lb : a.offset < b.offset
        }.map(\.element)
        var covered: Set<String> = []
        var chosen: [(target: String, actions: [SystemAction])] = []
        for key in order where !covered.contains(key) {
            guard var path = exploration.shortestPath(to: key) else { continue }
            var state = initial
            for action in path { state = model.next(state, action) ?? state }
            path += completion(from: state)
            if chosen.contains(where: { $0.actions == path }) { continue }
            covered.formUnion(keys(along: path, from: initial))
            chosen.append((key, path))
        }
        var traces: [GeneratedTrace] = []
        for (index, choice) in chosen.enumerated() {
            let name = scenario.name + "-" + String(format: "%02d", index + 1)
            traces.append(render(choice.actions, from: initial, name: name, target: choice.target))
        }
        return GeneratedSuite(scenario: scenario.name, traces: traces, exploration: exploration)
    }

    /// The coverage keys of `actions` taken from `state`, in order.
    func keys(along actions: [SystemAction], from state: SystemState) -> [String] {
        var keys: [String] = []
        var state = state
        for action in actions {
            model.coverageKeys(state, action, into: &keys)
            guard let next = model.next(state, action) else { break }
            state = next
        }
        return keys.map(CoverageKey.normalize)
    }

    /// A shortest continuation from `state` to a final state (nothing in flight, no timer pending) that
    /// makes no call and injects no fault; empty when none is found within the completion bound.
    func completion(from state: SystemState) -> [SystemAction] {
        if model.isFinal(state) { return [] }
        var seen: Set<UInt64> = [model.fingerprint(state).rawValue]
        var nodes: [(state: SystemState, parent: Int, action: SystemAction?)] = [(state, -1, nil)]
        var next = 0
        var buffer: [SystemAction] = []
        while next < nodes.count, nodes.count < options.completionStates {
            let current = nodes[next]
            buffer.removeAll(keepingCapacity: true)
            model.actions(current.state, into: &buffer)
            for action in buffer where Self.isQuiet(action) {
                guard let successor = model.next(current.state, action),
                    seen.insert(model.fingerprint(successor).rawValue).inserted
                else { continue }
                nodes.append((successor, next, action))
                if model.isFinal(successor) {
                    var path: [SystemAction] = []
                    var at = nodes.count - 1
                    while let action = nodes[at].action {
                        path.append(action)
                        at = nodes[at].parent
                    }
                    return path.reversed()
                }
            }
            next += 1
        }
        return []
    }

    /// Steps that finish what is under way: deliveries and timers.
    static func isQuiet(_ action: SystemAction) -> Bool {
        switch action {
        case .deliverUp, .deliverDown, .fire: true
        case .call, .lose, .duplicate, .dropLink, .restoreLink, .restartServer: false
        }
    }

    /// Any execution of the scenario (a counterexample, a witness) as a trace, e.g. for Traces/regressions/:
    /// `actions` are taken from the model's initial state; `note` goes into the header.
    public func trace(of actions: [SystemAction], name: String, note: String) -> GeneratedTrace? {
        guard let initial = model.initialStates.first else { return nil }
        var trace = render(actions, from: initial, name: name, target: "")
        trace.header.notes = note
        return trace
    }

    func render(_ actions: [SystemAction], from initial: SystemState, name: String, target: String) -> GeneratedTrace {
        var renderer = TraceRenderer(model: model)
        var events = renderer.prologue()
        var state = initial
        var keys: [String] = []
        for action in actions {
            model.coverageKeys(state, action, into: &keys)
            let (lines, next) = renderer.render(action, from: state)
            events += lines
            state = next
        }
        let header = TraceHeader(
            scenario: scenario.name, actors: scenario.clients.map { TraceActor(name: $0) },
            app: TraceApp(appId: GeneratedSuite.appId, certificate: .none),
            notes: "generated by rtmcheck generate from the scenario \(scenario.name): a shortest execution that"
                + " takes \"\(target)\"" + (model.isFinal(state) ? ", continued until the system is quiet" : ""))
        var unique: [String] = []
        for key in keys.map(CoverageKey.normalize) where !unique.contains(key) { unique.append(key) }
        return GeneratedTrace(name: name, header: header, events: events, keys: unique, target: target)
    }
}

/// One generated trace: its file name (without `.jsonl`), header, lines and the keys it covers.
public struct GeneratedTrace: Hashable, Sendable {
    public var name: String
    public var header: TraceHeader
    public var events: [TraceEvent]
    /// The coverage keys its execution takes, in first-taken order.
    public var keys: [String]
    /// The key it was chosen for.
    public var target: String

    /// The trace's text: header, a comment listing the keys it covers, and one line per event.
    public var text: String {
        let writer = TraceWriter(header: header)
        writer.comment("Covers: " + keys.joined(separator: "; "))
        try? writer.write(events)
        return writer.text
    }
}

/// The covering suite of one scenario, and the exploration it came from.
public struct GeneratedSuite: Sendable {
    /// The App ID written in generated headers (no certificate: tokens are not checked).
    public static let appId = "0123456789abcdef0123456789abcdef"

    public var scenario: String
    public var traces: [GeneratedTrace]
    public var exploration: ScenarioExploration

    /// The keys the traces take together.
    public var covered: Set<String> { Set(traces.flatMap(\.keys)) }

    /// `invitation: 9 traces cover 41 of 41 transitions (17434 states, exhausted)`.
    public var summary: String {
        let reachable = exploration.keys.count
        let scope = exploration.exhausted ? "state space exhausted" : "bound hit: \(exploration.boundHit ?? "?")"
        let missing = exploration.keys.filter { !covered.contains($0) }
        var text = "\(scenario): \(traces.count) trace\(traces.count == 1 ? "" : "s") cover \(covered.count) of"
            + " \(reachable) transitions (\(exploration.states) states, \(scope))"
        if !missing.isEmpty { text += "\n  not covered: " + missing.joined(separator: "; ") }
        return text
    }

    /// Writes `<folder>/<name>.jsonl` for every trace, after removing this scenario's old
    /// `<scenario>-NN.jsonl` files; returns the paths written.
    @discardableResult
    public func write(to folder: String) throws -> [String] {
        let files = FileManager.default
        try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for old in (try? files.contentsOfDirectory(atPath: folder)) ?? [] where Self.isSuiteFile(old, of: scenario) {
            try files.removeItem(atPath: (folder as NSString).appendingPathComponent(old))
        }
        var paths: [String] = []
        for trace in traces {
            let path = (folder as NSString).appendingPathComponent("\(trace.name).jsonl")
            try Data(trace.text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return paths
    }

    /// Whether `file` is `<scenario>-NN.jsonl`.
    static func isSuiteFile(_ file: String, of scenario: String) -> Bool {
        guard file.hasPrefix("\(scenario)-"), file.hasSuffix(".jsonl") else { return false }
        let middle = file.dropFirst(scenario.count + 1).dropLast(".jsonl".count)
        return !middle.isEmpty && middle.allSatisfy(\.isNumber)
    }
}
