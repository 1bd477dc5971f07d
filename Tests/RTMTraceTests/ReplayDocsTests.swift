import Foundation
import Testing

@testable import RTMTrace

/// The hand-written traces of Traces/docs (no network lines: prompt delivery) against RTMKit.
@Suite struct ReplayDocsTests {
    @Test(
        "every hand-written trace in Traces/docs replays identically", arguments: TraceFiles.jsonl(in: TraceFiles.docs))
    func docsTraceReplays(path: String) throws {
        let result = try TraceReplayer().replay(path: path)
        #expect(result.mode == .prompt)
        // Finding: attributes.jsonl:23 expects lastUpdateTs 0, but RTMKit's server clock reads Unix ms
        // 1_700_000_000_000 at virtual time 0 (RtmSimulation.defaultEpochMs), as the format's own example
        // (lastUpdateTs 1700000000123) assumes. The trace, not the replay, needs the fix.
        withKnownIssue("lastUpdateTs 0 in attributes.jsonl; RTMKit stamps Unix ms from 1700000000000") {
            #expect(result.verdict == .identical, "\(result.text())")
        } when: {
            path.hasSuffix("/attributes.jsonl")
        }
    }
}
