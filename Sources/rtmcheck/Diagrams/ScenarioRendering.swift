import ArgumentParser
import Foundation
import RTMSystem

/// The options of `rtmcheck render Models/x.yaml`.
struct ViewOptions: ParsableArguments {
    @Option(help: "The view to project the state space onto, e.g. alice.local[bob], bob.remote[alice], alice.connection, or a product such as alice.local[bob]*bob.remote[alice].")
    var view: String?

    @Option(help: "A trace (JSON Lines) or counterexample to draw as a coloured path.")
    var highlight: String?

    @Flag(help: "Mark the transitions that no trace in Traces/ exercises.")
    var uncovered = false
}

/// Draws a scenario's explored state space projected onto a view.
enum ScenarioRendering {
    /// The scenario views committed under docs/diagrams/ (none until RTMSystem's model lands).
    static func docDiagrams() throws -> [DocDiagram] { [] }

    static func render(scenarioPath: String, options: ViewOptions, format: RenderFormat) throws -> Data {
        throw ValidationError("Scenario views need RTMSystem's scenario model, which this build does not have yet.")
    }
}
