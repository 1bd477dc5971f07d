import Foundation
import RTMMachines
import RTMProtocol
import Testing

@testable import RTMTrace

@Suite struct TraceRoundTripTests {
    @Test("every sample event survives write then read unchanged", arguments: TraceSamples.events)
    func eventRoundTrips(_ event: TraceEvent) throws {
        let line = try TraceLineCoder.encode(event)
        #expect(try TraceLineCoder.decodeEvent(line) == event)
        #expect(!line.contains("\n"))
    }

    @Test("the samples cover every call and callback name the format knows")
    func samplesCoverEveryName() {
        #expect(Set(TraceSamples.calls.map(\.0.sdkName)) == Set(CallCoding.names))
        #expect(Set(TraceSamples.callbacks.map(\.sdkName)) == Set(CallbackCoding.names))
        #expect(CallCoding.names.count == 32)
        #expect(CallbackCoding.names.count == 39)
    }

    @Test("a whole trace written to memory reads back as the same header and events with line numbers")
    func wholeTraceRoundTrips() throws {
        let writer = TraceWriter(header: TraceSamples.header)
        writer.comment("samples\nsecond comment line")
        try writer.write(TraceSamples.events)
        let trace = try TraceReader.read(text: writer.text, file: "mem.jsonl")
        #expect(trace.header == TraceSamples.header)
        #expect(trace.events == TraceSamples.events)
        #expect(trace.lines.first?.line == 4)
        #expect(trace.lines.last?.line == 3 + TraceSamples.events.count)
    }

    @Test("writing the same events twice gives byte-identical output")
    func writerIsByteIdentical() throws {
        func render() throws -> [UInt8] {
            let writer = TraceWriter(header: TraceSamples.header)
            try writer.write(TraceSamples.events)
            return writer.bytes
        }
        let first = try render()
        #expect(first == (try render()))
        let reread = try TraceReader.read(text: String(decoding: first, as: UTF8.self), file: "t")
        let again = TraceWriter(header: reread.header)
        try again.write(reread.events)
        #expect(again.bytes == first)
    }

    @Test(
        "lines are written with the fixed key order and SDK names of the documentation",
        arguments: [
            (
                TraceEvent.call(actor: "alice", .sendLocalInvitation(TraceSamples.key), returned: .invitation(.ok)),
                #"{"actor":"alice","call":"sendLocalInvitation","invitation":"alice->bob#1","returns":"INVITATION_API_CALL_ERR_OK"}"#
            ),
            (
                .callback(actor: "bob", .onRemoteInvitationReceived(TraceSamples.key)),
                #"{"actor":"bob","callback":"onRemoteInvitationReceived","invitation":"alice->bob#1"}"#
            ),
            (
                .callback(actor: "alice", .onLocalInvitationFailure(TraceSamples.key, .peerOffline)),
                #"{"actor":"alice","callback":"onLocalInvitationFailure","invitation":"alice->bob#1","code":"LOCAL_INVITATION_ERR_PEER_OFFLINE"}"#
            ),
            (
                .call(
                    actor: "alice",
                    .sendMessageToPeer(peerId: "bob", text: "a\"b\\c\td", enableOfflineMessaging: false),
                    returned: .peerMessage(.ok, messageId: 3)),
                #"{"actor":"alice","call":"sendMessageToPeer","peerId":"bob","message":"a\"b\\c\td","enableOfflineMessaging":false,"returns":"PEER_MESSAGE_ERR_OK","messageId":3}"#
            ),
            (
                .callback(actor: "alice", .onConnectionStateChanged(.connected, .loginSuccess)),
                #"{"actor":"alice","callback":"onConnectionStateChanged","state":"CONNECTION_STATE_CONNECTED","reason":"CONNECTION_CHANGE_REASON_LOGIN_SUCCESS"}"#
            ),
            (.network(.deliver(id: 12)), #"{"network":"deliver","id":12}"#),
            (.network(.linkDown(a: "alice", b: "server")), #"{"network":"linkDown","a":"alice","b":"server"}"#),
            (.clock(.by(ms: 30_000)), #"{"clock":"+30s"}"#),
            (.clock(.to(ms: 31_500)), #"{"clock":"@31500ms"}"#),
            (
                .signalingCall(
                    actor: "carol", name: "messageInstantSend", args: ["uid": .int(0), "account": .string("bob")]),
                #"{"actor":"carol","signaling":"messageInstantSend","args":{"account":"bob","uid":0}}"#
            ),
        ])
    func goldenLines(_ event: TraceEvent, _ expected: String) throws {
        #expect(try TraceLineCoder.encode(event) == expected)
    }

    @Test("the header is written with its fixed key order")
    func goldenHeader() {
        let header = TraceHeader(
            scenario: "invite-accept", actors: [TraceActor(name: "alice"), TraceActor(name: "bob")],
            app: TraceApp(appId: "0123456789abcdef0123456789abcdef")
        )
        #expect(
            TraceLineCoder.encode(header)
                == #"{"format":"rtmcheck-trace","version":1,"scenario":"invite-accept","actors":[{"name":"alice","api":"rtm","userId":"alice"},{"name":"bob","api":"rtm","userId":"bob"}],"app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false},"seed":0}"#
        )
    }

    @Test("a call whose result is of another method's kind is refused by the writer")
    func mismatchedResultIsRefused() {
        let writer = TraceWriter(header: TraceSamples.header)
        #expect(
            throws: TraceError(
                file: "<memory>", line: 2, message: "cannot write: login cannot return JOIN_CHANNEL_ERR_OK (join)")
        ) {
            try writer.write(.call(actor: "alice", .login(token: "", userId: "alice"), returned: .join(.ok)))
        }
    }
}

@Suite struct TraceCodableTests {
    @Test("events and headers are Codable through the line format, with SDK names", arguments: TraceSamples.events)
    func codableRoundTrip(_ event: TraceEvent) throws {
        let data = try JSONEncoder().encode(event)
        #expect(try JSONDecoder().decode(TraceEvent.self, from: data) == event)
    }

    @Test("a header embedded in a Codable value round-trips and reads as trace JSON")
    func codableHeader() throws {
        let data = try JSONEncoder().encode([TraceSamples.header])
        #expect(try JSONDecoder().decode([TraceHeader].self, from: data) == [TraceSamples.header])
        #expect(String(decoding: data, as: UTF8.self).contains(#""format":"rtmcheck-trace""#))
    }

    @Test("a Codable decode of a bad event fails with the format's message")
    func codableError() {
        let data = Data(#"{"actor":"alice","call":"sendLocalInvitaton","invitation":"alice->bob#1"}"#.utf8)
        do {
            _ = try JSONDecoder().decode(TraceEvent.self, from: data)
            Issue.record("decoded a bad event")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == "unknown call sendLocalInvitaton (did you mean sendLocalInvitation?)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
