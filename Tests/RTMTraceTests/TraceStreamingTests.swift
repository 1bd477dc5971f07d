import Foundation
import Testing

@testable import RTMTrace

/// Peak and current resident memory from /proc/self/status, in KiB (Linux only).
enum ProcessMemory {
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: "/proc/self/status") }

    static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }

    /// Resets VmHWM to the current RSS (Linux ≥ 4.0); false when the kernel refuses.
    static func resetPeak() -> Bool {
        FileManager.default.createFile(atPath: "/proc/self/clear_refs", contents: Data("5".utf8))
            || (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
    }
}

/// Writes a trace of about `megabytes` MiB to `path` by repeating every sample line, without holding it in
/// memory; returns the number of event lines.
func writeLargeTrace(path: String, megabytes: Int) throws -> Int {
    let writer = TraceWriter(header: TraceSamples.header)
    try writer.write(TraceSamples.events)
    let lines = writer.text.split(separator: "\n")
    let header = lines[0] + "\n"
    let body = Data(lines.dropFirst().joined(separator: "\n").utf8 + [UInt8(ascii: "\n")])
    _ = FileManager.default.createFile(atPath: path, contents: Data(header.utf8))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    let repeats = megabytes * 1_048_576 / body.count + 1
    var chunk = Data()
    for _ in 0..<64 { chunk.append(body) }
    var written = 0
    while written < repeats {
        let count = min(64, repeats - written)
        try handle.write(contentsOf: count == 64 ? chunk : chunk.prefix(body.count * count))
        written += count
    }
    try handle.close()
    return repeats * (lines.count - 1)
}

@Suite(.serialized) struct TraceStreamingTests {
    @Test(
        "a 20 MB trace streams through TraceReader holding at most one chunk and one line",
        .enabled(if: ProcessMemory.isAvailable)
    )
    func largeTraceStreamsInBoundedMemory() throws {
        let path = NSTemporaryDirectory() + "rtmtrace-large-\(getpid()).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // RTMTRACE_STREAM_MB=100 swift test --filter TraceStreamingTests for the 100 MB run.
        let megabytes = ProcessInfo.processInfo.environment["RTMTRACE_STREAM_MB"].flatMap(Int.init) ?? 20
        let expected = try writeLargeTrace(path: path, megabytes: megabytes)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size >= megabytes * 1_048_576)

        let rssBefore = try #require(ProcessMemory.field("VmRSS"))
        let peakBefore = ProcessMemory.resetPeak() ? rssBefore : try #require(ProcessMemory.field("VmHWM"))
        let reader = try TraceReader(path: path)
        var count = 0
        var last = 0
        while let line = try reader.next() {
            count += 1
            last = line.line
        }
        let peakAfter = try #require(ProcessMemory.field("VmHWM"))
        #expect(count == expected)
        #expect(last == expected + 1)
        let growthMB = Double(peakAfter - peakBefore) / 1024
        // Bounded memory, structurally: the reader never holds more than a chunk plus the longest line,
        // whatever the file's size. (Peak RSS is process-wide and other tests run in parallel, so it is
        // printed as a figure, not asserted: a quiet run shows about 1 MB of growth for 20 or 100 MB.)
        #expect(reader.peakBufferedBytes <= LineSource.chunkBytes + LineSource.maxLineBytes)
        #expect(reader.peakBufferedBytes < size / 8)
        print("streamed \(size / 1_048_576) MB, \(count) events: peak RSS growth \(growthMB) MB")
    }
}
