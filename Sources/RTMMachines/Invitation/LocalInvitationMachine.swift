import RTMProtocol

/// The caller's view of one outgoing call invitation (`ILocalCallInvitation`).
///
/// The app creates the invitation (IDLE), may set its content and channel id, and sends it. The
/// server is the single arbiter (docs/invitation-protocol.md): a cancel is a request, and the
/// observable state changes only when the server's verdict arrives, so the caller and the callee
/// always agree on the winner when messages are delivered (decision 11). The server runs the
/// documented timers; this machine runs each of them 5 s longer as a fallback that ends the
/// invitation locally (and sends `abandon`) when the server's verdict never comes.
///
/// Observable state is `LOCAL_INVITATION_STATE` (``State/sdkState``); the state keeps a little more
/// detail (callee seen offline, cancel pending, who decided a failure). Strings (content, channel
/// id, response) live in the shell and travel in events and effects, never in the state.
///
/// Effects of one step come in a fixed order: the return code (API calls only), timers, the
/// request to the server, then the callback.
///
/// ### Legal transitions
/// - `idle -> idle` (a setter, or a call that returns an error code)
/// - `idle -> sentToRemote` (`sendLocalInvitation` while logged in)
/// - `idle -> failedNotLoggedIn` (`sendLocalInvitation` while logged out, decision 16)
/// - `sentToRemote -> sentToRemote` (callee offline seen, cancel requested)
/// - `sentToRemote -> receivedByRemote` (the callee's ACK)
/// - `sentToRemote -> acceptedByRemote | refusedByRemote | canceled | failure` (a server verdict)
/// - `sentToRemote -> gaveUp` (the no-ACK fallback timer)
/// - `receivedByRemote -> receivedByRemote` (cancel requested)
/// - `receivedByRemote -> acceptedByRemote | refusedByRemote | canceled | failure` (a server verdict)
/// - `receivedByRemote -> gaveUp` (the expiry fallback timer)
///
/// Implements rtm-reference §2.3, §2.5, §3.5 and decisions 2, 9, 11 and 16.
public enum LocalInvitationMachine: StateMachine {
    /// Where the caller's invitation is.
    public enum State: Hashable, Sendable, Codable {
        /// The app has created the invitation and not sent it; content and channel id may still change.
        case idle
        /// We have sent the invitation; the callee has not acknowledged it. `calleeOffline`: the server
        /// told us the callee is offline. `cancelRequested`: we asked to cancel and await the verdict.
        case sentToRemote(calleeOffline: Bool, cancelRequested: Bool)
        /// The callee acknowledged the invitation and nobody has answered yet. `cancelRequested`: we
        /// asked to cancel and await the verdict.
        case receivedByRemote(cancelRequested: Bool)
        /// The server told us the callee's accept won; we have ACKed it.
        case acceptedByRemote
        /// The server told us the callee's refuse won.
        case refusedByRemote
        /// The server told us our cancel won.
        case canceled
        /// The server ended the invitation with this failure code.
        case failure(LocalInvitationErrCode)
        /// Our fallback timer ended the invitation with this code: the server's verdict never came.
        case gaveUp(LocalInvitationErrCode)
        /// The app sent the invitation while logged out (decision 16): it failed and nothing was sent.
        case failedNotLoggedIn

        /// The observable `LOCAL_INVITATION_STATE`.
        public var sdkState: LocalInvitationState {
            switch self {
            case .idle: .idle
            case .sentToRemote: .sentToRemote
            case .receivedByRemote: .receivedByRemote
            case .acceptedByRemote: .acceptedByRemote
            case .refusedByRemote: .refusedByRemote
            case .canceled: .canceled
            case .failure, .gaveUp, .failedNotLoggedIn: .failure
            }
        }

        /// Whether the invitation has ended (its terminal callback has fired).
        public var isTerminal: Bool {
            switch self {
            case .idle, .sentToRemote, .receivedByRemote: false
            case .acceptedByRemote, .refusedByRemote, .canceled, .failure, .gaveUp, .failedNotLoggedIn: true
            }
        }

        /// A short, stable label with the internal detail, e.g. `sentToRemote(calleeOffline)`.
        public var label: String {
            switch self {
            case .idle: "idle"
            case .sentToRemote(let offline, let cancel):
                "sentToRemote" + Self.flags([(offline, "calleeOffline"), (cancel, "cancelRequested")])
            case .receivedByRemote(let cancel): "receivedByRemote" + Self.flags([(cancel, "cancelRequested")])
            case .acceptedByRemote: "acceptedByRemote"
            case .refusedByRemote: "refusedByRemote"
            case .canceled: "canceled"
            case .failure(let code): "failure(\(code.sdkName))"
            case .gaveUp(let code): "gaveUp(\(code.sdkName))"
            case .failedNotLoggedIn: "failedNotLoggedIn"
            }
        }

        static func flags(_ flags: [(Bool, String)]) -> String {
            let set = flags.filter(\.0).map(\.1)
            return set.isEmpty ? "" : "(" + set.joined(separator: ", ") + ")"
        }
    }

