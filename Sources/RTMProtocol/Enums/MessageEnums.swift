// Message enums (rtm-reference §1.7, 1.8, 1.16).
// Names and values exactly as the C++ headers spell them.

/// The result of `sendMessageToPeer`, returned or passed to `onSendMessageResult`.
///
/// C++ `PEER_MESSAGE_ERR_CODE`, rtm-reference §1.7.
public enum PeerMessageErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `PEER_MESSAGE_ERR_OK` (0): The receiver got the message.
    case ok = 0
    /// `PEER_MESSAGE_ERR_FAILURE` (1): Sending failed.
    case failure = 1
    /// `PEER_MESSAGE_ERR_SENT_TIMEOUT` (2): No result within 10 s (typical when the sender is ABORTED or RECONNECTING).
    case sentTimeout = 2
    /// `PEER_MESSAGE_ERR_PEER_UNREACHABLE` (3): The receiver is offline; the message was not delivered.
    case peerUnreachable = 3
    /// `PEER_MESSAGE_ERR_CACHED_BY_SERVER` (4): The receiver is offline; the message was cached as an offline message.
    case cachedByServer = 4
    /// `PEER_MESSAGE_ERR_TOO_OFTEN` (5): Rate limit exceeded (peer and channel messages share 60/s).
    case tooOften = 5
    /// `PEER_MESSAGE_ERR_INVALID_USERID` (6): Invalid peer user ID.
    case invalidUserId = 6
    /// `PEER_MESSAGE_ERR_INVALID_MESSAGE` (7): The message is null or larger than 32 KB.
    case invalidMessage = 7
    /// `PEER_MESSAGE_ERR_IMCOMPATIBLE_MESSAGE` (8):
    /// The receiver's SDK is too old for this message type (1.3+; spelling as in the header).
    case imcompatibleMessage = 8
    /// `PEER_MESSAGE_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `PEER_MESSAGE_ERR_USER_NOT_LOGGED_IN` (102): The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `PEER_MESSAGE_ERR_CODE`.
    public static let sdkTypeName = "PEER_MESSAGE_ERR_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "PEER_MESSAGE_ERR_OK"
        case .failure: "PEER_MESSAGE_ERR_FAILURE"
        case .sentTimeout: "PEER_MESSAGE_ERR_SENT_TIMEOUT"
        case .peerUnreachable: "PEER_MESSAGE_ERR_PEER_UNREACHABLE"
        case .cachedByServer: "PEER_MESSAGE_ERR_CACHED_BY_SERVER"
        case .tooOften: "PEER_MESSAGE_ERR_TOO_OFTEN"
        case .invalidUserId: "PEER_MESSAGE_ERR_INVALID_USERID"
        case .invalidMessage: "PEER_MESSAGE_ERR_INVALID_MESSAGE"
        case .imcompatibleMessage: "PEER_MESSAGE_ERR_IMCOMPATIBLE_MESSAGE"
        case .notInitialized: "PEER_MESSAGE_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "PEER_MESSAGE_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "The receiver got the message."
        case .failure: "Sending failed."
        case .sentTimeout: "No result within 10 s (typical when the sender is ABORTED or RECONNECTING)."
        case .peerUnreachable: "The receiver is offline; the message was not delivered."
        case .cachedByServer: "The receiver is offline; the message was cached as an offline message."
        case .tooOften: "Rate limit exceeded (peer and channel messages share 60/s)."
        case .invalidUserId: "Invalid peer user ID."
        case .invalidMessage: "The message is null or larger than 32 KB."
        case .imcompatibleMessage:
            "The receiver's SDK is too old for this message type (1.3+; spelling as in the header)."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .sentTimeout: "sentTimeout"
        case .peerUnreachable: "peerUnreachable"
        case .cachedByServer: "cachedByServer"
        case .tooOften: "tooOften"
        case .invalidUserId: "invalidUserId"
        case .invalidMessage: "invalidMessage"
        case .imcompatibleMessage: "imcompatibleMessage"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}

