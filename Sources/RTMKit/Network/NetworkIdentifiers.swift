/// The name of one party on a ``SimulatedNetwork``: the server, or a client's user ID.
///
/// Endpoints need no registration: any ID can send and receive.
public struct EndpointID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    public static func < (lhs: EndpointID, rhs: EndpointID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String { rawValue }
}

/// The stable ID of one message copy on the network, in send order: `m1`, `m2`, ….
///
/// A duplicate gets its own ID. A trace names these IDs in `deliver` / `drop` lines.
public struct MessageID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public static func < (lhs: MessageID, rhs: MessageID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String { "m\(rawValue)" }
}

/// The stable ID of one scheduled timer, in scheduling order: `t1`, `t2`, ….
public struct TimerID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public static func < (lhs: TimerID, rhs: TimerID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String { "t\(rawValue)" }
}

/// What a timer is for, chosen by whoever schedules it: the endpoint that owns it and a label
/// the owner understands (`"login"`, `"invitation:7:expiry"`). The network hands it back when
/// the timer fires and cancels it when the endpoint restarts.
public struct TimerToken: Hashable, Sendable, CustomStringConvertible {
    public var owner: EndpointID
    public var label: String

    public init(owner: EndpointID, label: String) {
        self.owner = owner
        self.label = label
    }

    public var description: String { "\(owner)/\(label)" }
}

/// The connection between two endpoints, without direction: a link goes down and comes back
/// up in both directions at once (as a TCP connection does). Messages still queue FIFO per
/// direction.
public struct LinkID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The smaller endpoint ID.
    public let a: EndpointID
    /// The larger endpoint ID.
    public let b: EndpointID

    public init(_ first: EndpointID, _ second: EndpointID) {
        if first <= second {
            a = first
            b = second
        } else {
            a = second
            b = first
        }
    }

    /// Whether the link joins `endpoint` to someone.
    public func touches(_ endpoint: EndpointID) -> Bool {
        a == endpoint || b == endpoint
    }

    public static func < (lhs: LinkID, rhs: LinkID) -> Bool {
        (lhs.a, lhs.b) < (rhs.a, rhs.b)
    }

    public var description: String { "\(a)<->\(b)" }
}
