import RTMProtocol

/// The pure core of one RTM client instance (one `IRtmService`): its connection, its channel
/// objects, its call invitations and its peer messages, wired together.
///
/// Both the real SDK (RTMKit's `RtmService`) and the model (RTMSystem) embed this exact value: the
/// shell feeds it API calls, server messages, timer expiries and link events, and runs its outputs
/// (return values, callbacks, requests to send, timers to start or cancel). It composes the four
/// client machines and adds only routing: which channel or invitation a message belongs to,
/// decision 7's fan-out to the channels, the peer-message results and the receiver's
/// de-duplication.
///
/// Argument validation (ID rules, sizes) and rate limits are the shell's: `ClientCore` assumes
/// valid arguments and decides legality by state, as the machines do.
public struct ClientCore: Hashable, Sendable, Codable {
    /// Peer messages time out after 10 s (§2.5).
    public static let peerMessageTimeoutMs = 10_000

    /// The user ID given to the last accepted `login`.
    public internal(set) var userId: UserID?
    /// The token given to the last accepted `login` or `renewToken` (the shell sends it).
    public internal(set) var token: String = ""
    public internal(set) var connection: ConnectionMachine.State = ConnectionMachine.initialState
    /// Channel objects created with `createChannel`, sorted by ID.
    public internal(set) var channels: [ChannelSlot] = []
    /// Outgoing invitations, sorted by key.
    public internal(set) var locals: [LocalSlot] = []
    /// Incoming invitations, sorted by key.
    public internal(set) var remotes: [RemoteSlot] = []
    /// Peer messages sent and awaiting their result, sorted.
    public internal(set) var pendingPeerMessages: [Int] = []
    /// Peer messages received (sender, message ID), so a resent copy is not delivered twice.
    public internal(set) var receivedPeerMessages: [ReceivedMessage] = []
    public internal(set) var nextMessageId = 1
    public internal(set) var nextRequestId = 1
    public internal(set) var nextInvitationSerial = 1

    public init() {}

    /// A core with every stored field given, in declaration order: for a decoder in this package that
    /// rebuilds a state from its canonical encoding (RTMSystem's), not for a shell.
    package init(
        userId: UserID?, token: String, connection: ConnectionMachine.State, channels: [ChannelSlot],
        locals: [LocalSlot], remotes: [RemoteSlot], pendingPeerMessages: [Int],
        receivedPeerMessages: [ReceivedMessage], nextMessageId: Int, nextRequestId: Int, nextInvitationSerial: Int
    ) {
        self.userId = userId
        self.token = token
        self.connection = connection
        self.channels = channels
        self.locals = locals
        self.remotes = remotes
        self.pendingPeerMessages = pendingPeerMessages
        self.receivedPeerMessages = receivedPeerMessages
        self.nextMessageId = nextMessageId
        self.nextRequestId = nextRequestId
        self.nextInvitationSerial = nextInvitationSerial
    }

    public struct ChannelSlot: Hashable, Sendable, Codable {
        public var id: ChannelID
        public var machine: ChannelMembershipMachine.State

        /// Memberwise, for this package (RTMSystem's state decoder).
        package init(id: ChannelID, machine: ChannelMembershipMachine.State) {
            self.id = id
            self.machine = machine
        }
    }

    public struct LocalSlot: Hashable, Sendable, Codable {
        public var key: InvitationKey
        public var machine: LocalInvitationMachine.State
        public var content: String = ""
        public var channelId: String = ""

        /// Memberwise, for this package (RTMSystem's state decoder).
        package init(
            key: InvitationKey, machine: LocalInvitationMachine.State, content: String = "", channelId: String = ""
        ) {
            self.key = key
            self.machine = machine
            self.content = content
            self.channelId = channelId
        }
    }

    public struct RemoteSlot: Hashable, Sendable, Codable {
        public var key: InvitationKey
        public var machine: RemoteInvitationMachine.State
        public var content: String
        public var channelId: String
        public var response: String = ""

        /// Memberwise, for this package (RTMSystem's state decoder).
        package init(
            key: InvitationKey, machine: RemoteInvitationMachine.State, content: String, channelId: String,
            response: String = ""
        ) {
            self.key = key
            self.machine = machine
            self.content = content
            self.channelId = channelId
            self.response = response
        }
    }

