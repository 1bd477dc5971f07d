import RTMMachines
import RTMProtocol

/// The pure translation layer of the legacy Signaling facade: Signaling API calls in, RTM API calls out;
/// RTM callbacks and return values in, Signaling callbacks out (rtm-reference §1.21, §2.2, §3.6–3.8,
/// decision 13).
///
/// A value type with no I/O, clocks or callbacks, like ``ClientCore``. Its shell (``SignalingClient``) feeds
/// it four kinds of input and carries out the ``SignalingAction``s each returns, in order:
///
/// - ``perform(_:)``: a Signaling API call.
/// - ``tokenVerified(_:rtmToken:)``: the answer to ``SignalingAction/verifyToken(account:token:)`` (the
///   shell checks the "1:" token with the app's certificate and supplies the RTM token to log in with).
/// - ``returned(_:for:)``: what an RTM call of a ``SignalingAction/rtm(_:_:)`` action returned; the tag
///   says which Signaling operation it belongs to.
/// - ``received(_:invitation:)``: an RTM callback of the embedded RTM client.
///
/// What it keeps: the login state (`getStatus()`), the one Signaling channel with its attributes (to
/// turn RTM's whole-set `onAttributesUpdated` into per-name `onChannelAttrUpdated`), the message IDs and
/// request IDs awaiting results, and the invitations keyed by channel and peer (§3.7), each mapped to the
/// RTM ``InvitationKey`` of the RTM invitation that carries it (with channel ID = the Signaling channel,
/// §3.6).
///
/// ```swift
/// var adapter = SignalingAdapter()
/// adapter.perform(.login(account: "carol", token: token))   // [.verifyToken(account: "carol", token: token)]
/// adapter.tokenVerified(.valid, rtmToken: "")               // [.rtm(.login(token: "", userId: "carol"), .login)]
/// adapter.received(.onLoginSuccess)                          // [.callback(.onLoginSuccess(uid: 0))]
/// ```
public struct SignalingAdapter: Hashable, Sendable {
    /// The account of the current login (set from `login` until logged out).
    public internal(set) var account: String?
    /// `getStatus()`.
    public internal(set) var status: SignalingLoginState = .notLogin
    /// The login in progress or established: token check, retries.
    var login: LoginAttempt?
    /// The RTM session ended by itself (ABORTED, token expired): the adapter logs the RTM client out and
    /// swallows that `onLogout`.
    var swallowNextLogout = false
    /// The one Signaling channel (joining, joined or leaving).
    public internal(set) var channel: ChannelSlot?
    /// `getMembers` requests awaiting `onGetMembers`, in request order.
    var memberRequests: [MemberRequest] = []
    /// RTM peer message ID → Signaling message ID.
    var instantMessages: [Int: String] = [:]
    /// RTM channel message ID → the Signaling message.
    var channelMessages: [Int: PendingChannelMessage] = [:]
    /// RTM request ID → what its result is for.
    var requests: [Int: PendingRequest] = [:]
    /// Invitations in progress or established, in creation order.
    public internal(set) var invitations: [SignalingInvitation] = []
    var nextInvitationNumber = 1

    public init() {}

    // MARK: Types

    /// A login in progress or established.
    struct LoginAttempt: Hashable, Sendable {
        var token: String
        var rtmToken: String = ""
        var awaitingToken = true
        /// `login2`'s limits; `login` allows no retry.
        var retryTimeInS = 0
        var retryCount = 0
        /// RTM login attempts that timed out so far.
        var timeouts = 0
    }

    /// The Signaling channel as RTM sees it.
    public struct ChannelSlot: Hashable, Sendable {
        /// Where the channel is in its Signaling life.
        public enum Phase: Hashable, Sendable {
            /// We asked RTM to join; no answer yet.
            case joining
            /// We are a member (`onChannelJoined` fired).
            case joined
            /// We asked RTM to leave; no answer yet.
            case leaving
        }

