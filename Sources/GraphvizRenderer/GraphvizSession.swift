import CGraphviz
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Messages Graphviz reported through the error function since the last reset. Only touched
/// while ``GraphvizSession``'s lock is held (Graphviz calls the error function synchronously
/// from within the calls we make under the lock).
nonisolated(unsafe) private var capturedMessages = ""

/// The error function installed with `agseterrf`: Graphviz hands it each message in pieces
/// (`"Error"`, `": "`, `"syntax error in line 1 near '}'\n"`).
private func captureMessage(_ piece: UnsafeMutablePointer<CChar>?) -> Int32 {
    if let piece { capturedMessages += String(cString: piece) }
    return 0
}

/// The process's single Graphviz context, and the lock that serialises every libgvc call.
///
/// libgvc and libcgraph keep process-global state (the error function and level, the DOT
/// lexer, plugin tables), so no two calls may run at once. Every call into Graphviz in this
/// module goes through ``run(_:)``.
final class GraphvizSession: @unchecked Sendable {
    static let shared = GraphvizSession()

    private let lock = NSLock()
    /// The `GVC_t *`, created on first use and kept for the life of the process.
    private var context: OpaquePointer?
    /// The layout engines the context's plugin configuration offers.
    private(set) var layoutEngines: [String] = []

    private init() {}

    /// Runs `body` with the context, under the lock, with Graphviz's error state reset. Messages
    /// captured during `body` are available through ``messages()``.
    func run<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let context = try openContext()
        Self.resetParser()
        capturedMessages = ""
        _ = agreseterrors()
        return try body(context)
    }

    /// Empties the DOT lexer's buffer and resets its line counter.
    ///
    /// Graphviz 2.42's `agmemread` feeds the lexer line by line and flushes its buffer only when a
    /// parse yields no graph, so text left on the last line read by the previous call (`digraph A
    /// {a} digraph B {b}` leaves ` digraph B {b}`) would be parsed as the start of the next call's
    /// input. Reading empty text consumes that leftover, one graph at a time, until a read yields
    /// nothing, which flushes the buffer (public API only: the flush function `aglexbad` is not).
    private static func resetParser() {
        for _ in 0..<1_000 {
            guard let leftover = agmemread("") else { break }
            _ = agclose(leftover)
        }
        agsetfile(nil)
    }

    /// The layout engines available, read under the lock.
    func availableLayoutEngines() throws -> [String] {
        try run { _ in layoutEngines }
    }

    /// The messages captured since ``run(_:)`` began, one per line, empty lines dropped. Call
    /// only from inside `run`.
    func messages() -> [String] {
        capturedMessages.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether Graphviz reported an error (not just a warning) since ``run(_:)`` began.
    func sawError() -> Bool {
        agerrors() > 0
    }

    private func openContext() throws -> OpaquePointer {
        if let context { return context }
        _ = agseterrf(captureMessage)
        capturedMessages = ""
        guard let created = gvContext() else {
            throw GraphvizError(stage: .context, message: "gvContext() returned no context")
        }
        let engines = Self.pluginNames(created, kind: "layout")
        guard !engines.isEmpty else {
            _ = gvFreeContext(created)
            throw GraphvizError(
                stage: .context,
                message: "no layout plugins found",
                hint: GraphvizError.missingPluginsHint
            )
        }
        context = created
        layoutEngines = engines
        return created
    }

    /// The names `gvPluginList` reports for a plugin kind (`"layout"`, `"device"`), deduplicated.
    private static func pluginNames(_ context: OpaquePointer, kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = kind.withCString({ gvPluginList(context, $0, &count, nil) }) else { return [] }
        defer { free(list) }
        var names: [String] = []
        for index in 0..<Int(count) {
            guard let name = list[index] else { continue }
            names.append(String(cString: name))
            free(name)
        }
        return Array(Set(names)).sorted()
    }
}
