/// An in-process, deterministic network with a virtual clock: the default transport between
/// RTMKit's server and clients (DESIGN.md, "The real implementation").
///
/// Endpoints are plain IDs. Each direction between two endpoints is a FIFO link with its own
/// latency in virtual milliseconds. Message deliveries and timers share one queue ordered by
/// (time, sequence number), so everything happens in a single, reproducible order. There are no
/// threads, no Dispatch, no wall clock and no system randomness: the same seed and the same
/// calls give the same run, byte for byte (``log``).
///
/// The network holds no handlers. Its owner (a simulation driver) sends with ``send(_:from:to:)``,
/// schedules timers with ``schedule(after:_:)``, and pulls what happens next with ``step()``,
/// dispatching each ``NetworkEvent`` to the endpoint it concerns:
///
/// ```swift
/// let network = SimulatedNetwork<ServerMessage>(seed: 1)
/// network.send(.login(user: "alice"), from: "alice", to: "server")
/// while let event = network.step() {
///     switch event { ... }   // may send more and schedule timers
/// }
/// ```
///
/// Two modes:
/// - ``Mode/automatic``: messages arrive after their latency; ``faults`` inject loss,
///   duplication, reordering, link drops and restarts from the seed.
/// - ``Mode/dictated``: nothing arrives by itself. Each send gets a stable ``MessageID`` and
///   waits until the owner (a trace replay) says ``deliver(_:)``, ``drop(_:)``, ``duplicate(_:)``;
///   time moves only through ``advance(to:)``. The fault plan and latencies are not used.
///
/// Every step is reported to ``observer`` and kept in ``log`` so a recorder can write a trace.
public final class SimulatedNetwork<Message: Sendable> {
    /// Who decides when messages arrive.
    public enum Mode: Hashable, Sendable {
        case automatic
        case dictated
    }

    /// The seed every fault decision is drawn from.
    public let seed: UInt64
    public let mode: Mode
    /// The faults injected in automatic mode. May be changed between steps.
    public var faults: FaultPlan
    /// The latency of a link without its own (``setLatency(_:from:to:)``).
    public var defaultLatencyMs: UInt64
    /// Virtual time in milliseconds since the network was created.
    public internal(set) var nowMs: UInt64 = 0
    /// Called with every step as it happens.
    public var observer: ((NetworkLogEntry) -> Void)?
    /// Whether ``log`` keeps entries (turn off for long simulations that only observe).
    public var keepsLog = true
    /// Every step so far, oldest first (see ``drainLog()``).
    public internal(set) var log: [NetworkLogEntry] = []

    var random: SeededRandom
    var queue = EventQueue()
    /// Events ready for the owner before anything in `queue`: link and restart notices, and
    /// dictated deliveries.
    var ready: [NetworkEvent<Message>] = []
    var readyHead = 0
    var inFlight: [MessageID: Envelope<Message>] = [:]
    var timers: [TimerID: TimerToken] = [:]
    var latencies: [DirectedLink: UInt64] = [:]
    /// The latest delivery time scheduled per direction: an in-order message never arrives before it.
    var fifoHorizon: [DirectedLink: UInt64] = [:]
    /// Links that are down, with the epoch of their latest drop.
    var downLinks: [LinkID: UInt64] = [:]
    var linkEpoch: UInt64 = 0
    /// Directions whose receiver closed its end of the connection (``closeDirection(from:to:)``).
    var closedDirections: Set<DirectedLink> = []
    /// How far dictated time may run (``advance(to:)``).
    var horizonMs: UInt64 = 0
    var lastMessage: UInt64 = 0
    var lastTimer: UInt64 = 0

    struct DirectedLink: Hashable {
        var from: EndpointID
        var to: EndpointID
    }

    /// A network whose faults (in automatic mode) are drawn from `seed`.
    public init(seed: UInt64, mode: Mode = .automatic, faults: FaultPlan = .none, defaultLatencyMs: UInt64 = 10) {
        self.seed = seed
        self.mode = mode
        self.faults = faults
        self.defaultLatencyMs = defaultLatencyMs
        self.random = SeededRandom(seed: seed)
    }

    // MARK: - Sending and timers

    /// Sets the one-way latency from `from` to `to` (automatic mode).
    public func setLatency(_ ms: UInt64, from: EndpointID, to: EndpointID) {
        latencies[DirectedLink(from: from, to: to)] = ms
    }

