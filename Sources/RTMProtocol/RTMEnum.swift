/// An enumeration of the RTM C++ SDK (or the legacy Signaling SDK), with its names and values exactly as the
/// C++ header spells them.
///
/// Every conforming Swift enum is `Int`-backed with the SDK's raw values, so `LoginErrCode(rawValue: 8)` is
/// `.alreadyLoggedIn` and prints as `LOGIN_ERR_ALREADY_LOGGED_IN`.
///
/// ```swift
/// JoinChannelErr.timeout.sdkName        // "JOIN_CHANNEL_TIMEOUT"
/// JoinChannelErr.timeout.rawValue       // 4
/// JoinChannelErr.sdkTypeName            // "JOIN_CHANNEL_ERR"
/// "\(JoinChannelErr.exceedLimit)"       // "JOIN_CHANNEL_ERR_EXCEED_LIMIT"
/// ```
///
/// Implements rtm-reference §1.
public protocol RTMEnum: CaseIterable, Hashable, Sendable, Codable, RawRepresentable, CustomStringConvertible
where RawValue == Int {
    /// The C++ header's type name, e.g. `"LOGIN_ERR_CODE"`.
    static var sdkTypeName: String { get }
    /// The C++ enumerator name, e.g. `"LOGIN_ERR_ALREADY_LOGGED_IN"`.
    var sdkName: String { get }
    /// One line on what the value means.
    var meaning: String { get }
}

extension RTMEnum {
    /// The SDK name, so traces print what an RTM engineer knows.
    public var description: String { sdkName }

    /// The case whose C++ enumerator name is `sdkName` (exact match), or `nil`.
    public init?(sdkName: String) {
        guard let found = Self.allCases.first(where: { $0.sdkName == sdkName }) else { return nil }
        self = found
    }
}
