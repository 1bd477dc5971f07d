import RTMProtocol

/// One `IChannel` object: join, leave, channel messages, member events, `getMembers` and `release`.
///
/// A pure value machine. The observable state is ``ChannelMembershipState`` (RTMCheck's names; the SDK has
/// no channel-state enum). Besides the membership, the state holds the ids of channel messages and
/// `getMembers` calls that returned OK and still owe the app their callback: each ends exactly once, by the
/// server's answer or by its timer (10 s, 5 s), whatever the membership does meanwhile — until `release()`,
/// after which the object and its handler are gone. Legality that depends on the service (logged in? how
/// many channels in use? connection state?) comes with the event. Decision 7 arrives as
/// ``Event/removedBySessionEnd`` and C6 as ``Event/rejoinedAfterReconnect``, fed by the shell when the
/// ``ConnectionMachine`` says so. `release()` returns `void` in the SDK, so `releaseRequested` has no
/// return-code effect.
///
/// ### Legal transitions
/// - `created | left -> joining` (`join` OK)
/// - `joining -> joined` (`onJoinSuccess`), `joining -> left` (`onJoinFailure`: refused, 5 s timeout, or
///   the session ended)
/// - `joining | joined -> leaving` (`leave` OK)
/// - `leaving -> left` (`onLeave(OK)`: the server's answer, or the session ended)
/// - `joined -> left` (logout or ABORTED, decision 7)
/// - `created | joining | joined | leaving | left -> released` (`release`)
///
/// Implements rtm-reference §2.2, §3.3, §3.4, §4.3, §2.5 and decisions 3, 4, 5, 7, 17 of §0;
/// the UNCONFIRMED points it settles are in docs/decisions-channel.md.
public enum ChannelMembershipMachine: StateMachine {
    /// At most this many channels joined (or joining, or leaving) per service instance (§4.3, decision 4).
    public static let channelLimit = 20
    /// The join timeout: 5 s, then `onJoinFailure(JOIN_CHANNEL_TIMEOUT)`.
    public static let joinTimeoutMs = 5_000
    /// The channel-message timeout: 10 s, then `CHANNEL_MESSAGE_ERR_SENT_TIMEOUT`.
    public static let messageTimeoutMs = 10_000
    /// The getMembers timeout: 5 s, then `GET_MEMBERS_ERR_TIMEOUT`.
    public static let getMembersTimeoutMs = 5_000

    /// One channel object: its membership and the calls still waiting for their result.
    public struct State: Hashable, Sendable, Codable {
        /// The membership.
        public internal(set) var membership: ChannelMembershipState
        /// Ids of messages sent with OK whose `onSendMessageResult` is still due, ascending.
        public internal(set) var pendingMessages: [Int]
        /// Ids of `getMembers` calls that returned OK whose `onGetMembers` is still due, ascending.
        public internal(set) var pendingMemberQueries: [Int]

        package init(_ membership: ChannelMembershipState, messages: [Int] = [], memberQueries: [Int] = []) {
            self.membership = membership
            self.pendingMessages = messages
            self.pendingMemberQueries = memberQueries
        }

        /// A short, stable label, e.g. `JOINED messages[1,2] getMembers[1]`.
        public var label: String {
            var text = membership.sdkName
            if !pendingMessages.isEmpty { text += " messages\(Self.list(pendingMessages))" }
            if !pendingMemberQueries.isEmpty { text += " getMembers\(Self.list(pendingMemberQueries))" }
            return text
        }

        private static func list(_ ids: [Int]) -> String {
            "[" + ids.map(String.init).joined(separator: ",") + "]"
        }
    }

    /// What `join()` needs to know about the service.
    public struct JoinContext: Hashable, Sendable, Codable {
        /// True when the service is logged in (``ConnectionMachine/isLoggedIn(_:)``).
        public var loggedIn: Bool
        /// How many *other* channels of this service are JOINING, JOINED or LEAVING
        /// (``ChannelMembershipState/countsTowardChannelLimit``).
        public var channelsJoinedOrJoining: Int

        public init(loggedIn: Bool, channelsJoinedOrJoining: Int) {
            self.loggedIn = loggedIn
            self.channelsJoinedOrJoining = channelsJoinedOrJoining
        }
    }

