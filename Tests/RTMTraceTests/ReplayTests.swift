import Foundation
import RTMKit
import Testing

@testable import RTMTrace

@Suite struct ReplayTests {
    /// A faulty 10,000+ event run, recorded once for the tests below.
    static let recording = Result {
        try Recordings.record(Recordings.plan(users: 12, seconds: 120, faults: Recordings.faults), seed: 42)
    }

    @Test("a recorded run of over 10,000 events with every fault replays identically")
    func recordedRunReplays() throws {
        let (run, text) = try Self.recording.get()
        #expect(run.report.counters.total >= 10_000)
        #expect(run.eventLines >= 10_000)
        let result = try TraceReplayer().replay(text: text, file: "run.jsonl")
        #expect(result.mode == .seeded)
        #expect(result.verdict == .identical, "\(result.text())")
        #expect(result.linesMatched == run.eventLines)
        #expect(result.simulationEvents == run.report.counters.total)
    }

    @Test("a recorded callback edited by hand fails the replay at exactly that line")
    func editedCallbackFailsAtItsLine() throws {
        let text = try Self.recording.get().text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.contains(#""code":"PEER_MESSAGE_ERR_OK""#) })
        let original = lines[index]
        lines[index] = original.replacingOccurrences(of: "PEER_MESSAGE_ERR_OK", with: "PEER_MESSAGE_ERR_FAILURE")
        let result = try TraceReplayer().replay(text: lines.joined(separator: "\n"), file: "edited.jsonl")
        #expect(result.verdict == .diverged)
        #expect(result.divergence?.line == index + 1)
        #expect(result.divergence?.actual == original)
        #expect(result.summary.hasPrefix("edited.jsonl:\(index + 1): expected \(lines[index]), got \(original)"))
        #expect(result.linesMatched == index - 1)  // Every event line before it (the header is line 1).
    }

    @Test("a recorded return code edited by hand fails at that line")
    func editedReturnFailsAtItsLine() throws {
        var lines = try Self.recording.get().text.split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        let index = try #require(lines.firstIndex { $0.contains(#""returns":"JOIN_CHANNEL_ERR_OK""#) })
        lines[index] = lines[index].replacingOccurrences(of: "JOIN_CHANNEL_ERR_OK", with: "JOIN_CHANNEL_ERR_FAILURE")
        let result = try TraceReplayer().replay(text: lines.joined(separator: "\n"), file: "edited.jsonl")
        #expect(result.divergence?.line == index + 1)
        #expect(result.divergence?.actual.contains(#""returns":"JOIN_CHANNEL_ERR_OK""#) == true)
    }

    @Test("a recording cut short diverges at its end: RTMKit did more")
    func truncatedRecordingDivergesAtTheEnd() throws {
        let lines = try Self.recording.get().text.split(separator: "\n").map(String.init)
        // Cut just after a call: what the call caused is missing.
        let cut = try #require(lines.indices.dropFirst(100).first { lines[$0].contains(#""call":"#) })
        let result = try TraceReplayer().replay(text: lines[...cut].joined(separator: "\n"), file: "cut.jsonl")
        #expect(result.verdict == .diverged)
        #expect(result.divergence?.line == nil)
        #expect(result.divergence?.expected == "end of trace")
        #expect(result.summary.hasPrefix("cut.jsonl:end: expected end of trace, got "))
    }

    @Test("a malformed line is a TraceError at its file and line")
    func malformedLineThrows() throws {
        let header = String(try TraceFiles.text("peer-message.jsonl").split(separator: "\n")[0])
        let bad = #"{"actor":"alice","call":"sendLocalInvitaton","invitation":"alice->bob#1"}"#
        #expect {
            try TraceReplayer().replay(text: header + "\n" + bad + "\n", file: "bad.jsonl")
        } throws: { error in
            (error as? TraceError)?.description
                == "bad.jsonl:2: unknown call sendLocalInvitaton (did you mean sendLocalInvitation?)"
        }
    }

    @Test("replaying a file streams it, and a malformed line deep in it still throws at its line")
    func fileReplayStreams() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replay-stream-\(getpid()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var lines = try Self.recording.get().text.split(separator: "\n").map(String.init)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try TraceReplayer().replay(path: path)
        #expect(result.verdict == .identical, "\(result.text())")
        lines[5_000] = #"{"clock":"+1 s"}"#
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: TraceError.self) { try TraceReplayer().replay(path: path) }
        do {
            _ = try TraceReplayer().replay(path: path)
        } catch {
            #expect(error.line == 5_001)
        }
    }
}
