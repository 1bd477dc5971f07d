import RTMKit

/// How an ``RtmSimulation``'s event stream becomes trace lines: the one mapping the recorder writes with
/// and a seeded replay compares with, so a recorded run replays line for line.
///
/// - a call is one line, written when it returns (with what it returned);
/// - a callback is one line;
/// - the network's sends, deliveries, drops, duplicates, link changes and server restarts are `network`
///   lines, its clock moves `clock` lines (`@ms`);
/// - service creation (the header's actors), violations, timers and reordering delays are not lines;
/// - clock moves with no other line between them collapse into the last one: a clock line is written
///   only before the next other line (or at the end), so an idle stretch of a run is one line.
enum SimulationLines {
    /// The trace line for `entry`, or nil when it has none.
    ///
    /// `user` gives a service's user ID, which names its invitations created before login
    /// (``InvitationKey/namingCaller(_:)``); `summary` names a sent message for people (the recorder looks it
    /// up; a replay passes nil and compares without it).
    static func event(
        for entry: SimulationTraceEntry, user: (String) -> String = { $0 },
        summary: (MessageID) -> String? = { _ in nil }
    ) -> TraceEvent? {
        switch entry.event {
        case .apiReturned(let service, let call, let result):
            return .call(actor: service, call.namingCaller(user(service)), returned: result.namingCaller(user(service)))
        case .callback(let service, let callback):
            return .callback(actor: service, callback.namingCaller(user(service)))
        case .network(let logged):
            if case .sent(let id, _, _, _) = logged.step {
                return TraceEvent(logged.step, summary: summary(id), server: RtmSimulation.serverEndpoint)
            }
            return TraceEvent(logged.step, server: RtmSimulation.serverEndpoint)
        case .serviceCreated, .apiCall, .violation:
            return nil
        }
    }

    /// Whether the line a replay produced (`actual`) is the line the trace holds (`expected`).
    ///
    /// Exact, except where a trace may say less than RTMKit did: a call without `returns` is not checked
    /// against the return, a `send` line's `summary` is for people, a `drop` without `reason` matches any
    /// reason, and a `duplicate` without `copy` any copy.
    static func matches(_ expected: TraceEvent, _ actual: TraceEvent) -> Bool {
        switch (expected, actual) {
        case (.call(let actor, let call, let returned), .call(let actualActor, let actualCall, let actualReturned)):
            return actor == actualActor && call == actualCall && (returned == nil || returned == actualReturned)
        case (.network(let step), .network(let actualStep)):
            return matches(step, actualStep)
        case (.clock(let clock), .clock(let actualClock)):
            return clock == actualClock
        case (.callback, _), (.signalingCall, _), (.signalingCallback, _), (.call, _), (.network, _), (.clock, _):
            return expected == actual
        }
    }

    /// Whether a network step RTMKit took is the one the trace's line names (see ``matches(_:_:)``).
    static func matches(_ expected: TraceNetworkStep, _ actual: TraceNetworkStep) -> Bool {
        switch (expected, actual) {
        case (.send(let id, let from, let to, _), .send(let actualId, let actualFrom, let actualTo, _)):
            return id == actualId && from == actualFrom && to == actualTo
        case (.drop(let id, let reason), .drop(let actualId, let actualReason)):
            return id == actualId && (reason == nil || reason == actualReason)
        case (.duplicate(let id, let copy), .duplicate(let actualId, let actualCopy)):
            return id == actualId && (copy == nil || copy == actualCopy)
        case (.linkDown(let a, let b), .linkDown(let actualA, let actualB)),
            (.linkUp(let a, let b), .linkUp(let actualA, let actualB)):
            return Set([a, b]) == Set([actualA, actualB])
        case (.send, _), (.deliver, _), (.drop, _), (.duplicate, _), (.linkDown, _), (.linkUp, _),
            (.serverRestart, _):
            return expected == actual
        }
    }

    /// The line's JSON text, for reports.
    static func text(_ event: TraceEvent) -> String {
        (try? TraceLineCoder.encode(event)) ?? "\(event)"
    }
}
