/// Steps the owner dictates: a trace replay in dictated mode, or a test or driver injecting a
/// fault at a chosen moment in either mode. Each produces its events through
/// ``SimulatedNetwork/step()`` like any other.
extension SimulatedNetwork {
    /// Delivers message `id` now (dictated mode): the next ``step()`` returns it.
    /// - Throws: ``DictationError`` when the network is automatic or `id` is not in flight.
    public func deliver(_ id: MessageID) throws(DictationError) {
        guard mode == .dictated else { throw .notDictated }
        guard let envelope = inFlight.removeValue(forKey: id) else { throw .unknownMessage(id) }
        record(.delivered(id))
        ready.append(.delivered(envelope))
    }

    /// Loses message `id`.
    /// - Throws: ``DictationError/unknownMessage(_:)`` when `id` is not in flight.
    public func drop(_ id: MessageID) throws(DictationError) {
        guard inFlight.removeValue(forKey: id) != nil else { throw .unknownMessage(id) }
        record(.dropped(id, .dictated))
    }

    /// Adds a copy of message `id` with a new ID, which it returns; the original stays in flight.
    /// - Throws: ``DictationError/unknownMessage(_:)`` when `id` is not in flight.
    @discardableResult
    public func duplicate(_ id: MessageID) throws(DictationError) -> MessageID {
        guard let envelope = inFlight[id] else { throw .unknownMessage(id) }
        return copy(envelope)
    }

    /// Lets dictated time run to `ms`: ``step()`` fires the timers due by then, in order, and
    /// then moves the clock to `ms`. When no timer is due the clock moves at once.
    /// - Throws: ``DictationError`` when the network is automatic or `ms` is in the past.
    public func advance(to ms: UInt64) throws(DictationError) {
        guard mode == .dictated else { throw .notDictated }
        guard ms >= nowMs else { throw .clockWouldGoBack(fromMs: nowMs, toMs: ms) }
        horizonMs = max(horizonMs, ms)
        if !hasTimer(dueBy: ms) { advanceClock(to: ms) }
    }

    /// Takes the link between `a` and `b` down: everything in flight on it (both ways) is lost
    /// and both endpoints are told by a ``NetworkEvent/linkDown(_:)``. With `restoreAfterMs` the
    /// link comes back up by itself that much later. Returns false when it was already down.
    @discardableResult
    public func linkDown(_ a: EndpointID, _ b: EndpointID, restoreAfterMs: UInt64? = nil) -> Bool {
        let link = LinkID(a, b)
        guard downLinks[link] == nil else { return false }
        takeDown(link, restoreAfterMs: restoreAfterMs)
        return true
    }

    /// Brings the link between `a` and `b` back up (``NetworkEvent/linkUp(_:)``). Returns false
    /// when it was up.
    @discardableResult
    public func linkUp(_ a: EndpointID, _ b: EndpointID) -> Bool {
        let link = LinkID(a, b)
        guard downLinks[link] != nil else { return false }
        bringUp(link)
        return true
    }

    /// Crashes and restarts `endpoint`: its messages in flight (to and from it) are lost, its
    /// timers are cancelled, and the owner gets ``NetworkEvent/endpointRestarted(_:)`` to reset
    /// its state. Its peers learn of it only through the protocol (or a ``linkDown(_:_:restoreAfterMs:)``
    /// the owner adds).
    public func restart(_ endpoint: EndpointID) {
        for id in inFlight.keys.sorted() {
            guard let envelope = inFlight[id], envelope.from == endpoint || envelope.to == endpoint else { continue }
            inFlight[id] = nil
            record(.dropped(id, .restart))
        }
        for id in timers.keys.sorted() where timers[id]?.owner == endpoint {
            timers[id] = nil
            record(.timerCancelled(id))
        }
        for (direction, _) in fifoHorizon where direction.from == endpoint || direction.to == endpoint {
            fifoHorizon[direction] = nil
        }
        record(.endpointRestarted(endpoint))
        ready.append(.endpointRestarted(endpoint))
    }

    func takeDown(_ link: LinkID, restoreAfterMs: UInt64?) {
        linkEpoch += 1
        downLinks[link] = linkEpoch
        for id in inFlight.keys.sorted() {
            guard let envelope = inFlight[id], LinkID(envelope.from, envelope.to) == link else { continue }
            inFlight[id] = nil
            record(.dropped(id, .linkDown))
        }
        fifoHorizon[DirectedLink(from: link.a, to: link.b)] = nil
        fifoHorizon[DirectedLink(from: link.b, to: link.a)] = nil
        record(.linkDown(link))
        ready.append(.linkDown(link))
        if let restoreAfterMs {
            queue.push(.linkRestore(link, epoch: linkEpoch), atMs: saturatingAdd(nowMs, restoreAfterMs))
        }
    }

    func bringUp(_ link: LinkID) {
        downLinks[link] = nil
        record(.linkUp(link))
        ready.append(.linkUp(link))
    }

    /// Whether a live timer or link restore is due at or before `ms`. Stale queue entries at the
    /// front are discarded on the way.
    func hasTimer(dueBy ms: UInt64) -> Bool {
        while let entry = queue.first, entry.timeMs <= ms {
            switch entry.item {
            case .timer(let id) where timers[id] != nil:
                return true
            case .linkRestore(let link, let epoch) where downLinks[link] == epoch:
                return true
            case .delivery(let id) where inFlight[id] != nil:
                return true
            case .timer, .linkRestore, .delivery:
                _ = queue.popFirst()
            }
        }
        return false
    }
}
