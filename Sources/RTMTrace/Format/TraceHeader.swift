/// The first line of every trace: what it is, which scenario it ran, who took part, and the app setup.
///
/// ```json
/// {"format":"rtmcheck-trace","version":1,"scenario":"invite-accept","actors":[{"name":"alice","api":"rtm","userId":"alice"}],"app":{"appId":"0123456789abcdef0123456789abcdef","certificate":false},"seed":0}
/// ```
public struct TraceHeader: Hashable, Sendable {
    /// The value of the `format` field: `"rtmcheck-trace"`.
    public static let formatName = "rtmcheck-trace"
    /// The format version this library reads and writes.
    public static let currentVersion = 1

    public var version: Int
    /// The scenario's name (a file in Models/, or any label for a hand-written trace).
    public var scenario: String
    /// The parties, in order; every event line names one of them (network and clock lines excepted).
    public var actors: [TraceActor]
    public var app: TraceApp
    /// The seed of the simulation that recorded the trace (0 when hand-written).
    public var seed: UInt64
    /// Free text for people.
    public var notes: String?

    public init(
        scenario: String, actors: [TraceActor], app: TraceApp, seed: UInt64 = 0, notes: String? = nil,
        version: Int = TraceHeader.currentVersion
    ) {
        self.version = version
        self.scenario = scenario
        self.actors = actors
        self.app = app
        self.seed = seed
        self.notes = notes
    }

    /// The actor called `name`, if declared.
    public func actor(named name: String) -> TraceActor? {
        actors.first { $0.name == name }
    }
}

/// One party of a trace: a client using the RTM API or the legacy Signaling API.
public struct TraceActor: Hashable, Sendable {
    /// The name event lines use in `actor`.
    public var name: String
    public var api: TraceAPI
    /// The user ID the actor logs in with (the name, unless it differs).
    public var userId: String

    public init(name: String, api: TraceAPI = .rtm, userId: String? = nil) {
        self.name = name
        self.api = api
        self.userId = userId ?? name
    }
}

/// Which SDK an actor uses.
public enum TraceAPI: String, Hashable, Sendable, CaseIterable {
    /// The RTM 1.x API (`IRtmService`): `call` and `callback` lines.
    case rtm
    /// The legacy Signaling API: `signaling` and `signalingCallback` lines.
    case signaling
}

/// The Agora project the trace ran against: its App ID and whether it has an App Certificate.
public struct TraceApp: Hashable, Sendable {
    public var appId: String
    public var certificate: TraceCertificate

    public init(appId: String, certificate: TraceCertificate = .none) {
        self.appId = appId
        self.certificate = certificate
    }
}

/// The App Certificate setting: `false` (none: tokens are not checked), `true` (enabled, value not
/// recorded), or the certificate itself (so that a replay can mint and verify tokens).
public enum TraceCertificate: Hashable, Sendable {
    case none
    case enabled
    case value(String)
}
