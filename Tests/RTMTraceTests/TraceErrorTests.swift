import Testing

@testable import RTMTrace

/// Reads `lines` (joined by newlines, a final newline unless `lastNewline` is false) as `t.jsonl` and returns
/// the first error's text, or nil when the whole trace reads.
func firstError(_ lines: [String], lastNewline: Bool = true) -> String? {
    let text = lines.joined(separator: "\n") + (lastNewline ? "\n" : "")
    do {
        _ = try TraceReader.read(text: text, file: "t.jsonl")
        return nil
    } catch {
        return error.description
    }
}

let headerLine =
    #"{"format":"rtmcheck-trace","version":1,"scenario":"s","actors":[{"name":"alice","api":"rtm"},{"name":"bob","api":"rtm"},{"name":"carol","api":"signaling"}],"app":{"appId":"a","certificate":false}}"#

@Suite struct TraceErrorTests {
    @Test(
        "a malformed event line gives file:line: and a precise message",
        arguments: [
            // Bad JSON
            (
                #"{"actor":"alice" "call":"logout"}"#,
                #"t.jsonl:2: invalid JSON at column 18: expected ',' or '}' after the value of actor, found '"'"#
            ),
            (
                #"{"actor":"alice","call":logout}"#,
                "t.jsonl:2: invalid JSON at column 25: expected a JSON value, found 'l'"
            ),
            (
                #"{"actor":"alice","actor":"bob","call":"logout"}"#,
                "t.jsonl:2: invalid JSON at column 18: duplicate key actor"
            ),
            (
                #"{"actor":"alice","call":"logout"} x"#,
                "t.jsonl:2: invalid JSON at column 35: unexpected text after the JSON value"
            ),
            ("[1,2]", "t.jsonl:2: expected a JSON object on the line, found an array"),
            // Unknown method or callback
            (
                #"{"actor":"alice","call":"sendLocalInvitaton","invitation":"alice->bob#1"}"#,
                "t.jsonl:2: unknown call sendLocalInvitaton (did you mean sendLocalInvitation?)"
            ),
            (
                #"{"actor":"alice","callback":"onLocalInvitationFailed","invitation":"alice->bob#1"}"#,
                "t.jsonl:2: unknown callback onLocalInvitationFailed (did you mean onLocalInvitationFailure?)"
            ),
            (
                #"{"actor":"alice","call":"onLoginSuccess"}"#,
                #"t.jsonl:2: onLoginSuccess is a callback, not a call: write "callback":"onLoginSuccess""#
            ),
            (#"{"actor":"alice","call":"frobnicate"}"#, "t.jsonl:2: unknown call frobnicate"),
            // Wrong argument type, missing and unknown fields
            (
                #"{"actor":"alice","call":"sendMessageToPeer","peerId":7,"message":"hi"}"#,
                "t.jsonl:2: expected a string for peerId, found a number"
            ),
            (
                #"{"actor":"alice","call":"sendMessageToPeer","peerId":"bob","message":"hi","enableOfflineMessaging":"yes"}"#,
                "t.jsonl:2: expected a boolean for enableOfflineMessaging, found a string"
            ),
            (
                #"{"actor":"alice","call":"queryPeersOnlineStatus","peerIds":["bob",3]}"#,
                "t.jsonl:2: expected a string in peerIds, found a number"
            ),
            (
                #"{"actor":"alice","call":"sendMessageToPeer","message":"hi"}"#,
                "t.jsonl:2: missing field peerId for sendMessageToPeer"
            ),
            (
                #"{"actor":"alice","call":"sendMessageToPeer","peerID":"bob","message":"hi"}"#,
                "t.jsonl:2: missing field peerId for sendMessageToPeer (the line has peerID)"
            ),
            (
                #"{"actor":"alice","call":"join","channelId":"room","chanelId":"x"}"#,
                "t.jsonl:2: unknown field chanelId for join (did you mean channelId?)"
            ),
            (#"{"call":"logout"}"#, "t.jsonl:2: missing field actor for a call line"),
            (
                #"{"actor":"alice","call":"sendLocalInvitation","invitation":"alice-bob"}"#,
                #"t.jsonl:2: expected caller->callee#serial for invitation, found "alice-bob""#
            ),
            // Codes
            (
                #"{"actor":"alice","callback":"onLocalInvitationFailure","invitation":"alice->bob#1","code":"LOCAL_INVITATION_ERR_PEER_OFLINE"}"#,
                "t.jsonl:2: unknown LOCAL_INVITATION_ERR_CODE name LOCAL_INVITATION_ERR_PEER_OFLINE for code"
                    + " (did you mean LOCAL_INVITATION_ERR_PEER_OFFLINE?)"
            ),
            (
                #"{"actor":"alice","callback":"onLocalInvitationFailure","invitation":"alice->bob#1","code":42}"#,
                "t.jsonl:2: no LOCAL_INVITATION_ERR_CODE has the value 42 (for code)"
            ),
            (
                #"{"actor":"alice","call":"login","userId":"alice","returns":"JOIN_CHANNEL_ERR_OK"}"#,
                "t.jsonl:2: unknown LOGIN_ERR_CODE name JOIN_CHANNEL_ERR_OK for returns (JOIN_CHANNEL_ERR_OK is a JOIN_CHANNEL_ERR)"
            ),
            (
                #"{"actor":"alice","call":"sendMessageToPeer","peerId":"bob","message":"hi","messageId":3}"#,
                "t.jsonl:2: messageId is part of the return value: write returns too, or neither"
            ),
            // Kinds, actors, steps
            (
                #"{"actor":"alice","cal":"logout"}"#,
                "t.jsonl:2: a line needs one of call, callback, signaling, signalingCallback, network, clock (did you mean call?)"
            ),
            (
                #"{"actor":"alice","call":"logout","callback":"onLogout"}"#,
                "t.jsonl:2: a line is one thing, but this one has call and callback"
            ),
            (
                #"{"actor":"dave","call":"logout"}"#,
                "t.jsonl:2: unknown actor dave (the header declares alice, bob, carol)"
            ),
            (
                #"{"actor":"carl","call":"logout"}"#,
                "t.jsonl:2: unknown actor carl (did you mean carol?) (the header declares alice, bob, carol)"
            ),
            (
                #"{"actor":"carol","call":"logout"}"#,
                "t.jsonl:2: actor carol uses the signaling API (header), so it cannot have a rtm line"
            ),
            (
                #"{"actor":"alice","signaling":"logout"}"#,
                "t.jsonl:2: actor alice uses the rtm API (header), so it cannot have a signaling line"
            ),
            (
                #"{"network":"deliverr","id":1}"#,
                "t.jsonl:2: unknown network step deliverr (did you mean deliver?)"
                    + " (steps: send, deliver, drop, duplicate, linkDown, linkUp, serverRestart)"
            ),
            (#"{"network":"deliver","id":-1}"#, "t.jsonl:2: expected a non-negative integer for id, found -1"),
            (
                #"{"network":"drop","id":1,"reason":"lost"}"#,
                "t.jsonl:2: unknown drop reason lost (expected loss, linkDown, restart, dictated) (did you mean loss?)"
            ),
            (
                #"{"clock":"30s"}"#,
                #"t.jsonl:2: expected a clock step like "+30s" (advance by) or "@31500ms" (advance to), found "30s""#
            ),
            (
                #"{"actor":"carol","signaling":"login","args":{"ok":true}}"#,
                "t.jsonl:2: expected a string or an integer for args.ok, found a boolean"
            ),
            (headerLine, "t.jsonl:2: a second header line (format) after the first"),
        ])
    func malformedEvent(_ line: String, _ expected: String) {
        #expect(firstError([headerLine, line]) == expected)
    }

    @Test("a truncated last line (no closing brace) is an error naming that line")
    func truncatedLastLine() {
        let lines = [headerLine, #"{"actor":"alice","call":"logout"}"#, #"{"actor":"alice","call":"log"#]
        #expect(firstError(lines, lastNewline: false) == "t.jsonl:3: truncated line: it ends before the JSON is closed")
        #expect(firstError(lines, lastNewline: true) == "t.jsonl:3: truncated line: it ends before the JSON is closed")
        let complete = [headerLine, #"{"actor":"alice","call":"logout"}"#]
        #expect(firstError(complete, lastNewline: false) == nil)
    }

    @Test(
        "a trace must start with its header",
        arguments: [
            (
                [#"{"actor":"alice","call":"logout"}"#],
                #"t.jsonl:1: missing header: the first line must be the header {"format":"rtmcheck-trace",...}, not a call line"#
            ),
            (
                ["# only a comment", "", "{\"scenario\":\"s\"}"],
                #"t.jsonl:3: missing header: the first line must be the header {"format":"rtmcheck-trace",...}"#
            ),
            ([], "t.jsonl:1: missing header: the trace is empty"),
            (
                ["{\"format\":\"rtmcheck-trace\""],
                "t.jsonl:1: missing header: truncated line: it ends before the JSON is closed"
            ),
            (
                [#"{"format":"other","version":1}"#],
                #"t.jsonl:1: not an rtmcheck trace: format is "other", expected "rtmcheck-trace""#
            ),
            (
                [#"{"format":"rtmcheck-trace","version":2}"#],
                "t.jsonl:1: unsupported trace version 2 (this reader knows version 1)"
            ),
            (
                [
                    #"{"format":"rtmcheck-trace","version":1,"scenario":"s","actors":[],"app":{"appId":"a","certificate":false}}"#
                ],
                "t.jsonl:1: the header declares no actors"
            ),
            (
                [
                    #"{"format":"rtmcheck-trace","version":1,"scenario":"s","actors":[{"name":"a","api":"rtm"},{"name":"a","api":"rtm"}],"app":{"appId":"a","certificate":false}}"#
                ],
                "t.jsonl:1: actor a is declared twice"
            ),
            (
                [
                    #"{"format":"rtmcheck-trace","version":1,"scenario":"s","actors":[{"name":"a","api":"sig"}],"app":{"appId":"a","certificate":false}}"#
                ],
                #"t.jsonl:1: unknown api "sig" for actor a (expected rtm or signaling)"#
            ),
            (
                [
                    #"{"format":"rtmcheck-trace","version":1,"scenario":"s","actors":[{"name":"a","api":"rtm"}],"app":{"appId":"a","certificate":1}}"#
                ],
                "t.jsonl:1: expected a boolean or the certificate string for certificate, found a number"
            ),
            (
                [#"{"format":"rtmcheck-trace","version":1,"scenario":"s","actors":[{"name":"a","api":"rtm"}]}"#],
                "t.jsonl:1: missing field app for the header"
            ),
        ])
    func missingOrInvalidHeader(_ lines: [String], _ expected: String) {
        #expect(firstError(lines) == expected)
    }

    @Test("deep nesting and invalid UTF-8 are errors, not crashes")
    func hostileInput() throws {
        let deep = #"{"actor":"alice","call":"logout","x":"# + String(repeating: "[", count: 100)
        #expect(
            firstError([headerLine, deep]) == "t.jsonl:2: invalid JSON at column 101: nesting deeper than 64 levels")
        var bytes = Array((headerLine + "\n").utf8)
        bytes += Array(#"{"actor":"alice","call":"login","userId":""#.utf8) + [0xFF, 0xFE] + Array("\"}\n".utf8)
        let reader = try TraceReader(bytes: bytes, file: "t.jsonl")
        #expect(
            throws: TraceError(
                file: "t.jsonl", line: 2, message: "invalid JSON at column 42: invalid UTF-8 in a string")
        ) {
            _ = try reader.next()
        }
    }

    @Test("a file that cannot be opened is an error about the file")
    func unopenableFile() {
        #expect(throws: TraceError(file: "/nonexistent/t.jsonl", line: nil, message: "cannot open the trace")) {
            _ = try TraceReader(path: "/nonexistent/t.jsonl")
        }
    }

    @Test("a line longer than the limit is an error, and reading goes on after it")
    func overlongLine() throws {
        let long =
            #"{"actor":"alice","call":"sendMessageToPeer","peerId":"bob","message":""#
            + String(repeating: "x", count: LineSource.maxLineBytes + 10) + "\"}"
        let text = [headerLine, long, #"{"actor":"alice","call":"logout"}"#].joined(separator: "\n")
        let reader = try TraceReader(text: text, file: "t.jsonl")
        #expect(throws: TraceError(file: "t.jsonl", line: 2, message: "line longer than 1048576 bytes")) {
            _ = try reader.next()
        }
        #expect(try reader.next() == TraceLine(line: 3, event: .call(actor: "alice", .logout, returned: nil)))
        #expect(try reader.next() == nil)
    }

    @Test("after a bad line the reader reports the next bad line, so every error can be listed")
    func continuesAfterErrors() throws {
        let text = [headerLine, "{", #"{"actor":"alice","call":"logout"}"#, #"{"clock":"soon"}"#].joined(
            separator: "\n")
        let reader = try TraceReader(text: text, file: "t.jsonl")
        var messages: [String] = []
        var events: [TraceLine] = []
        for _ in 0..<4 {
            do {
                if let line = try reader.next() { events.append(line) }
            } catch {
                messages.append(error.description)
            }
        }
        #expect(messages.map { $0.prefix(10) } == ["t.jsonl:2:", "t.jsonl:4:"])
        #expect(events.map(\.line) == [3])
    }

    @Test(
        "no prefix of a valid line crashes the decoder: each reads or gives an error",
        arguments: [
            #"{"actor":"alice","call":"sendMessageToPeer","peerId":"bö\u00e9\ud83c\udf89","message":"a\"b","enableOfflineMessaging":true,"returns":0,"messageId":3}"#,
            #"{"actor":"bob","callback":"onGetChannelAttributesResult","requestId":1,"attributes":[{"key":"k","value":"v","lastUpdateUserId":"a","lastUpdateTs":-5e0}],"code":"ATTRIBUTE_OPERATION_ERR_OK"}"#,
        ])
    func prefixesNeverCrash(_ line: String) {
        let bytes = Array(line.utf8)
        var errors = 0
        for end in 0...bytes.count {
            do {
                _ = try TraceLineCoder.decodeEvent(String(decoding: bytes[0..<end], as: UTF8.self))
            } catch {
                errors += 1
            }
        }
        #expect(errors >= bytes.count)
    }
}
