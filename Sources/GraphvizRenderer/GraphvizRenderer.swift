import CGraphviz
import Foundation
import StateGraph

/// An output format of ``GraphvizRenderer``.
public enum OutputFormat: String, Hashable, Sendable, CaseIterable {
    /// Scalable vector graphics; node tooltips become hover titles.
    case svg
    /// A bitmap (cairo).
    case png
    /// The input DOT with layout positions added (`pos`, `bb`, …).
    case dot
    /// DOT with full drawing instructions (`_draw_`, `_ldraw_`, …).
    case xdot
}

/// The result of a render: the bytes of the output and Graphviz's warnings.
public struct Rendering: Hashable, Sendable {
    /// The output file's contents.
    public var data: Data
    /// Graphviz's warnings (`Warning: …`), one per line; empty when it had none.
    public var warnings: [String]
    /// The layout engine that was used.
    public var engine: LayoutEngine
}

/// Lays out and renders DOT text in process through libgvc: no `dot` executable is run.
///
/// Every call is serialised on one process-wide lock (libgvc keeps global state), so it is safe
/// to call from any thread or task; calls run one at a time. Graphviz's errors become a thrown
/// ``GraphvizError`` carrying Graphviz's own message; a malformed DOT text throws rather than
/// crashing.
///
/// ```swift
/// let svg = try GraphvizRenderer.render(graph, format: .svg).data
/// let png = try GraphvizRenderer.render(dot: dotText, engine: .dot, format: .png).data
/// ```
public enum GraphvizRenderer {
    /// Lays out `dot` with `engine` and renders it as `format`.
    ///
    /// - Throws: ``GraphvizError`` when Graphviz cannot read, lay out or render the graph (the
    ///   message is Graphviz's), or finds no plugins (the hint says how to fix the installation).
    public static func render(dot: String, engine: LayoutEngine = .dot, format: OutputFormat) throws -> Rendering {
        let session = GraphvizSession.shared
        return try session.run { context in
            guard let graph = agmemread(dot) else {
                throw failure(.parse, session, otherwise: "no graph found in the DOT text")
            }
            defer { _ = agclose(graph) }
            if session.sawError() {
                throw failure(.parse, session, otherwise: "the DOT text could not be read")
            }

            let status = gvLayout(context, graph, engine.rawValue)
            defer { _ = gvFreeLayout(context, graph) }
            if status != 0 || session.sawError() {
                throw failure(.layout, session, otherwise: "\(engine.rawValue) layout failed (status \(status))")
            }

            let (renderStatus, bytes) = renderData(
                gvRenderData,
                context: context,
                graph: graph,
                format: format.rawValue
            )
            if renderStatus != 0 || session.sawError() || bytes.isEmpty {
                throw failure(
                    .render,
                    session,
                    otherwise: "\(format.rawValue) rendering failed (status \(renderStatus))"
                )
            }
            let warnings = session.messages().filter { !$0.hasPrefix("Error") }
            return Rendering(data: Data(bytes), warnings: warnings, engine: engine)
        }
    }

    /// Writes `graph` as DOT with `writer`, picks an engine with ``LayoutPlan``, and renders it.
    ///
    /// - Throws: ``LayoutRefusal`` when the graph exceeds `limits` (nothing is laid out), or
    ///   ``GraphvizError``.
    public static func render(
        _ graph: StateGraph,
        format: OutputFormat,
        limits: LayoutPlan.Limits = LayoutPlan.Limits(),
        writer: DOTWriter = DOTWriter()
    ) throws -> Rendering {
        let plan = try LayoutPlan.choose(for: graph, limits: limits)
        return try render(dot: writer.write(graph), engine: plan.engine, format: format)
    }

    /// The layout engines this Graphviz installation offers (`dot`, `neato`, `sfdp`, …).
    ///
    /// - Throws: ``GraphvizError`` with stage `.context` when there are none (missing plugin
    ///   configuration; the hint says how to create it).
    public static func availableLayoutEngines() throws -> [String] {
        try GraphvizSession.shared.availableLayoutEngines()
    }

    /// An error for `stage` with the messages Graphviz reported, or `otherwise` if it reported none.
    private static func failure(_ stage: GraphvizError.Stage, _ session: GraphvizSession, otherwise: String)
        -> GraphvizError
    {
        let messages = session.messages()
        let errors = messages.filter { !$0.hasPrefix("Warning") }
        let chosen = errors.isEmpty ? messages : errors
        return GraphvizError(stage: stage, message: chosen.isEmpty ? otherwise : chosen.joined(separator: "\n"))
    }
}
