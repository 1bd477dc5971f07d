// Call invitation enums (rtm-reference §1.17).
// Names and values exactly as the C++ headers spell them.

/// The caller's view of an outgoing call invitation.
///
/// C++ `LOCAL_INVITATION_STATE`, rtm-reference §1.17.
public enum LocalInvitationState: Int, RTMEnum, SwiftCaseNamed {
    /// `LOCAL_INVITATION_STATE_IDLE` (0): The invitation is created and not yet sent.
    case idle = 0
    /// `LOCAL_INVITATION_STATE_SENT_TO_REMOTE` (1):
    /// The invitation is sent; the callee has not acknowledged it (internal use).
    case sentToRemote = 1
    /// `LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE` (2): The callee acknowledged the invitation.
    case receivedByRemote = 2
    /// `LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE` (3): The callee accepted the invitation.
    case acceptedByRemote = 3
    /// `LOCAL_INVITATION_STATE_REFUSED_BY_REMOTE` (4): The callee refused the invitation.
    case refusedByRemote = 4
    /// `LOCAL_INVITATION_STATE_CANCELED` (5): The caller canceled the invitation.
    case canceled = 5
    /// `LOCAL_INVITATION_STATE_FAILURE` (6): The invitation failed.
    case failure = 6

    /// The C++ type name, `LOCAL_INVITATION_STATE`.
    public static let sdkTypeName = "LOCAL_INVITATION_STATE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .idle: "LOCAL_INVITATION_STATE_IDLE"
        case .sentToRemote: "LOCAL_INVITATION_STATE_SENT_TO_REMOTE"
        case .receivedByRemote: "LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE"
        case .acceptedByRemote: "LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE"
        case .refusedByRemote: "LOCAL_INVITATION_STATE_REFUSED_BY_REMOTE"
        case .canceled: "LOCAL_INVITATION_STATE_CANCELED"
        case .failure: "LOCAL_INVITATION_STATE_FAILURE"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .idle: "The invitation is created and not yet sent."
        case .sentToRemote: "The invitation is sent; the callee has not acknowledged it (internal use)."
        case .receivedByRemote: "The callee acknowledged the invitation."
        case .acceptedByRemote: "The callee accepted the invitation."
        case .refusedByRemote: "The callee refused the invitation."
        case .canceled: "The caller canceled the invitation."
        case .failure: "The invitation failed."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .idle: "idle"
        case .sentToRemote: "sentToRemote"
        case .receivedByRemote: "receivedByRemote"
        case .acceptedByRemote: "acceptedByRemote"
        case .refusedByRemote: "refusedByRemote"
        case .canceled: "canceled"
        case .failure: "failure"
        }
    }
}

/// The callee's view of an incoming call invitation.
///
/// C++ `REMOTE_INVITATION_STATE`, rtm-reference §1.17.
public enum RemoteInvitationState: Int, RTMEnum, SwiftCaseNamed {
    /// `REMOTE_INVITATION_STATE_IDLE` (0): Initial state.
    case idle = 0
    /// `REMOTE_INVITATION_STATE_INVITATION_RECEIVED` (1): The invitation was received from the caller.
    case invitationReceived = 1
    /// `REMOTE_INVITATION_STATE_ACCEPT_SENT_TO_LOCAL` (2):
    /// The acceptance was sent; waiting for the caller's ACK (internal use).
    case acceptSentToLocal = 2
    /// `REMOTE_INVITATION_STATE_REFUSED` (3): The callee refused the invitation.
    case refused = 3
    /// `REMOTE_INVITATION_STATE_ACCEPTED` (4): The callee accepted and the caller acknowledged.
    case accepted = 4
    /// `REMOTE_INVITATION_STATE_CANCELED` (5): The caller canceled the invitation.
    case canceled = 5
    /// `REMOTE_INVITATION_STATE_FAILURE` (6): The invitation failed.
    case failure = 6

    /// The C++ type name, `REMOTE_INVITATION_STATE`.
    public static let sdkTypeName = "REMOTE_INVITATION_STATE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .idle: "REMOTE_INVITATION_STATE_IDLE"
        case .invitationReceived: "REMOTE_INVITATION_STATE_INVITATION_RECEIVED"
        case .acceptSentToLocal: "REMOTE_INVITATION_STATE_ACCEPT_SENT_TO_LOCAL"
        case .refused: "REMOTE_INVITATION_STATE_REFUSED"
        case .accepted: "REMOTE_INVITATION_STATE_ACCEPTED"
        case .canceled: "REMOTE_INVITATION_STATE_CANCELED"
        case .failure: "REMOTE_INVITATION_STATE_FAILURE"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .idle: "Initial state."
        case .invitationReceived: "The invitation was received from the caller."
        case .acceptSentToLocal: "The acceptance was sent; waiting for the caller's ACK (internal use)."
        case .refused: "The callee refused the invitation."
        case .accepted: "The callee accepted and the caller acknowledged."
        case .canceled: "The caller canceled the invitation."
        case .failure: "The invitation failed."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .idle: "idle"
        case .invitationReceived: "invitationReceived"
        case .acceptSentToLocal: "acceptSentToLocal"
        case .refused: "refused"
        case .accepted: "accepted"
        case .canceled: "canceled"
        case .failure: "failure"
        }
    }
}

