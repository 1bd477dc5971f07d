import RTMProtocol

/// A message a client sends the server about one call invitation.
///
/// The shell wraps it in an envelope (invitation id, caller id, callee id, sender role); the
/// machines never see the envelope. The server is the single arbiter: `cancel`, `accept` and
/// `refuse` are requests whose outcome the server decides and reports to both ends as an
/// ``InvitationNotice``.
///
/// Implements docs/invitation-protocol.md §3 (rtm-reference §2.3, §2.4, §3.5).
public enum InvitationRequest: Hashable, Sendable, Codable {
    /// Caller: a new invitation (`sendLocalInvitation` while logged in).
    case invite(content: String, channelId: String)
    /// Caller: please cancel (`cancelLocalInvitation`); the verdict may still be an accept or refuse.
    case cancel
    /// Caller: the SDK's automatic ACK of an `accept` notice (3-way handshake step 3).
    case acceptAck
    /// Callee: the SDK's automatic ACK of an `invite` notice.
    case receivedAck
    /// Callee: please accept (`acceptRemoteInvitation`) with this response.
    case accept(response: String)
    /// Callee: please refuse (`refuseRemoteInvitation`) with this response.
    case refuse(response: String)
    /// Either end: our fallback timer fired and our object ended in FAILURE; end the other side too.
    case abandon

    /// A short, stable label, e.g. `invite`, `accept`.
    public var label: String {
        switch self {
        case .invite: "invite"
        case .cancel: "cancel"
        case .acceptAck: "acceptAck"
        case .receivedAck: "receivedAck"
        case .accept: "accept"
        case .refuse: "refuse"
        case .abandon: "abandon"
        }
    }
}

/// A message the server sends a client about one call invitation.
///
/// Verdicts (`accept`, `refuse`, `cancel`, `localFailure` to the caller; `callerAck`, `refuseAck`,
/// `cancel`, `remoteFailure` to the callee) are sent at most once per end. Each case says who
/// receives it; a notice for the other role is a protocol violation.
///
/// Implements docs/invitation-protocol.md §3 (rtm-reference §2.3, §2.4, §3.5, decisions 9–11, 18).
public enum InvitationNotice: Hashable, Sendable, Codable {
    /// To the callee: a new invitation; it creates the callee's object.
    case invite(content: String, channelId: String)
    /// To the caller: the callee is offline; the server holds the invitation.
    case calleeOffline
    /// To the caller: the callee's SDK acknowledged the invitation.
    case calleeAck
    /// To the caller, a verdict: the callee's accept won.
    case accept(response: String)
    /// To the caller, a verdict: the callee's refuse won.
    case refuse(response: String)
    /// To the callee, a verdict: our refuse won.
    case refuseAck
    /// To the callee, a verdict: the caller acknowledged our accept (3-way handshake step 3).
    case callerAck
    /// To both ends, a verdict: the caller's cancel won.
    case cancel
    /// To the caller, a verdict: the invitation failed with this code.
    case localFailure(LocalInvitationErrCode)
    /// To the callee, a verdict: the invitation failed with this code.
    case remoteFailure(RemoteInvitationErrCode)

    /// A short, stable label, e.g. `calleeAck`, `localFailure(LOCAL_INVITATION_ERR_PEER_OFFLINE)`.
    public var label: String {
        switch self {
        case .invite: "invite"
        case .calleeOffline: "calleeOffline"
        case .calleeAck: "calleeAck"
        case .accept: "accept"
        case .refuse: "refuse"
        case .refuseAck: "refuseAck"
        case .callerAck: "callerAck"
        case .cancel: "cancel"
        case .localFailure(let code): "localFailure(\(code.sdkName))"
        case .remoteFailure(let code): "remoteFailure(\(code.sdkName))"
        }
    }

    /// One notice of every case, with every failure code, for exhaustive exploration.
    public static let representatives: [InvitationNotice] =
        [
            .invite(content: "", channelId: ""), .calleeOffline, .calleeAck, .accept(response: ""),
            .refuse(response: ""), .refuseAck, .callerAck, .cancel,
        ]
        + LocalInvitationErrCode.allCases.map { .localFailure($0) }
        + RemoteInvitationErrCode.allCases.map { .remoteFailure($0) }
}

/// The invitation timeouts, in milliseconds (rtm-reference §2.5, decisions 9 and 18).
///
/// The server runs the documented timers and decides; each client runs the same timer plus
/// `fallbackGraceMs` as a fallback for when the server's verdict never arrives.
public enum InvitationTiming {
    /// No ACK from the callee (PEER_OFFLINE / PEER_NO_RESPONSE): 30 s after sending.
    public static let noAckMs = 30_000
    /// No accept, refuse or cancel (INVITATION_EXPIRE): 60 s after the ACK.
    public static let expiryMs = 60_000
    /// No ACK from the caller after the accept won (ACCEPT_FAILURE): 30 s (decision 18).
    public static let acceptAckMs = 30_000
    /// How much longer a client's fallback timer runs than the server's timer.
    public static let fallbackGraceMs = 5_000
}
