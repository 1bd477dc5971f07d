import ArgumentParser
import ModelChecker
import Foundation
import RTMKit
import RTMSystem

/// `rtmcheck simulate`: the protocol simulator for state spaces too large to exhaust.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run RTMKit (server, clients, simulated network) on a random workload and check properties.",
        discussion: """
            Runs the real implementation — RtmServer and N RtmService clients over the deterministic \
            SimulatedNetwork — with users taking random actions (logins, peer messages, channel joins and \
            messages, invitations, logouts) while the network injects seeded faults. The run's properties are \
            checked on its event stream: no PEER_MESSAGE_ERR_OK message lost or delivered twice, both ends of \
            an invitation agree, no onMemberJoined to self, no channel echo, no protocol violation.

            With a scenario file, its clients, channels and calls are the menu the users draw from (budgets \
            are ignored: calls repeat) and its network faults switch the matching fault on.

            Examples:
              rtmcheck simulate --clients 100 --duration 60s --seed 7
              rtmcheck simulate --clients 50 --loss 0.02 --dup 0.05 --reorder 0.1 --link-drop 0.002
              rtmcheck simulate Models/invitation.yaml --seed 3 --duration 120s
              rtmcheck simulate --bench --clients 1000 --duration 60s

            The summary is the same for the same seed (timings appear only with --bench). Exit status: 0 every \
            property held, 1 a property was violated, 64 bad usage.
            """
    )

    @Argument(help: "A scenario file (Models/*.yaml); without one, a workload of --clients users.")
    var scenario: String?

    @Option(help: "Number of simulated clients (ignored with a scenario).")
    var clients: Int = 100

    @Option(help: "Channels the clients may join (default: one per 20 clients, at least 3; ignored with a scenario).")
    var channels: Int?

    @Option(help: "How long users act, in virtual time: 60s, 500ms, 2m.")
    var duration: String = "60s"

    @Option(help: "Seed of the workload's choices and the network's faults.")
    var seed: UInt64 = 1

    @Option(help: "Mean virtual time between two actions of one user, in ms.")
    var interval: UInt64 = 2_000

    @Option(help: "Probability that a message is lost.")
    var loss: Double?

    @Option(help: "Probability that a message is delivered twice.")
    var dup: Double?

    @Option(help: "Probability that a message is held back so later ones overtake it.")
    var reorder: Double?

    @Option(help: "Probability, per message, that its link drops (for 1–10 s).")
    var linkDrop: Double?

    @Option(help: "Probability, per message to the server, that the server restarts instead.")
    var restart: Double?

    @Flag(help: "Benchmark: no property checking; print protocol events per second and peak memory.")
    var bench = false

    func run() throws {
        var plan = try makePlan()
        plan.durationMs = try Self.parseDuration(duration)
        plan.meanActionIntervalMs = max(1, interval)
        if bench { return runBench(plan) }
        let report = SimulationWorkload(plan: plan, seed: seed).run()
        print(report.text)
        if !report.passed { throw ExitCode(1) }
    }

    func makePlan() throws -> WorkloadPlan {
        var plan: WorkloadPlan
        var faults = FaultPlan()
        if let path = scenario {
            let loaded: Scenario
            do {
                loaded = try ScenarioLoader.load(path: path)
            } catch let error as ScenarioError {
                FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
                throw ExitCode(64)
            }
            plan = WorkloadPlan(
                users: loaded.clients, channels: loaded.channels,
                menus: loaded.calls.map { $0.map(Self.action) })
            // A fault the scenario allows is switched on at a modest rate.
            if loaded.network.loss > 0 { faults.lossProbability = 0.02 }
            if loaded.network.duplication > 0 { faults.duplicationProbability = 0.05 }
            if loaded.network.reorder { faults.reorderProbability = 0.1 }
            if loaded.network.linkDrops > 0 { faults.linkDropProbability = 0.002 }
            if loaded.network.serverRestarts > 0 { faults.restartProbability = 0.0005 }
        } else {
            guard clients > 0 else { throw ValidationError("--clients must be at least 1") }
            let channelCount = channels ?? max(3, clients / 20)
            guard channelCount > 0 else { throw ValidationError("--channels must be at least 1") }
            plan = WorkloadPlan(
                users: (1...clients).map { "u\($0)" }, channels: (1...channelCount).map { "c\($0)" })
        }
        for (value, name) in [
            (loss, "loss"), (dup, "dup"), (reorder, "reorder"), (linkDrop, "link-drop"),
            (restart, "restart"),
        ] {
            if let value, !(0...1).contains(value) { throw ValidationError("--\(name) must be between 0 and 1") }
        }
        if let loss { faults.lossProbability = loss }
        if let dup { faults.duplicationProbability = dup }
        if let reorder { faults.reorderProbability = reorder }
        if let linkDrop { faults.linkDropProbability = linkDrop }
        if let restart { faults.restartProbability = restart }
        faults.linkDownDurationMs = 1_000...10_000
        if faults.restartProbability > 0 { faults.restartableEndpoints = [RtmSimulation.serverEndpoint] }
        plan.faults = faults
        return plan
    }

    func runBench(_ plan: WorkloadPlan) {
        let clock = ContinuousClock()
        let start = clock.now
        let workload = SimulationWorkload(plan: plan, seed: seed, checking: false)
        let setUp = clock.now - start
        let report = workload.run()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let events = report.counters.total
        print(report.text)
        print("wall time: \(String(format: "%.2f", seconds)) s (set-up \(setUp))")
        print("protocol events per second: \(Int((Double(events) / max(seconds, 1e-9)).rounded()))")
        print("peak memory (VmHWM): \(Self.peakMemory() ?? "unavailable")")
    }

    static func action(_ budget: CallBudget) -> WorkloadAction {
        switch budget.call {
        case .login: .login
        case .logout: .logout
        case .renewToken: .renewToken
        case .join: .join(budget.target)
        case .leave: .leave(budget.target)
        case .sendMessage: .sendMessage(budget.target)
        case .getMembers: .getMembers(budget.target)
        case .sendMessageToPeer: .sendMessageToPeer(budget.target, offline: budget.offline)
        case .sendLocalInvitation: .sendLocalInvitation(budget.target)
        case .cancelLocalInvitation: .cancelLocalInvitation
        case .acceptRemoteInvitation: .acceptRemoteInvitation
        case .refuseRemoteInvitation: .refuseRemoteInvitation
        }
    }

    /// `60s`, `500ms`, `2m`, or a number of seconds, in ms.
    static func parseDuration(_ text: String) throws -> UInt64 {
        let units: [(String, Double)] = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count)), value > 0 { return UInt64(value * scale) }
        }
        if let value = Double(text), value > 0 { return UInt64(value * 1_000) }
        throw ValidationError("--duration must look like 60s, 500ms or 2m, not \(text)")
    }

    /// The process's peak resident memory (VmHWM), for the report.
    static func peakMemory() -> String? {
        SystemInfo.peakResidentBytes.map { String(format: "%.1f MB", Double($0) / 1_048_576) }
    }
}
