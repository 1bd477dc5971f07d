/// The argument checks of the legacy Signaling facade, returning `AGORA_E_CODE` values.
///
/// Signaling counts characters, not bytes, for names (rtm-reference §4.1–4.2, [D-SIGAPI]). The codes chosen
/// for each failure are recorded in docs/decisions-protocol.md.
extension Validation {
    /// `login(account, …)`: `LOGIN_E_INVALID_USER` (209) for an account that is empty, over 128 characters,
    /// or has a space or another invisible character.
    public static func signalingAccount(_ account: String) -> SignalingErrCode {
        isVisibleName(account, maxCharacters: RTMLimits.Signaling.maxAccountCharacters) ? .success : .loginInvalidUser
    }

    /// `channelJoin(name)`: `GENERAL_E_WRONG_PARAM` (1004) for a channel name that is empty, over 128
    /// characters, or has an invisible character.
    public static func signalingChannelName(_ name: String) -> SignalingErrCode {
        isVisibleName(name, maxCharacters: RTMLimits.Signaling.maxChannelNameCharacters) ? .success : .generalWrongParam
    }

    /// `messageInstantSend` / `messageChannelSend`: `GENERAL_E_LARGE_PARAM` (1005) for a message over 8 KB.
    public static func signalingMessage(_ text: String) -> SignalingErrCode {
        text.utf8.count > RTMLimits.Signaling.maxMessageBytes ? .generalLargeParam : .success
    }

    private static func isVisibleName(_ name: String, maxCharacters: Int) -> Bool {
        !name.isEmpty && name.count <= maxCharacters && name.allSatisfy(IdentifierRules.isVisible)
    }
}
