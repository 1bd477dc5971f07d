import ModelChecker
import RTMMachines
import StateGraph
import Testing

@testable import RTMSystem

@Suite struct DiagramStateSpaceTests {
    /// A small invitation scenario: alice calls bob once, bob may accept; reliable prompt network.
    static let scenario: Scenario = {
        let yaml = """
            scenario: tiny-invitation
            clients: [alice, bob]
            calls:
              alice: [login, {sendLocalInvitation: bob}]
              bob: [login, {acceptRemoteInvitation: alice}]
            bounds:
              depth: 40
            properties: all
            """
        return (try? ScenarioLoader.parse(yaml)) ?? Scenario(name: "unreadable", clients: [], calls: [])
    }()

    static let model = try? RTMSystemModel(scenario)

    @Test("the explorer keeps every state and transition the checker counts")
    func explorerMatchesChecker() throws {
        let model = try #require(Self.model)
        let space = StateSpaceExplorer.explore(model)
        let result = model.check()
        #expect(!space.truncated)
        #expect(space.states.count == result.states)
        #expect(space.transitions.count == result.transitions)
        #expect(space.initial == [0])
    }

    @Test("a state cap stops the exploration and says so")
    func cap() throws {
        let space = StateSpaceExplorer.explore(try #require(Self.model), maxStates: 10)
        #expect(space.truncated)
        #expect(space.states.count == 10)
        #expect(space.transitions.allSatisfy { $0.to < 10 })
    }

    @Test("the caller's view is the local invitation's SDK states, with counted, labelled transitions")
    func callerView() throws {
        let model = try #require(Self.model)
        let space = StateSpaceExplorer.explore(model)
        let view = try SystemView.parse("alice.local[bob]", scenario: Self.scenario)
        let graph = StateSpaceDiagram.graph(space, model: model, view: view)
        let sent = "LOCAL_INVITATION_STATE_SENT_TO_REMOTE"
        #expect(graph.node(SystemView.absent)?.kind == .initial)
        #expect(graph.node(sent)?.label == "SENT_TO_REMOTE")
        #expect(graph.node("LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE")?.kind == .terminal)
        let send = graph.edges.first { $0.from == SystemView.absent && $0.to == sent }
        #expect(send?.label == "alice: sendLocalInvitation(bob)")
        #expect((send?.count ?? 0) > 0)
        let ack = graph.edges.first { $0.from == sent && $0.to == "LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE" }
        #expect(ack?.label == "server → alice: invitation.calleeAck")
        let drawn = graph.edges.reduce(0) { $0 + ($1.count ?? 0) }
        let kept = space.transitions.filter { view.key(space.states[$0.from]) == view.key(space.states[$0.to]) }.count
        #expect(drawn + kept == space.transitions.count)
    }

    @Test("a product view pairs the two ends' states")
    func product() throws {
        let model = try #require(Self.model)
        let view = try SystemView.parse("alice.local[bob]*bob.remote[alice]", scenario: Self.scenario)
        let graph = StateSpaceDiagram.graph(StateSpaceExplorer.explore(model), model: model, view: view)
        let both = "LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE | REMOTE_INVITATION_STATE_ACCEPTED"
        #expect(graph.node(both)?.label == "ACCEPTED_BY_REMOTE\nACCEPTED")
        #expect(graph.node(both)?.kind == .terminal)
    }

    @Test("a highlighted path colours its nodes and edges; --uncovered greys what no path takes")
    func highlightAndUncovered() throws {
        let model = try #require(Self.model)
        let space = StateSpaceExplorer.explore(model)
        let view = try SystemView.parse("alice.local[bob]", scenario: Self.scenario)
        let steps = """
            1. alice: login()
            2. deliver alice → server
            3. deliver server → alice
            4. alice: sendLocalInvitation(bob)
            """
        let path = try ActionPath.resolve(steps, model: model)
        #expect(path.count == 4)
        let graph = StateSpaceDiagram.graph(space, model: model, view: view, highlight: path, exercised: [path])
        let sent = "LOCAL_INVITATION_STATE_SENT_TO_REMOTE"
        #expect(graph.node(sent)?.isHighlighted == true)
        #expect(graph.node(SystemView.absent)?.isHighlighted == true)
        #expect(graph.node("LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE")?.isHighlighted == false)
        let send = graph.edges.first { $0.to == sent }
        #expect(send?.style == .highlight)
        let others = graph.edges.filter { $0.to != sent }
        #expect(!others.isEmpty)
        #expect(others.allSatisfy { $0.style == .uncovered })
    }

    @Test("a counterexample's last node is drawn as an error")
    func violationEnd() throws {
        let model = try #require(Self.model)
        let view = try SystemView.parse("alice.local[bob]", scenario: Self.scenario)
        let path = try ActionPath.resolve("1. alice: sendLocalInvitation(bob)", model: model)
        let space = StateSpaceExplorer.explore(model)
        let marked = StateSpaceDiagram.graph(
            space, model: model, view: view, highlight: path, highlightIsViolation: true)
        #expect(marked.node("LOCAL_INVITATION_STATE_FAILURE")?.kind == .error)
        let plain = StateSpaceDiagram.graph(space, model: model, view: view, highlight: path)
        #expect(plain.node("LOCAL_INVITATION_STATE_FAILURE")?.kind == .terminal)
    }

    @Test("a step that is not enabled is named with the actions that are")
    func unresolvable() throws {
        let model = try #require(Self.model)
        #expect(ActionPath.steps(in: "  1. a\n     detail\n  2. b: c()\n   state: x") == ["a", "b: c()"])
        #expect {
            try ActionPath.resolve("1. alice: sendLocalInvitation(carol)", model: model)
        } throws: { error in
            guard let error = error as? ActionPath.ResolveError else { return false }
            return error.step == 1 && error.enabled.contains("alice: login()")
        }
    }

    @Test(
        "views are read against the scenario's clients and channels",
        arguments: [
            "alice.local[bob]", "bob.remote[alice]", "alice.connection", "server.sessions",
            "alice.local[bob] * bob.connection",
        ]
    )
    func parses(text: String) throws {
        let view = try SystemView.parse(text, scenario: Self.scenario)
        #expect(view.components.count == text.split(separator: "*").count)
    }

    @Test(
        "an unknown view is refused with the views the scenario offers",
        arguments: ["carol.connection", "alice.local[alice]", "alice.channel[lobby]", "alice", "server.channel[x]"])
    func refuses(text: String) {
        #expect {
            try SystemView.parse(text, scenario: Self.scenario)
        } throws: { error in
            guard let error = error as? SystemView.ParseError else { return false }
            return error.suggestions.contains("alice.local[bob]") && error.description.contains("bob.remote[alice]")
        }
    }

    @Test("the JSON export names every state by fingerprint and SDK names, and every transition by its action")
    func export() throws {
        let model = try #require(Self.model)
        let space = StateSpaceExplorer.explore(model)
        let export = StateSpaceExport(space, model: model)
        #expect(export.states.count == space.states.count)
        #expect(Set(export.states.map(\.fingerprint)).count == export.states.count)
        #expect(export.states[0].initial)
        #expect(export.states[0].clients["alice"]?.connection == "CONNECTION_STATE_DISCONNECTED")
        #expect(export.states.contains { $0.clients["bob"]?.remote["alice"] == "REMOTE_INVITATION_STATE_ACCEPTED" })
        #expect(export.transitions.contains { $0.action == "alice: sendLocalInvitation(bob)" })
        #expect(export.transitions.count == space.transitions.count)
    }
}
