import ModelChecker
import RTMMachines
import RTMSystem
import StateGraph
import Testing

@testable import RTMTrace

@Suite struct UncoveredDiagramTests {
    @Test("paths mapped from traces mark fewer edges uncovered than no path, and cover the trace's first transition")
    func tracesCoverEdges() throws {
        let model = try ScenarioFixtures.model("invitation")
        let view = try SystemView.parse("alice.local[bob]", scenario: model.scenario)
        let space = StateSpaceExplorer.explore(model, maxStates: 4_000)
        let files = ["invitation-01", "invitation-02", "invitation-03"].map(ScenarioFixtures.generated)
        let traces = ScenarioTraces.collect(files: files, model: model)
        #expect(traces.failures.isEmpty, "\(traces.failures)")
        #expect(traces.used.count == 3)
        let exercised = traces.used.map(\.actions)

        let none = StateSpaceDiagram.graph(space, model: model, view: view, exercised: [])
        let covered = StateSpaceDiagram.graph(space, model: model, view: view, exercised: exercised)
        func uncovered(_ graph: StateGraph) -> [Edge] { graph.edges.filter { $0.style == .uncovered } }
        #expect(!none.edges.isEmpty)
        #expect(uncovered(none).count == none.edges.count)
        #expect(uncovered(covered).count < uncovered(none).count)

        let first = try #require(StateSpaceDiagram.steps(of: exercised[0], model: model, view: view).first)
        let edge = covered.edges.first { $0.from == first[0] && $0.to == first[1] && $0.label == first[2] }
        #expect(edge?.style == .normal)
        #expect(first[0] == "(none)")
        #expect(first[2] == "alice: sendLocalInvitation(bob)")
        #expect(
            covered.attributes.title?.contains("dashed grey: transitions none of the 3 exercised paths takes") == true)
    }
}
