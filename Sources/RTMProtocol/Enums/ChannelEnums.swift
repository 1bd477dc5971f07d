// Channel enums (rtm-reference §1.9–1.11, 1.15).
// Names and values exactly as the C++ headers spell them.

/// The result of `IChannel::join`, returned or passed to `onJoinFailure`.
///
/// C++ `JOIN_CHANNEL_ERR`, rtm-reference §1.9.
public enum JoinChannelErr: Int, RTMEnum, SwiftCaseNamed {
    /// `JOIN_CHANNEL_ERR_OK` (0): Joined.
    case ok = 0
    /// `JOIN_CHANNEL_ERR_FAILURE` (1): Generic failure.
    case failure = 1
    /// `JOIN_CHANNEL_ERR_REJECTED` (2): Joining an already-joined channel (1.0.0 and earlier only).
    case rejected = 2
    /// `JOIN_CHANNEL_ERR_INVALID_ARGUMENT` (3): Invalid argument (for example a bad channel ID).
    case invalidArgument = 3
    /// `JOIN_CHANNEL_TIMEOUT` (4): Join timed out (5 s); note the name has no _ERR_ infix.
    case timeout = 4
    /// `JOIN_CHANNEL_ERR_EXCEED_LIMIT` (5): Joining would exceed 20 joined channels.
    case exceedLimit = 5
    /// `JOIN_CHANNEL_ERR_ALREADY_JOINED` (6): This channel is being joined or already joined.
    case alreadyJoined = 6
    /// `JOIN_CHANNEL_ERR_TOO_OFTEN` (7): More than 50 joins per 3 s.
    case tooOften = 7
    /// `JOIN_CHANNEL_ERR_JOIN_SAME_CHANNEL_TOO_OFTEN` (8): The same channel joined more than 2 times per 5 s (1.1.0+).
    case joinSameChannelTooOften = 8
    /// `JOIN_CHANNEL_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `JOIN_CHANNEL_ERR_USER_NOT_LOGGED_IN` (102): The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `JOIN_CHANNEL_ERR`.
    public static let sdkTypeName = "JOIN_CHANNEL_ERR"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "JOIN_CHANNEL_ERR_OK"
        case .failure: "JOIN_CHANNEL_ERR_FAILURE"
        case .rejected: "JOIN_CHANNEL_ERR_REJECTED"
        case .invalidArgument: "JOIN_CHANNEL_ERR_INVALID_ARGUMENT"
        case .timeout: "JOIN_CHANNEL_TIMEOUT"
        case .exceedLimit: "JOIN_CHANNEL_ERR_EXCEED_LIMIT"
        case .alreadyJoined: "JOIN_CHANNEL_ERR_ALREADY_JOINED"
        case .tooOften: "JOIN_CHANNEL_ERR_TOO_OFTEN"
        case .joinSameChannelTooOften: "JOIN_CHANNEL_ERR_JOIN_SAME_CHANNEL_TOO_OFTEN"
        case .notInitialized: "JOIN_CHANNEL_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "JOIN_CHANNEL_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "Joined."
        case .failure: "Generic failure."
        case .rejected: "Joining an already-joined channel (1.0.0 and earlier only)."
        case .invalidArgument: "Invalid argument (for example a bad channel ID)."
        case .timeout: "Join timed out (5 s); note the name has no _ERR_ infix."
        case .exceedLimit: "Joining would exceed 20 joined channels."
        case .alreadyJoined: "This channel is being joined or already joined."
        case .tooOften: "More than 50 joins per 3 s."
        case .joinSameChannelTooOften: "The same channel joined more than 2 times per 5 s (1.1.0+)."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .rejected: "rejected"
        case .invalidArgument: "invalidArgument"
        case .timeout: "timeout"
        case .exceedLimit: "exceedLimit"
        case .alreadyJoined: "alreadyJoined"
        case .tooOften: "tooOften"
        case .joinSameChannelTooOften: "joinSameChannelTooOften"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}