    /// What the shell knows when the app calls `sendLocalInvitation`.
    public struct SendContext: Hashable, Sendable, Codable {
        /// Whether the caller is logged in (decision 16).
        public var loggedIn: Bool
        /// Whether the stored arguments pass RTMProtocol's checks (callee id, content ≤ 8 KB, channel id).
        public var valid: Bool
        /// The content the shell stored with `setContent`.
        public var content: String
        /// The channel id the shell stored with `setChannelId`.
        public var channelId: String

        public init(loggedIn: Bool, valid: Bool = true, content: String = "", channelId: String = "") {
            self.loggedIn = loggedIn
            self.valid = valid
            self.content = content
            self.channelId = channelId
        }
    }

    /// A fact the machine reacts to.
    public enum Event: Hashable, Sendable, Codable {
        /// The app called `sendLocalInvitation`.
        case sendRequested(SendContext)
        /// The app called `cancelLocalInvitation`.
        case cancelRequested
        /// The app called `setContent`; `valid` is the shell's size check (≤ 8 KB).
        case setContentRequested(valid: Bool)
        /// The app called `setChannelId`; `valid` is the shell's size check (≤ 64 bytes).
        case setChannelIdRequested(valid: Bool)
        /// The server sent a notice about this invitation.
        case noticeReceived(InvitationNotice)
        /// A fallback timer fired.
        case timerFired(Timer)
    }

    /// The caller's fallback timers.
    public enum Timer: Hashable, Sendable, Codable {
        /// No ACK from the callee: 35 s after sending (the server decides at 30 s).
        case noAck
        /// No answer: 65 s after the callee's ACK (the server decides at 60 s).
        case expiry
    }

    /// A callback of `IRtmCallEventHandler`, with the SDK's name.
    public enum Callback: Hashable, Sendable, Codable {
        /// The callee's SDK acknowledged the invitation.
        case onLocalInvitationReceivedByPeer
        /// The callee's accept won, with the callee's response.
        case onLocalInvitationAccepted(response: String)
        /// The callee's refuse won, with the callee's response.
        case onLocalInvitationRefused(response: String)
        /// Our cancel won.
        case onLocalInvitationCanceled
        /// The invitation failed with this code.
        case onLocalInvitationFailure(LocalInvitationErrCode)
    }

    /// An order for the shell.
    public enum Effect: Hashable, Sendable, Codable {
        /// The synchronous return of the API call (always first, exactly once per `…Requested`).
        case returnCode(InvitationApiCallErrCode)
        /// Start (or restart) a fallback timer.
        case startTimer(Timer, ms: Int)
        /// Stop a fallback timer.
        case cancelTimer(Timer)
        /// Send a request to the server.
        case send(InvitationRequest)
        /// Call the app's event handler.
        case callback(Callback)
    }

    public static let initialState: State = .idle

    /// The no-ACK fallback: the server's 30 s plus the grace.
    public static let noAckFallbackMs = InvitationTiming.noAckMs + InvitationTiming.fallbackGraceMs
    /// The expiry fallback: the server's 60 s plus the grace.
    public static let expiryFallbackMs = InvitationTiming.expiryMs + InvitationTiming.fallbackGraceMs

    public static var representativeEvents: [Event] {
        [
            .sendRequested(SendContext(loggedIn: true)),
            .sendRequested(SendContext(loggedIn: true, valid: false)),
            .sendRequested(SendContext(loggedIn: false)),
            .sendRequested(SendContext(loggedIn: false, valid: false)),
            .cancelRequested,
            .setContentRequested(valid: true), .setContentRequested(valid: false),
            .setChannelIdRequested(valid: true), .setChannelIdRequested(valid: false),
        ]
            + InvitationNotice.representatives.map { .noticeReceived($0) }
            + [.timerFired(.noAck), .timerFired(.expiry)]
    }

    public static func sdkStateName(_ state: State) -> String { state.sdkState.sdkName }

    public static func eventLabel(_ event: Event) -> String {
        switch event {
        case .sendRequested(let context):
            "sendLocalInvitation" + State.flags([(!context.valid, "invalid"), (!context.loggedIn, "notLoggedIn")])
        case .cancelRequested: "cancelLocalInvitation"
        case .setContentRequested(let valid): "setContent" + State.flags([(!valid, "invalid")])
        case .setChannelIdRequested(let valid): "setChannelId" + State.flags([(!valid, "invalid")])
        case .noticeReceived(let notice): notice.label + "Received"
        case .timerFired(let timer): "\(timer)TimerFired"
        }
    }

    public static func effectLabel(_ effect: Effect) -> String {
        switch effect {
        case .returnCode(let code): "return(\(code.sdkName))"
        case .startTimer(let timer, let ms): "startTimer(\(timer), \(ms)ms)"
        case .cancelTimer(let timer): "cancelTimer(\(timer))"
        case .send(let request): "send(\(request.label))"
        case .callback(let callback): callbackLabel(callback)
        }
    }

    /// The callback's SDK name, with its error code when it has one.
    public static func callbackLabel(_ callback: Callback) -> String {
        switch callback {
        case .onLocalInvitationReceivedByPeer: "onLocalInvitationReceivedByPeer"
        case .onLocalInvitationAccepted: "onLocalInvitationAccepted"
        case .onLocalInvitationRefused: "onLocalInvitationRefused"
        case .onLocalInvitationCanceled: "onLocalInvitationCanceled"
        case .onLocalInvitationFailure(let code): "onLocalInvitationFailure(\(code.sdkName))"
        }
    }
}
