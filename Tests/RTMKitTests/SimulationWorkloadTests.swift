import RTMMachines
import RTMProtocol
import Testing

@testable import RTMKit

/// The random workload behind `rtmcheck simulate`.
@Suite struct SimulationWorkloadTests {
    func plan(clients: Int, faults: FaultPlan = .none) -> WorkloadPlan {
        var plan = WorkloadPlan(users: (1...clients).map { "u\($0)" }, channels: ["c1", "c2", "c3"])
        plan.durationMs = 20_000
        plan.meanActionIntervalMs = 500
        plan.faults = faults
        return plan
    }

    @Test("a random workload on a perfect network: every property holds, and each premise is witnessed")
    func perfectNetwork() {
        let report = SimulationWorkload(plan: plan(clients: 12), seed: 3).run()
        #expect(report.passed, "\(report.text)")
        #expect(report.peerResults[.ok, default: 0] > 20)
        #expect(report.channelMessagesDelivered > 20)
        #expect(report.invitationsSent > 5)
        #expect(report.callerOutcomes["LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE", default: 0] > 0)
        #expect(report.verdicts.count == 5)
    }

    @Test(
        "with loss, duplication, reordering and link drops, no OK peer message is lost or delivered twice",
        arguments: [1, 2, 3] as [UInt64])
    func faultyNetwork(seed: UInt64) {
        var faults = FaultPlan(
            lossProbability: 0.02, duplicationProbability: 0.05, reorderProbability: 0.1, linkDropProbability: 0.002)
        faults.linkDownDurationMs = 1_000...10_000
        let report = SimulationWorkload(plan: plan(clients: 10, faults: faults), seed: seed).run()
        let peer = report.verdicts.first { $0.name == "peer-message-exactly-once" }
        #expect(peer?.holds == true, "\(report.text)")
        #expect(report.peerResults[.ok, default: 0] > 10)
        for name in ["member-joined-never-to-self", "channel-message-never-echoed"] {
            #expect(report.verdicts.first { $0.name == name }?.holds == true, "\(report.text)")
        }
    }

    @Test("the same seed gives the same summary and the same event stream")
    func deterministic() {
        func run(_ seed: UInt64) -> (String, String) {
            var faults = FaultPlan(lossProbability: 0.01, duplicationProbability: 0.02, reorderProbability: 0.05)
            faults.restartProbability = 0.0005
            faults.restartableEndpoints = [RtmSimulation.serverEndpoint]
            let workload = SimulationWorkload(plan: plan(clients: 6, faults: faults), seed: seed)
            var lines: [String] = []
            workload.simulation.observe { lines.append($0.description) }
            return (workload.run().text, lines.joined(separator: "\n"))
        }
        let (summary, stream) = run(11)
        let (again, streamAgain) = run(11)
        #expect(summary == again)
        #expect(stream == streamAgain)
        #expect(run(12).1 != stream)
    }
}
