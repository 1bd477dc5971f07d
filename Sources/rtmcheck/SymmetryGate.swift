import ArgumentParser
import Foundation
import RTMSystem

/// The check a symmetry declaration passes before a search uses it.
enum SymmetryGate {
    /// Samples the scenario's declared symmetry (up to 300 breadth-first states, then the states of a
    /// few random walks of 40 steps with every renaming of them; each swap of two declared clients): a
    /// declaration the sample shows wrong would fold states that behave differently, so the search
    /// does not start; exit 64 with the two clients and the difference. Sampling cannot prove a
    /// declaration right. The sample shrinks as groups grow (a state of a group of k has k! renamings):
    /// a few seconds at most, shared by `workers` threads.
    static func validate(_ check: ScenarioCheck, file: String, workers: Int) throws {
        guard check.scenario.symmetry.contains(where: { $0.count > 1 }) else { return }
        do {
            let largest = check.scenario.symmetry.map(\.count).max() ?? 0
            let walks = largest <= 3 ? 6 : largest == 4 ? 1 : 0
            let sample = largest <= 4 ? 300 : 100
            try check.model.validateDeclaredSymmetry(
                sampleStates: sample, walks: walks, walkLength: 40, workers: workers)
        } catch {
            let message = """
                \(file): symmetry: \(error)
                  The declaration would fold states that behave differently: remove it, or give the \
                clients the same roles.

                """
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(64)
        }
    }
}
