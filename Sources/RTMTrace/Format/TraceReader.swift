/// One event of a trace with the line it was read from.
public struct TraceLine: Hashable, Sendable {
    /// 1-based line number in the file.
    public var line: Int
    public var event: TraceEvent

    public init(line: Int, event: TraceEvent) {
        self.line = line
        self.event = event
    }
}

/// A whole trace in memory: for small traces and tests. Large traces are read with ``TraceReader``.
public struct Trace: Hashable, Sendable {
    public var header: TraceHeader
    public var lines: [TraceLine]

    public init(header: TraceHeader, lines: [TraceLine]) {
        self.header = header
        self.lines = lines
    }

    /// The events, in order.
    public var events: [TraceEvent] { lines.map(\.event) }
}

/// Reads a trace line by line, in memory bounded by the longest line, whatever the file's size.
///
/// Opening reads the header (the first line that is not blank or a comment); each ``next()`` returns the
/// next event with its line number. Blank lines and lines starting with `#` or `//` are comments.
/// Every problem is a ``TraceError`` printed as `file:line: message`; after an error in an event line,
/// ``next()`` goes on with the following line, so a linter can report every bad line.
///
/// ```swift
/// let reader = try TraceReader(path: "Traces/invite-accept.jsonl")
/// while let line = try reader.next() {
///     print(line.line, line.event)
/// }
/// ```
///
/// - Complexity: O(*n*) time in the file's size, O(longest line) memory.
public final class TraceReader {
    /// The file name used in errors.
    public let file: String
    public let header: TraceHeader
    /// The line number of the header.
    public let headerLine: Int
    /// The number of the last line read.
    public private(set) var lineNumber: Int
    /// The most trace bytes the reader ever held at once (one read chunk plus the longest line).
    public var peakBufferedBytes: Int { source.peakBufferedBytes }

    private let source: LineSource
    private let actors: [String: TraceAPI]

    /// Opens the trace at `path` and reads its header.
    public convenience init(path: String) throws(TraceError) {
        guard let source = LineSource(path: path) else {
            throw TraceError(file: path, line: nil, message: "cannot open the trace")
        }
        try self.init(source: source, file: path)
    }

    /// Reads a trace already in memory; `file` names it in errors.
    public convenience init(bytes: [UInt8], file: String) throws(TraceError) {
        try self.init(source: LineSource(bytes: bytes), file: file)
    }

    /// Reads a trace from text; `file` names it in errors.
    public convenience init(text: String, file: String) throws(TraceError) {
        try self.init(bytes: Array(text.utf8), file: file)
    }

    private init(source: LineSource, file: String) throws(TraceError) {
        self.source = source
        self.file = file
        var number = 0
        var headerBytes: [UInt8]?
        while headerBytes == nil {
            guard let line = try Self.next(from: source, file: file, number: &number) else {
                throw TraceError(file: file, line: max(number, 1), message: "missing header: the trace is empty")
            }
            if !Self.isComment(line) { headerBytes = line }
        }
        let object: JSONObject
        do throws(TraceLineError) {
            object = try TraceLineCoder.object(try TraceLineCoder.parse(headerBytes ?? []))
        } catch {
            throw TraceError(file: file, line: number, message: "missing header: \(error.message)")
        }
        do throws(TraceLineError) {
            if object["format"] == nil, let kind = TraceLineCoder.kindKeys.first(where: { object[$0] != nil }) {
                throw TraceLineError(
                    "missing header: the first line must be the header {\"format\":\"\(TraceHeader.formatName)\",...}"
                        + ", not a \(kind) line"
                )
            }
            header = try TraceLineCoder.decodeHeader(object)
        } catch {
            throw TraceError(file: file, line: number, message: error.message)
        }
        headerLine = number
        lineNumber = number
        var actors: [String: TraceAPI] = [:]
        for actor in header.actors {
            actors[actor.name] = actor.api
        }
        self.actors = actors
    }

    /// The next event, or nil at the end of the trace.
    public func next() throws(TraceError) -> TraceLine? {
        while true {
            guard let bytes = try Self.next(from: source, file: file, number: &lineNumber) else { return nil }
            if Self.isComment(bytes) { continue }
            do throws(TraceLineError) {
                let event = try TraceLineCoder.decodeEvent(try TraceLineCoder.object(try TraceLineCoder.parse(bytes)))
                try check(event)
                return TraceLine(line: lineNumber, event: event)
            } catch {
                throw TraceError(file: file, line: lineNumber, message: error.message)
            }
        }
    }

    /// Every remaining event; stops at the first error.
    public func readAll() throws(TraceError) -> [TraceLine] {
        var lines: [TraceLine] = []
        while let line = try next() {
            lines.append(line)
        }
        return lines
    }

    /// Reads the whole trace at `path` into memory.
    public static func read(path: String) throws(TraceError) -> Trace {
        let reader = try TraceReader(path: path)
        return Trace(header: reader.header, lines: try reader.readAll())
    }

    /// Reads a whole trace from text.
    public static func read(text: String, file: String) throws(TraceError) -> Trace {
        let reader = try TraceReader(text: text, file: file)
        return Trace(header: reader.header, lines: try reader.readAll())
    }

    // MARK: - Helpers

    /// Checks the event against the header: its actor is declared and uses the API of the line.
    private func check(_ event: TraceEvent) throws(TraceLineError) {
        guard let actor = event.actor else { return }
        guard let api = actors[actor] else {
            let names = header.actors.map(\.name)
            let declared = names.joined(separator: ", ")
            throw TraceLineError("unknown actor \(actor)\(didYouMean(actor, among: names)) (the header declares \(declared))")
        }
        let needed: TraceAPI
        switch event {
        case .call, .callback: needed = .rtm
        case .signalingCall, .signalingCallback: needed = .signaling
        case .network, .clock: return
        }
        guard api == needed else {
            throw TraceLineError(
                "actor \(actor) uses the \(api.rawValue) API (header), so it cannot have a \(needed.rawValue) line"
            )
        }
    }

    private static func next(from source: LineSource, file: String, number: inout Int) throws(TraceError) -> [UInt8]? {
        do {
            let line = try source.nextLine()
            if line != nil { number += 1 }
            return line
        } catch {
            switch error {
            case .lineTooLong:
                number += 1
                throw TraceError(file: file, line: number, message: "line longer than \(LineSource.maxLineBytes) bytes")
            case .io(let reason):
                throw TraceError(file: file, line: number + 1, message: "read error: \(reason)")
            }
        }
    }

    /// Blank lines and lines starting (after spaces) with `#` or `//`.
    static func isComment(_ line: [UInt8]) -> Bool {
        guard let first = line.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
            return true
        }
        if line[first] == UInt8(ascii: "#") { return true }
        return line[first] == UInt8(ascii: "/") && first + 1 < line.count && line[first + 1] == UInt8(ascii: "/")
    }
}
