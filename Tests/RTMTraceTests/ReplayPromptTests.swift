import Foundation
import Testing

@testable import RTMTrace

/// Hand-written traces (no network lines) replayed with prompt delivery.
@Suite struct ReplayPromptTests {
    @Test("a hand-edited wrong callback fails at exactly that line, listing the callback that did happen")
    func wrongCallbackFailsAtItsLine() throws {
        let text = try TraceFiles.text("invitation-accept.jsonl")
        let refused = TraceFiles.accepted.replacingOccurrences(
            of: "onLocalInvitationAccepted", with: "onLocalInvitationRefused")
        let edited = text.replacingOccurrences(of: TraceFiles.accepted, with: refused)
        let result = try TraceReplayer().replay(text: edited, file: "t.jsonl")
        let line = try #require(TraceFiles.line(of: "onLocalInvitationRefused", in: edited))
        #expect(result.verdict == .diverged)
        #expect(result.summary == "t.jsonl:\(line): expected \(refused), got \(TraceFiles.accepted)")
        #expect(result.divergence?.happened.contains(TraceFiles.accepted) == true)
        #expect(result.text().contains("callbacks that happened since line"))
    }

    @Test("a wrong return code fails at its line")
    func wrongReturnFailsAtItsLine() throws {
        let text = try TraceFiles.text("invitation-accept.jsonl")
        let edited = text.replacingOccurrences(
            of: #""call":"acceptRemoteInvitation","invitation":"alice->bob#1","returns":"INVITATION_API_CALL_ERR_OK""#,
            with:
                #""call":"acceptRemoteInvitation","invitation":"alice->bob#1","returns":"INVITATION_API_CALL_ERR_ALREADY_END""#
        )
        let result = try TraceReplayer().replay(text: edited, file: "t.jsonl")
        #expect(result.divergence?.line == TraceFiles.line(of: "INVITATION_API_CALL_ERR_ALREADY_END", in: edited))
        #expect(result.divergence?.actual.hasSuffix(#""returns":"INVITATION_API_CALL_ERR_OK"}"#) == true)
    }

    @Test("a callback the trace leaves out is reported at the end of the trace")
    func missingCallbackIsReportedAtTheEnd() throws {
        let text = try TraceFiles.text("invitation-accept.jsonl")
        let last = #"{"actor":"bob","callback":"onRemoteInvitationAccepted","invitation":"alice->bob#1"}"#
        let edited = text.replacingOccurrences(of: last, with: "")
        let result = try TraceReplayer().replay(text: edited, file: "t.jsonl")
        #expect(result.summary == "t.jsonl:end: expected end of trace, got \(last)")
    }

    @Test("a callback that never comes is reported as nothing happening")
    func callbackThatNeverComes() throws {
        let text = try TraceFiles.text("connection-logout-while-connecting.jsonl")
        let edited = text + #"{"actor":"alice","callback":"onLoginSuccess"}"# + "\n"
        let result = try TraceReplayer().replay(text: edited, file: "t.jsonl")
        #expect(result.divergence?.line == 9)
        #expect(result.divergence?.actual.hasPrefix("nothing") == true)
    }

    /// invitation-accept.jsonl up to the caller's onLocalInvitationReceivedByPeer, then `clock`.
    static func unanswered(waiting clock: String) throws -> String {
        let text = try TraceFiles.text("invitation-accept.jsonl")
        let upToAck = text.components(separatedBy: TraceFiles.receivedByPeer)[0] + TraceFiles.receivedByPeer
        return upToAck + "\n" + clock + "\n"
            + #"{"actor":"alice","callback":"onLocalInvitationFailure","invitation":"alice->bob#1","code":"LOCAL_INVITATION_ERR_INVITATION_EXPIRE"}"#
            + "\n"
            + #"{"actor":"bob","callback":"onRemoteInvitationFailure","invitation":"alice->bob#1","code":"REMOTE_INVITATION_ERR_INVITATION_EXPIRE"}"#
            + "\n"
    }

    @Test("time moves only by clock lines: an unanswered invitation expires after +60s, not before")
    func clockLinesMoveTime() throws {
        let expired = try TraceReplayer().replay(
            text: try Self.unanswered(waiting: #"{"clock":"+60s"}"#), file: "t.jsonl")
        #expect(expired.verdict == .identical, "\(expired.text())")
        let early = try Self.unanswered(waiting: #"{"clock":"+59s"}"#)
        let waiting = try TraceReplayer().replay(text: early, file: "t.jsonl")
        #expect(waiting.divergence?.line == TraceFiles.line(of: "onLocalInvitationFailure", in: early))
        #expect(waiting.divergence?.actual.hasPrefix("nothing (at 59000 ms") == true)
    }
}
