/// The faults an automatic ``SimulatedNetwork`` injects, each by probability from its seed.
///
/// A probability of 0 switches a fault off and draws nothing from the generator. Draws happen
/// in a fixed order per send (link drop, loss, duplication, reordering), so a seed names a run.
///
/// ```swift
/// var faults = FaultPlan()
/// faults.lossProbability = 0.05
/// faults.reorderProbability = 0.1
/// let network = SimulatedNetwork<String>(seed: 7, faults: faults)
/// ```
public struct FaultPlan: Hashable, Sendable {
    /// Per send: the message is lost.
    public var lossProbability: Double = 0
    /// Per send that is not lost: a second copy is delivered right after the first.
    public var duplicationProbability: Double = 0
    /// Per send that is not lost: the message is held back by an extra delay drawn from
    /// ``reorderExtraDelayMs``, and later messages on its link may overtake it.
    public var reorderProbability: Double = 0
    public var reorderExtraDelayMs: ClosedRange<UInt64> = 1...200
    /// Per send: the link goes down just before this message (which is lost, with everything in
    /// flight on the link), and comes back up after a duration drawn from ``linkDownDurationMs``.
    public var linkDropProbability: Double = 0
    public var linkDownDurationMs: ClosedRange<UInt64> = 1_000...10_000
    /// Per delivery to one of ``restartableEndpoints``: instead of receiving the message, the
    /// endpoint crashes and restarts.
    public var restartProbability: Double = 0
    public var restartableEndpoints: Set<EndpointID> = []

    /// A perfect network: every message arrives once, in order, after its link's latency.
    public static let none = FaultPlan()

    public init() {}

    public init(
        lossProbability: Double = 0, duplicationProbability: Double = 0, reorderProbability: Double = 0,
        linkDropProbability: Double = 0, restartProbability: Double = 0, restartableEndpoints: Set<EndpointID> = []
    ) {
        self.lossProbability = lossProbability
        self.duplicationProbability = duplicationProbability
        self.reorderProbability = reorderProbability
        self.linkDropProbability = linkDropProbability
        self.restartProbability = restartProbability
        self.restartableEndpoints = restartableEndpoints
    }
}