/// Why an outgoing invitation failed, passed to `onLocalInvitationFailure`.
///
/// C++ `LOCAL_INVITATION_ERR_CODE`, rtm-reference §1.17.
public enum LocalInvitationErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `LOCAL_INVITATION_ERR_OK` (0): No error.
    case ok = 0
    /// `LOCAL_INVITATION_ERR_PEER_OFFLINE` (1): The callee is still offline 30 s after sending.
    case peerOffline = 1
    /// `LOCAL_INVITATION_ERR_PEER_NO_RESPONSE` (2): The callee is online but did not acknowledge within 30 s.
    case peerNoResponse = 2
    /// `LOCAL_INVITATION_ERR_INVITATION_EXPIRE` (3): 60 s after the callee's ACK with no accept, refuse or cancel.
    case invitationExpire = 3
    /// `LOCAL_INVITATION_ERR_NOT_LOGGEDIN` (4): The caller is not logged in.
    case notLoggedIn = 4

    /// The C++ type name, `LOCAL_INVITATION_ERR_CODE`.
    public static let sdkTypeName = "LOCAL_INVITATION_ERR_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "LOCAL_INVITATION_ERR_OK"
        case .peerOffline: "LOCAL_INVITATION_ERR_PEER_OFFLINE"
        case .peerNoResponse: "LOCAL_INVITATION_ERR_PEER_NO_RESPONSE"
        case .invitationExpire: "LOCAL_INVITATION_ERR_INVITATION_EXPIRE"
        case .notLoggedIn: "LOCAL_INVITATION_ERR_NOT_LOGGEDIN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "No error."
        case .peerOffline: "The callee is still offline 30 s after sending."
        case .peerNoResponse: "The callee is online but did not acknowledge within 30 s."
        case .invitationExpire: "60 s after the callee's ACK with no accept, refuse or cancel."
        case .notLoggedIn: "The caller is not logged in."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .peerOffline: "peerOffline"
        case .peerNoResponse: "peerNoResponse"
        case .invitationExpire: "invitationExpire"
        case .notLoggedIn: "notLoggedIn"
        }
    }
}

/// Why an incoming invitation failed, passed to `onRemoteInvitationFailure`.
///
/// C++ `REMOTE_INVITATION_ERR_CODE`, rtm-reference §1.17.
public enum RemoteInvitationErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `REMOTE_INVITATION_ERR_OK` (0): No error.
    case ok = 0
    /// `REMOTE_INVITATION_ERR_PEER_OFFLINE` (1): The caller is offline when the callee's accept reaches the server.
    case peerOffline = 1
    /// `REMOTE_INVITATION_ERR_ACCEPT_FAILURE` (2): After accepting, no ACK from the caller within 30 s.
    case acceptFailure = 2
    /// `REMOTE_INVITATION_ERR_INVITATION_EXPIRE` (3): 60 s with no accept, refuse or cancel.
    case invitationExpire = 3

    /// The C++ type name, `REMOTE_INVITATION_ERR_CODE`.
    public static let sdkTypeName = "REMOTE_INVITATION_ERR_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "REMOTE_INVITATION_ERR_OK"
        case .peerOffline: "REMOTE_INVITATION_ERR_PEER_OFFLINE"
        case .acceptFailure: "REMOTE_INVITATION_ERR_ACCEPT_FAILURE"
        case .invitationExpire: "REMOTE_INVITATION_ERR_INVITATION_EXPIRE"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "No error."
        case .peerOffline: "The caller is offline when the callee's accept reaches the server."
        case .acceptFailure: "After accepting, no ACK from the caller within 30 s."
        case .invitationExpire: "60 s with no accept, refuse or cancel."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .peerOffline: "peerOffline"
        case .acceptFailure: "acceptFailure"
        case .invitationExpire: "invitationExpire"
        }
    }
}

/// The return value of an invitation API call (send, cancel, accept, refuse).
///
/// C++ `INVITATION_API_CALL_ERR_CODE`, rtm-reference §1.17.
public enum InvitationApiCallErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `INVITATION_API_CALL_ERR_OK` (0): The call succeeded.
    case ok = 0
    /// `INVITATION_API_CALL_ERR_INVALID_ARGUMENT` (1): Invalid argument (for example content larger than 8 KB).
    case invalidArgument = 1
    /// `INVITATION_API_CALL_ERR_NOT_STARTED` (2): The invitation has not been sent or received.
    case notStarted = 2
    /// `INVITATION_API_CALL_ERR_ALREADY_END` (3): The invitation already ended (accepted, failed, canceled or refused).
    case alreadyEnd = 3
    /// `INVITATION_API_CALL_ERR_ALREADY_ACCEPT` (4): The invitation was already accepted.
    case alreadyAccept = 4
    /// `INVITATION_API_CALL_ERR_ALREADY_SENT` (5): The invitation was already sent.
    case alreadySent = 5

    /// The C++ type name, `INVITATION_API_CALL_ERR_CODE`.
    public static let sdkTypeName = "INVITATION_API_CALL_ERR_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "INVITATION_API_CALL_ERR_OK"
        case .invalidArgument: "INVITATION_API_CALL_ERR_INVALID_ARGUMENT"
        case .notStarted: "INVITATION_API_CALL_ERR_NOT_STARTED"
        case .alreadyEnd: "INVITATION_API_CALL_ERR_ALREADY_END"
        case .alreadyAccept: "INVITATION_API_CALL_ERR_ALREADY_ACCEPT"
        case .alreadySent: "INVITATION_API_CALL_ERR_ALREADY_SENT"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "The call succeeded."
        case .invalidArgument: "Invalid argument (for example content larger than 8 KB)."
        case .notStarted: "The invitation has not been sent or received."
        case .alreadyEnd: "The invitation already ended (accepted, failed, canceled or refused)."
        case .alreadyAccept: "The invitation was already accepted."
        case .alreadySent: "The invitation was already sent."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .invalidArgument: "invalidArgument"
        case .notStarted: "notStarted"
        case .alreadyEnd: "alreadyEnd"
        case .alreadyAccept: "alreadyAccept"
        case .alreadySent: "alreadySent"
        }
    }
}
