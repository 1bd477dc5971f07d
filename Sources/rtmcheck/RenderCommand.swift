import ArgumentParser
import Foundation
import GraphvizRenderer
import RTMSystem
import StateGraph

/// `rtmcheck render`: draw a machine's state graph, or a scenario's explored state space.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a machine diagram or a scenario's state space (SVG, PNG, DOT or JSON).",
        discussion: """
            Machine diagrams are derived by exploring the pure machine over all its representative \
            events: one node per SDK state (--detail: per internal state), edges labelled with the API \
            call, message or timer and the callbacks it produces, and the API calls that only return a \
            code listed under their state.

            Examples:
              rtmcheck render --machine local-invitation --format svg -o local-invitation.svg
              rtmcheck render --machine connection --detail --format png -o connection.png
              rtmcheck render --machine server --server-view channel --format dot
              rtmcheck render --machine channel --format json
              rtmcheck render Models/invitation.yaml --view alice.local[bob] --format svg -o view.svg
              rtmcheck render Models/invitation.yaml --view bob.remote[alice] --uncovered -o uncovered.svg
              rtmcheck render Models/invitation.yaml --view alice.local[bob] \\
                --highlight Traces/generated/invitation-03.jsonl -o path.svg

            --uncovered reads every .jsonl trace below --traces (default Traces/) whose header names the \
            scenario: each is validated within the scenario's network and its matched execution mapped onto \
            the scenario's calls (a trace's createLocalCallInvitation + sendLocalInvitation is the budget's \
            sendLocalInvitation); the transitions none of them takes are drawn dashed and grey. Standard \
            error says how many traces were used and how many belong to other scenarios; a trace of the \
            scenario that fails is reported as file:line and the command exits 1 without writing a diagram. \
            --highlight FILE.jsonl draws one trace the same way (its actors must be the scenario's clients).

            --format dot writes the DOT source (no layout); json writes the machine's transition \
            table or the state graph. Without -o the output goes to standard output.
            """
    )

    @Argument(help: "A scenario file (Models/*.yaml) whose explored state space to draw.")
    var scenario: String?

    @Option(help: "The machine to draw: \(DiagramMachine.allCases.map(\.rawValue).joined(separator: "|")).")
    var machine: DiagramMachine?

    @Flag(help: "Draw internal states (the machine's own labels) instead of SDK states.")
    var detail = false

    @Option(help: "The server view: \(ServerView.allCases.map(\.rawValue).joined(separator: "|")).")
    var serverView: ServerView = .sessions

    @OptionGroup var view: ViewOptions

    @Option(help: "svg, png, dot or json.")
    var format: RenderFormat = .svg

    @Option(name: .shortAndLong, help: "The output file (default: standard output).")
    var output: String?

    func validate() throws {
        switch (scenario, machine) {
        case (nil, nil): throw ValidationError("Give --machine NAME or a scenario file.")
        case (.some, .some): throw ValidationError("Give either --machine or a scenario file, not both.")
        case (nil, .some):
            if view.view != nil || view.highlight != nil || view.uncovered {
                throw ValidationError("--view, --highlight and --uncovered apply to a scenario, not to --machine.")
            }
        case (.some, nil):
            if detail { throw ValidationError("--detail applies to --machine.") }
        }
    }

    func run() throws {
        let data: Data
        if let machine {
            data = try Self.render(machine: machine, detail: detail, serverView: serverView, format: format)
        } else if let scenario {
            data = try ScenarioRendering.render(scenarioPath: scenario, options: view, format: format)
        } else {
            throw ValidationError("Give --machine NAME or a scenario file.")
        }
        try RenderOutput.write(data, to: output)
    }

    /// The bytes of a machine diagram in `format`.
    static func render(machine: DiagramMachine, detail: Bool, serverView: ServerView, format: RenderFormat) throws
        -> Data
    {
        let table = machine.table(detail: detail, serverView: serverView)
        switch format {
        case .json:
            return try RenderOutput.json(table)
        case .dot:
            return Data(DOTWriter().write(MachineDiagram.graph(table)).utf8)
        case .svg, .png:
            return try RenderOutput.layout(MachineDiagram.graph(table), format: format)
        }
    }
}

/// The output formats of `rtmcheck render`.
enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
    case svg, png, dot, json
}

extension DiagramMachine: ExpressibleByArgument {}
extension ServerView: ExpressibleByArgument {}

/// Writing and laying out what `render` and `docs` produce.
enum RenderOutput {
    /// Lays `graph` out (engine chosen by ``LayoutPlan``, refusing graphs too large) and renders it.
    static func layout(_ graph: StateGraph, format: RenderFormat, limits: LayoutPlan.Limits = LayoutPlan.Limits())
        throws -> Data
    {
        let output: OutputFormat
        switch format {
        case .svg: output = .svg
        case .png: output = .png
        case .dot: return Data(DOTWriter().write(graph).utf8)
        case .json: return try graph.jsonData()
        }
        do {
            return try GraphvizRenderer.render(graph, format: output, limits: limits).data
        } catch let refusal as LayoutRefusal {
            throw ValidationError(refusal.description)
        }
    }

    /// Pretty JSON with sorted keys and a final newline.
    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Writes to `path`, or to standard output when it is `nil` or `-`.
    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        try data.write(to: URL(fileURLWithPath: path))
    }
}
