/// Shortens the SDK's long enum names for diagram labels.
///
/// `LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE` is exact but wide; in a diagram of the local
/// invitation machine `RECEIVED_BY_REMOTE` says the same. The full name is never lost:
/// ``Node/sdkState(_:kind:annotation:isHighlighted:)`` keeps it as the node's tooltip.
public enum SDKName {
    /// The markers after which a name's distinguishing part starts, tried in this order.
    public static let markers = ["_STATE_", "_ERR_", "_REASON_"]

    /// The part of an SDK name after its family marker: `LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE`
    /// becomes `RECEIVED_BY_REMOTE`, `CONNECTION_CHANGE_REASON_LOGIN_SUCCESS` becomes
    /// `LOGIN_SUCCESS`, `LOCAL_INVITATION_ERR_PEER_OFFLINE` becomes `PEER_OFFLINE`. A name with no
    /// marker, or with nothing after it, is returned unchanged.
    public static func shortLabel(_ name: String) -> String {
        for marker in markers {
            if let range = name.firstRange(of: marker), range.upperBound < name.endIndex {
                return String(name[range.upperBound...])
            }
        }
        return name
    }

    /// Removes the longest prefix of whole `_`-separated words that every name shares, as long as
    /// every name keeps at least one word: `["CONNECTION_STATE_CONNECTED", "CONNECTION_STATE_ABORTED"]`
    /// gives `["CONNECTED", "ABORTED"]`. Fewer than two names are returned unchanged.
    public static func strippingCommonPrefix(_ names: [String]) -> [String] {
        guard names.count > 1 else { return names }
        let split = names.map { $0.split(separator: "_", omittingEmptySubsequences: false) }
        let shortest = split.map(\.count).min() ?? 0
        var shared = 0
        while shared < shortest - 1, split.allSatisfy({ $0[shared] == split[0][shared] }) {
            shared += 1
        }
        return split.map { $0.dropFirst(shared).joined(separator: "_") }
    }
}