/// The result of `IChannel::leave`, returned or passed to `onLeave`.
///
/// C++ `LEAVE_CHANNEL_ERR`, rtm-reference §1.10.
public enum LeaveChannelErr: Int, RTMEnum, SwiftCaseNamed {
    /// `LEAVE_CHANNEL_ERR_OK` (0): Left the channel.
    case ok = 0
    /// `LEAVE_CHANNEL_ERR_FAILURE` (1): Leaving failed.
    case failure = 1
    /// `LEAVE_CHANNEL_ERR_REJECTED` (2): Rejected, possibly not in the channel (reserved in 1.4).
    case rejected = 2
    /// `LEAVE_CHANNEL_ERR_NOT_IN_CHANNEL` (3): The user is not in the channel.
    case notInChannel = 3
    /// `LEAVE_CHANNEL_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `LEAVE_CHANNEL_ERR_USER_NOT_LOGGED_IN` (102): The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `LEAVE_CHANNEL_ERR`.
    public static let sdkTypeName = "LEAVE_CHANNEL_ERR"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "LEAVE_CHANNEL_ERR_OK"
        case .failure: "LEAVE_CHANNEL_ERR_FAILURE"
        case .rejected: "LEAVE_CHANNEL_ERR_REJECTED"
        case .notInChannel: "LEAVE_CHANNEL_ERR_NOT_IN_CHANNEL"
        case .notInitialized: "LEAVE_CHANNEL_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "LEAVE_CHANNEL_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "Left the channel."
        case .failure: "Leaving failed."
        case .rejected: "Rejected, possibly not in the channel (reserved in 1.4)."
        case .notInChannel: "The user is not in the channel."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .rejected: "rejected"
        case .notInChannel: "notInChannel"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}

/// Why a user left a channel (declared; no 1.x C++ callback uses it).
///
/// C++ `LEAVE_CHANNEL_REASON`, rtm-reference §1.10.
public enum LeaveChannelReason: Int, RTMEnum, SwiftCaseNamed {
    /// `LEAVE_CHANNEL_REASON_QUIT` (1): The user left the channel.
    case quit = 1
    /// `LEAVE_CHANNEL_REASON_KICKED` (2): The user was kicked out of the channel.
    case kicked = 2

    /// The C++ type name, `LEAVE_CHANNEL_REASON`.
    public static let sdkTypeName = "LEAVE_CHANNEL_REASON"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .quit: "LEAVE_CHANNEL_REASON_QUIT"
        case .kicked: "LEAVE_CHANNEL_REASON_KICKED"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .quit: "The user left the channel."
        case .kicked: "The user was kicked out of the channel."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .quit: "quit"
        case .kicked: "kicked"
        }
    }
}

/// The result of `IChannel::getMembers`, returned or passed to `onGetMembers`.
///
/// C++ `GET_MEMBERS_ERR`, rtm-reference §1.11.
public enum GetMembersErr: Int, RTMEnum, SwiftCaseNamed {
    /// `GET_MEMBERS_ERR_OK` (0): The member list was retrieved.
    case ok = 0
    /// `GET_MEMBERS_ERR_FAILURE` (1): Retrieval failed.
    case failure = 1
    /// `GET_MEMBERS_ERR_REJECTED` (2): Rejected (reserved in 1.4).
    case rejected = 2
    /// `GET_MEMBERS_ERR_TIMEOUT` (3): Retrieval timed out (5 s).
    case timeout = 3
    /// `GET_MEMBERS_ERR_TOO_OFTEN` (4): More than 5 getMembers calls per 2 s.
    case tooOften = 4
    /// `GET_MEMBERS_ERR_NOT_IN_CHANNEL` (5): The user is not in the channel.
    case notInChannel = 5
    /// `GET_MEMBERS_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `GET_MEMBERS_ERR_USER_NOT_LOGGED_IN` (102): The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `GET_MEMBERS_ERR`.
    public static let sdkTypeName = "GET_MEMBERS_ERR"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "GET_MEMBERS_ERR_OK"
        case .failure: "GET_MEMBERS_ERR_FAILURE"
        case .rejected: "GET_MEMBERS_ERR_REJECTED"
        case .timeout: "GET_MEMBERS_ERR_TIMEOUT"
        case .tooOften: "GET_MEMBERS_ERR_TOO_OFTEN"
        case .notInChannel: "GET_MEMBERS_ERR_NOT_IN_CHANNEL"
        case .notInitialized: "GET_MEMBERS_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "GET_MEMBERS_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "The member list was retrieved."
        case .failure: "Retrieval failed."
        case .rejected: "Rejected (reserved in 1.4)."
        case .timeout: "Retrieval timed out (5 s)."
        case .tooOften: "More than 5 getMembers calls per 2 s."
        case .notInChannel: "The user is not in the channel."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .rejected: "rejected"
        case .timeout: "timeout"
        case .tooOften: "tooOften"
        case .notInChannel: "notInChannel"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}

