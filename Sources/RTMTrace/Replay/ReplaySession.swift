import RTMKit
import RTMMachines

/// One replay in progress: the simulation built from a trace's header, what RTMKit has done that no line
/// has matched yet, and the comparison of each line with it.
///
/// - Seeded: every trace-visible simulation event becomes a line (``SimulationLines``) in one queue, and
///   each trace line must be the next of them; the simulation steps only when the queue is empty.
/// - Dictated and prompt: each actor's callbacks queue up separately (each actor's order binds, rule 1);
///   in dictated mode the network's own steps queue up too, and network lines are carried out.
final class ReplaySession {
    let file: String
    let mode: ReplayMode
    let simulation: RtmSimulation
    let maxSteps: Int
    /// Event lines matched so far.
    private(set) var matched = 0
    /// The last line matched.
    var lastMatchedLine = 0

    var services: [String: RtmService] = [:]
    var actorIndex: [String: Int] = [:]
    /// Each actor's user ID (it names the actor's invitations created before login).
    var userIds: [String: String] = [:]
    /// Per actor, the serials of invitations RTMKit created before login (keyed with no caller).
    var callerlessSerials: [String: Set<Int>] = [:]
    /// Seeded: the lines RTMKit produced, not yet matched.
    var produced = ReplayQueue<TraceEvent>()
    /// Seeded: the latest clock move, which becomes a line only when another line follows (as recorded).
    var pendingClock: TraceEvent?
    /// Dictated and prompt: per actor, the callbacks received and not yet matched, with their order of arrival.
    var callbacks: [ReplayQueue<(order: Int, callback: RtmCallback)>] = []
    var callbackOrder = 0
    /// Dictated: the network steps RTMKit took, not yet matched.
    var steps = ReplayQueue<TraceNetworkStep>()
    /// Dictated: messages lost because a link went down or the server restarted (a trace may omit them).
    var consequentialDrops: Set<UInt64> = []
    /// Dictated: sends lost at once on a down link (a trace may omit them).
    var consequentialSends: [TraceNetworkStep] = []
    /// Dictated: the trace's message IDs as RTMKit numbered the same messages.
    var messageIds: [UInt64: UInt64] = [:]
    /// Dictated: link changes RTMKit made by itself (after a server restart; a trace may omit them).
    var consequentialLinks: [TraceNetworkStep] = []
    /// Dictated: whether a link change under way was dictated by the trace.
    var dictatingLink = false

    /// The simulation for `header`, in `mode` (`network` holds the recorded settings of a seeded replay).
    /// Returns nil with a reason when replay cannot drive the trace.
    static func make(
        header: TraceHeader, file: String, mode: ReplayMode, network: RecordedNetwork?, maxSteps: Int
    ) -> (session: ReplaySession?, skipReason: String?) {
        if let actor = header.actors.first(where: { $0.api == .signaling }) {
            return (nil, "actor \(actor.name) uses the legacy Signaling API, which RTMKit does not drive yet")
        }
        var apps = AppRegistry()
        switch header.app.certificate {
        case .none: apps.register(appId: header.app.appId)
        case .value(let certificate): apps.register(appId: header.app.appId, certificate: certificate)
        case .enabled:
            return (nil, "the app has an App Certificate the trace does not record, so tokens cannot be checked")
        }
        if let actor = header.actors.first(where: { $0.name == RtmSimulation.serverEndpoint.rawValue }) {
            return (nil, "actor \(actor.name) has the name of the server's endpoint")
        }
        let simulation: RtmSimulation
        switch mode {
        case .seeded:
            let settings = network ?? RecordedNetwork(latencyMs: 10, faults: .none, restartLinkDownMs: 5_000)
            simulation = RtmSimulation(
                seed: header.seed, apps: apps, faults: settings.faults, latencyMs: settings.latencyMs)
            simulation.restartLinkDownMs = settings.restartLinkDownMs
        case .dictated:
            simulation = RtmSimulation(
                seed: header.seed, apps: apps, faults: .none, latencyMs: RtmSimulation.replayLatencyMs)
        case .prompt:
            simulation = RtmSimulation(seed: header.seed, apps: apps, faults: .none, latencyMs: 0)
        }
        return (ReplaySession(header: header, file: file, mode: mode, simulation: simulation, maxSteps: maxSteps), nil)
    }

    private init(header: TraceHeader, file: String, mode: ReplayMode, simulation: RtmSimulation, maxSteps: Int) {
        self.file = file
        self.mode = mode
        self.simulation = simulation
        self.maxSteps = maxSteps
        for (index, actor) in header.actors.enumerated() {
            services[actor.name] = simulation.createService(appId: header.app.appId, handler: nil, name: actor.name)
            actorIndex[actor.name] = index
            userIds[actor.name] = actor.userId
        }
        callbacks = Array(repeating: ReplayQueue(), count: header.actors.count)
        simulation.observe { [unowned self] entry in self.observed(entry) }
    }

