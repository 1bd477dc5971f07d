/// A user ID as the SDK passes it (`login(token, userId)`).
public typealias UserID = String
/// A channel ID (`createChannel(channelId)`).
public typealias ChannelID = String

/// One client instance's link to the server (an `IRtmService` instance's connection).
///
/// The shell (RTMKit's network, or RTMSystem's model network) assigns them; the core only compares them.
public struct ConnectionID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: ConnectionID, b: ConnectionID) -> Bool { a.raw < b.raw }
    public var description: String { "#\(raw)" }
}

/// Identifies one invitation: the caller, the callee, and the caller's sequence number.
public struct InvitationKey: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var caller: UserID
    public var callee: UserID
    public var serial: Int

    public init(caller: UserID, callee: UserID, serial: Int) {
        self.caller = caller
        self.callee = callee
        self.serial = serial
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.caller, a.callee, a.serial) < (b.caller, b.callee, b.serial)
    }

    public var description: String { "\(caller)->\(callee)#\(serial)" }
}
