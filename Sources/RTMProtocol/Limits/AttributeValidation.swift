/// The argument checks of the user and channel attribute APIs, returning `ATTRIBUTE_OPERATION_ERR` codes.
///
/// Each takes the attributes the user would have *after* the call (for `addOrUpdate…`, the merge of the
/// current and the new ones), so totals and counts are checked against what the server would store.
/// Sizes count the UTF-8 bytes of keys plus values.
///
/// Rules (rtm-reference §4.2, decisions in docs/decisions-protocol.md):
/// - an empty or invisible key, or a value of `""` → `ATTRIBUTE_OPERATION_ERR_INVALID_ARGUMENT`;
/// - a key over 32 bytes, a value over 8 KB, too large a total, or too many attributes →
///   `ATTRIBUTE_OPERATION_ERR_SIZE_OVERFLOW`.
extension Validation {
    /// Checks the attributes in one `set…`/`addOrUpdate…` call (`changed`) and the resulting user attributes
    /// (`resulting`, at most 32 attributes and 16 KB).
    public static func userAttributes(
        _ changed: [(key: String, value: String)],
        resulting: [(key: String, value: String)]
    ) -> AttributeOperationErr {
        attributes(
            changed, resulting: resulting, maxCount: RTMLimits.maxUserAttributeCount,
            maxTotalBytes: RTMLimits.maxUserAttributesTotalBytes)
    }

    /// Checks the attributes in one `setLocalUserAttributes` call, which replaces them all.
    public static func userAttributes(_ attributes: [(key: String, value: String)]) -> AttributeOperationErr {
        userAttributes(attributes, resulting: attributes)
    }

    /// Checks the attributes in one channel `set…`/`addOrUpdate…` call (`changed`) and the resulting channel
    /// attributes (`resulting`, at most 32 attributes and 32 KB).
    public static func channelAttributes(
        _ changed: [(key: String, value: String)],
        resulting: [(key: String, value: String)]
    ) -> AttributeOperationErr {
        attributes(
            changed, resulting: resulting, maxCount: RTMLimits.maxChannelAttributeCount,
            maxTotalBytes: RTMLimits.maxChannelAttributesTotalBytes)
    }

    /// Checks the attributes in one `setChannelAttributes` call, which replaces them all.
    public static func channelAttributes(_ attributes: [(key: String, value: String)]) -> AttributeOperationErr {
        channelAttributes(attributes, resulting: attributes)
    }

    /// Checks the keys of a `delete…ByKeys` or `get…ByKeys` call: `INVALID_ARGUMENT` for an empty list or an
    /// empty or invisible key, `SIZE_OVERFLOW` for a key over 32 bytes.
    public static func attributeKeys(_ keys: [String]) -> AttributeOperationErr {
        if keys.isEmpty { return .invalidArgument }
        for key in keys {
            if let code = keyCode(key) { return code }
        }
        return .ok
    }

    /// `getUserAttributes(userId)` and friends: `INVALID_ARGUMENT` for a bad user ID.
    public static func attributeUserId(_ userId: String) -> AttributeOperationErr {
        IdentifierRules.userId(userId) == nil ? .ok : .invalidArgument
    }

    /// Channel attribute calls: `INVALID_ARGUMENT` for a bad channel ID.
    public static func attributeChannelId(_ channelId: String) -> AttributeOperationErr {
        isValidChannelId(channelId) ? .ok : .invalidArgument
    }

    private static func attributes(
        _ changed: [(key: String, value: String)],
        resulting: [(key: String, value: String)],
        maxCount: Int,
        maxTotalBytes: Int
    ) -> AttributeOperationErr {
        for attribute in changed {
            if let code = keyCode(attribute.key) { return code }
            if attribute.value.isEmpty { return .invalidArgument }
            if attribute.value.utf8.count > RTMLimits.maxAttributeValueBytes { return .sizeOverflow }
        }
        // A key given twice is stored once, with its last value.
        var bytesByKey: [String: Int] = [:]
        for attribute in resulting {
            bytesByKey[attribute.key] = attribute.key.utf8.count + attribute.value.utf8.count
        }
        let total = bytesByKey.values.reduce(0, +)
        if bytesByKey.count > maxCount || total > maxTotalBytes { return .sizeOverflow }
        return .ok
    }

    private static func keyCode(_ key: String) -> AttributeOperationErr? {
        switch IdentifierRules.attributeKey(key) {
        case nil: nil
        case .tooLong, .tooMany: .sizeOverflow
        case .empty, .reservedNull, .invalidCharacter: .invalidArgument
        }
    }
}