    /// The one-way latency from `from` to `to`.
    public func latency(from: EndpointID, to: EndpointID) -> UInt64 {
        latencies[DirectedLink(from: from, to: to)] ?? defaultLatencyMs
    }

    /// Puts `message` on the link from `from` to `to` and returns its ID. A message sent on a
    /// down link, or in a direction its receiver closed (``closeDirection(from:to:)``), is lost at once
    /// (`send`, then `drop` with reason ``DropReason/linkDown``).
    @discardableResult
    public func send(_ message: Message, from: EndpointID, to: EndpointID) -> MessageID {
        lastMessage += 1
        let id = MessageID(rawValue: lastMessage)
        let envelope = Envelope(id: id, from: from, to: to, sentAtMs: nowMs, duplicateOf: nil, message: message)
        let link = LinkID(from, to)
        if downLinks[link] != nil || closedDirections.contains(DirectedLink(from: from, to: to)) {
            record(.sent(id, from: from, to: to, deliverAtMs: nil))
            record(.dropped(id, .linkDown))
            return id
        }
        switch mode {
        case .dictated:
            record(.sent(id, from: from, to: to, deliverAtMs: nil))
            inFlight[id] = envelope
        case .automatic:
            sendAutomatically(envelope, link: link)
        }
        return id
    }

    private func sendAutomatically(_ envelope: Envelope<Message>, link: LinkID) {
        let id = envelope.id
        if random.chance(faults.linkDropProbability) {
            let downFor = random.next(in: faults.linkDownDurationMs)
            record(.sent(id, from: envelope.from, to: envelope.to, deliverAtMs: nil))
            takeDown(link, restoreAfterMs: downFor)
            record(.dropped(id, .linkDown))
            return
        }
        if random.chance(faults.lossProbability) {
            record(.sent(id, from: envelope.from, to: envelope.to, deliverAtMs: nil))
            record(.dropped(id, .loss))
            return
        }
        let duplicated = random.chance(faults.duplicationProbability)
        let extraDelay = random.chance(faults.reorderProbability) ? random.next(in: faults.reorderExtraDelayMs) : 0
        let due = enqueueDelivery(envelope, extraDelayMs: extraDelay)
        record(.sent(id, from: envelope.from, to: envelope.to, deliverAtMs: due))
        if extraDelay > 0 { record(.delayed(id, extraMs: extraDelay)) }
        if duplicated { _ = copy(envelope) }
    }

    /// Schedules the delivery of `envelope` in automatic mode and returns its due time.
    /// In-order messages are due no earlier than the last one on their direction.
    func enqueueDelivery(_ envelope: Envelope<Message>, extraDelayMs: UInt64) -> UInt64 {
        let direction = DirectedLink(from: envelope.from, to: envelope.to)
        let afterLatency = saturatingAdd(nowMs, latency(from: envelope.from, to: envelope.to))
        let earliest = max(afterLatency, fifoHorizon[direction] ?? 0)
        let due: UInt64
        if extraDelayMs > 0 {
            due = saturatingAdd(earliest, extraDelayMs)
        } else {
            due = earliest
            fifoHorizon[direction] = due
        }
        inFlight[envelope.id] = envelope
        queue.push(.delivery(envelope.id), atMs: due)
        return due
    }

    /// Adds a copy of `envelope` with a new ID: pending in dictated mode, due right after the
    /// original's link backlog in automatic mode.
    func copy(_ envelope: Envelope<Message>) -> MessageID {
        lastMessage += 1
        var duplicate = envelope
        duplicate.id = MessageID(rawValue: lastMessage)
        duplicate.duplicateOf = envelope.duplicateOf ?? envelope.id
        switch mode {
        case .dictated:
            inFlight[duplicate.id] = duplicate
            record(.duplicated(envelope.id, copy: duplicate.id, deliverAtMs: nil))
        case .automatic:
            let due = enqueueDelivery(duplicate, extraDelayMs: 0)
            record(.duplicated(envelope.id, copy: duplicate.id, deliverAtMs: due))
        }
        return duplicate.id
    }

    /// Schedules a timer `delayMs` from now. Timers fire in (due time, scheduling order).
    @discardableResult
    public func schedule(after delayMs: UInt64, _ token: TimerToken) -> TimerID {
        lastTimer += 1
        let id = TimerID(rawValue: lastTimer)
        let due = saturatingAdd(nowMs, delayMs)
        timers[id] = token
        queue.push(.timer(id), atMs: due)
        record(.timerScheduled(id, token, fireAtMs: due))
        return id
    }