    // MARK: Observing RTMKit

    private func observed(_ entry: SimulationTraceEntry) {
        switch mode {
        case .seeded:
            guard let event = SimulationLines.event(for: entry, user: { self.userIds[$0] ?? $0 }) else { return }
            if case .clock = event {
                pendingClock = event
                return
            }
            if let clock = pendingClock {
                pendingClock = nil
                produced.append(clock)
            }
            produced.append(event)
        case .prompt:
            if case .callback(let service, let callback) = entry.event { received(callback, by: service) }
        case .dictated:
            switch entry.event {
            case .callback(let service, let callback): received(callback, by: service)
            case .network(let logged): took(logged.step)
            case .serviceCreated, .apiCall, .apiReturned, .violation: break
            }
        }
    }

    private func received(_ callback: RtmCallback, by service: String) {
        guard let index = actorIndex[service] else { return }
        callbackOrder += 1
        callbacks[index].append((callbackOrder, callback.namingCaller(userIds[service] ?? service)))
    }

    /// Dictated mode: sorts a network step into the steps a line must match and the consequences a trace
    /// may leave out.
    private func took(_ step: NetworkStep) {
        switch step {
        case .dropped(let id, let reason) where reason == .linkDown || reason == .restart:
            consequentialDrops.insert(id.rawValue)
            if case .send(id.rawValue, _, _, _)? = steps.pending.last, let send = steps.removeLast() {
                consequentialSends.append(send)  // Sent on a link that was down: lost on the spot.
            }
        case .linkDown, .linkUp:
            guard let event = TraceEvent(step), case .network(let line) = event else { return }
            if dictatingLink { steps.append(line) } else { consequentialLinks.append(line) }
        case .sent, .delivered, .dropped, .duplicated, .endpointRestarted:
            guard let event = TraceEvent(step, server: RtmSimulation.serverEndpoint), case .network(let line) = event
            else { return }
            steps.append(line)
        case .delayed, .timerScheduled, .timerCancelled, .timerFired, .clockAdvanced:
            break
        }
    }

    // MARK: Outcomes of one line

    /// Counts `line` as matched.
    func match(_ line: TraceLine) {
        matched += 1
        lastMatchedLine = line.line
    }

    /// The divergence at `line`, where RTMKit did `actual` (a JSON line or a sentence).
    func diverge(at line: TraceLine?, expected: String? = nil, actual: String) -> ReplayDivergence {
        ReplayDivergence(
            line: line?.line, expected: expected ?? line.map { SimulationLines.text($0.event) } ?? "end of trace",
            actual: actual, happened: happened(), lastMatchedLine: lastMatchedLine)
    }

    /// The callbacks produced and not matched, in the order they happened (at most 20, then a count).
    func happened() -> [String] {
        var lines: [String] = []
        switch mode {
        case .seeded:
            lines = produced.pending.filter { if case .callback = $0 { true } else { false } }
                .map(SimulationLines.text)
        case .dictated, .prompt:
            var all: [(order: Int, actor: String, callback: RtmCallback)] = []
            for (actor, index) in actorIndex {
                all += callbacks[index].pending.map { ($0.order, actor, $0.callback) }
            }
            lines = all.sorted { $0.order < $1.order }.map {
                SimulationLines.text(.callback(actor: $0.actor, $0.callback))
            }
        }
        guard lines.count > 20 else { return lines }
        return Array(lines.prefix(20)) + ["… and \(lines.count - 20) more"]
    }

    /// A sentence for "RTMKit did nothing more".
    var nothing: String {
        "nothing (at \(simulation.nowMs) ms no message is due and no callback is pending)"
    }

    /// The virtual time a clock line moves to.
    func target(of clock: ClockAdvance) -> UInt64 {
        switch clock {
        case .to(let ms): ms
        case .by(let ms): simulation.nowMs &+ ms
        }
    }

    // MARK: Calls

    /// Makes the call of a `call` line and returns what it returned (invitations named as in the trace).
    func perform(_ call: RtmApiCall, by actor: String) -> RtmApiResult? {
        guard let service = services[actor] else { return nil }
        let user = userIds[actor] ?? actor
        var made = call
        if let key = call.invitationKey, key.caller == user, callerlessSerials[actor]?.contains(key.serial) == true,
            service.core.local(key) == nil
        {
            made = call.with(key.callerless)  // Created before login: RTMKit still knows it without a caller.
        }
        let result = service.perform(made)
        if case .invitationCreated(let key?) = result, key.caller.isEmpty {
            callerlessSerials[actor, default: []].insert(key.serial)
        }
        return result.namingCaller(user)
    }
}
