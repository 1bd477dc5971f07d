/// Why a string is not a valid RTM identifier, or a size is over its limit.
public enum LimitViolation: Hashable, Sendable, CustomStringConvertible {
    /// The string is empty.
    case empty
    /// The string is the literal `"null"`.
    case reservedNull
    /// The string is `bytes` UTF-8 bytes long and the limit is `limit`.
    case tooLong(bytes: Int, limit: Int)
    /// The string contains a character outside the allowed set.
    case invalidCharacter(Character)
    /// There are `count` items and the limit is `limit`.
    case tooMany(count: Int, limit: Int)

    /// A short English explanation, e.g. `"65 bytes, over the 64-byte limit"`.
    public var description: String {
        switch self {
        case .empty: "empty"
        case .reservedNull: "the reserved string \"null\""
        case .tooLong(let bytes, let limit): "\(bytes) bytes, over the \(limit)-byte limit"
        case .invalidCharacter(let character): "the character \(String(reflecting: String(character))) is not allowed"
        case .tooMany(let count, let limit): "\(count) items, over the limit of \(limit)"
        }
    }
}

/// Checks of identifiers and sizes against rtm-reference §4, independent of any API's error code.
///
/// ```swift
/// IdentifierRules.userId("alice")               // nil (valid)
/// IdentifierRules.userId("null")                // .reservedNull
/// IdentifierRules.userId(String(repeating: "a", count: 65))   // .tooLong(bytes: 65, limit: 64)
/// ```
public enum IdentifierRules {
    /// Whether `character` may appear in a user or channel ID: ASCII letters and digits, space, and
    /// `! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,`.
    public static func isAllowedInId(_ character: Character) -> Bool {
        guard character.isASCII, let ascii = character.asciiValue else { return false }
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "):
            return true
        default:
            return RTMLimits.idPunctuation.contains(character)
        }
    }

    /// The first problem with `userId` as a login, peer or callee ID, or `nil` when it is valid.
    public static func userId(_ userId: String) -> LimitViolation? {
        id(userId, maxBytes: RTMLimits.maxUserIdBytes)
    }

    /// The first problem with `channelId` as an RTM channel ID, or `nil` when it is valid.
    public static func channelId(_ channelId: String) -> LimitViolation? {
        id(channelId, maxBytes: RTMLimits.maxChannelIdBytes)
    }

    /// `nil` when `text` is at most `maxBytes` UTF-8 bytes, else `.tooLong`.
    public static func size(of text: String, maxBytes: Int) -> LimitViolation? {
        let bytes = text.utf8.count
        return bytes > maxBytes ? .tooLong(bytes: bytes, limit: maxBytes) : nil
    }

    /// `nil` when `count` is at most `limit`, else `.tooMany`.
    public static func count(_ count: Int, limit: Int) -> LimitViolation? {
        count > limit ? .tooMany(count: count, limit: limit) : nil
    }

    /// The first problem with `key` as a user or channel attribute key: empty, over 32 bytes, or containing a
    /// character that is not visible (whitespace or a control character).
    public static func attributeKey(_ key: String) -> LimitViolation? {
        if key.isEmpty { return .empty }
        if let tooLong = size(of: key, maxBytes: RTMLimits.maxAttributeKeyBytes) { return tooLong }
        if let bad = key.first(where: { !isVisible($0) }) { return .invalidCharacter(bad) }
        return nil
    }

    /// Whether `character` is visible: not whitespace and not a control or format character.
    public static func isVisible(_ character: Character) -> Bool {
        !character.isWhitespace
            && !character.unicodeScalars.contains { scalar in
                switch scalar.properties.generalCategory {
                case .control, .format, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator,
                    .spaceSeparator:
                    true
                default:
                    false
                }
            }
    }

    private static func id(_ id: String, maxBytes: Int) -> LimitViolation? {
        if id.isEmpty { return .empty }
        if id == RTMLimits.reservedId { return .reservedNull }
        if let tooLong = size(of: id, maxBytes: maxBytes) { return tooLong }
        if let bad = id.first(where: { !isAllowedInId($0) }) { return .invalidCharacter(bad) }
        return nil
    }
}
