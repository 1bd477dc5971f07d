import Foundation
import ModelChecker
import Testing

@Suite struct ReportTests {
    @Test("The text report numbers the counterexample's steps with the model's descriptions")
    func text() {
        let model = Counters(properties: [.always("a below 2") { _, state in state.a < 2 }])
        let text = model.check().report(for: model).text(includeTiming: false)
        #expect(text.hasPrefix("FAILED: a below 2 violated\n"))
        #expect(text.contains("""
            always a below 2: violated: counterexample of 2 steps
              0. initial state
                 => a=0 b=0 off
              1. incrementA
                 => a=1 b=0 off
              2. incrementA
                 => a=2 b=0 off
            """))
        #expect(text.contains("coverage (3 keys):\n  24\tincrementA\n  24\tincrementB\n  32\ttoggle\n"))
    }

    @Test("The JSON report is identical across runs and has sorted keys")
    func jsonStable() {
        let model = Locks(sameOrder: false)
        let first = model.check().report(for: model).json(includeTiming: false)
        let second = model.check().report(for: model).json(includeTiming: false)
        #expect(first == second)
        let topLevelKeys = first.split(separator: "\n")
            .filter { $0.hasPrefix("  \"") }
            .map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
        #expect(topLevelKeys == topLevelKeys.sorted())
        #expect(topLevelKeys.contains("deadlocks"))
        #expect(!first.contains("durationSeconds"))
    }

    @Test("The hand-written JSON decodes into the Codable report it came from")
    func jsonDecodes() throws {
        let model = TwoPhase(buggy: true)
        let report = model.check(options: CheckOptions(bounds: .init(maxDepth: 6))).report(for: model)
        let decoded = try JSONDecoder().decode(Report.self, from: Data(report.json().utf8))
        #expect(decoded == report)
    }

    @Test("Deadlocks, bounds and exhaustion read as sentences")
    func sentences() {
        let locks = Locks(sameOrder: false)
        let report = locks.check().report(for: locks)
        #expect(report.deadlocks.detail == "1 deadlocked states; shortest path of 2 steps")
        #expect(report.properties[0].detail == "holds (state space exhausted)")
        #expect(report.termination == "state space exhausted")
        #expect(report.outcome == .failed)
        let bounded = Locks(sameOrder: true).check(options: CheckOptions(bounds: .init(maxStates: 3)))
            .report(for: Locks(sameOrder: true))
        #expect(bounded.deadlocks.detail.hasPrefix("none found "))
        #expect(bounded.boundHit == .states)
        #expect(bounded.outcome == .incomplete)
    }
}