    public struct ReceivedMessage: Hashable, Sendable, Codable, Comparable {
        public var from: UserID
        public var messageId: Int

        /// Memberwise, for this package (RTMSystem's state decoder).
        package init(from: UserID, messageId: Int) {
            self.from = from
            self.messageId = messageId
        }

        public static func < (a: Self, b: Self) -> Bool { (a.from, a.messageId) < (b.from, b.messageId) }
    }

    /// A timer the core asks its shell to run.
    public enum Timer: Hashable, Sendable, Codable {
        case connection(ConnectionMachine.Timer)
        case channel(ChannelID, ChannelMembershipMachine.Timer)
        case local(InvitationKey, LocalInvitationMachine.Timer)
        case remote(InvitationKey, RemoteInvitationMachine.Timer)
        case peerMessage(messageId: Int)
    }

    /// What the core receives.
    public enum Input: Hashable, Sendable, Codable {
        case api(RtmApiCall)
        case received(ServerMessage)
        case timerFired(Timer)
        case linkLost
        case linkRestored
        /// The server says the token expired (C15 / C16).
        case tokenExpired
        /// The server answered `renewToken`.
        case renewTokenResult(RenewTokenErrCode)
        /// The server refused the automatic re-login (e.g. the token expired: C15).
        case reloginRejected
    }

    /// What the core asks its shell to do, in order.
    public enum Output: Hashable, Sendable, Codable {
        /// The synchronous return of the API call (always the first output of an `.api` input).
        case returned(RtmApiResult)
        case callback(RtmCallback)
        case send(ClientRequest)
        /// `renewToken`: the shell sends the new token (the server core knows nothing of tokens).
        case sendRenewToken(String)
        case startTimer(Timer, ms: Int)
        case cancelTimer(Timer)
        /// A machine refused an input: the server broke the protocol, or our own bug.
        case violation(Violation)
    }

    /// Whether the connection counts as logged in (CONNECTED or RECONNECTING).
    public var isLoggedIn: Bool { connection.isLoggedIn }
    public var connectionState: ConnectionState { connection.sdkState }

    public func channel(_ id: ChannelID) -> ChannelSlot? { channels.first { $0.id == id } }
    public func local(_ key: InvitationKey) -> LocalSlot? { locals.first { $0.key == key } }
    public func remote(_ key: InvitationKey) -> RemoteSlot? { remotes.first { $0.key == key } }

    /// Feeds one input; returns the outputs in order. For an API call the core does not handle
    /// (attributes, queries), returns an empty array: the shell handles it.
    public mutating func handle(_ input: Input) -> [Output] {
        var out: [Output] = []
        switch input {
        case .api(let call): api(call, &out)
        case .received(let message): received(message, &out)
        case .timerFired(let timer): timerFired(timer, &out)
        case .linkLost: stepConnection(.linkLost, &out)
        case .linkRestored: stepConnection(.linkRestored, &out)
        case .tokenExpired: stepConnection(.tokenExpiredReceived, &out)
        case .renewTokenResult(let code): stepConnection(.renewTokenResultReceived(code), &out)
        case .reloginRejected: stepConnection(.reloginRejectedReceived, &out)
        }
        return out
    }

    /// Whether `call` is one the core handles (else the shell does).
    public static func handles(_ call: RtmApiCall) -> Bool {
        switch call {
        case .login, .logout, .renewToken, .sendMessageToPeer, .createChannel, .join, .leave, .sendMessage,
            .getMembers, .releaseChannel, .createLocalCallInvitation, .setContent, .setChannelId, .setResponse,
            .sendLocalInvitation, .cancelLocalInvitation, .acceptRemoteInvitation, .refuseRemoteInvitation:
            true
        case .queryPeersOnlineStatus, .setLocalUserAttributes, .addOrUpdateLocalUserAttributes,
            .deleteLocalUserAttributesByKeys, .clearLocalUserAttributes, .getUserAttributes, .getUserAttributesByKeys,
            .getChannelMemberCount, .setChannelAttributes, .addOrUpdateChannelAttributes,
            .deleteChannelAttributesByKeys, .clearChannelAttributes, .getChannelAttributes,
            .getChannelAttributesByKeys:
            false
        }
    }

    /// Takes the next request ID (for the calls the shell handles).
    public mutating func takeRequestId() -> Int {
        defer { nextRequestId += 1 }
        return nextRequestId
    }
}