    /// Cancels a timer; false when it already fired or was cancelled (a late cancel is harmless).
    @discardableResult
    public func cancel(_ timer: TimerID) -> Bool {
        guard timers.removeValue(forKey: timer) != nil else { return false }
        record(.timerCancelled(timer))
        return true
    }

    // MARK: - Stepping

    /// The next event, advancing the virtual clock to it; nil when nothing is left to happen
    /// (automatic mode) or nothing is ready within the time allowed by ``advance(to:)`` (dictated).
    public func step() -> NetworkEvent<Message>? {
        nextEvent(limitMs: mode == .dictated ? horizonMs : nil)
    }

    /// Hands every event due up to `ms` to `handle`, in order, then sets the clock to `ms`
    /// (if it is later). In dictated mode this is ``advance(to:)`` followed by draining.
    public func run(until ms: UInt64, _ handle: (NetworkEvent<Message>) -> Void) {
        if mode == .dictated { horizonMs = max(horizonMs, ms) }
        while let event = nextEvent(limitMs: ms) {
            handle(event)
        }
    }

    /// Steps until nothing is left to happen or `maxSteps` events were handled.
    @discardableResult
    public func runUntilQuiet(maxSteps: Int, _ handle: (NetworkEvent<Message>) -> Void) -> RunOutcome {
        var steps = 0
        while steps < maxSteps {
            guard let event = step() else { return .quiet(steps: steps) }
            handle(event)
            steps += 1
        }
        return hasPendingEvents ? .stepLimitReached(steps: steps) : .quiet(steps: steps)
    }

    /// Whether anything is still to happen: a ready event, a message in flight or a live timer.
    public var hasPendingEvents: Bool {
        readyHead < ready.count || !inFlight.isEmpty || !timers.isEmpty
    }

    /// Messages sent but neither delivered nor dropped, oldest ID first.
    public var messagesInFlight: [Envelope<Message>] {
        inFlight.keys.sorted().compactMap { inFlight[$0] }
    }

    /// Timers scheduled and neither fired nor cancelled, by ID.
    public var pendingTimers: [(id: TimerID, token: TimerToken)] {
        timers.keys.sorted().compactMap { id in timers[id].map { (id, $0) } }
    }

    /// Whether the link between `a` and `b` is up.
    public func isLinkUp(_ a: EndpointID, _ b: EndpointID) -> Bool {
        downLinks[LinkID(a, b)] == nil
    }

    /// Returns and clears ``log``.
    public func drainLog() -> [NetworkLogEntry] {
        defer { log.removeAll() }
        return log
    }

    func nextEvent(limitMs: UInt64?) -> NetworkEvent<Message>? {
        while true {
            if readyHead < ready.count {
                let event = ready[readyHead]
                readyHead += 1
                if readyHead == ready.count {
                    ready.removeAll(keepingCapacity: true)
                    readyHead = 0
                }
                return event
            }
            guard let entry = queue.first, limitMs.map({ entry.timeMs <= $0 }) ?? true else { break }
            _ = queue.popFirst()
            if let event = fire(entry) { return event }
        }
        if let limitMs { advanceClock(to: limitMs) }
        return nil
    }

    /// Carries out one queued entry; nil when it was stale or only queued a ready event.
    private func fire(_ entry: EventQueue.Entry) -> NetworkEvent<Message>? {
        switch entry.item {
        case .delivery(let id):
            guard let envelope = inFlight.removeValue(forKey: id) else { return nil }
            advanceClock(to: entry.timeMs)
            if faults.restartableEndpoints.contains(envelope.to), random.chance(faults.restartProbability) {
                record(.dropped(id, .restart))
                restart(envelope.to)
                return nil
            }
            record(.delivered(id))
            return .delivered(envelope)
        case .timer(let id):
            guard let token = timers.removeValue(forKey: id) else { return nil }
            advanceClock(to: entry.timeMs)
            record(.timerFired(id))
            return .timerFired(id, token)
        case .linkRestore(let link, let epoch):
            guard downLinks[link] == epoch else { return nil }
            advanceClock(to: entry.timeMs)
            bringUp(link)
            return nil
        }
    }

    func advanceClock(to ms: UInt64) {
        guard ms > nowMs else { return }
        nowMs = ms
        record(.clockAdvanced(toMs: ms))
    }

    func record(_ step: NetworkStep) {
        let entry = NetworkLogEntry(atMs: nowMs, step: step)
        if keepsLog { log.append(entry) }
        observer?(entry)
    }

    func saturatingAdd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? UInt64.max : sum
    }
}
