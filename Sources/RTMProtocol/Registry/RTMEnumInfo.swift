/// One enumerator of an RTM enum, type-erased: its C++ name, raw value and meaning.
public struct RTMCaseInfo: Hashable, Sendable, Codable {
    /// The C++ type name of the enum it belongs to, e.g. `"JOIN_CHANNEL_ERR"`.
    public let typeName: String
    /// The C++ enumerator name, e.g. `"JOIN_CHANNEL_ERR_EXCEED_LIMIT"`.
    public let name: String
    /// The Swift case name, e.g. `"exceedLimit"`.
    public let swiftName: String
    /// The raw value, e.g. `5`.
    public let value: Int
    /// One line on what the value means.
    public let meaning: String

    /// Erases one case of an `RTMEnum`.
    public init<E: RTMEnum>(_ value: E) {
        typeName = E.sdkTypeName
        name = value.sdkName
        swiftName = (value as? any SwiftCaseNamed)?.swiftCaseName ?? value.sdkName
        self.value = value.rawValue
        meaning = value.meaning
    }
}

/// One RTM enum type, type-erased: its C++ and Swift names, the reference section, and its cases in
/// declaration order.
///
/// ```swift
/// let info = RTMEnums.type(named: "join_channel_err")   // case-insensitive
/// info?.case(value: 5)?.name                           // "JOIN_CHANNEL_ERR_EXCEED_LIMIT"
/// ```
public struct RTMEnumInfo: Hashable, Sendable {
    /// The C++ type name, e.g. `"JOIN_CHANNEL_ERR"`.
    public let sdkTypeName: String
    /// The Swift type name, e.g. `"JoinChannelErr"`.
    public let swiftTypeName: String
    /// The section of rtm-reference.md that lists it, e.g. `"1.9"`.
    public let section: String
    /// One line on what the enum is for.
    public let summary: String
    /// Every case, in the C++ header's order (ascending raw value, except `LOG_FILTER_TYPE`).
    public let cases: [RTMCaseInfo]

    /// Erases an `RTMEnum` type.
    public init<E: RTMEnum>(_ type: E.Type, section: String, summary: String) {
        sdkTypeName = E.sdkTypeName
        swiftTypeName = String(describing: type)
        self.section = section
        self.summary = summary
        cases = E.allCases.map(RTMCaseInfo.init)
    }

    /// The case with this raw value, or `nil`.
    public func `case`(value: Int) -> RTMCaseInfo? {
        cases.first { $0.value == value }
    }

    /// The case with this name: the exact C++ name first, then (case-insensitively) the C++ name, the C++ name
    /// without the type's common prefix (`EXCEED_LIMIT`), or the Swift case name (`exceedLimit`).
    public func `case`(named name: String) -> RTMCaseInfo? {
        if let exact = cases.first(where: { $0.name == name }) { return exact }
        let wanted = name.uppercased()
        if let found = cases.first(where: { $0.name.uppercased() == wanted }) { return found }
        for prefix in shortNamePrefixes {
            if let found = cases.first(where: { $0.name.uppercased() == prefix + wanted }) { return found }
        }
        return cases.first { $0.swiftName.uppercased() == wanted }
    }

    /// The prefixes a short case name may omit: the common prefix (`JOIN_CHANNEL_`), the type name
    /// (`JOIN_CHANNEL_ERR_`), and the type name without `_CODE` (`LOGIN_ERR_` for `LOGIN_ERR_CODE`).
    var shortNamePrefixes: [String] {
        let withoutCode = sdkTypeName.hasSuffix("_CODE") ? String(sdkTypeName.dropLast("_CODE".count)) : sdkTypeName
        var prefixes: [String] = []
        for prefix in [commonPrefix, sdkTypeName + "_", withoutCode + "_"]
        where prefix.count > 1 && !prefixes.contains(prefix) {
            prefixes.append(prefix)
        }
        return prefixes
    }

    /// The `_`-terminated prefix every C++ case name shares (`"JOIN_CHANNEL_"` for `JOIN_CHANNEL_ERR`, because of
    /// `JOIN_CHANNEL_TIMEOUT`), or `""` when they share none.
    public var commonPrefix: String {
        guard let first = cases.first?.name else { return "" }
        var prefix = Substring(first)
        for info in cases.dropFirst() {
            while !info.name.hasPrefix(prefix) { prefix = prefix.dropLast() }
        }
        guard let cut = prefix.lastIndex(of: "_") else { return "" }
        return String(prefix[...cut])
    }
}

/// Gives the Swift case name of a generated enum case (Swift has no reflection-free way to get it once
/// `description` is the SDK name).
protocol SwiftCaseNamed {
    var swiftCaseName: String { get }
}
