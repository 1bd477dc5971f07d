import Foundation
import ModelChecker
import RTMMachines
import RTMSystem
import Testing

@testable import RTMTrace

/// Scenario models and traces for the matched-path tests.
enum ScenarioFixtures {
    static func model(_ name: String) throws -> RTMSystemModel {
        try RTMSystemModel(try ScenarioLoader.load(path: "\(TraceFiles.models)/\(name).yaml"))
    }

    static func generated(_ name: String) -> String { "\(TraceFiles.generated)/\(name).jsonl" }

    /// Replays matched steps in the validation's model.
    static func replay(_ steps: [MatchedStep], in model: RTMSystemModel) -> SystemState? {
        guard var state = model.initialStates.first else { return nil }
        for step in steps {
            switch step.move {
            case .call(let client, let call): state = model.perform(call, client: client, from: state).0
            case .hidden(let action): state = model.observe(action, from: state).0
            }
        }
        return state
    }

    /// The state the scenario's model reaches along `actions`.
    static func replay(_ actions: [SystemAction], in model: RTMSystemModel) -> SystemState? {
        guard var state = model.initialStates.first else { return nil }
        for action in actions {
            guard let next = model.next(state, action) else { return nil }
            state = next
        }
        return state
    }
}

@Suite struct ScenarioPathTests {
    @Test("validation returns the matched path of a generated trace: its calls, its deliveries, every line once")
    func matchedPathOfGeneratedTrace() throws {
        let trace = try TraceReader.read(path: ScenarioFixtures.generated("invitation-01"))
        let result = TraceValidator().validate(trace, file: "invitation-01.jsonl")
        #expect(result.verdict == .matched)
        let path = result.matchedPath
        // 6 call lines (two logins, create, send, accept, refuse) and 12 deliveries (12 deliver lines).
        #expect(path.count == 18)
        let calls = path.compactMap { step -> String? in
            guard case .call(let client, let call) = step.move else { return nil }
            return "\(client) \(call.sdkName)"
        }
        #expect(
            calls.filter { $0.hasPrefix("0 ") } == [
                "0 login", "0 createLocalCallInvitation", "0 sendLocalInvitation",
            ])
        #expect(
            calls.filter { $0.hasPrefix("1 ") } == ["1 login", "1 acceptRemoteInvitation", "1 refuseRemoteInvitation"])
        let deliveries = path.filter {
            if case .hidden(.deliverUp) = $0.move { return true }
            if case .hidden(.deliverDown) = $0.move { return true }
            return false
        }
        #expect(deliveries.count == 12)

        let setup = try ValidationSetup(trace: trace)
        let modeled = setup.lines.flatMap { $0.map(\.line) }.sorted()
        #expect(path.flatMap(\.lines).sorted() == modeled)
        let final = ScenarioFixtures.replay(path, in: setup.model)
        #expect(final == path.last?.state)
        let ends = final.map(setup.model.describe(state:)) ?? ""
        #expect(ends.contains("alice->bob#1=LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE"))
        #expect(ends.contains("alice->bob#1=REMOTE_INVITATION_STATE_ACCEPTED"))
    }

    @Test("the matched path maps onto the scenario's budgets and reaches the trace's final state there")
    func mapsOntoScenario() throws {
        let model = try ScenarioFixtures.model("invitation")
        let trace = try TraceReader.read(path: ScenarioFixtures.generated("invitation-01"))
        #expect(ScenarioPath.membership(of: trace.header, in: model.scenario) == nil)
        let result = ScenarioPath.validator(for: model.scenario).validate(trace, file: "invitation-01.jsonl")
        #expect(result.verdict == .matched)
        let actions = try ScenarioPath.actions(of: result.matchedPath, in: model)
        // createLocalCallInvitation is part of the budget's sendLocalInvitation: one step fewer.
        #expect(actions.count == result.matchedPath.count - 1)
        let calls = actions.filter { if case .call = $0 { true } else { false } }.map(model.describe(action:))
        #expect(
            calls == [
                "alice: login()", "bob: login()", "alice: sendLocalInvitation(bob)",
                "bob: acceptRemoteInvitation(alice)",
                "bob: refuseRemoteInvitation(alice)",
            ])
        let view = try SystemView.parse("alice.local[bob]*bob.remote[alice]*alice.connection", scenario: model.scenario)
        let end = try #require(ScenarioFixtures.replay(actions, in: model))
        let traceEnd = try #require(result.matchedPath.last?.state)
        #expect(view.key(end) == view.key(traceEnd))
        #expect(
            view.key(end)
                == "LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE | REMOTE_INVITATION_STATE_ACCEPTED | CONNECTION_STATE_CONNECTED"
        )
    }

    @Test("a call the scenario's budgets cannot make is reported at its trace line")
    func budgetViolationHasItsLine() throws {
        var scenario = try ScenarioFixtures.model("invitation").scenario
        scenario.calls[1].removeAll { $0.call == .refuseRemoteInvitation }
        let model = try RTMSystemModel(scenario)
        let trace = try TraceReader.read(path: ScenarioFixtures.generated("invitation-01"))
        let result = ScenarioPath.validator(for: scenario).validate(trace, file: "t.jsonl")
        #expect(result.verdict == .matched)
        let error = #expect(throws: ScenarioPath.MappingError.self) {
            try ScenarioPath.actions(of: result.matchedPath, in: model)
        }
        #expect(error?.line == 42)  // bob's refuseRemoteInvitation
        #expect(
            error?.message.contains("bob's refuseRemoteInvitation(alice) is not a call scenario invitation") == true)
    }

    @Test("a trace belongs to the scenario its header names, with the scenario's clients as actors")
    func membership() throws {
        let scenario = try ScenarioFixtures.model("invitation").scenario
        let docs = try TraceReader.read(text: try TraceFiles.text("invitation-accept.jsonl"), file: "a.jsonl")
        #expect(ScenarioPath.membership(of: docs.header, in: scenario) == "it is a trace of invitation-accept")
        #expect(ScenarioPath.membership(of: docs.header, in: scenario, requireName: false) == nil)
        var header = docs.header
        header.scenario = "invitation"
        header.actors.reverse()
        #expect(
            ScenarioPath.membership(of: header, in: scenario)
                == "its actors [bob, alice] are not the scenario's clients [alice, bob]")
    }

    @Test("the traces of a folder: those of the scenario are used, the others counted, a broken one reported")
    func collectCountsAndReports() throws {
        let model = try ScenarioFixtures.model("invitation")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-traces-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = ScenarioFixtures.generated("invitation-01")
        let text = try String(contentsOfFile: good, encoding: .utf8)
        // Bob's refusal after accepting returns ALREADY_ACCEPT; claiming OK is no execution of the model.
        let broken = text.replacingOccurrences(
            of:
                #""call":"refuseRemoteInvitation","invitation":"alice->bob#1","returns":"INVITATION_API_CALL_ERR_ALREADY_ACCEPT""#,
            with: #""call":"refuseRemoteInvitation","invitation":"alice->bob#1","returns":"INVITATION_API_CALL_ERR_OK""#
        )
        #expect(broken != text)
        let brokenPath = folder.appendingPathComponent("broken.jsonl").path
        try broken.write(toFile: brokenPath, atomically: true, encoding: .utf8)
        let files = [
            good, ScenarioFixtures.generated("channel-01"), brokenPath, "\(TraceFiles.docs)/invitation-accept.jsonl",
        ]
        let set = ScenarioTraces.collect(files: files, model: model)
        #expect(set.used.map(\.file) == [good])
        #expect(set.otherScenarios == ["channel": 1, "invitation-accept": 1])
        #expect(set.failures.count == 1)
        #expect(set.failures.first?.hasPrefix("\(brokenPath):42: ") == true)
        #expect(
            set.summary(folder: "Traces")
                == "used 1 trace of Traces for invitation; 2 belong to other scenarios (channel 1, invitation-accept 1);"
                + " 1 failed")
    }
}
