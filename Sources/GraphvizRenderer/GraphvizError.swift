/// A failure reported by Graphviz, carrying Graphviz's own messages.
///
/// ```swift
/// do { _ = try GraphvizRenderer.render(dot: "digraph { a -> }", format: .svg) }
/// catch let error as GraphvizError { print(error) }   // Graphviz parse failed: Error: syntax error in line 1 near '}'
/// ```
public struct GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which step failed.
    public enum Stage: String, Hashable, Sendable {
        /// Creating the Graphviz context or finding its plugins.
        case context
        /// Reading the DOT text (`agmemread`).
        case parse
        /// Laying the graph out (`gvLayout`).
        case layout
        /// Writing the output format (`gvRenderData`).
        case render
    }

    /// Which step failed.
    public var stage: Stage
    /// Graphviz's messages for this call, one per line (`Error: syntax error in line 1 near '}'`),
    /// or our own description when Graphviz said nothing.
    public var message: String
    /// What to do about it, when we know.
    public var hint: String?

    /// Creates an error.
    public init(stage: Stage, message: String, hint: String? = nil) {
        self.stage = stage
        self.message = message
        self.hint = hint
    }

    /// `Graphviz <stage> failed: <message>`, then the hint on its own line.
    public var description: String {
        let text = "Graphviz \(stage.rawValue) failed: \(message)"
        guard let hint else { return text }
        return text + "\n" + hint
    }

    /// The hint given when Graphviz finds no layout plugins.
    public static let missingPluginsHint = """
        Graphviz found no layout plugins: its plugin configuration file (config6a in the plugin \
        directory, /usr/lib/x86_64-linux-gnu/graphviz on Debian) is missing. Create it once as root \
        with `libgvc6-config-update -c` (Debian/Ubuntu, ships with libgvc6) or `dot -c` (package \
        graphviz), or point GVBINDIR at a plugin directory that has one.
        """
}
