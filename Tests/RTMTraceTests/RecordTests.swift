import Foundation
import RTMKit
import Testing

@testable import RTMTrace

/// Workloads recorded for the record and replay tests.
enum Recordings {
    /// A plan of `users` users on two channels, with every kind of action.
    static func plan(users: Int, seconds: UInt64, faults: FaultPlan = .none) -> WorkloadPlan {
        var plan = WorkloadPlan(users: (1...users).map { "u\($0)" }, channels: ["c1", "c2"])
        plan.durationMs = seconds * 1_000
        plan.meanActionIntervalMs = 500
        plan.faults = faults
        return plan
    }

    /// Every fault switched on, at rates that still let the run get things done.
    static let faults: FaultPlan = {
        var faults = FaultPlan(
            lossProbability: 0.02, duplicationProbability: 0.03, reorderProbability: 0.05,
            linkDropProbability: 0.002, restartProbability: 0.001, restartableEndpoints: [RtmSimulation.serverEndpoint])
        faults.linkDownDurationMs = 1_000...10_000
        return faults
    }()

    /// Records `plan` with `seed` in memory.
    static func record(_ plan: WorkloadPlan, seed: UInt64) throws -> (run: RecordedRun, text: String) {
        try TraceRecorder.record(SimulationWorkload(plan: plan, seed: seed), scenario: "test-workload")
    }

    /// The 1-based number of the first line of `text` containing `needle`.
    static func line(of needle: String, in text: String) -> Int? {
        TraceFiles.line(of: needle, in: text)
    }
}

@Suite struct RecordTests {
    @Test("the header declares every service, the seed, and the network settings a replay needs")
    func headerDeclaresTheRun() throws {
        let (_, text) = try Recordings.record(
            Recordings.plan(users: 3, seconds: 5, faults: Recordings.faults), seed: 11)
        let trace = try TraceReader.read(text: text, file: "r.jsonl")
        #expect(trace.header.actors.map(\.name) == ["u1", "u2", "u3"])
        #expect(trace.header.seed == 11)
        #expect(trace.header.app.certificate == .none)
        let settings = try RecordedNetwork.parse(notes: trace.header.notes)
        #expect(settings?.faults == Recordings.faults)
        #expect(settings?.latencyMs == 10)
    }

    @Test("a recording holds calls with returns, callbacks, network steps and clock moves")
    func recordingHoldsEveryKindOfLine() throws {
        let (run, text) = try Recordings.record(
            Recordings.plan(users: 3, seconds: 10, faults: Recordings.faults), seed: 3)
        let trace = try TraceReader.read(text: text, file: "r.jsonl")
        #expect(trace.lines.count == run.eventLines)
        #expect(trace.lines.contains { if case .call(_, _, .some) = $0.event { true } else { false } })
        #expect(trace.lines.contains { if case .callback = $0.event { true } else { false } })
        #expect(trace.lines.contains { if case .network(.deliver) = $0.event { true } else { false } })
        #expect(trace.lines.contains { if case .clock(.to) = $0.event { true } else { false } })
        #expect(text.contains(#""network":"send","id":1,"from":"#))
        #expect(text.contains(#""summary":"login""#))
    }

    @Test("the same seed records the same trace, byte for byte")
    func recordingIsDeterministic() throws {
        let plan = Recordings.plan(users: 4, seconds: 10, faults: Recordings.faults)
        let first = try Recordings.record(plan, seed: 5).text
        let second = try Recordings.record(plan, seed: 5).text
        #expect(first == second)
        #expect(try Recordings.record(plan, seed: 6).text != first)
    }

    @Test(
        "network settings survive the notes line",
        arguments: [
            RecordedNetwork(latencyMs: 10, faults: .none, restartLinkDownMs: 5_000),
            RecordedNetwork(latencyMs: 3, faults: Recordings.faults, restartLinkDownMs: 7_000),
        ])
    func settingsRoundTrip(settings: RecordedNetwork) throws {
        #expect(try RecordedNetwork.parse(notes: "free text\n" + settings.notesLine) == settings)
    }

    @Test("a trace without the settings line is not a recording")
    func notesWithoutSettings() throws {
        #expect(try RecordedNetwork.parse(notes: "written by hand") == nil)
        #expect(try RecordedNetwork.parse(notes: nil) == nil)
    }

    @Test("a broken settings line is a header error at the header's line")
    func brokenSettingsAreMalformed() throws {
        let header =
            #"{"format":"rtmcheck-trace","version":1,"scenario":"s","actors":[{"name":"a","api":"rtm"}],"#
            + #""app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false},"#
            + #""notes":"replay: seeded latency=10 loss=2"}"#
        #expect {
            try TraceReplayer().replay(text: "# a comment\n" + header + "\n", file: "b.jsonl")
        } throws: { error in
            (error as? TraceError)?.description
                == "b.jsonl:2: notes: loss must be a probability between 0 and 1, not 2"
        }
    }
}
