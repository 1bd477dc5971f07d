import RTMKit

extension TraceEvent {
    /// The trace line for one entry of RTMKit's network log, or nil for steps a trace leaves out (timers,
    /// reordering delays, restarts of a client endpoint).
    ///
    /// `summary` describes a sent message for people (the network does not know its contents);
    /// `server` is the endpoint whose restart is a `serverRestart` line.
    public init?(_ step: NetworkStep, summary: String? = nil, server: EndpointID = "server") {
        switch step {
        case .sent(let id, let from, let to, _):
            self = .network(.send(id: id.rawValue, from: from.rawValue, to: to.rawValue, summary: summary))
        case .delivered(let id):
            self = .network(.deliver(id: id.rawValue))
        case .dropped(let id, let reason):
            self = .network(.drop(id: id.rawValue, reason: DropCause(reason)))
        case .duplicated(let id, let copy, _):
            self = .network(.duplicate(id: id.rawValue, copy: copy.rawValue))
        case .linkDown(let link):
            self = .network(.linkDown(a: link.a.rawValue, b: link.b.rawValue))
        case .linkUp(let link):
            self = .network(.linkUp(a: link.a.rawValue, b: link.b.rawValue))
        case .endpointRestarted(let endpoint):
            guard endpoint == server else { return nil }
            self = .network(.serverRestart)
        case .clockAdvanced(let toMs):
            self = .clock(.to(ms: toMs))
        case .delayed, .timerScheduled, .timerCancelled, .timerFired:
            return nil
        }
    }
}

extension DropCause {
    /// The trace's name for RTMKit's drop reason.
    public init(_ reason: DropReason) {
        switch reason {
        case .loss: self = .loss
        case .linkDown: self = .linkDown
        case .restart: self = .restart
        case .dictated: self = .dictated
        }
    }
}

extension TraceNetworkStep {
    /// The endpoints of a link step as RTMKit's undirected link.
    public var link: LinkID? {
        switch self {
        case .linkDown(let a, let b), .linkUp(let a, let b): LinkID(EndpointID(a), EndpointID(b))
        case .send, .deliver, .drop, .duplicate, .serverRestart: nil
        }
    }

    /// The message a step names, as RTMKit's ID.
    public var messageID: MessageID? {
        switch self {
        case .send(let id, _, _, _), .deliver(let id), .drop(let id, _), .duplicate(let id, _):
            MessageID(rawValue: id)
        case .linkDown, .linkUp, .serverRestart: nil
        }
    }
}
