import Foundation
import Testing

@testable import RTMTrace

/// Traces with network lines but no recorded settings (the generated conformance suite, regressions):
/// their network lines are carried out.
@Suite struct ReplayDictatedTests {
    static let conformance =
        TraceFiles.jsonl(in: TraceFiles.generated)
        + TraceFiles.jsonl(in: TraceFiles.root.appendingPathComponent("Traces/regressions").path)

    @Test("the generated conformance traces replay against RTMKit", arguments: conformance)
    func conformanceTraceReplays(path: String) throws {
        let result = try TraceReplayer().replay(path: path)
        #expect(result.verdict == .identical, "\(result.text())")
    }

    @Test("an invitation created before login is named by its creator, as RTMKit names it once sent")
    func callerlessInvitationIsNamedByItsCreator() throws {
        // RTMKit keys it ->bob#1 until it is sent while logged in; the trace says alice->bob#1.
        let result = try TraceReplayer().replay(path: "\(TraceFiles.generated)/invitation-18.jsonl")
        #expect(result.verdict == .identical, "\(result.text())")
        #expect(result.linesMatched == 4)
    }

    @Test("a trace with network lines is replayed in dictated mode, one without in prompt mode")
    func modeFollowsTheTrace() throws {
        let dictated = try TraceReplayer().replay(path: "\(TraceFiles.generated)/connection-01.jsonl")
        #expect(dictated.mode == .dictated)
        #expect(try TraceReplayer().replay(path: "\(TraceFiles.docs)/peer-message.jsonl").mode == .prompt)
    }

    @Test("delivering a message that is not in flight fails at that line")
    func unknownMessageFails() throws {
        let text = try String(contentsOfFile: "\(TraceFiles.generated)/invitation-race-12.jsonl", encoding: .utf8)
        let edited = text.replacingOccurrences(
            of: #"{"network":"deliver","id":2}"#, with: #"{"network":"deliver","id":99}"#)
        let result = try TraceReplayer().replay(text: edited, file: "t.jsonl")
        #expect(result.divergence?.line == TraceFiles.line(of: #""id":99"#, in: edited))
        #expect(result.divergence?.actual == "nothing: no message 99 is in flight")
    }

    @Test("every message RTMKit sends must be in the trace before the next dictated step")
    func unlistedSendFails() throws {
        let text = try String(contentsOfFile: "\(TraceFiles.generated)/invitation-race-12.jsonl", encoding: .utf8)
        let send = #"{"network":"send","id":2,"from":"alice","to":"server","summary":"logout"}"#
        let edited = text.replacingOccurrences(of: send, with: "")
        let result = try TraceReplayer().replay(text: edited, file: "t.jsonl")
        #expect(result.divergence?.line == TraceFiles.line(of: #"{"network":"deliver","id":2}"#, in: edited))
        #expect(result.divergence?.actual == #"{"network":"send","id":2,"from":"alice","to":"server"}"#)
    }

    @Test("delivering a message the trace drops changes the run: the server's answer is reported unlisted")
    func deliveringADroppedMessageDiverges() throws {
        let text = try String(contentsOfFile: "\(TraceFiles.generated)/invitation-race-12.jsonl", encoding: .utf8)
        let delivered = text.replacingOccurrences(
            of: #"{"network":"drop","id":1,"reason":"loss"}"#, with: #"{"network":"deliver","id":1}"#)
        let result = try TraceReplayer().replay(text: delivered, file: "t.jsonl")
        // Delivered, the login goes on: the server answers, and its answer is not in the trace. (The login
        // still times out, as the answer is never delivered.)
        #expect(result.divergence?.line == TraceFiles.line(of: #"{"network":"deliver","id":2}"#, in: delivered))
        #expect(result.divergence?.actual == #"{"network":"send","id":2,"from":"server","to":"alice"}"#)
    }
}
