import RTMKit
import RTMMachines

/// Dictated and prompt replay: calls are made as the lines say, each actor's callbacks are compared in that
/// actor's order, and network and clock lines are carried out.
extension ReplaySession {
    /// Checks one line; nil when it matched.
    func dictated(_ line: TraceLine) -> ReplayDivergence? {
        switch line.event {
        case .call(let actor, let call, let returned):
            if let index = actorIndex[actor], let early = callbacks[index].first {
                return diverge(
                    at: line,
                    actual: SimulationLines.text(.callback(actor: actor, early.callback))
                        + " (received before this call)")
            }
            guard let result = perform(call, by: actor) else { return diverge(at: line, actual: "no such actor") }
            if let returned, returned != result {
                return diverge(at: line, actual: SimulationLines.text(.call(actor: actor, call, returned: result)))
            }
        case .callback(let actor, let callback):
            guard let index = actorIndex[actor] else { return diverge(at: line, actual: "no such actor") }
            var count = 0
            while callbacks[index].isEmpty, count < maxSteps, simulation.stepDue() {
                count += 1
            }
            guard let next = callbacks[index].first else { return diverge(at: line, actual: nothing) }
            guard next.callback == callback else {
                return diverge(at: line, actual: SimulationLines.text(.callback(actor: actor, next.callback)))
            }
            callbacks[index].removeFirst()
        case .network(let step):
            if let divergence = carryOut(step, line) { return divergence }
        case .clock(let clock):
            let to = target(of: clock)
            guard to >= simulation.nowMs else {
                return diverge(at: line, actual: "the clock is already at \(simulation.nowMs) ms")
            }
            simulation.run(forMs: to - simulation.nowMs)
        case .signalingCall, .signalingCallback:
            return diverge(at: line, actual: "a Signaling line, which RTMKit does not replay yet")
        }
        match(line)
        return nil
    }

    /// At the end of the trace: what is due now is delivered (prompt mode), and no callback or network step
    /// may be left unmatched.
    func dictatedEnd() -> ReplayDivergence? {
        var count = 0
        while count < maxSteps, simulation.stepDue() {
            count += 1
        }
        var first: (order: Int, actor: String, callback: RtmCallback)?
        for (actor, index) in actorIndex {
            guard let next = callbacks[index].first, next.order < first?.order ?? Int.max else { continue }
            first = (next.order, actor, next.callback)
        }
        if let first {
            return diverge(at: nil, actual: SimulationLines.text(.callback(actor: first.actor, first.callback)))
        }
        if let step = steps.first { return diverge(at: nil, actual: SimulationLines.text(.network(step))) }
        return nil
    }

    // MARK: Network lines

    /// Carries out (or, for what RTMKit does by itself, checks) one network line.
    ///
    /// The trace's message IDs are names: a `send` line is matched with RTMKit's next send on the same
    /// link (sends on different links may come in any order, which no endpoint can observe), and later
    /// lines about that ID are about RTMKit's message.
    private func carryOut(_ step: TraceNetworkStep, _ line: TraceLine) -> ReplayDivergence? {
        switch step {
        case .send(let id, let from, let to, _):
            let sameLink: (TraceNetworkStep) -> Bool = {
                if case .send(_, from, to, _) = $0 { true } else { false }
            }
            if let offset = steps.pending.firstIndex(where: sameLink).map({ $0 - steps.pending.startIndex }) {
                guard case .send(let actual, _, _, _) = steps.remove(at: offset) else { return nil }
                messageIds[id] = actual
                return nil
            }
            if let index = consequentialSends.firstIndex(where: sameLink) {
                guard case .send(let actual, _, _, _) = consequentialSends.remove(at: index) else { return nil }
                messageIds[id] = actual
                return nil
            }
            return diverge(at: line, actual: steps.first.map { SimulationLines.text(.network($0)) } ?? nothing)
        case .deliver(let id):
            let actual = rtmKitId(id)
            return dictate(.deliver(id: actual), line) { () throws(DictationError) in
                try simulation.deliverNow(MessageID(rawValue: actual))
            }
        case .drop(let id, _):
            // The trace's reason says why its run lost the message; here it is lost either way: RTMKit lost it
            // already (a link drop or restart) or the line drops it now.
            let actual = rtmKitId(id)
            if consequentialDrops.remove(actual) != nil { return nil }
            return dictate(.drop(id: actual, reason: nil), line) { () throws(DictationError) in
                try simulation.dropNow(MessageID(rawValue: actual))
            }
        case .duplicate(let id, let copy):
            let actual = rtmKitId(id)
            var made: UInt64?
            let divergence = dictate(.duplicate(id: actual, copy: nil), line) { () throws(DictationError) in
                made = try simulation.duplicateNow(MessageID(rawValue: actual)).rawValue
            }
            if let copy, let made { messageIds[copy] = made }
            return divergence
        case .linkDown(let a, let b), .linkUp(let a, let b):
            if let index = consequentialLinks.firstIndex(where: { SimulationLines.matches(step, $0) }) {
                consequentialLinks.remove(at: index)
                return nil
            }
            dictatingLink = true
            defer { dictatingLink = false }
            return dictate(step, line) { () throws(DictationError) in
                let changed: Bool
                if case .linkDown = step {
                    changed = simulation.linkDownNow(EndpointID(a), EndpointID(b))
                } else {
                    changed = simulation.linkUpNow(EndpointID(a), EndpointID(b))
                }
                if !changed { throw .notDictated }
            }
        case .serverRestart:
            return dictate(step, line) { () throws(DictationError) in
                simulation.restartServer()
                var count = 0
                while count < maxSteps, simulation.stepDue() {
                    count += 1
                }
            }
        }
    }

    /// RTMKit's ID for the trace's message `id`.
    private func rtmKitId(_ id: UInt64) -> UInt64 { messageIds[id] ?? id }

    /// Carries out `step` with `action` once every earlier step is matched, then checks RTMKit took it
    /// (`step` in RTMKit's IDs).
    private func dictate(
        _ step: TraceNetworkStep, _ line: TraceLine, _ action: () throws(DictationError) -> Void
    ) -> ReplayDivergence? {
        if let earlier = steps.first { return diverge(at: line, actual: SimulationLines.text(.network(earlier))) }
        do {
            try action()
        } catch {
            let reason: String
            switch error {
            case .unknownMessage(let id): reason = "no message \(id.rawValue) is in flight"
            case .clockWouldGoBack(let from, _): reason = "the clock is already at \(from) ms"
            case .notDictated: reason = "the link is already \(step.isLinkDown ? "down" : "up")"
            }
            return diverge(at: line, actual: "nothing: \(reason)")
        }
        guard let next = steps.first else { return diverge(at: line, actual: nothing) }
        guard SimulationLines.matches(step, next) else {
            return diverge(at: line, actual: SimulationLines.text(.network(next)))
        }
        steps.removeFirst()
        return nil
    }
}

extension TraceNetworkStep {
    fileprivate var isLinkDown: Bool {
        if case .linkDown = self { return true }
        return false
    }
}
