import ModelChecker
import Testing

@testable import RTMSystem

@Suite struct ReplicaTests {
    @Test("A worker's replica behaves as the model and shares none of its scenario's arrays")
    func replicaIsUnshared() throws {
        let model = try RTMSystemModel(
            ScenarioLoader.load(path: "\(SymmetricScenarios.modelsFolder)/bench-invitation-callers1.yaml"))
        let copy = model.replica()
        #expect(copy.scenario == model.scenario)
        #expect(copy.properties.map(\.name) == model.properties.map(\.name))
        #expect(copy.measuresProgress == model.measuresProgress)
        let states = SymmetricScenarios.sample(model, limit: 300)
        #expect(states == SymmetricScenarios.sample(copy, limit: 300))
        let fold = try #require(model.symmetry?.classFingerprint)
        let copyFold = try #require(copy.symmetry?.classFingerprint)
        #expect(states.allSatisfy { fold(model, $0, nil) == copyFold(copy, $0, nil) })
        func address<T>(_ array: [T]) -> UnsafeRawPointer? { array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(address(copy.scenario.calls) != address(model.scenario.calls))
        #expect(zip(copy.scenario.calls, model.scenario.calls).allSatisfy { address($0) != address($1) })
        #expect(address(copy.scenario.clients) != address(model.scenario.clients))
    }

    @Test("A replica keeps a model's settings: no symmetry when it was dropped, no progress measure")
    func replicaKeepsSettings() throws {
        var model = try RTMSystemModel(
            ScenarioLoader.load(path: "\(SymmetricScenarios.modelsFolder)/bench-invitation-callers1.yaml"))
        model.symmetryPlan = nil
        model.measuresProgress = false
        let copy = model.replica()
        #expect(copy.symmetry == nil)
        #expect(copy.progress(model.initialStates[0]) == nil)
    }
}
