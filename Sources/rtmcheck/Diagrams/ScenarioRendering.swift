import ArgumentParser
import Foundation
import ModelChecker
import RTMSystem
import StateGraph

/// The options of `rtmcheck render Models/x.yaml`.
struct ViewOptions: ParsableArguments {
    @Option(
        help: """
            The view to project the state space onto: alice.local[bob], bob.remote[alice], alice.connection, \
            alice.channel[lobby], server.sessions, or a product such as 'alice.local[bob]*bob.remote[alice]'.
            """
    )
    var view: String?

    @Option(
        help: """
            A path to draw in blue: a property name (its counterexample or witness, found by the checker), a \
            trace (.jsonl, validated against the scenario and mapped onto its calls and steps), or a file \
            holding the numbered steps `rtmcheck check --verbose` prints.
            """
    )
    var highlight: String?

    @Flag(
        help: """
            Draw dashed and grey the transitions that no trace of the scenario under --traces exercises. \
            Every .jsonl below the folder whose header names the scenario (and whose actors are its \
            clients) is validated and mapped onto the model; traces of other scenarios are counted and \
            skipped; a trace that fails is reported as file:line and the command exits 1. *.steps files \
            (numbered steps) count too.
            """
    )
    var uncovered = false

    @Option(help: "The folder searched recursively for --uncovered: .jsonl traces and *.steps files.")
    var traces = "Traces"

    @Option(help: "Stop exploring after this many states (the diagram then says so).")
    var maxStates = StateSpaceExplorer.defaultMaxStates

    @Option(help: "Stop exploring after this many seconds (the diagram then says so); 0 for no limit.")
    var maxSeconds: Double = 4

    /// A `stop` closure for the explorer: the time limit, read from the shell's clock.
    func deadline() -> () -> String? {
        guard maxSeconds > 0 else { return { nil } }
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: .milliseconds(Int(maxSeconds * 1_000)))
        return { clock.now >= end ? "time limit of \(maxSeconds) s" : nil }
    }
}

/// Draws a scenario's explored state space projected onto a view.
enum ScenarioRendering {
    /// The scenario views committed under docs/diagrams/: scenario file, view, and the property
    /// whose counterexample to highlight.
    static let documented: [(scenario: String, view: String, highlight: String?)] = [
        ("invitation", "alice.local[bob]", nil),
        ("invitation", "bob.remote[alice]", nil),
        ("invitation-race", "alice.local[bob]*bob.remote[alice]", "invitation-agreement"),
        ("channel", "alice.channel[lobby]", nil),
        ("connection", "alice.connection", nil),
    ]

    /// The committed scenario views, explored from Models/ in the current directory (each
    /// scenario once, without a time limit: committed diagrams must not depend on the machine's
    /// speed).
    static func docDiagrams() throws -> [DocDiagram] {
        var spaces: [String: (RTMSystemModel, ExploredSpace<RTMSystemModel>)] = [:]
        var diagrams: [DocDiagram] = []
        for entry in documented {
            if spaces[entry.scenario] == nil {
                let model = try loadModel("Models/\(entry.scenario).yaml")
                spaces[entry.scenario] = (model, StateSpaceExplorer.explore(model))
            }
            guard let (model, space) = spaces[entry.scenario] else { continue }
            let options = try ViewOptions.parse(
                ["--view", entry.view] + (entry.highlight.map { ["--highlight", $0] } ?? [])
            )
            let graph = try graph(model: model, space: space, options: options)
            let stem =
                "scenario-\(entry.scenario)-"
                + entry.view.map { $0.isLetter || $0.isNumber ? $0 : "-" }
                .split(separator: "-").joined(separator: "-")
            diagrams.append(DocDiagram(stem: stem, title: "\(entry.scenario) seen as \(entry.view)", graph: graph))
        }
        return diagrams
    }

    static func render(scenarioPath: String, options: ViewOptions, format: RenderFormat) throws -> Data {
        let model = try loadModel(scenarioPath)
        guard options.view != nil else {
            let space = StateSpaceExplorer.explore(model, maxStates: options.maxStates, stop: options.deadline())
            switch format {
            case .json:
                return try RenderOutput.json(StateSpaceExport(space, model: model))
            case .dot, .svg, .png:
                throw ValidationError(
                    "The explored space of \(model.scenario.name) has \(space.states.count) states: too many to draw. "
                        + "Project it onto a view with --view, e.g. "
                        + SystemView.suggestions(model.scenario).prefix(4).joined(separator: ", ")
                        + "; or write it with --format json."
                )
            }
        }
        let graph = try graph(model: model, options: options)
        switch format {
        case .json: return try graph.jsonData()
        case .dot: return Data(DOTWriter().write(graph).utf8)
        case .svg, .png:
            do {
                return try RenderOutput.layout(graph, format: format)
            } catch let error as ValidationError {
                throw ValidationError(
                    error.message + "\nViews of \(model.scenario.name): "
                        + SystemView.suggestions(model.scenario).joined(separator: ", ")
                )
            }
        }
    }

    static func graph(model: RTMSystemModel, options: ViewOptions) throws -> StateGraph {
        let space = StateSpaceExplorer.explore(model, maxStates: options.maxStates, stop: options.deadline())
        return try graph(model: model, space: space, options: options)
    }

    static func graph(model: RTMSystemModel, space: ExploredSpace<RTMSystemModel>, options: ViewOptions) throws
        -> StateGraph
    {
        guard let text = options.view else { throw ValidationError("--view is required here.") }
        let view: SystemView
        do {
            view = try SystemView.parse(text, scenario: model.scenario)
        } catch {
            throw ValidationError(error.description)
        }
        let highlight = try options.highlight.map { try path(named: $0, model: model) }
        let exercised = options.uncovered ? try exercisedPaths(in: options.traces, model: model) : nil
        return StateSpaceDiagram.graph(
            space, model: model, view: view, highlight: highlight?.actions,
            highlightIsViolation: highlight?.isViolation ?? false, exercised: exercised
        )
    }

    static func loadModel(_ path: String) throws -> RTMSystemModel {
        do {
            return try RTMSystemModel(try ScenarioLoader.load(path: path))
        } catch let error as ScenarioError {
            var located = error
            located.file = path
            throw ValidationError(located.description)
        }
    }

    /// A trace (`.jsonl`), a file of numbered steps, or a property's counterexample or witness.
    static func path(named name: String, model: RTMSystemModel) throws -> (actions: [SystemAction], isViolation: Bool) {
        if FileManager.default.fileExists(atPath: name) {
            if name.hasSuffix(".jsonl") { return (try ExercisedPaths.tracePath(name, model: model), false) }
            let text = try String(contentsOfFile: name, encoding: .utf8)
            do {
                return (try ActionPath.resolve(text, model: model), false)
            } catch {
                throw ValidationError("\(name): \(error.description)")
            }
        }
        let (_, result) = try ScenarioCheck(model.scenario).run()
        guard let property = result.properties.first(where: { $0.name == name }) else {
            let names = result.properties.map(\.name).joined(separator: ", ")
            throw ValidationError("--highlight \(name): no such file, and no property of that name (\(names)).")
        }
        guard let path = property.verdict.path else {
            throw ValidationError("--highlight \(name): the checker found no path for it (\(property.verdict.name)).")
        }
        if case .violated = property.verdict { return (path.actions, true) }
        return (path.actions, false)
    }

    /// The paths every trace of the scenario and every `*.steps` file under `folder` take.
    static func exercisedPaths(in folder: String, model: RTMSystemModel) throws -> [[SystemAction]] {
        try ExercisedPaths.collect(in: folder, model: model)
    }
}