        public var name: String
        public var phase: Phase
        /// The channel's attributes as last reported to the app, in the server's order.
        public var attributes: [RtmAttribute] = []
    }

    /// Why a `getMembers` was sent.
    struct MemberRequest: Hashable, Sendable {
        enum Purpose: Hashable, Sendable {
            /// The `onChannelUserList` that follows `onChannelJoined`.
            case userList
            /// `invoke("io.agora.signal.channel_query_userlist")`.
            case invoke(callID: String)
        }
        var channel: String
        var purpose: Purpose
    }

    struct PendingChannelMessage: Hashable, Sendable {
        var messageID: String
        var channel: String
        var text: String
    }

    /// What an RTM request ID's result is for.
    enum PendingRequest: Hashable, Sendable {
        case userStatus(account: String)
        case inviteCheck(SignalingInvitation.ID)
        case userAttributeWrite(api: String)
        case userAttributes(api: String, account: String, name: String?)
        case channelAttributeWrite(api: String)
        case channelAttributeReplay(channel: String)
        case memberCount(channel: String)
    }

    /// Which Signaling operation an RTM call belongs to, so its return value finds its way back.
    public enum Tag: Hashable, Sendable {
        case login
        case logout
        /// The logout the adapter makes after the RTM session ended by itself.
        case sessionEndLogout
        case instantMessage(messageID: String)
        /// An endCall or DTMF peer message (its result is not reported).
        case callMessage
        case queryUserStatus(account: String)
        case userAttributeWrite(api: String)
        case getUserAttributes(api: String, account: String, name: String?)
        case createChannel
        case join(channel: String)
        case leave(channel: String)
        case releaseChannel
        case channelMessage(messageID: String, channel: String, text: String)
        case getMembers(channel: String)
        case getChannelAttributes(channel: String)
        case channelAttributeWrite(api: String)
        case memberCount(channel: String)
        case inviteCheck(SignalingInvitation.ID)
        case invitation(SignalingInvitation.ID, InvitationStep)
        /// A refusal of an RTM invitation that Signaling cannot take (no channel ID, or a duplicate).
        case refuseUntracked
    }

    /// One RTM call in the life of a Signaling invitation.
    public enum InvitationStep: Hashable, Sendable {
        case create, setChannelId, setContent, send, cancel, setResponse, accept, refuse
    }

    // MARK: Queries

    /// Whether the client is logged in (LOGINED or RECONNECTING).
    public var isLoggedIn: Bool { status == .logined || status == .reconnecting }

    /// The live invitation (not being ended) for this channel and peer.
    public func invitation(channel: String, peer: String) -> SignalingInvitation? {
        invitations.first { $0.channel == channel && $0.peer == peer && $0.phase != .canceling }
    }

    func invitationIndex(_ id: SignalingInvitation.ID) -> Int? { invitations.firstIndex { $0.id == id } }

    func invitationIndex(rtmKey: InvitationKey) -> Int? { invitations.firstIndex { $0.rtmKey == rtmKey } }
}

/// What ``SignalingAdapter`` asks its shell to do, in order.
public enum SignalingAction: Hashable, Sendable {
    /// Make this RTM API call on the embedded RTM client and hand its return value to
    /// ``SignalingAdapter/returned(_:for:)`` with the tag, before carrying out the next action.
    case rtm(RtmApiCall, SignalingAdapter.Tag)
    /// Check this Signaling token for this account (decision 13) and answer with
    /// ``SignalingAdapter/tokenVerified(_:rtmToken:)``.
    case verifyToken(account: String, token: String)
    /// Fire this callback on the app's Signaling event handler.
    case callback(SignalingCallback)
}

/// The details of an incoming RTM invitation that ``RtmCallback/onRemoteInvitationReceived(_:)`` does not
/// carry: `IRemoteCallInvitation::getContent()` and `getChannelId()`.
public struct RemoteInvitationDetails: Hashable, Sendable {
    public var content: String
    public var channelId: String

    public init(content: String, channelId: String) {
        self.content = content
        self.channelId = channelId
    }
}
