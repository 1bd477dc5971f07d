import Foundation
import RTMMachines
import RTMProtocol
import Testing

@testable import RTMTrace

@Suite struct TraceReaderTests {
    let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)

    @Test("codes may be written by number and read as the enum value of that field")
    func codesByNumber() throws {
        let trace = try TraceReader.read(
            text: [
                headerLine,
                #"{"actor":"alice","call":"sendLocalInvitation","invitation":"alice->bob#1","returns":0}"#,
                #"{"actor":"alice","callback":"onLocalInvitationFailure","invitation":"alice->bob#1","code":1}"#,
                #"{"actor":"alice","callback":"onConnectionStateChanged","state":3,"reason":2}"#,
            ].joined(separator: "\n"), file: "t.jsonl"
        )
        #expect(trace.events[0] == .call(actor: "alice", .sendLocalInvitation(key), returned: .invitation(.ok)))
        #expect(trace.events[1] == .callback(actor: "alice", .onLocalInvitationFailure(key, .peerOffline)))
        #expect(trace.events[2] == .callback(actor: "alice", .onConnectionStateChanged(.connected, .loginSuccess)))
    }

    @Test("blank lines and # or // comments are skipped, and line numbers still count them")
    func commentsAreSkipped() throws {
        let text = [
            "# a hand-written trace", "", "   // indented comment", headerLine, "", "\t# tab-indented",
            #"{"actor":"alice","call":"logout"}"#, "//", #"{"clock":"+1s"}"#,
        ].joined(separator: "\r\n")
        let reader = try TraceReader(text: "\u{FEFF}" + text, file: "t.jsonl")
        #expect(reader.headerLine == 4)
        #expect(
            try reader.readAll() == [
                TraceLine(line: 7, event: .call(actor: "alice", .logout, returned: nil)),
                TraceLine(line: 9, event: .clock(.by(ms: 1_000))),
            ])
    }

    @Test("omitted optional fields take their documented defaults")
    func defaults() throws {
        let header = try TraceLineCoder.decodeHeader(
            #"{"format":"rtmcheck-trace","version":1,"scenario":"s","actors":[{"name":"a","api":"rtm"}],"app":{"appId":"x","certificate":true}}"#
        )
        #expect(
            header
                == TraceHeader(
                    scenario: "s", actors: [TraceActor(name: "a", api: .rtm, userId: "a")],
                    app: TraceApp(appId: "x", certificate: .enabled), seed: 0, notes: nil
                ))
        #expect(
            try TraceLineCoder.decodeEvent(#"{"actor":"a","call":"login","userId":"a"}"#)
                == .call(actor: "a", .login(token: "", userId: "a"), returned: nil))
        #expect(
            try TraceLineCoder.decodeEvent(#"{"actor":"a","call":"sendMessageToPeer","peerId":"b","message":"m"}"#)
                == .call(
                    actor: "a", .sendMessageToPeer(peerId: "b", text: "m", enableOfflineMessaging: false), returned: nil
                ))
        #expect(try TraceLineCoder.decodeEvent(#"{"network":"deliver","id":"m12"}"#) == .network(.deliver(id: 12)))
        #expect(try TraceLineCoder.decodeEvent(#"{"clock":"@2m"}"#) == .clock(.to(ms: 120_000)))
    }

    @Test("a trace written to a file streams back through TraceReader(path:)")
    func fileRoundTrip() throws {
        let path = NSTemporaryDirectory() + "rtmtrace-file-\(getpid()).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try TraceWriter(path: path, header: TraceSamples.header)
        try writer.write(TraceSamples.events)
        try writer.close()
        let trace = try TraceReader.read(path: path)
        #expect(trace.header == TraceSamples.header)
        #expect(trace.events == TraceSamples.events)
    }
}

/// Every ```jsonl block of docs/trace-format.md reads: blocks that start with a header as whole traces,
/// the others line by line. Keeps the documentation honest.
@Suite struct TraceDocumentationTests {
    static let docPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/trace-format.md").path

    static func blocks() throws -> [String] {
        let text = try String(contentsOfFile: docPath, encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```jsonl" {
                current = []
            } else if let lines = current, line == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test("every jsonl example in the documentation reads without error")
    func examplesRead() throws {
        let blocks = try Self.blocks()
        #expect(blocks.count >= 7)
        var lines = 0
        for block in blocks {
            if block.hasPrefix(#"{"format""#) {
                lines += try TraceReader.read(text: block, file: "doc").lines.count
            } else {
                for line in block.split(separator: "\n") where !TraceReader.isComment(Array(line.utf8)) {
                    _ = try TraceLineCoder.decodeEvent(String(line))
                    lines += 1
                }
            }
        }
        #expect(lines > 100)
    }

    @Test("the documentation shows an example of every call, callback and network step")
    func everyNameHasAnExample() throws {
        let text = try Self.blocks().joined(separator: "\n")
        for name in CallCoding.names {
            #expect(text.contains(#""call":"\#(name)""#), "no example of \(name)")
        }
        for name in CallbackCoding.names {
            #expect(text.contains(#""callback":"\#(name)""#), "no example of \(name)")
        }
        for name in StepCoding.networkNames {
            #expect(text.contains(#""network":"\#(name)""#), "no example of \(name)")
        }
    }

    @Test("the complete hand-written example is a login and an accepted invitation, with no network lines")
    func completeExample() throws {
        let block = try #require(
            try Self.blocks().first { $0.contains(#""scenario":"invite-accept""#) && $0.contains("onLoginSuccess") })
        let trace = try TraceReader.read(text: block, file: "doc")
        let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)
        #expect(trace.header.actors.map(\.name) == ["alice", "bob"])
        #expect(trace.events.allSatisfy { $0.actor != nil })
        #expect(trace.events.contains(.call(actor: "bob", .acceptRemoteInvitation(key), returned: .invitation(.ok))))
        #expect(trace.events.last == .callback(actor: "bob", .onRemoteInvitationAccepted(key)))
    }
}
