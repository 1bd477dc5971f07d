// Legacy Signaling SDK enums (rtm-reference §1.21).
// Names and values exactly as the C++ headers spell them.

/// A legacy Signaling SDK error code (`AGORA_E_CODE`).
///
/// C++ `AGORA_E_CODE`, rtm-reference §1.21.
public enum SignalingErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `SUCCESS` (0): No error.
    case success = 0
    /// `LOGOUT_E_OTHER` (100): Logged out for an unknown reason (usually the network).
    case logoutOther = 100
    /// `LOGOUT_E_USER` (101): The user logged out.
    case logoutUser = 101
    /// `LOGOUT_E_NET` (102): Logged out by a network failure.
    case logoutNet = 102
    /// `LOGOUT_E_KICKED` (103): The account logged in elsewhere.
    case logoutKicked = 103
    /// `LOGOUT_E_PACKET` (104): Obsolete.
    case logoutPacket = 104
    /// `LOGOUT_E_TOKENEXPIRED` (105): The token expired.
    case logoutTokenExpired = 105
    /// `LOGOUT_E_OLDVERSION` (106): Obsolete.
    case logoutOldVersion = 106
    /// `LOGOUT_E_TOKENWRONG` (107): Obsolete.
    case logoutTokenWrong = 107
    /// `LOGOUT_E_ALREADY_LOGOUT` (108): logout called while already logged out.
    case logoutAlreadyLogout = 108
    /// `LOGIN_E_OTHER` (200): Login failed for an unknown reason.
    case loginOther = 200
    /// `LOGIN_E_NET` (201): Login failed by a network issue.
    case loginNet = 201
    /// `LOGIN_E_FAILED` (202): The server rejected the login.
    case loginFailed = 202
    /// `LOGIN_E_CANCEL` (203): The user canceled the login.
    case loginCancel = 203
    /// `LOGIN_E_TOKENEXPIRED` (204): The token expired; login rejected.
    case loginTokenExpired = 204
    /// `LOGIN_E_OLDVERSION` (205): Obsolete.
    case loginOldVersion = 205
    /// `LOGIN_E_TOKENWRONG` (206): The token is invalid.
    case loginTokenWrong = 206
    /// `LOGIN_E_TOKEN_KICKED` (207): The user logged in elsewhere with a renewed token.
    case loginTokenKicked = 207
    /// `LOGIN_E_ALREADY_LOGIN` (208): Already logged in (ignorable).
    case loginAlreadyLogin = 208
    /// `LOGIN_E_INVALID_USER` (209): The user ID is invalid (absent from the Linux agora_sig.h).
    case loginInvalidUser = 209
    /// `JOINCHANNEL_E_OTHER` (300): Failed to join the channel.
    case joinChannelOther = 300
    /// `SENDMESSAGE_E_OTHER` (400): Failed to send the message.
    case sendMessageOther = 400
    /// `SENDMESSAGE_E_TIMEOUT` (401): Sending the message timed out.
    case sendMessageTimeout = 401
    /// `QUERYUSERNUM_E_OTHER` (500): Failed to query the channel user count.
    case queryUserNumOther = 500
    /// `QUERYUSERNUM_E_TIMEOUT` (501): Querying the channel user count timed out.
    case queryUserNumTimeout = 501
    /// `QUERYUSERNUM_E_BYUSER` (502): Obsolete.
    case queryUserNumByUser = 502
    /// `LEAVECHANNEL_E_OTHER` (600): Left the channel for an unknown reason.
    case leaveChannelOther = 600
    /// `LEAVECHANNEL_E_KICKED` (601): Kicked out of the channel.
    case leaveChannelKicked = 601
    /// `LEAVECHANNEL_E_BYUSER` (602): The user left the channel.
    case leaveChannelByUser = 602
    /// `LEAVECHANNEL_E_LOGOUT` (603): Removed from the channel on logout.
    case leaveChannelLogout = 603
    /// `LEAVECHANNEL_E_DISCONN` (604): Removed from the channel by a disconnection.
    case leaveChannelDisconn = 604
    /// `INVITE_E_OTHER` (700): The invitation failed for an unknown reason.
    case inviteOther = 700
    /// `INVITE_E_REINVITE` (701): The invitation was sent again while pending.
    case inviteReinvite = 701
    /// `INVITE_E_NET` (702): The invitation failed by a network issue.
    case inviteNet = 702
    /// `INVITE_E_PEEROFFLINE` (703): The invitee is offline.
    case invitePeerOffline = 703
    /// `INVITE_E_TIMEOUT` (704): The invitation timed out.
    case inviteTimeout = 704
    /// `INVITE_E_CANTRECV` (705): Obsolete.
    case inviteCantRecv = 705
    /// `GENERAL_E` (1000): General error.
    case general = 1000
    /// `GENERAL_E_FAILED` (1001): General failure.
    case generalFailed = 1001
    /// `GENERAL_E_UNKNOWN` (1002): Unknown error.
    case generalUnknown = 1002
    /// `GENERAL_E_NOT_LOGIN` (1003): Not logged in.
    case generalNotLogin = 1003
    /// `GENERAL_E_WRONG_PARAM` (1004): Invalid parameter.
    case generalWrongParam = 1004
    /// `GENERAL_E_LARGE_PARAM` (1005): A parameter is too large.
    case generalLargeParam = 1005

    /// The C++ type name, `AGORA_E_CODE`.
    public static let sdkTypeName = "AGORA_E_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .success: "SUCCESS"
        case .logoutOther: "LOGOUT_E_OTHER"
        case .logoutUser: "LOGOUT_E_USER"
        case .logoutNet: "LOGOUT_E_NET"
        case .logoutKicked: "LOGOUT_E_KICKED"
        case .logoutPacket: "LOGOUT_E_PACKET"
        case .logoutTokenExpired: "LOGOUT_E_TOKENEXPIRED"
        case .logoutOldVersion: "LOGOUT_E_OLDVERSION"
        case .logoutTokenWrong: "LOGOUT_E_TOKENWRONG"
        case .logoutAlreadyLogout: "LOGOUT_E_ALREADY_LOGOUT"
        case .loginOther: "LOGIN_E_OTHER"
        case .loginNet: "LOGIN_E_NET"
        case .loginFailed: "LOGIN_E_FAILED"
        case .loginCancel: "LOGIN_E_CANCEL"
        case .loginTokenExpired: "LOGIN_E_TOKENEXPIRED"
        case .loginOldVersion: "LOGIN_E_OLDVERSION"
        case .loginTokenWrong: "LOGIN_E_TOKENWRONG"
        case .loginTokenKicked: "LOGIN_E_TOKEN_KICKED"
        case .loginAlreadyLogin: "LOGIN_E_ALREADY_LOGIN"
        case .loginInvalidUser: "LOGIN_E_INVALID_USER"
        case .joinChannelOther: "JOINCHANNEL_E_OTHER"
        case .sendMessageOther: "SENDMESSAGE_E_OTHER"
        case .sendMessageTimeout: "SENDMESSAGE_E_TIMEOUT"
        case .queryUserNumOther: "QUERYUSERNUM_E_OTHER"
        case .queryUserNumTimeout: "QUERYUSERNUM_E_TIMEOUT"
        case .queryUserNumByUser: "QUERYUSERNUM_E_BYUSER"
        case .leaveChannelOther: "LEAVECHANNEL_E_OTHER"
        case .leaveChannelKicked: "LEAVECHANNEL_E_KICKED"
        case .leaveChannelByUser: "LEAVECHANNEL_E_BYUSER"
        case .leaveChannelLogout: "LEAVECHANNEL_E_LOGOUT"
        case .leaveChannelDisconn: "LEAVECHANNEL_E_DISCONN"
        case .inviteOther: "INVITE_E_OTHER"
        case .inviteReinvite: "INVITE_E_REINVITE"
        case .inviteNet: "INVITE_E_NET"
        case .invitePeerOffline: "INVITE_E_PEEROFFLINE"
        case .inviteTimeout: "INVITE_E_TIMEOUT"
        case .inviteCantRecv: "INVITE_E_CANTRECV"
        case .general: "GENERAL_E"
        case .generalFailed: "GENERAL_E_FAILED"
        case .generalUnknown: "GENERAL_E_UNKNOWN"
        case .generalNotLogin: "GENERAL_E_NOT_LOGIN"
        case .generalWrongParam: "GENERAL_E_WRONG_PARAM"
        case .generalLargeParam: "GENERAL_E_LARGE_PARAM"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .success: "No error."
        case .logoutOther: "Logged out for an unknown reason (usually the network)."
        case .logoutUser: "The user logged out."
        case .logoutNet: "Logged out by a network failure."
        case .logoutKicked: "The account logged in elsewhere."
        case .logoutPacket: "Obsolete."
        case .logoutTokenExpired: "The token expired."
        case .logoutOldVersion: "Obsolete."
        case .logoutTokenWrong: "Obsolete."
        case .logoutAlreadyLogout: "logout called while already logged out."
        case .loginOther: "Login failed for an unknown reason."
        case .loginNet: "Login failed by a network issue."
        case .loginFailed: "The server rejected the login."
        case .loginCancel: "The user canceled the login."
        case .loginTokenExpired: "The token expired; login rejected."
        case .loginOldVersion: "Obsolete."
        case .loginTokenWrong: "The token is invalid."
        case .loginTokenKicked: "The user logged in elsewhere with a renewed token."
        case .loginAlreadyLogin: "Already logged in (ignorable)."
        case .loginInvalidUser: "The user ID is invalid (absent from the Linux agora_sig.h)."
        case .joinChannelOther: "Failed to join the channel."
        case .sendMessageOther: "Failed to send the message."
        case .sendMessageTimeout: "Sending the message timed out."
        case .queryUserNumOther: "Failed to query the channel user count."
        case .queryUserNumTimeout: "Querying the channel user count timed out."
        case .queryUserNumByUser: "Obsolete."
        case .leaveChannelOther: "Left the channel for an unknown reason."
        case .leaveChannelKicked: "Kicked out of the channel."
        case .leaveChannelByUser: "The user left the channel."
        case .leaveChannelLogout: "Removed from the channel on logout."
        case .leaveChannelDisconn: "Removed from the channel by a disconnection."
        case .inviteOther: "The invitation failed for an unknown reason."
        case .inviteReinvite: "The invitation was sent again while pending."
        case .inviteNet: "The invitation failed by a network issue."
        case .invitePeerOffline: "The invitee is offline."
        case .inviteTimeout: "The invitation timed out."
        case .inviteCantRecv: "Obsolete."
        case .general: "General error."
        case .generalFailed: "General failure."
        case .generalUnknown: "Unknown error."
        case .generalNotLogin: "Not logged in."
        case .generalWrongParam: "Invalid parameter."
        case .generalLargeParam: "A parameter is too large."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .success: "success"
        case .logoutOther: "logoutOther"
        case .logoutUser: "logoutUser"
        case .logoutNet: "logoutNet"
        case .logoutKicked: "logoutKicked"
        case .logoutPacket: "logoutPacket"
        case .logoutTokenExpired: "logoutTokenExpired"
        case .logoutOldVersion: "logoutOldVersion"
        case .logoutTokenWrong: "logoutTokenWrong"
        case .logoutAlreadyLogout: "logoutAlreadyLogout"
        case .loginOther: "loginOther"
        case .loginNet: "loginNet"
        case .loginFailed: "loginFailed"
        case .loginCancel: "loginCancel"
        case .loginTokenExpired: "loginTokenExpired"
        case .loginOldVersion: "loginOldVersion"
        case .loginTokenWrong: "loginTokenWrong"
        case .loginTokenKicked: "loginTokenKicked"
        case .loginAlreadyLogin: "loginAlreadyLogin"
        case .loginInvalidUser: "loginInvalidUser"
        case .joinChannelOther: "joinChannelOther"
        case .sendMessageOther: "sendMessageOther"
        case .sendMessageTimeout: "sendMessageTimeout"
        case .queryUserNumOther: "queryUserNumOther"
        case .queryUserNumTimeout: "queryUserNumTimeout"
        case .queryUserNumByUser: "queryUserNumByUser"
        case .leaveChannelOther: "leaveChannelOther"
        case .leaveChannelKicked: "leaveChannelKicked"
        case .leaveChannelByUser: "leaveChannelByUser"
        case .leaveChannelLogout: "leaveChannelLogout"
        case .leaveChannelDisconn: "leaveChannelDisconn"
        case .inviteOther: "inviteOther"
        case .inviteReinvite: "inviteReinvite"
        case .inviteNet: "inviteNet"
        case .invitePeerOffline: "invitePeerOffline"
        case .inviteTimeout: "inviteTimeout"
        case .inviteCantRecv: "inviteCantRecv"
        case .general: "general"
        case .generalFailed: "generalFailed"
        case .generalUnknown: "generalUnknown"
        case .generalNotLogin: "generalNotLogin"
        case .generalWrongParam: "generalWrongParam"
        case .generalLargeParam: "generalLargeParam"
        }
    }
}

