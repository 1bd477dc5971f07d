import RTMMachines
import RTMProtocol

/// The summary of one simulated run: what happened and the property verdicts. ``text`` is deterministic for a
/// seed (it holds no timings).
public struct SimulationReport: Sendable {
    public var clients: Int
    public var virtualMs: UInt64
    public var seed: UInt64
    public var faults: FaultPlan
    public var counters: SimulationCounters
    public var peerMessagesSent = 0
    public var peerMessagesDelivered = 0
    public var offlineMessagesDelivered = 0
    public var peerResults: [PeerMessageErrCode: Int] = [:]
    public var channelMessagesSent = 0
    public var channelMessagesDelivered = 0
    public var channelResults: [ChannelMessageErrCode: Int] = [:]
    public var invitationsSent = 0
    public var callerOutcomes: [String: Int] = [:]
    public var calleeOutcomes: [String: Int] = [:]
    /// Empty when the run was not checked (a benchmark).
    public var verdicts: [PropertyVerdict] = []

    init(
        clients: Int, virtualMs: UInt64, seed: UInt64, faults: FaultPlan, counters: SimulationCounters,
        checker: SimulationChecker?
    ) {
        self.clients = clients
        self.virtualMs = virtualMs
        self.seed = seed
        self.faults = faults
        self.counters = counters
        guard let checker else { return }
        peerMessagesSent = checker.peerMessagesSent
        peerMessagesDelivered = checker.peerMessagesDelivered
        offlineMessagesDelivered = checker.offlineMessagesDelivered
        peerResults = checker.peerResults
        channelMessagesSent = checker.channelMessagesSent
        channelMessagesDelivered = checker.channelMessagesDelivered
        channelResults = checker.channelResults
        invitationsSent = checker.invitationsSent
        callerOutcomes = checker.callerOutcomes
        calleeOutcomes = checker.calleeOutcomes
        verdicts = checker.verdicts()
    }

    /// Whether every property held.
    public var passed: Bool { verdicts.allSatisfy(\.holds) }

    /// The summary as text, one fact per line.
    public var text: String {
        var lines: [String] = []
        lines.append("simulated \(clients) clients for \(seconds(virtualMs)) virtual, seed \(seed)")
        lines.append(
            "faults: loss \(faults.lossProbability), duplication \(faults.duplicationProbability), reordering "
                + "\(faults.reorderProbability), link drops \(faults.linkDropProbability), server restarts "
                + "\(faults.restartProbability)")
        let c = counters
        lines.append(
            "events: \(c.total) (API calls \(c.apiCalls), callbacks \(c.callbacks), deliveries \(c.deliveries), "
                + "timers \(c.timersFired), link events \(c.linkEvents), server restarts \(c.serverRestarts))")
        guard !verdicts.isEmpty else { return lines.joined(separator: "\n") }
        let cached = peerResults[.cachedByServer, default: 0]
        lines.append(
            "peer messages: sent \(peerMessagesSent), delivered \(peerMessagesDelivered) "
                + "(\(offlineMessagesDelivered) offline), cached \(cached)")
        lines.append("  results: " + tally(peerResults.map { ($0.key.rawValue, $0.key.sdkName, $0.value) }))
        lines.append("channel messages: sent \(channelMessagesSent), delivered \(channelMessagesDelivered)")
        lines.append("  results: " + tally(channelResults.map { ($0.key.rawValue, $0.key.sdkName, $0.value) }))
        lines.append("invitations: sent \(invitationsSent)")
        lines.append("  caller outcomes: " + tally(callerOutcomes.map { (0, $0.key, $0.value) }))
        lines.append("  callee outcomes: " + tally(calleeOutcomes.map { (0, $0.key, $0.value) }))
        lines.append("properties:")
        let width = verdicts.map(\.name.count).max() ?? 0
        for verdict in verdicts {
            let name = verdict.name + String(repeating: " ", count: width - verdict.name.count)
            if verdict.holds {
                lines.append("  \(name)  holds     (\(verdict.premise))")
            } else {
                lines.append("  \(name)  VIOLATED  (\(verdict.problems.count); \(verdict.premise))")
                for problem in verdict.problems.prefix(3) { lines.append("      \(problem)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    private func tally(_ entries: [(order: Int, name: String, count: Int)]) -> String {
        guard !entries.isEmpty else { return "none" }
        return entries.sorted { ($0.order, $0.name) < ($1.order, $1.name) }.map { "\($0.name) \($0.count)" }
            .joined(separator: ", ")
    }

    private func seconds(_ ms: UInt64) -> String {
        "\(ms / 1000).\((ms % 1000) / 100) s"
    }
}
