import Foundation
import Testing

@testable import RTMTrace

@Suite struct ReplayJUnitTests {
    @Test("one test case per trace: a divergence is a failure, a malformed trace an error, a skip skipped")
    func reportCountsEveryOutcome() throws {
        let text = try TraceFiles.text("invitation-accept.jsonl")
        let passed = try TraceReplayer().replay(text: text, file: "ok.jsonl")
        let refused = TraceFiles.accepted.replacingOccurrences(of: "Accepted", with: "Refused")
        let diverged = try TraceReplayer().replay(
            text: text.replacingOccurrences(of: TraceFiles.accepted, with: refused), file: "bad <1>.jsonl")
        let skipped = try TraceReplayer().replay(
            text: text.replacingOccurrences(of: #""certificate":false"#, with: #""certificate":true"#), file: "c.jsonl")
        var report = ReplayJUnit()
        report.add(passed, seconds: 0.0125)
        report.add(diverged, seconds: 0.002)
        report.add(skipped, seconds: 0)
        report.add(file: "m.jsonl", error: TraceError(file: "m.jsonl", line: 2, message: "unknown call x"), seconds: 0)
        let xml = report.xml
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(
            xml.contains(
                #"<testsuite name="rtmcheck replay" tests="4" failures="1" errors="1" skipped="1" time="0.015">"#))
        #expect(xml.contains(#"<testcase classname="rtmcheck replay" name="ok.jsonl" time="0.013"/>"#))
        #expect(xml.contains(#"name="bad &lt;1&gt;.jsonl""#))
        #expect(xml.contains(#"<failure type="divergence" message="bad &lt;1&gt;.jsonl:"#))
        #expect(xml.contains(#"<skipped message="the app has an App Certificate the trace does not record"#))
        #expect(xml.contains(#"<error type="malformed trace" message="m.jsonl:2: unknown call x">"#))
        #expect(!xml.contains(#"{"actor""#))  // Quotes in lines are escaped.
    }

    @Test(
        "XML escaping drops control characters and escapes markup",
        arguments: [
            ("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&apos;"),
            ("tab\tnew\nline\u{1}", "tab\tnew\nline"),
        ])
    func escaping(input: String, escaped: String) {
        #expect(ReplayJUnit.escape(input) == escaped)
    }
}
