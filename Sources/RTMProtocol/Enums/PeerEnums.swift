// Peer status and subscription enums (rtm-reference §1.12–1.13).
// Names and values exactly as the C++ headers spell them.

/// The result of `queryPeersOnlineStatus`.
///
/// C++ `QUERY_PEERS_ONLINE_STATUS_ERR`, rtm-reference §1.12.
public enum QueryPeersOnlineStatusErr: Int, RTMEnum, SwiftCaseNamed {
    /// `QUERY_PEERS_ONLINE_STATUS_ERR_OK` (0): The online status was retrieved.
    case ok = 0
    /// `QUERY_PEERS_ONLINE_STATUS_ERR_FAILURE` (1): The query failed.
    case failure = 1
    /// `QUERY_PEERS_ONLINE_STATUS_ERR_INVALID_ARGUMENT` (2):
    /// Invalid argument (for example more than 256 peers or a bad peer ID).
    case invalidArgument = 2
    /// `QUERY_PEERS_ONLINE_STATUS_ERR_REJECTED` (3): Rejected (reserved).
    case rejected = 3
    /// `QUERY_PEERS_ONLINE_STATUS_ERR_TIMEOUT` (4): The query timed out (10 s).
    case timeout = 4
    /// `QUERY_PEERS_ONLINE_STATUS_ERR_TOO_OFTEN` (5): More than 10 queries per 5 s.
    case tooOften = 5
    /// `QUERY_PEERS_ONLINE_STATUS_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `QUERY_PEERS_ONLINE_STATUS_ERR_USER_NOT_LOGGED_IN` (102):
    /// The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `QUERY_PEERS_ONLINE_STATUS_ERR`.
    public static let sdkTypeName = "QUERY_PEERS_ONLINE_STATUS_ERR"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "QUERY_PEERS_ONLINE_STATUS_ERR_OK"
        case .failure: "QUERY_PEERS_ONLINE_STATUS_ERR_FAILURE"
        case .invalidArgument: "QUERY_PEERS_ONLINE_STATUS_ERR_INVALID_ARGUMENT"
        case .rejected: "QUERY_PEERS_ONLINE_STATUS_ERR_REJECTED"
        case .timeout: "QUERY_PEERS_ONLINE_STATUS_ERR_TIMEOUT"
        case .tooOften: "QUERY_PEERS_ONLINE_STATUS_ERR_TOO_OFTEN"
        case .notInitialized: "QUERY_PEERS_ONLINE_STATUS_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "QUERY_PEERS_ONLINE_STATUS_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "The online status was retrieved."
        case .failure: "The query failed."
        case .invalidArgument: "Invalid argument (for example more than 256 peers or a bad peer ID)."
        case .rejected: "Rejected (reserved)."
        case .timeout: "The query timed out (10 s)."
        case .tooOften: "More than 10 queries per 5 s."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .invalidArgument: "invalidArgument"
        case .rejected: "rejected"
        case .timeout: "timeout"
        case .tooOften: "tooOften"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}

/// A peer's online state, from a query or a subscription.
///
/// C++ `PEER_ONLINE_STATE`, rtm-reference §1.13.
public enum PeerOnlineState: Int, RTMEnum, SwiftCaseNamed {
    /// `PEER_ONLINE_STATE_ONLINE` (0): The peer is logged in.
    case online = 0
    /// `PEER_ONLINE_STATE_UNREACHABLE` (1): No packet from the peer for more than 6 s (reported only via subscription).
    case unreachable = 1
    /// `PEER_ONLINE_STATE_OFFLINE` (2): Never logged in, logged out, or no packet for more than 30 s.
    case offline = 2

    /// The C++ type name, `PEER_ONLINE_STATE`.
    public static let sdkTypeName = "PEER_ONLINE_STATE"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .online: "PEER_ONLINE_STATE_ONLINE"
        case .unreachable: "PEER_ONLINE_STATE_UNREACHABLE"
        case .offline: "PEER_ONLINE_STATE_OFFLINE"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .online: "The peer is logged in."
        case .unreachable: "No packet from the peer for more than 6 s (reported only via subscription)."
        case .offline: "Never logged in, logged out, or no packet for more than 30 s."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .online: "online"
        case .unreachable: "unreachable"
        case .offline: "offline"
        }
    }
}

/// What a peer subscription watches.
///
/// C++ `PEER_SUBSCRIPTION_OPTION`, rtm-reference §1.13.
public enum PeerSubscriptionOption: Int, RTMEnum, SwiftCaseNamed {
    /// `PEER_SUBSCRIPTION_OPTION_ONLINE_STATUS` (0): The peer's online status.
    case onlineStatus = 0

    /// The C++ type name, `PEER_SUBSCRIPTION_OPTION`.
    public static let sdkTypeName = "PEER_SUBSCRIPTION_OPTION"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .onlineStatus: "PEER_SUBSCRIPTION_OPTION_ONLINE_STATUS"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .onlineStatus: "The peer's online status."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .onlineStatus: "onlineStatus"
        }
    }
}

