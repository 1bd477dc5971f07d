import RTMProtocol

/// The callee's view of one incoming call invitation (`IRemoteCallInvitation`).
///
/// The callee's shell creates the machine (IDLE, never observable) when an `invite` notice with a
/// new invitation id arrives and feeds it that notice first: the machine ACKs automatically, fires
/// `onRemoteInvitationReceived` and is in INVITATION_RECEIVED before the app sees the object. The
/// server is the single arbiter (docs/invitation-protocol.md): an accept moves to
/// ACCEPT_SENT_TO_LOCAL at once (the SDK's meaning: our accept is on its way) and becomes ACCEPTED
/// only when the caller's ACK comes back (the 3-way handshake); a refuse stays INVITATION_RECEIVED
/// until the server confirms it won, so a refuse that loses to the caller's cancel ends CANCELED on
/// both sides. The server runs the documented timers; this machine runs each of them 5 s longer as
/// a fallback that ends the invitation locally (and sends `abandon`).
///
/// Observable state is `REMOTE_INVITATION_STATE` (``State/sdkState``). Strings (response) live in
/// the shell and travel in events and effects. Effects of one step come in a fixed order: the
/// return code (API calls only), timers, the request to the server, then the callback.
///
/// ### Legal transitions
/// - `idle -> invitationReceived` (the `invite` notice)
/// - `invitationReceived -> invitationReceived` (`setResponse`, a refuse request, an error code)
/// - `invitationReceived -> acceptSentToLocal` (`acceptRemoteInvitation`)
/// - `invitationReceived -> refused | canceled | failure` (a server verdict)
/// - `invitationReceived -> gaveUp` (the expiry fallback timer)
/// - `acceptSentToLocal -> accepted | canceled | failure` (a server verdict)
/// - `acceptSentToLocal -> gaveUp` (the accept-ACK fallback timer)
///
/// Implements rtm-reference §2.4, §2.5, §3.5 and decisions 2, 8, 10, 11 and 18.
public enum RemoteInvitationMachine: StateMachine {
    /// Where the callee's invitation is.
    public enum State: Hashable, Sendable, Codable {
        /// The shell has created the object and not yet fed it the invite; the app never sees this.
        case idle
        /// We hold the invitation and have ACKed it. `refuseRequested`: we asked to refuse and await
        /// the verdict.
        case invitationReceived(refuseRequested: Bool)
        /// We asked to accept; we await the caller's ACK (or a losing verdict).
        case acceptSentToLocal
        /// The server told us our refuse won.
        case refused
        /// The caller ACKed our accept: the call is on.
        case accepted
        /// The server told us the caller's cancel won.
        case canceled
        /// The server ended the invitation with this failure code.
        case failure(RemoteInvitationErrCode)
        /// Our fallback timer ended the invitation with this code: the server's verdict never came.
        case gaveUp(RemoteInvitationErrCode)

        /// The observable `REMOTE_INVITATION_STATE`.
        public var sdkState: RemoteInvitationState {
            switch self {
            case .idle: .idle
            case .invitationReceived: .invitationReceived
            case .acceptSentToLocal: .acceptSentToLocal
            case .refused: .refused
            case .accepted: .accepted
            case .canceled: .canceled
            case .failure, .gaveUp: .failure
            }
        }

        /// Whether the invitation has ended (its terminal callback has fired).
        public var isTerminal: Bool {
            switch self {
            case .idle, .invitationReceived, .acceptSentToLocal: false
            case .refused, .accepted, .canceled, .failure, .gaveUp: true
            }
        }

        /// A short, stable label with the internal detail, e.g. `invitationReceived(refuseRequested)`.
        public var label: String {
            switch self {
            case .idle: "idle"
            case .invitationReceived(let refusing):
                refusing ? "invitationReceived(refuseRequested)" : "invitationReceived"
            case .acceptSentToLocal: "acceptSentToLocal"
            case .refused: "refused"
            case .accepted: "accepted"
            case .canceled: "canceled"
            case .failure(let code): "failure(\(code.sdkName))"
            case .gaveUp(let code): "gaveUp(\(code.sdkName))"
            }
        }
    }

    /// A fact the machine reacts to.
    public enum Event: Hashable, Sendable, Codable {
        /// The app called `acceptRemoteInvitation`; `response` is what the shell stored with `setResponse`.
        case acceptRequested(response: String)
        /// The app called `refuseRemoteInvitation`; `response` is what the shell stored with `setResponse`.
        case refuseRequested(response: String)
        /// The app called `setResponse`; `valid` is the shell's size check (≤ 8 KB).
        case setResponseRequested(valid: Bool)
        /// The server sent a notice about this invitation (the first one is always `invite`).
        case noticeReceived(InvitationNotice)
        /// A fallback timer fired.
        case timerFired(Timer)
    }

    /// The callee's fallback timers.
    public enum Timer: Hashable, Sendable, Codable {
        /// No accept, refuse or cancel: 65 s after receipt (the server decides 60 s after our ACK).
        case expiry
        /// No ACK from the caller after our accept: 35 s (the server decides at 30 s, decision 18).
        case acceptAck
    }

    /// A callback of `IRtmCallEventHandler`, with the SDK's name.
    public enum Callback: Hashable, Sendable, Codable {
        /// A new invitation arrived (the app gets the object here).
        case onRemoteInvitationReceived
        /// The caller ACKed our accept.
        case onRemoteInvitationAccepted
        /// Our refuse won.
        case onRemoteInvitationRefused
        /// The caller's cancel won.
        case onRemoteInvitationCanceled
        /// The invitation failed with this code.
        case onRemoteInvitationFailure(RemoteInvitationErrCode)
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

    /// The expiry fallback: the server's 60 s plus the grace.
    public static let expiryFallbackMs = InvitationTiming.expiryMs + InvitationTiming.fallbackGraceMs
    /// The accept-ACK fallback: the server's 30 s plus the grace.
    public static let acceptAckFallbackMs = InvitationTiming.acceptAckMs + InvitationTiming.fallbackGraceMs

    public static var representativeEvents: [Event] {
        [
            .acceptRequested(response: ""), .refuseRequested(response: ""),
            .setResponseRequested(valid: true), .setResponseRequested(valid: false),
        ]
            + InvitationNotice.representatives.map { .noticeReceived($0) }
            + [.timerFired(.expiry), .timerFired(.acceptAck)]
    }

    public static func sdkStateName(_ state: State) -> String { state.sdkState.sdkName }

    public static func eventLabel(_ event: Event) -> String {
        switch event {
        case .acceptRequested: "acceptRemoteInvitation"
        case .refuseRequested: "refuseRemoteInvitation"
        case .setResponseRequested(let valid): valid ? "setResponse" : "setResponse(invalid)"
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
        case .onRemoteInvitationReceived: "onRemoteInvitationReceived"
        case .onRemoteInvitationAccepted: "onRemoteInvitationAccepted"
        case .onRemoteInvitationRefused: "onRemoteInvitationRefused"
        case .onRemoteInvitationCanceled: "onRemoteInvitationCanceled"
        case .onRemoteInvitationFailure(let code): "onRemoteInvitationFailure(\(code.sdkName))"
        }
    }
}
