import RTMMachines
import Testing

@testable import RTMSystem

@Suite struct CallSucceedsTests {
    @Test(
        "Reading the machines gives what running the call gives, for every budget entry in sampled states",
        arguments: ["bench-invitation", "bench-invitation-callers1", "invitation", "invitation-race", "connection",
                    "channel", "messaging"])
    func machinesAgreeWithRunning(_ name: String) throws {
        let scenario = try ScenarioLoader.load(path: "\(SymmetricScenarios.modelsFolder)/\(name).yaml")
        let model = try RTMSystemModel(scenario)
        var compared = 0
        var refused = 0
        for state in SymmetricScenarios.sample(model, limit: 2500) {
            for i in state.clients.indices {
                let core = state.clients[i].core
                for entry in scenario.calls[i].indices where model.callEnabled(core, i, entry) {
                    let read = model.callSucceeds(core, i, entry)
                    let run = model.callSucceedsByRunning(core, i, entry)
                    #expect(read == run, "\(scenario.calls[i][entry].call) of client \(i) in \(model.describe(state: state))")
                    compared += 1
                    if !run { refused += 1 }
                }
            }
        }
        // Both answers occur, so the comparison is not vacuous.
        #expect(compared > 1000 && refused > 0 && refused < compared, "\(refused) of \(compared) refused")
    }
}