    /// A fact the machine reacts to: an API call, a server message, a timer, or news from the connection.
    public enum Event: Hashable, Sendable, Codable {
        /// The app called `join()`; the shell has checked the rate limits.
        case joinRequested(JoinContext)
        /// The app called `leave()`.
        case leaveRequested(loggedIn: Bool)
        /// The app called `sendMessage`; the shell has validated the message and the rate limit and assigned
        /// a fresh id.
        case sendMessageRequested(messageId: Int, connection: ConnectionState)
        /// The app called `getMembers()`; the shell has checked the rate limit and assigned a fresh id.
        case getMembersRequested(requestId: Int, loggedIn: Bool)
        /// The app called `release()`.
        case releaseRequested
        /// The server accepted our join; the channel has this many members, us included.
        case joinAcceptedReceived(memberCount: Int)
        /// The server refused our join.
        case joinRejectedReceived(JoinChannelErr)
        /// The 5 s join timer fired.
        case joinTimerFired
        /// The server answered our leave.
        case leaveAcceptedReceived
        /// Another user joined the channel.
        case memberJoinedReceived(userId: String)
        /// Another user left the channel.
        case memberLeftReceived(userId: String)
        /// The channel's member count changed.
        case memberCountReceived(Int)
        /// Another member sent a channel message.
        case messageReceived(from: String, text: String)
        /// The server answered one of our channel messages.
        case messageAckReceived(messageId: Int, ChannelMessageErrCode)
        /// A message's 10 s timer fired.
        case messageTimerFired(messageId: Int)
        /// The server answered one of our `getMembers` calls.
        case membersReceived(requestId: Int, members: [String])
        /// A `getMembers` call's 5 s timer fired.
        case getMembersTimerFired(requestId: Int)
        /// The service logged out or was ABORTED: the user is out of every channel (decision 7).
        case removedBySessionEnd
        /// The service re-logged in after an interruption: the SDK rejoined its channels (C6).
        case rejoinedAfterReconnect
    }

    /// The join refusals a server may send; the other codes are the SDK's own synchronous checks.
    public static let serverJoinFailureCodes: Set<JoinChannelErr> = [
        .failure, .rejected, .invalidArgument, .exceedLimit,
    ]

    /// The channel-message answers a server may send (OK = the server received it).
    public static let serverMessageCodes: Set<ChannelMessageErrCode> = [.ok, .failure]

    public static var initialState: State { State(.created) }

    /// Every event case: joins in and out of the limit and logged out, messages 1 and 2 in every connection
    /// state, getMembers 1, and valid and invalid server answers.
    public static var representativeEvents: [Event] {
        let contexts = [(true, 0), (true, channelLimit - 1), (true, channelLimit), (false, 0)]
        return contexts.map { .joinRequested(JoinContext(loggedIn: $0.0, channelsJoinedOrJoining: $0.1)) }
            + [.leaveRequested(loggedIn: true), .leaveRequested(loggedIn: false)]
            + [.sendMessageRequested(messageId: 2, connection: .connected)]
            + ConnectionState.allCases.map { .sendMessageRequested(messageId: 1, connection: $0) }
            + [
                .getMembersRequested(requestId: 1, loggedIn: true), .getMembersRequested(requestId: 1, loggedIn: false),
                .releaseRequested,
                .joinAcceptedReceived(memberCount: 3), .joinAcceptedReceived(memberCount: 0),
                .joinRejectedReceived(.failure), .joinRejectedReceived(.alreadyJoined), .joinTimerFired,
                .leaveAcceptedReceived,
                .memberJoinedReceived(userId: "bob"), .memberLeftReceived(userId: "bob"),
                .memberCountReceived(2), .memberCountReceived(0), .messageReceived(from: "bob", text: "hi"),
                .messageAckReceived(messageId: 1, .ok), .messageAckReceived(messageId: 2, .failure),
                .messageAckReceived(messageId: 1, .sentTimeout),
                .messageTimerFired(messageId: 1), .messageTimerFired(messageId: 2),
                .membersReceived(requestId: 1, members: ["alice", "bob"]), .getMembersTimerFired(requestId: 1),
                .removedBySessionEnd, .rejoinedAfterReconnect,
            ]
    }

    public static func sdkStateName(_ state: State) -> String { state.membership.sdkName }

    public static func eventLabel(_ event: Event) -> String {
        switch event {
        case .joinRequested(let context):
            "join(loggedIn: \(context.loggedIn), channelsInUse: \(context.channelsJoinedOrJoining))"
        case .leaveRequested(let loggedIn): "leave(loggedIn: \(loggedIn))"
        case .sendMessageRequested(let id, let connection): "sendMessage(#\(id), \(connection.sdkName))"
        case .getMembersRequested(let id, let loggedIn): "getMembers(#\(id), loggedIn: \(loggedIn))"
        case .releaseRequested: "release"
        case .joinAcceptedReceived(let count): "joinAcceptedReceived(\(count))"
        case .joinRejectedReceived(let code): "joinRejectedReceived(\(code.sdkName))"
        case .joinTimerFired: "joinTimerFired"
        case .leaveAcceptedReceived: "leaveAcceptedReceived"
        case .memberJoinedReceived(let user): "memberJoinedReceived(\(user))"
        case .memberLeftReceived(let user): "memberLeftReceived(\(user))"
        case .memberCountReceived(let count): "memberCountReceived(\(count))"
        case .messageReceived(let from, _): "messageReceived(from: \(from))"
        case .messageAckReceived(let id, let code): "messageAckReceived(#\(id), \(code.sdkName))"
        case .messageTimerFired(let id): "messageTimerFired(#\(id))"
        case .membersReceived(let id, let members): "membersReceived(#\(id), \(members.count))"
        case .getMembersTimerFired(let id): "getMembersTimerFired(#\(id))"
        case .removedBySessionEnd: "removedBySessionEnd"
        case .rejoinedAfterReconnect: "rejoinedAfterReconnect"
        }
    }

    public static func effectLabel(_ effect: Effect) -> String { effect.label }
}
