import Foundation
import RTMMachines
import RTMSystem
import Testing

@testable import RTMTrace

/// The repository's Traces/ folder and helpers to validate traces in memory.
enum TraceFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let docs = root.appendingPathComponent("Traces/docs").path
    static let generated = root.appendingPathComponent("Traces/generated").path
    static let models = root.appendingPathComponent("Models").path

    static func jsonl(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(folder)/\($0)" }
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: "\(docs)/\(name)", encoding: .utf8)
    }

    static func validate(_ text: String, file: String = "t.jsonl", complete: Bool = false) throws -> TraceValidation {
        var options = TraceValidator.Options()
        options.complete = complete
        return TraceValidator(options: options).validate(try TraceReader.read(text: text, file: file), file: file)
    }

    /// The line number (1-based) of the first line of `text` containing `needle`.
    static func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    static let accepted = #"{"actor":"alice","callback":"onLocalInvitationAccepted","invitation":"alice->bob#1","response":"on my way"}"#
    static let receivedByPeer = #"{"actor":"alice","callback":"onLocalInvitationReceivedByPeer","invitation":"alice->bob#1"}"#
}

@Suite struct ValidateTests {
    @Test("the hand-written invitation trace validates, completely")
    func handTraceValidates() throws {
        let result = try TraceFiles.validate(try TraceFiles.text("invitation-accept.jsonl"), complete: true)
        #expect(result.verdict == .matched, "\(result.text())")
        #expect(result.linesMatched == 19)
        #expect(result.coverage.contains("acceptRemoteInvitation in REMOTE_INVITATION_STATE_INVITATION_RECEIVED"))
    }

    @Test("onLocalInvitationAccepted before onLocalInvitationReceivedByPeer fails at that line")
    func impossibleOrderFailsAtItsLine() throws {
        let text = try TraceFiles.text("invitation-accept.jsonl")
        let swapped = text.replacingOccurrences(of: TraceFiles.receivedByPeer, with: "@@")
            .replacingOccurrences(of: TraceFiles.accepted, with: TraceFiles.receivedByPeer)
            .replacingOccurrences(of: "@@", with: TraceFiles.accepted)
        let result = try TraceFiles.validate(swapped)
        #expect(result.verdict == .mismatch)
        let line = TraceFiles.line(of: "onLocalInvitationAccepted", in: swapped)
        #expect(result.failure?.line == line)
        let report = result.text()
        #expect(report.contains("t.jsonl:\(line ?? 0): no execution of the model matches this line"))
        #expect(report.contains("alice's next callback can only be onLocalInvitationReceivedByPeer(alice->bob#1)"))
        #expect(result.failure?.states.first?.contains("LOCAL_INVITATION_STATE_SENT_TO_REMOTE") == true)
    }

