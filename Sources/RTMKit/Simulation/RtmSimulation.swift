import RTMMachines
import RTMProtocol

/// RTM in one process: an ``RtmServer``, any number of ``RtmService`` client instances, and the
/// ``SimulatedNetwork`` between them, driven on one thread by a virtual clock.
///
/// Endpoint `server` is the server; each service is the endpoint named after it, with its own link and
/// connection. The simulation dispatches what the network hands out — deliveries to the server or a client,
/// timers to their owner, link losses to both ends, a server restart — and sets the server's clock to a fixed
/// epoch plus virtual time, so tokens built for that epoch verify. Faults (loss, duplication, reordering,
/// link drops, server restarts) come from the network's seeded ``FaultPlan``: the same seed and the same calls
/// give the same run, byte for byte (``observe(_:)`` sees it as text).
///
/// ```swift
/// let sim = RtmSimulation(seed: 7, apps: AppRegistry([.init(appId: appId)]))
/// let alice = sim.createService(appId: appId, handler: nil, name: "alice")
/// alice.login(token: "", userId: "alice")
/// sim.runUntilQuiet()
/// alice.connectionState          // CONNECTION_STATE_CONNECTED
/// ```
///
/// Implements DESIGN.md "The real implementation" (transports: `SimulatedNetwork`).
public final class RtmSimulation {
    /// The server clock at virtual time 0: 2023-11-14T22:13:20Z, in Unix ms.
    public static let defaultEpochMs: Int64 = 1_700_000_000_000
    /// The server's endpoint.
    public static let serverEndpoint: EndpointID = "server"

    /// The network (its seed, fault plan, clock and log).
    public let network: SimulatedNetwork<KitMessage>
    /// The server.
    public let server: RtmServer
    /// Unix ms at virtual time 0.
    public let epochMs: Int64
    /// Every service created, in creation order (released ones included).
    public internal(set) var services: [RtmService] = []
    /// How long the links stay down after a server restart (longer than the 4 s interruption window, so
    /// every client re-logs in to the new server process).
    public var restartLinkDownMs: UInt64 = 5_000
    /// What the simulation has done so far.
    public internal(set) var counters = SimulationCounters()

    var serviceByEndpoint: [EndpointID: RtmService] = [:]
    var serverTimerIds: [ServerMachine.ServerTimer: TimerID] = [:]
    var serverTimers: [TimerID: ServerMachine.ServerTimer] = [:]
    var observers: [(SimulationTraceEntry) -> Void] = []
    var reportedServerViolations = 0

    /// A simulation whose server admits `apps`, on a network seeded with `seed` that injects `faults`.
    public init(
        seed: UInt64 = 1, apps: AppRegistry, faults: FaultPlan = .none, latencyMs: UInt64 = 10,
        epochMs: Int64 = RtmSimulation.defaultEpochMs
    ) {
        network = SimulatedNetwork(seed: seed, faults: faults, defaultLatencyMs: latencyMs)
        network.keepsLog = false
        server = RtmServer(apps: apps, nowMs: epochMs)
        self.epochMs = epochMs
    }

    /// Virtual milliseconds since the simulation started.
    public var nowMs: UInt64 { network.nowMs }
    /// The server clock: Unix ms.
    public var unixNowMs: Int64 { epochMs + Int64(network.nowMs) }

    // MARK: Services

    /// `createInstance()` + `initialize(appId, handler)`: a new client instance with its own connection.
    /// `name` names it in the event stream (made unique with a `#n` suffix if taken); by default `service<n>`.
    public func createService(appId: String, handler: RtmServiceEventHandler?, name: String? = nil) -> RtmService {
        var unique = name ?? "service\(services.count + 1)"
        if serviceByEndpoint[EndpointID(unique)] != nil || EndpointID(unique) == Self.serverEndpoint {
            unique += "#\(services.count + 1)"
        }
        let service = RtmService(
            name: unique, appId: appId, connection: ConnectionID(services.count + 1), host: self, handler: handler)
        services.append(service)
        serviceByEndpoint[EndpointID(unique)] = service
        record(.serviceCreated(service: unique, appId: appId))
        return service
    }

    /// The service with this name.
    public func service(named name: String) -> RtmService? { serviceByEndpoint[EndpointID(name)] }

    func service(_ conn: ConnectionID) -> RtmService? {
        let index = conn.raw - 1
        return services.indices.contains(index) ? services[index] : nil
    }

    // MARK: Running

    /// Runs everything due in the next `ms` virtual milliseconds, then moves the clock there.
    public func run(forMs ms: UInt64) {
        network.run(until: network.nowMs + ms) { dispatch($0) }
    }

    /// Runs until nothing is left to happen (no message in flight, no timer) or `maxSteps` events were handled.
    @discardableResult
    public func runUntilQuiet(maxSteps: Int = 1_000_000) -> RunOutcome {
        network.runUntilQuiet(maxSteps: maxSteps) { dispatch($0) }
    }

    /// Handles the next network event; false when nothing is left.
    @discardableResult
    public func step() -> Bool {
        guard let event = network.step() else { return false }
        dispatch(event)
        return true
    }

    // MARK: Faults on demand

    /// Crashes and restarts the server process (§ RtmServer.restart): its messages in flight and timers are
    /// lost, and every client's link drops for ``restartLinkDownMs``.
    public func restartServer() {
        network.restart(Self.serverEndpoint)
    }

    /// Takes `service`'s link down; with `restoreAfterMs` it comes back by itself.
    public func dropLink(of service: RtmService, restoreAfterMs: UInt64? = nil) {
        network.linkDown(Self.serverEndpoint, EndpointID(service.name), restoreAfterMs: restoreAfterMs)
    }

    /// Brings `service`'s link back up.
    public func restoreLink(of service: RtmService) {
        network.linkUp(Self.serverEndpoint, EndpointID(service.name))
    }

    // MARK: Observing

    /// Adds an observer of every event, in order: API calls and returns, callbacks, violations, network steps.
    public func observe(_ observer: @escaping (SimulationTraceEntry) -> Void) {
        observers.append(observer)
        if observers.count == 1 {
            network.observer = { [unowned self] entry in
                for observer in self.observers {
                    observer(SimulationTraceEntry(atMs: entry.atMs, event: .network(entry)))
                }
            }
        }
    }

    func record(_ event: SimulationEvent) {
        guard !observers.isEmpty else { return }
        let entry = SimulationTraceEntry(atMs: network.nowMs, event: event)
        for observer in observers { observer(entry) }
    }
}

/// Counts of what a simulation did: protocol events for benchmarks and summaries.
public struct SimulationCounters: Hashable, Sendable {
    /// API calls made on any service.
    public var apiCalls = 0
    /// Callbacks delivered to any service.
    public var callbacks = 0
    /// Messages delivered by the network (to the server or a client).
    public var deliveries = 0
    /// Timers that fired (server and clients).
    public var timersFired = 0
    /// Link losses and restorations.
    public var linkEvents = 0
    /// Server restarts.
    public var serverRestarts = 0

    /// Every protocol event: calls, callbacks, deliveries, timers, link events and restarts.
    public var total: Int { apiCalls + callbacks + deliveries + timersFired + linkEvents + serverRestarts }
}