/// The legacy Signaling SDK's login state, from `getStatus()`.
///
/// C++ `LOGIN_STATE`, rtm-reference §1.21.
public enum SignalingLoginState: Int, RTMEnum, SwiftCaseNamed {
    /// `LOGIN_STATE_NOT_LOGIN` (0): Not logged in.
    case notLogin = 0
    /// `LOGIN_STATE_LOGINING` (1): Logging in.
    case logining = 1
    /// `LOGIN_STATE_LOGINED` (2): Logged in.
    case logined = 2
    /// `LOGIN_STATE_RECONNECTING` (3): The link was lost; reconnecting.
    case reconnecting = 3

    /// The C++ type name, `LOGIN_STATE`.
    public static let sdkTypeName = "LOGIN_STATE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .notLogin: "LOGIN_STATE_NOT_LOGIN"
        case .logining: "LOGIN_STATE_LOGINING"
        case .logined: "LOGIN_STATE_LOGINED"
        case .reconnecting: "LOGIN_STATE_RECONNECTING"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .notLogin: "Not logged in."
        case .logining: "Logging in."
        case .logined: "Logged in."
        case .reconnecting: "The link was lost; reconnecting."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .notLogin: "notLogin"
        case .logining: "logining"
        case .logined: "logined"
        case .reconnecting: "reconnecting"
        }
    }
}
