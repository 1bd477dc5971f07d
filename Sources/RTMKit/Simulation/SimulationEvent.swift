import RTMMachines
import RTMProtocol

/// What travels on an ``RtmSimulation``'s network: a request to the server, or a message to a client.
public enum KitMessage: Hashable, Sendable {
    /// From a client's ``RtmService`` to ``RtmServer``.
    case up(KitUplink)
    /// From ``RtmServer`` to a client.
    case down(KitDownlink)
}

/// One thing that happened in an ``RtmSimulation``, in the SDK's vocabulary: what a trace recorder writes.
///
/// The stream is totally ordered and, for a given seed and the same calls, identical from run to run.
public enum SimulationEvent: Hashable, Sendable {
    /// A service instance was created (`createInstance` + `initialize(appId, handler)`).
    case serviceCreated(service: String, appId: String)
    /// The app called an API method.
    case apiCall(service: String, RtmApiCall)
    /// The call returned (decision 2: argument, state and rate checks fail here).
    case apiReturned(service: String, RtmApiCall, RtmApiResult)
    /// A callback reached the service's handlers.
    case callback(service: String, RtmCallback)
    /// A machine refused an input: `source` is a service's name, or `server`.
    case violation(source: String, Violation)
    /// The network did something (send, deliver, drop, duplicate, delay, link, restart, timer, clock).
    case network(NetworkLogEntry)

    /// The service (or `server`, or `network`) the event concerns.
    public var source: String {
        switch self {
        case .serviceCreated(let service, _), .apiCall(let service, _), .apiReturned(let service, _, _),
            .callback(let service, _):
            service
        case .violation(let source, _): source
        case .network: "network"
        }
    }
}

/// A ``SimulationEvent`` with the virtual time it happened at; `description` is one stable line of text.
public struct SimulationTraceEntry: Hashable, Sendable, CustomStringConvertible {
    /// Virtual milliseconds since the simulation started.
    public var atMs: UInt64
    public var event: SimulationEvent

    public init(atMs: UInt64, event: SimulationEvent) {
        self.atMs = atMs
        self.event = event
    }

    public var description: String {
        switch event {
        case .serviceCreated(let service, let appId): "@\(atMs) \(service) created \(appId)"
        case .apiCall(let service, let call): "@\(atMs) \(service) call \(call.rendered)"
        case .apiReturned(let service, let call, let result): "@\(atMs) \(service) \(call.sdkName) -> \(result)"
        case .callback(let service, let callback): "@\(atMs) \(service) \(callback.rendered)"
        case .violation(let source, let violation): "@\(atMs) \(source) violation \(violation)"
        case .network(let entry): "\(entry)"
        }
    }
}
