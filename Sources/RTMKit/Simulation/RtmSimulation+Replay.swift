/// Hooks a trace replay needs: stepping only what is due now, and dictating network steps on a simulation
/// whose network runs in automatic mode.
///
/// A replay that follows a trace's network lines builds its simulation with ``replayLatencyMs`` (messages
/// never arrive by themselves) and no faults, then says which message arrives when: ``deliverNow(_:)``,
/// ``dropNow(_:)``, ``duplicateNow(_:)``, and the link and restart calls of ``RtmSimulation``. Timers still
/// fire on the virtual clock, through ``run(forMs:)`` and ``stepDue()``.
extension RtmSimulation {
    /// A latency no run reaches: with it, a message stays in flight until a replay delivers it.
    public static let replayLatencyMs = UInt64.max

    /// Handles the next network event due by the current virtual time (a ready notice, a dictated delivery,
    /// a message or timer due now); false when nothing is due. The clock does not move.
    @discardableResult
    public func stepDue() -> Bool {
        guard let event = network.nextEvent(limitMs: network.nowMs) else { return false }
        dispatch(event)
        return true
    }

    /// Delivers in-flight message `id` now, ahead of its schedule, and dispatches it to its receiver.
    /// - Throws: ``DictationError/unknownMessage(_:)`` when `id` is not in flight.
    public func deliverNow(_ id: MessageID) throws(DictationError) {
        guard let envelope = network.inFlight.removeValue(forKey: id) else { throw .unknownMessage(id) }
        network.record(.delivered(id))
        dispatch(.delivered(envelope))
    }

    /// Loses in-flight message `id`.
    /// - Throws: ``DictationError/unknownMessage(_:)`` when `id` is not in flight.
    public func dropNow(_ id: MessageID) throws(DictationError) {
        try network.drop(id)
    }

    /// Adds a copy of in-flight message `id` (it stays in flight too) and returns the copy's ID.
    /// - Throws: ``DictationError/unknownMessage(_:)`` when `id` is not in flight.
    @discardableResult
    public func duplicateNow(_ id: MessageID) throws(DictationError) -> MessageID {
        try network.duplicate(id)
    }

    /// Takes the link between endpoints `a` and `b` down now and dispatches the loss to both ends; false
    /// when it was already down.
    @discardableResult
    public func linkDownNow(_ a: EndpointID, _ b: EndpointID) -> Bool {
        guard network.linkDown(a, b) else { return false }
        stepDue()  // The link notice is ready ahead of anything queued.
        return true
    }

    /// Brings the link between `a` and `b` back up now and dispatches it; false when it was up.
    @discardableResult
    public func linkUpNow(_ a: EndpointID, _ b: EndpointID) -> Bool {
        guard network.linkUp(a, b) else { return false }
        stepDue()
        return true
    }

    /// The message in flight with this ID, if any (for a recorder's summaries).
    public func messageInFlight(_ id: MessageID) -> KitMessage? {
        network.inFlight[id]?.message
    }

    /// The trace summary of a message: its name without the payload (`core.invite`, `peersOnlineStatus`).
    public static func summary(of message: KitMessage) -> String {
        switch message {
        case .up(let uplink): uplink.label
        case .down(let downlink): downlink.label
        }
    }
}