/// The result of `getChannelMemberCount` (1.1.0+).
///
/// C++ `GET_CHANNEL_MEMBER_COUNT_ERR_CODE`, rtm-reference §1.15.
public enum GetChannelMemberCountErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `GET_CHANNEL_MEMBER_COUNT_ERR_OK` (0): The member counts were retrieved.
    case ok = 0
    /// `GET_CHANNEL_MEMBER_COUNT_ERR_FAILURE` (1): Retrieval failed.
    case failure = 1
    /// `GET_CHANNEL_MEMBER_COUNT_ERR_INVALID_ARGUMENT` (2): Invalid channel ID or count < 0.
    case invalidArgument = 2
    /// `GET_CHANNEL_MEMBER_COUNT_ERR_TOO_OFTEN` (3): More than 1 call per second.
    case tooOften = 3
    /// `GET_CHANNEL_MEMBER_COUNT_ERR_TIMEOUT` (4): Retrieval timed out (5 s).
    case timeout = 4
    /// `GET_CHANNEL_MEMBER_COUNT_ERR_EXCEED_LIMIT` (5): More than 32 channels in one call.
    case exceedLimit = 5
    /// `GET_CHANNEL_MEMBER_COUNT_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `GET_CHANNEL_MEMBER_COUNT_ERR_USER_NOT_LOGGED_IN` (102):
    /// The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `GET_CHANNEL_MEMBER_COUNT_ERR_CODE`.
    public static let sdkTypeName = "GET_CHANNEL_MEMBER_COUNT_ERR_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "GET_CHANNEL_MEMBER_COUNT_ERR_OK"
        case .failure: "GET_CHANNEL_MEMBER_COUNT_ERR_FAILURE"
        case .invalidArgument: "GET_CHANNEL_MEMBER_COUNT_ERR_INVALID_ARGUMENT"
        case .tooOften: "GET_CHANNEL_MEMBER_COUNT_ERR_TOO_OFTEN"
        case .timeout: "GET_CHANNEL_MEMBER_COUNT_ERR_TIMEOUT"
        case .exceedLimit: "GET_CHANNEL_MEMBER_COUNT_ERR_EXCEED_LIMIT"
        case .notInitialized: "GET_CHANNEL_MEMBER_COUNT_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "GET_CHANNEL_MEMBER_COUNT_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "The member counts were retrieved."
        case .failure: "Retrieval failed."
        case .invalidArgument: "Invalid channel ID or count < 0."
        case .tooOften: "More than 1 call per second."
        case .timeout: "Retrieval timed out (5 s)."
        case .exceedLimit: "More than 32 channels in one call."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .invalidArgument: "invalidArgument"
        case .tooOften: "tooOften"
        case .timeout: "timeout"
        case .exceedLimit: "exceedLimit"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}
