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
        // RTMKit's server clock reads Unix ms 1_700_000_000_000 at virtual time 0
        // (RtmSimulation.defaultEpochMs), so attributes.jsonl stamps lastUpdateTs with it.
        #expect(result.verdict == .identical, "\(result.text())")
    }
}