/// The result of `subscribePeersOnlineStatus` / `unsubscribePeersOnlineStatus`.
///
/// C++ `PEER_SUBSCRIPTION_STATUS_ERR`, rtm-reference §1.13.
public enum PeerSubscriptionStatusErr: Int, RTMEnum, SwiftCaseNamed {
    /// `PEER_SUBSCRIPTION_STATUS_ERR_OK` (0): Subscribed or unsubscribed.
    case ok = 0
    /// `PEER_SUBSCRIPTION_STATUS_ERR_FAILURE` (1): The operation failed.
    case failure = 1
    /// `PEER_SUBSCRIPTION_STATUS_ERR_INVALID_ARGUMENT` (2): Invalid argument.
    case invalidArgument = 2
    /// `PEER_SUBSCRIPTION_STATUS_ERR_REJECTED` (3): Rejected (reserved).
    case rejected = 3
    /// `PEER_SUBSCRIPTION_STATUS_ERR_TIMEOUT` (4): The operation timed out (10 s).
    case timeout = 4
    /// `PEER_SUBSCRIPTION_STATUS_ERR_TOO_OFTEN` (5): More than 10 calls per 5 s.
    case tooOften = 5
    /// `PEER_SUBSCRIPTION_STATUS_ERR_OVERFLOW` (6): More than 512 subscribed peers.
    case overflow = 6
    /// `PEER_SUBSCRIPTION_STATUS_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `PEER_SUBSCRIPTION_STATUS_ERR_USER_NOT_LOGGED_IN` (102):
    /// The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `PEER_SUBSCRIPTION_STATUS_ERR`.
    public static let sdkTypeName = "PEER_SUBSCRIPTION_STATUS_ERR"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "PEER_SUBSCRIPTION_STATUS_ERR_OK"
        case .failure: "PEER_SUBSCRIPTION_STATUS_ERR_FAILURE"
        case .invalidArgument: "PEER_SUBSCRIPTION_STATUS_ERR_INVALID_ARGUMENT"
        case .rejected: "PEER_SUBSCRIPTION_STATUS_ERR_REJECTED"
        case .timeout: "PEER_SUBSCRIPTION_STATUS_ERR_TIMEOUT"
        case .tooOften: "PEER_SUBSCRIPTION_STATUS_ERR_TOO_OFTEN"
        case .overflow: "PEER_SUBSCRIPTION_STATUS_ERR_OVERFLOW"
        case .notInitialized: "PEER_SUBSCRIPTION_STATUS_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "PEER_SUBSCRIPTION_STATUS_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "Subscribed or unsubscribed."
        case .failure: "The operation failed."
        case .invalidArgument: "Invalid argument."
        case .rejected: "Rejected (reserved)."
        case .timeout: "The operation timed out (10 s)."
        case .tooOften: "More than 10 calls per 5 s."
        case .overflow: "More than 512 subscribed peers."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .invalidArgument: "invalidArgument"
        case .rejected: "rejected"
        case .timeout: "timeout"
        case .tooOften: "tooOften"
        case .overflow: "overflow"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}

/// The result of `queryPeersBySubscriptionOption`.
///
/// C++ `QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR`, rtm-reference §1.13.
public enum QueryPeersBySubscriptionOptionErr: Int, RTMEnum, SwiftCaseNamed {
    /// `QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_OK` (0): The subscribed peers were retrieved.
    case ok = 0
    /// `QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_FAILURE` (1): The query failed.
    case failure = 1
    /// `QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_TIMEOUT` (2): The query timed out (5 s).
    case timeout = 2
    /// `QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_TOO_OFTEN` (3): More than 10 queries per 5 s.
    case tooOften = 3
    /// `QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_NOT_INITIALIZED` (101): The IRtmService instance is not initialized.
    case notInitialized = 101
    /// `QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_USER_NOT_LOGGED_IN` (102):
    /// The user is not logged in (login never called or never succeeded).
    case userNotLoggedIn = 102

    /// The C++ type name, `QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR`.
    public static let sdkTypeName = "QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR"

    /// The enumerator name exactly as the C++ header spells it.
    public var sdkName: String {
        switch self {
        case .ok: "QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_OK"
        case .failure: "QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_FAILURE"
        case .timeout: "QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_TIMEOUT"
        case .tooOften: "QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_TOO_OFTEN"
        case .notInitialized: "QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_NOT_INITIALIZED"
        case .userNotLoggedIn: "QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_USER_NOT_LOGGED_IN"
        }
    }

    /// One line on what the value means.
    public var meaning: String {
        switch self {
        case .ok: "The subscribed peers were retrieved."
        case .failure: "The query failed."
        case .timeout: "The query timed out (5 s)."
        case .tooOften: "More than 10 queries per 5 s."
        case .notInitialized: "The IRtmService instance is not initialized."
        case .userNotLoggedIn: "The user is not logged in (login never called or never succeeded)."
        }
    }

    var swiftCaseName: String {
        switch self {
        case .ok: "ok"
        case .failure: "failure"
        case .timeout: "timeout"
        case .tooOften: "tooOften"
        case .notInitialized: "notInitialized"
        case .userNotLoggedIn: "userNotLoggedIn"
        }
    }
}
