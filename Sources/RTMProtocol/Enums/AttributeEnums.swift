// Attribute and log-filter enums (rtm-reference §1.14, 1.18).
// Names and values exactly as the C++ headers spell them.

/// The result of a user or channel attribute operation.
///
/// C++ `ATTRIBUTE_OPERATION_ERR`, rtm-reference §1.14.
public enum AttributeOperationErr: Int, RTMEnum, SwiftCaseNamed {
    /// `ATTRIBUTE_OPERATION_ERR_OK` (0): The attribute operation succeeded.
    case ok = 0
    /// `ATTRIBUTE_OPERATION_ERR_NOT_READY` (1): Not ready (deprecated in 1.1.0; replaced by 102).
    case notReady = 1
    /// `ATTRIBUTE_OPERATION_ERR_FAILURE` (2): The operation failed.
    case failure = 2
    /// `ATTRIBUTE_OPERATION_ERR_INVALID_ARGUMENT` (3): Invalid argument (for example an attribute value of "").
    case invalidArgument = 3
    /// `ATTRIBUTE_OPERATION_ERR_SIZE_OVERFLOW` (4): An attribute size or count limit was exceeded.
    case sizeOverflow = 4
    /// `ATTRIBUTE_OPERATION_ERR_TOO_OFTEN` (5): Rate limit exceeded.
    case tooOften = 5
    /// `ATTRIBUTE_OPERATION_ERR_USER_NOT_FOUND` (6): The user is offline or does not exist.
    case userNotFound = 6
    /// `ATTRIBUTE_OPERATION_ERR_TIMEOUT` (7): The operation timed out (5 s).
    case timeout = 7
    /// `ATTRIBUTE_OPERATION_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `ATTRIBUTE_OPERATION_ERR_USER_NOT_LOGGED_IN` (102):
    /// The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `ATTRIBUTE_OPERATION_ERR`.
    public static let sdkTypeName = "ATTRIBUTE_OPERATION_ERR"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "ATTRIBUTE_OPERATION_ERR_OK"
        case .notReady: "ATTRIBUTE_OPERATION_ERR_NOT_READY"
        case .failure: "ATTRIBUTE_OPERATION_ERR_FAILURE"
        case .invalidArgument: "ATTRIBUTE_OPERATION_ERR_INVALID_ARGUMENT"
        case .sizeOverflow: "ATTRIBUTE_OPERATION_ERR_SIZE_OVERFLOW"
        case .tooOften: "ATTRIBUTE_OPERATION_ERR_TOO_OFTEN"
        case .userNotFound: "ATTRIBUTE_OPERATION_ERR_USER_NOT_FOUND"
        case .timeout: "ATTRIBUTE_OPERATION_ERR_TIMEOUT"
        case .notInitialized: "ATTRIBUTE_OPERATION_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "ATTRIBUTE_OPERATION_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "The attribute operation succeeded."
        case .notReady: "Not ready (deprecated in 1.1.0; replaced by 102)."
        case .failure: "The operation failed."
        case .invalidArgument: "Invalid argument (for example an attribute value of \"\")."
        case .sizeOverflow: "An attribute size or count limit was exceeded."
        case .tooOften: "Rate limit exceeded."
        case .userNotFound: "The user is offline or does not exist."
        case .timeout: "The operation timed out (5 s)."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .notReady: "notReady"
        case .failure: "failure"
        case .invalidArgument: "invalidArgument"
        case .sizeOverflow: "sizeOverflow"
        case .tooOften: "tooOften"
        case .userNotFound: "userNotFound"
        case .timeout: "timeout"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}

/// The SDK's log output filter (`setLogFilter`).
///
/// C++ `LOG_FILTER_TYPE`, rtm-reference §1.18.
public enum LogFilterType: Int, RTMEnum, SwiftCaseNamed {
    /// `LOG_FILTER_OFF` (0): Output no log.
    case off = 0
    /// `LOG_FILTER_INFO` (15): Output CRITICAL, ERROR, WARNING and INFO logs.
    case info = 0x000f
    /// `LOG_FILTER_WARN` (14): Output CRITICAL, ERROR and WARNING logs.
    case warn = 0x000e
    /// `LOG_FILTER_ERROR` (12): Output CRITICAL and ERROR logs.
    case error = 0x000c
    /// `LOG_FILTER_CRITICAL` (8): Output CRITICAL logs.
    case critical = 8
    /// `LOG_FILTER_MASK` (2063): Mask of all filter bits (reserved).
    case mask = 0x080f

    /// The C++ type name, `LOG_FILTER_TYPE`.
    public static let sdkTypeName = "LOG_FILTER_TYPE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .off: "LOG_FILTER_OFF"
        case .info: "LOG_FILTER_INFO"
        case .warn: "LOG_FILTER_WARN"
        case .error: "LOG_FILTER_ERROR"
        case .critical: "LOG_FILTER_CRITICAL"
        case .mask: "LOG_FILTER_MASK"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .off: "Output no log."
        case .info: "Output CRITICAL, ERROR, WARNING and INFO logs."
        case .warn: "Output CRITICAL, ERROR and WARNING logs."
        case .error: "Output CRITICAL and ERROR logs."
        case .critical: "Output CRITICAL logs."
        case .mask: "Mask of all filter bits (reserved)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .off: "off"
        case .info: "info"
        case .warn: "warn"
        case .error: "error"
        case .critical: "critical"
        case .mask: "mask"
        }
    }
}
