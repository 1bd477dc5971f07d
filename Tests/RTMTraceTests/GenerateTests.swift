import Foundation
import ModelChecker
import RTMMachines
import RTMSystem
import Testing

@testable import RTMTrace

@Suite struct GenerateTests {
    /// A small invitation scenario (a few hundred states) so the test runs in seconds.
    static let scenario = Scenario(
        name: "invite-small", clients: ["alice", "bob"],
        calls: [
            [CallBudget(.login), CallBudget(.sendLocalInvitation, target: "bob")],
            [CallBudget(.login), CallBudget(.acceptRemoteInvitation, target: "alice")],
        ],
        network: NetworkFaults(delay: .bounded(ms: 1000)), properties: [])

    static let suite = (try? SuiteGenerator(scenario: scenario).generate())

    @Test("the generated traces together take every transition the exploration reached")
    func coversEverything() throws {
        let suite = try #require(Self.suite)
        #expect(suite.exploration.exhausted)
        #expect(!suite.traces.isEmpty)
        #expect(suite.covered == Set(suite.exploration.keys))
        #expect(suite.summary.hasPrefix("invite-small: \(suite.traces.count) traces cover \(suite.covered.count) of"))
    }

    @Test("every generated trace validates against the model, completely, with the same transitions")
    func generatedTracesValidate() throws {
        let suite = try #require(Self.suite)
        var options = TraceValidator.Options()
        options.complete = true
        for trace in suite.traces {
            let parsed = try TraceReader.read(text: trace.text, file: trace.name)
            let result = TraceValidator(options: options).validate(parsed, file: trace.name)
            #expect(result.verdict == .matched, "\(result.text())")
            #expect(Set(result.coverage).isSubset(of: Set(suite.exploration.keys)))
            #expect(Set(result.coverage).isSuperset(of: [trace.target]), "\(trace.name): \(result.coverage)")
        }
    }

    @Test("generation is deterministic: the same scenario gives the same text")
    func deterministic() throws {
        let again = try SuiteGenerator(scenario: Self.scenario).generate()
        #expect(again.traces.map(\.text) == Self.suite?.traces.map(\.text))
    }

    @Test("a generated trace numbers the network's messages and moves the clock before a timer")
    func networkAndClockLines() throws {
        let suite = try #require(Self.suite)
        let first = try #require(suite.traces.first)
        #expect(first.events.first == .call(actor: "alice", .login(token: "", userId: "alice"), returned: .login(.ok))
            || first.events.contains { if case .network(.send(id: 1, _, _, _)) = $0 { true } else { false } })
        #expect(first.text.contains(#"{"network":"send","id":1,"#))
        let all = suite.traces.flatMap(\.events)
        #expect(all.contains { if case .clock = $0 { true } else { false } } == suite.exploration.keys.contains {
            $0.hasPrefix("timer ")
        })
    }

    @Test("writing replaces the scenario's old files and nothing else")
    func writeReplacesOldFiles() throws {
        let suite = try #require(Self.suite)
        let folder = NSTemporaryDirectory() + "rtmcheck-generate-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/invite-small-99.jsonl"))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "/other-01.jsonl"))
        let written = try suite.write(to: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == (suite.traces.map { "\($0.name).jsonl" } + ["other-01.jsonl"]).sorted())
        #expect(written.count == suite.traces.count)
    }

    @Test("the committed traces in Traces/generated and Traces/docs all validate, completely")
    func committedSuitesValidate() throws {
        let files = TraceFiles.jsonl(in: TraceFiles.generated) + TraceFiles.jsonl(in: TraceFiles.docs)
        #expect(files.count > 60)
        var options = TraceValidator.Options()
        options.complete = true
        for file in files {
            let result = try TraceValidator(options: options).validate(path: file)
            #expect(result.verdict == .matched, "\(result.text())")
        }
    }
}

@Suite struct CounterexampleTraceTests {
    @Test("a counterexample of the checker becomes a trace that validates")
    func counterexampleTrace() throws {
        // A lost accept-ACK lets the two ends of an invitation disagree (docs/invitation-protocol.md §5).
        let scenario = Scenario(
            name: "lost-ack", clients: ["alice", "bob"],
            calls: [
                [CallBudget(.login), CallBudget(.sendLocalInvitation, target: "bob")],
                [CallBudget(.login), CallBudget(.acceptRemoteInvitation, target: "alice")],
            ],
            network: NetworkFaults(loss: 1, delay: .bounded(ms: 1000)), properties: ["invitation-agreement"])
        let model = try RTMSystemModel(scenario)
        let result = model.check(options: CheckOptions(storage: .compact, stopAtFirstViolation: true))
        let path = try #require(result.properties.first { $0.name == "invitation-agreement" }?.verdict.path)
        let generator = try SuiteGenerator(scenario: scenario)
        let trace = try #require(generator.trace(of: path.actions, name: "agreement", note: "invitation-agreement"))
        #expect(trace.header.notes == "invitation-agreement")
        #expect(trace.text.contains(#""reason":"loss""#))
        let validated = TraceValidator().validate(try TraceReader.read(text: trace.text, file: "agreement"), file: "agreement")
        #expect(validated.verdict == .matched, "\(validated.text())")
        #expect(validated.assumptions.contains("1 loss"))
    }
}
