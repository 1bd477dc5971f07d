import Foundation
import RTMKit
import Testing

@testable import RTMTrace

/// Record → replay → validate: a recorded run is accepted by the model as well as reproduced by RTMKit.
@Suite struct RecordValidateTests {
    /// Models/channel.yaml's workload (its clients, channel and calls), which the model covers entirely.
    static func channelScenario(seconds: UInt64) -> WorkloadPlan {
        var plan = WorkloadPlan(
            users: ["alice", "bob"], channels: ["lobby"],
            menus: [
                [.login, .join("lobby"), .sendMessage("lobby"), .leave("lobby"), .logout],
                [.login, .join("lobby"), .sendMessage("lobby"), .getMembers("lobby")],
            ])
        plan.durationMs = seconds * 1_000
        return plan
    }

    @Test("a recorded 10,000-event run of the channel scenario replays identically and the model accepts it")
    func roundTrip() throws {
        let (run, text) = try Recordings.record(Self.channelScenario(seconds: 2_800), seed: 1)
        #expect(run.report.counters.total >= 10_000)
        #expect(run.report.passed)
        let replayed = try TraceReplayer().replay(text: text, file: "channel.jsonl")
        #expect(replayed.verdict == .identical, "\(replayed.text())")
        #expect(replayed.linesMatched == run.eventLines)
        let validated = TraceValidator().validate(
            try TraceReader.read(text: text, file: "channel.jsonl"), file: "channel.jsonl")
        #expect(validated.verdict == .matched, "\(validated.text())")
        // Every call and callback is one the model matched; network and clock lines are left to replay.
        let observable = text.split(separator: "\n").filter { $0.contains(#""actor":"#) }.count
        #expect(validated.linesMatched == observable)
    }
}
