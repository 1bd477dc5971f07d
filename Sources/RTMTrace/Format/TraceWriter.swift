import Foundation

/// Writes a trace: the header line on creation, then one line per event, to a file handle or to memory.
///
/// Lines are the ``TraceLineCoder`` encoding, each ended by `\n`, so the same events always give the
/// same bytes. File output is buffered (64 KiB) and flushed by ``flush()`` / ``close()``.
///
/// ```swift
/// let writer = TraceWriter(header: header)
/// try writer.write(.clock(.by(ms: 30_000)))
/// writer.text   // header line + {"clock":"+30s"}\n
/// ```
public final class TraceWriter {
    private let handle: FileHandle?
    private let file: String
    private var pending: [UInt8] = []
    private var memory: [UInt8] = []
    /// The number of lines written so far (the header is line 1).
    public private(set) var lineCount = 0

    /// Writes into memory; read the result from ``text`` or ``bytes``.
    public init(header: TraceHeader) {
        handle = nil
        file = "<memory>"
        append(line: TraceLineCoder.encode(header))
    }

    /// Appends to `fileHandle`; `file` names it in errors.
    public init(fileHandle: FileHandle, header: TraceHeader, file: String = "<trace>") {
        handle = fileHandle
        self.file = file
        append(line: TraceLineCoder.encode(header))
    }

    /// Creates (or truncates) the file at `path`.
    public convenience init(path: String, header: TraceHeader) throws(TraceError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw TraceError(file: path, line: nil, message: "cannot create the trace")
        }
        self.init(fileHandle: handle, header: header, file: path)
    }

    deinit {
        try? flush()
    }

    /// Appends `event` as one line.
    public func write(_ event: TraceEvent) throws(TraceError) {
        do throws(TraceLineError) {
            append(line: try TraceLineCoder.encode(event))
        } catch {
            throw TraceError(file: file, line: lineCount + 1, message: "cannot write: \(error.message)")
        }
        if pending.count >= 1 << 16 { try flush() }
    }

    /// Appends every event of `events`.
    public func write(_ events: some Sequence<TraceEvent>) throws(TraceError) {
        for event in events {
            try write(event)
        }
    }

    /// Appends `text` as comment lines (`# …`), one per line of `text`.
    public func comment(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            append(line: line.isEmpty ? "#" : "# \(line)")
        }
    }

    /// Writes buffered lines to the file handle.
    public func flush() throws(TraceError) {
        guard let handle, !pending.isEmpty else { return }
        do {
            try handle.write(contentsOf: pending)
        } catch {
            throw TraceError(file: file, line: nil, message: "write error: \(error.localizedDescription)")
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file handle.
    public func close() throws(TraceError) {
        try flush()
        do {
            try handle?.close()
        } catch {
            throw TraceError(file: file, line: nil, message: "close error: \(error.localizedDescription)")
        }
    }

    /// Everything written, for a writer in memory.
    public var bytes: [UInt8] { memory }

    /// Everything written as text, for a writer in memory.
    public var text: String { String(decoding: memory, as: UTF8.self) }

    private func append(line: String) {
        lineCount += 1
        if handle == nil {
            memory.append(contentsOf: line.utf8)
            memory.append(UInt8(ascii: "\n"))
        } else {
            pending.append(contentsOf: line.utf8)
            pending.append(UInt8(ascii: "\n"))
        }
    }
}