    @Test("a wrong return code fails at the call's line, saying what the model returns")
    func wrongReturnCodeFailsAtItsLine() throws {
        let text = try TraceFiles.text("invitation-accept.jsonl")
        let wrong = text.replacingOccurrences(
            of: #""returns":"INVITATION_API_CALL_ERR_ALREADY_ACCEPT""#, with: #""returns":"INVITATION_API_CALL_ERR_OK""#)
        let result = try TraceFiles.validate(wrong)
        #expect(result.verdict == .mismatch)
        let secondAccept = wrong.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains("\"call\":\"acceptRemoteInvitation\"") }.last.map { $0.offset + 1 }
        #expect(result.failure?.line == secondAccept)
        #expect(
            result.failure?.message
                == "no execution of the model matches this line: bob's acceptRemoteInvitation returns"
                + " INVITATION_API_CALL_ERR_ALREADY_ACCEPT there, not INVITATION_API_CALL_ERR_OK")
    }

    @Test("a callback that never comes fails at its line with nothing to offer")
    func missingCauseFails() throws {
        let text = """
            {"format":"rtmcheck-trace","version":1,"scenario":"x","actors":[{"name":"alice","api":"rtm"}],"app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false}}
            {"actor":"alice","callback":"onLoginSuccess"}
            """
        let result = try TraceFiles.validate(text)
        #expect(result.verdict == .mismatch)
        #expect(result.failure?.line == 2)
        #expect(result.failure?.message.contains("nothing more reaches alice") == true)
    }

    @Test("--complete rejects a trace that leaves out a callback that must still come")
    func completeNeedsEveryCallback() throws {
        let text = """
            {"format":"rtmcheck-trace","version":1,"scenario":"x","actors":[{"name":"alice","api":"rtm"}],"app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false}}
            {"actor":"alice","call":"login","userId":"alice","returns":"LOGIN_ERR_OK"}
            {"actor":"alice","callback":"onConnectionStateChanged","state":"CONNECTION_STATE_CONNECTING","reason":"CONNECTION_CHANGE_REASON_LOGIN"}
            """
        #expect(try TraceFiles.validate(text).verdict == .matched)
        let complete = try TraceFiles.validate(text, complete: true)
        #expect(complete.verdict == .mismatch)
        #expect(complete.failure?.line == nil)
        #expect(complete.failure?.alternatives.contains { $0.hasPrefix("alice.onLoginSuccess()") } == true)
    }

    @Test("shell-level lines are left to replay and said so; Signaling traces are skipped")
    func shellLinesSkipped() throws {
        let text = """
            {"format":"rtmcheck-trace","version":1,"scenario":"x","actors":[{"name":"alice","api":"rtm"}],"app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false}}
            {"actor":"alice","call":"setLocalUserAttributes","attributes":[{"key":"k","value":"v"}],"returns":"ATTRIBUTE_OPERATION_ERR_OK","requestId":1}
            {"actor":"alice","callback":"onSetLocalUserAttributesResult","requestId":1,"code":"ATTRIBUTE_OPERATION_ERR_OK"}
            """
        let result = try TraceFiles.validate(text)
        #expect(result.verdict == .matched)
        #expect(result.skipped.map(\.line) == [2, 3])
        #expect(result.text().contains("2 lines left to replay: 2, 3"))
        let signaling = """
            {"format":"rtmcheck-trace","version":1,"scenario":"x","actors":[{"name":"carol","api":"signaling"}],"app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false}}
            {"actor":"carol","signaling":"logout"}
            """
        let skipped = try TraceFiles.validate(signaling)
        #expect(skipped.verdict == .skipped)
        #expect(skipped.passed)
    }

    @Test("network lines set the fault budget: a recorded loss lets the login time out")
    func networkLinesAllowFaults() throws {
        let header = """
            {"format":"rtmcheck-trace","version":1,"scenario":"x","actors":[{"name":"alice","api":"rtm"}],"app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false}}
            {"actor":"alice","call":"login","userId":"alice","returns":"LOGIN_ERR_OK"}
            {"actor":"alice","callback":"onConnectionStateChanged","state":"CONNECTION_STATE_CONNECTING","reason":"CONNECTION_CHANGE_REASON_LOGIN"}

            """
        let timeout = """
            {"actor":"alice","callback":"onLoginFailure","code":"LOGIN_ERR_TIMEOUT"}
            {"actor":"alice","callback":"onConnectionStateChanged","state":"CONNECTION_STATE_DISCONNECTED","reason":"CONNECTION_CHANGE_REASON_LOGIN_TIMEOUT"}
            """
        #expect(try TraceFiles.validate(header + timeout).verdict == .mismatch)
        let lossy = header + #"{"network":"send","id":1,"from":"alice","to":"server"}"# + "\n"
            + #"{"network":"drop","id":1,"reason":"loss"}"# + "\n" + timeout
        let result = try TraceFiles.validate(lossy)
        #expect(result.verdict == .matched, "\(result.text())")
        #expect(result.assumptions.contains("1 loss"))
    }

    @Test("network fault lines are steps the model must take, in order")
    func faultLinesAreFollowed() throws {
        let header = """
            {"format":"rtmcheck-trace","version":1,"scenario":"x","actors":[{"name":"alice","api":"rtm"}],"app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false}}

            """
        let restart = try TraceFiles.validate(header + #"{"network":"serverRestart"}"#)
        #expect(restart.verdict == .matched)
        #expect(restart.coverage == ["server restarts"])
        let upFirst = header + #"{"network":"linkUp","a":"alice","b":"server"}"# + "\n"
            + #"{"network":"linkDown","a":"alice","b":"server"}"#
        let result = try TraceFiles.validate(upFirst)
        #expect(result.verdict == .mismatch)
        #expect(result.failure?.line == 2)
        #expect(result.failure?.message == "no execution of the model matches this line: the network cannot take this step here")
    }

    @Test("a trace cut between two callbacks of one step fails at the first, naming the second")
    func cutBurstIsExplained() throws {
        let text = """
            {"format":"rtmcheck-trace","version":1,"scenario":"x","actors":[{"name":"alice","api":"rtm"}],"app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false}}
            {"actor":"alice","call":"login","userId":"alice","returns":"LOGIN_ERR_OK"}
            {"actor":"alice","callback":"onConnectionStateChanged","state":"CONNECTION_STATE_CONNECTING","reason":"CONNECTION_CHANGE_REASON_LOGIN"}
            {"actor":"alice","callback":"onLoginSuccess"}
            """
        let result = try TraceFiles.validate(text)
        #expect(result.failure?.line == 4)
        #expect(
            result.failure?.message
                == "no execution of the model matches this line: alice receives onLoginSuccess here only together with"
                + " alice.onConnectionStateChanged(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGE_REASON_LOGIN_SUCCESS),"
                + " which the trace does not have next")
    }

    @Test("a malformed trace is a TraceError at its file and line")
    func malformedIsLocated() throws {
        let text = """
            {"format":"rtmcheck-trace","version":1,"scenario":"x","actors":[{"name":"alice","api":"rtm"}],"app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false}}
            {"actor":"alice","call":"logn"}
            """
        #expect(throws: TraceError.self) { try TraceFiles.validate(text, file: "bad.jsonl") }
        do {
            _ = try TraceFiles.validate(text, file: "bad.jsonl")
        } catch let error as TraceError {
            #expect(error.description.hasPrefix("bad.jsonl:2: unknown call logn"))
        }
    }
}