/// The result of `IChannel::sendMessage`, returned or passed to `onSendMessageResult`.
///
/// C++ `CHANNEL_MESSAGE_ERR_CODE`, rtm-reference §1.8.
public enum ChannelMessageErrCode: Int, RTMEnum, SwiftCaseNamed {
    /// `CHANNEL_MESSAGE_ERR_OK` (0): The server received the message.
    case ok = 0
    /// `CHANNEL_MESSAGE_ERR_FAILURE` (1): Sending failed (also: the channel is not joined).
    case failure = 1
    /// `CHANNEL_MESSAGE_ERR_SENT_TIMEOUT` (2): No result within the timeout (10 s).
    case sentTimeout = 2
    /// `CHANNEL_MESSAGE_ERR_TOO_OFTEN` (3): Rate limit exceeded (peer and channel messages share 60/s).
    case tooOften = 3
    /// `CHANNEL_MESSAGE_ERR_INVALID_MESSAGE` (4): The message is null or larger than 32 KB.
    case invalidMessage = 4
    /// `CHANNEL_MESSAGE_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `CHANNEL_MESSAGE_ERR_USER_NOT_LOGGED_IN` (102):
    /// The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `CHANNEL_MESSAGE_ERR_CODE`.
    public static let sdkTypeName = "CHANNEL_MESSAGE_ERR_CODE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "CHANNEL_MESSAGE_ERR_OK"
        case .failure: "CHANNEL_MESSAGE_ERR_FAILURE"
        case .sentTimeout: "CHANNEL_MESSAGE_ERR_SENT_TIMEOUT"
        case .tooOften: "CHANNEL_MESSAGE_ERR_TOO_OFTEN"
        case .invalidMessage: "CHANNEL_MESSAGE_ERR_INVALID_MESSAGE"
        case .notInitialized: "CHANNEL_MESSAGE_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "CHANNEL_MESSAGE_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "The server received the message."
        case .failure: "Sending failed (also: the channel is not joined)."
        case .sentTimeout: "No result within the timeout (10 s)."
        case .tooOften: "Rate limit exceeded (peer and channel messages share 60/s)."
        case .invalidMessage: "The message is null or larger than 32 KB."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .sentTimeout: "sentTimeout"
        case .tooOften: "tooOften"
        case .invalidMessage: "invalidMessage"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}

/// The type of an `IMessage`.
///
/// C++ `MESSAGE_TYPE`, rtm-reference §1.16.
public enum MessageType: Int, RTMEnum, SwiftCaseNamed {
    /// `MESSAGE_TYPE_UNDEFINED` (0): Undefined message type.
    case undefined = 0
    /// `MESSAGE_TYPE_TEXT` (1): A text message.
    case text = 1
    /// `MESSAGE_TYPE_RAW` (2): A raw (binary) message (1.2.0+).
    case raw = 2
    /// `MESSAGE_TYPE_FILE` (3): A file message (1.3.0+; out of RTMCheck's scope).
    case file = 3
    /// `MESSAGE_TYPE_IMAGE` (4): An image message (1.3.0+; out of RTMCheck's scope).
    case image = 4

    /// The C++ type name, `MESSAGE_TYPE`.
    public static let sdkTypeName = "MESSAGE_TYPE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .undefined: "MESSAGE_TYPE_UNDEFINED"
        case .text: "MESSAGE_TYPE_TEXT"
        case .raw: "MESSAGE_TYPE_RAW"
        case .file: "MESSAGE_TYPE_FILE"
        case .image: "MESSAGE_TYPE_IMAGE"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .undefined: "Undefined message type."
        case .text: "A text message."
        case .raw: "A raw (binary) message (1.2.0+)."
        case .file: "A file message (1.3.0+; out of RTMCheck's scope)."
        case .image: "An image message (1.3.0+; out of RTMCheck's scope)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .undefined: "undefined"
        case .text: "text"
        case .raw: "raw"
        case .file: "file"
        case .image: "image"
        }
    }
}
