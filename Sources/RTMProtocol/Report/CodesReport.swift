/// What `rtmcheck codes` shows: the list of enums, one enum as a table, one code explained, or every code with
/// a given value. A pure value; `text` and `json` render it.
///
/// ```swift
/// try CodesReport.make([])                                   // .list: every enum and its case count
/// try CodesReport.make(["JOIN_CHANNEL_ERR"])                 // .table: name, value, meaning
/// try CodesReport.make(["JOIN_CHANNEL_ERR", "5"])            // .code: JOIN_CHANNEL_ERR_EXCEED_LIMIT
/// try CodesReport.make(["LOCAL_INVITATION_ERR_PEER_OFFLINE"])   // .code, the enum found by the name
/// try CodesReport.make(["JOIN_CHANEL_ERR"])                  // throws: did you mean JOIN_CHANNEL_ERR?
/// ```
public enum CodesReport: Hashable, Sendable {
    /// Every enum with its case count.
    case list(EnumList)
    /// One enum's cases.
    case table(EnumTable)
    /// One code.
    case code(CodeExplanation)
    /// Every code, of any enum, with one value.
    case matches(CodeMatches)

    /// Resolves the `codes` arguments: none lists the enums; one names an enum, a code of any enum, or a
    /// number; two name an enum and one of its codes by name or value (decimal or `0x` hex). Names match
    /// case-insensitively; a code may also be given without its enum prefix (`EXCEED_LIMIT`) or by its Swift
    /// name (`exceedLimit`).
    public static func make(_ arguments: [String]) throws(CodesLookupError) -> CodesReport {
        switch arguments.count {
        case 0:
            return .list(EnumList(RTMEnums.all))
        case 1:
            let name = arguments[0]
            if let info = RTMEnums.type(named: name) { return .table(EnumTable(info)) }
            if let found = RTMEnums.cases(named: name).first, let info = RTMEnums.type(named: found.typeName) {
                return .code(CodeExplanation(found, in: info))
            }
            if let value = parseValue(name) {
                let codes = RTMEnums.cases(withValue: value)
                guard !codes.isEmpty else { throw .noCodeWithValue(value) }
                return .matches(CodeMatches(value: value, codes: codes))
            }
            let suggestions = CloseMatches.best(
                for: name, among: RTMEnums.all.map(\.sdkTypeName) + RTMEnums.all.flatMap(\.cases).map(\.name))
            throw .unknownName(name, suggestions: suggestions)
        case 2:
            guard let info = RTMEnums.type(named: arguments[0]) else {
                throw .unknownEnum(arguments[0], suggestions: RTMEnums.suggestions(forType: arguments[0]))
            }
            let code = arguments[1]
            if let value = parseValue(code) {
                guard let found = info.case(value: value) else {
                    throw .unknownValue(typeName: info.sdkTypeName, value: value, validValues: info.cases.map(\.value))
                }
                return .code(CodeExplanation(found, in: info))
            }
            guard let found = info.case(named: code) else {
                // Compare both as typed and with the enum's prefix, so `EXCED_LIMIT` finds `…_EXCEED_LIMIT`.
                let names = info.cases.map(\.name)
                var suggestions = CloseMatches.best(for: code, among: names)
                for prefix in info.shortNamePrefixes {
                    for name in CloseMatches.best(for: prefix + code, among: names) where !suggestions.contains(name) {
                        suggestions.append(name)
                    }
                }
                suggestions = Array(suggestions.prefix(5))
                throw .unknownCase(typeName: info.sdkTypeName, name: code, suggestions: suggestions)
            }
            return .code(CodeExplanation(found, in: info))
        default:
            throw .tooManyArguments(arguments)
        }
    }

    /// A decimal (`-3`, `102`) or hexadecimal (`0x0f`) integer, or `nil`.
    static func parseValue(_ text: String) -> Int? {
        let lowered = text.lowercased()
        if lowered.hasPrefix("0x") { return Int(lowered.dropFirst(2), radix: 16) }
        return Int(text)
    }
}

/// One line per enum: its names, reference section and case count.
public struct EnumSummary: Hashable, Sendable, Codable {
    /// The C++ type name.
    public var typeName: String
    /// The Swift type name.
    public var swiftName: String
    /// The rtm-reference.md section.
    public var section: String
    /// What the enum is for.
    public var summary: String
    /// How many cases it has.
    public var caseCount: Int

    /// Summarises an enum.
    public init(_ info: RTMEnumInfo) {
        typeName = info.sdkTypeName
        swiftName = info.swiftTypeName
        section = info.section
        summary = info.summary
        caseCount = info.cases.count
    }
}

/// Every enum (`rtmcheck codes`).
public struct EnumList: Hashable, Sendable, Codable {
    /// Always `"enums"`, so JSON readers can tell the report kinds apart.
    public var kind = "enums"
    /// The enums in rtm-reference order.
    public var enums: [EnumSummary]

    /// Lists these enums.
    public init(_ infos: [RTMEnumInfo]) {
        enums = infos.map(EnumSummary.init)
    }
}

/// One enum's cases (`rtmcheck codes JOIN_CHANNEL_ERR`).
public struct EnumTable: Hashable, Sendable, Codable {
    /// Always `"enum"`.
    public var kind = "enum"
    /// The enum's names, section and summary.
    public var enumInfo: EnumSummary
    /// Its cases in declaration order.
    public var cases: [RTMCaseInfo]

    /// Tabulates an enum.
    public init(_ info: RTMEnumInfo) {
        enumInfo = EnumSummary(info)
        cases = info.cases
    }
}

/// One code (`rtmcheck codes JOIN_CHANNEL_ERR 5`).
public struct CodeExplanation: Hashable, Sendable, Codable {
    /// Always `"code"`.
    public var kind = "code"
    /// The enum it belongs to.
    public var enumInfo: EnumSummary
    /// The code.
    public var code: RTMCaseInfo

    /// Explains `code`, a case of `info`.
    public init(_ code: RTMCaseInfo, in info: RTMEnumInfo) {
        enumInfo = EnumSummary(info)
        self.code = code
    }
}

/// Every code with one value (`rtmcheck codes 102`).
public struct CodeMatches: Hashable, Sendable, Codable {
    /// Always `"codes"`.
    public var kind = "codes"
    /// The value asked for.
    public var value: Int
    /// The codes with that value, in registry order.
    public var codes: [RTMCaseInfo]

    /// Lists the codes with `value`.
    public init(value: Int, codes: [RTMCaseInfo]) {
        self.value = value
        self.codes = codes
    }
}
