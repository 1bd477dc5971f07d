import RTMProtocol

/// The membership of one `IChannel` object, as RTMCheck reports it.
///
/// The RTM SDK has **no** channel-state enum: the app infers membership from `join`/`leave` and their
/// callbacks. RTMCheck names the model states of rtm-reference §2.2 (INFERRED) so that traces and diagrams
/// can print them. The names are RTMCheck's (`JOINED`, …), not the SDK's, and the raw values are ours.
///
/// ```swift
/// ChannelMembershipState.joined.sdkName   // "JOINED"
/// ```
public enum ChannelMembershipState: Int, RTMEnum {
    /// `CREATED`: `createChannel` returned the object; no join has been tried yet.
    case created = 0
    /// `JOINING`: `join()` returned OK; the server has not answered within the 5 s join timer yet.
    case joining = 1
    /// `JOINED`: the app is a member (after `onJoinSuccess`).
    case joined = 2
    /// `LEAVING`: `leave()` returned OK; `onLeave` has not fired yet.
    case leaving = 3
    /// `LEFT`: not a member after a join attempt: left, removed at logout or ABORTED, or the join failed.
    case left = 4
    /// `RELEASED`: `release()` was called; the object is gone.
    case released = 5

    /// RTMCheck's name for this type; the SDK has none.
    public static let sdkTypeName = "CHANNEL_MEMBERSHIP_STATE"

    /// RTMCheck's name for the state, e.g. `JOINED` (not an SDK enumerator).
    public var sdkName: String {
        switch self {
        case .created: "CREATED"
        case .joining: "JOINING"
        case .joined: "JOINED"
        case .leaving: "LEAVING"
        case .left: "LEFT"
        case .released: "RELEASED"
        }
    }

    /// One line on what the state means.
    public var meaning: String {
        switch self {
        case .created: "Created; no join tried yet."
        case .joining: "join() accepted; waiting for the server (5 s)."
        case .joined: "A member of the channel."
        case .leaving: "leave() accepted; waiting for onLeave."
        case .left: "Not a member after a join attempt (left, removed, or join failed)."
        case .released: "release() called; the object is gone."
        }
    }

    /// True while the channel counts toward the 20-channel limit of its service (§4.3): JOINING, JOINED,
    /// LEAVING (the server still holds the membership until the leave is answered).
    public var countsTowardChannelLimit: Bool {
        switch self {
        case .joining, .joined, .leaving: true
        case .created, .left, .released: false
        }
    }
}
