/// The registry of every RTM and Signaling enum RTMCheck knows, with lookups by name and value.
///
/// ```swift
/// RTMEnums.type(named: "JOIN_CHANNEL_ERR")?.case(value: 5)?.name   // "JOIN_CHANNEL_ERR_EXCEED_LIMIT"
/// RTMEnums.cases(named: "LOCAL_INVITATION_ERR_PEER_OFFLINE").first?.value   // 1
/// RTMEnums.suggestions(forType: "JOIN_CHANEL_ERR")   // ["JOIN_CHANNEL_ERR"]
/// ```
///
/// Implements rtm-reference §1 (1.1–1.18 and 1.21).
public enum RTMEnums {
    /// Every enum, in the order of rtm-reference §1.
    public static let all: [RTMEnumInfo] = [
        RTMEnumInfo(
            ConnectionState.self, section: "1.1",
            summary: "The connection state of one IRtmService instance, reported by onConnectionStateChanged."
        ),
        RTMEnumInfo(
            ConnectionChangeReason.self, section: "1.2",
            summary: "Why the connection state changed, reported with the new state by onConnectionStateChanged."
        ),
        RTMEnumInfo(InitErrCode.self, section: "1.3", summary: "The result of IRtmService::initialize."),
        RTMEnumInfo(
            LoginErrCode.self, section: "1.4",
            summary: "The result of login, returned or passed to onLoginFailure."
        ),
        RTMEnumInfo(LogoutErrCode.self, section: "1.5", summary: "The result of logout, passed to onLogout."),
        RTMEnumInfo(
            RenewTokenErrCode.self, section: "1.6",
            summary: "The result of renewToken, passed to onRenewTokenResult."
        ),
        RTMEnumInfo(
            PeerMessageErrCode.self, section: "1.7",
            summary: "The result of sendMessageToPeer, returned or passed to onSendMessageResult."
        ),
        RTMEnumInfo(
            ChannelMessageErrCode.self, section: "1.8",
            summary: "The result of IChannel::sendMessage, returned or passed to onSendMessageResult."
        ),
        RTMEnumInfo(MessageType.self, section: "1.16", summary: "The type of an IMessage."),
        RTMEnumInfo(
            JoinChannelErr.self, section: "1.9",
            summary: "The result of IChannel::join, returned or passed to onJoinFailure."
        ),
        RTMEnumInfo(
            LeaveChannelErr.self, section: "1.10",
            summary: "The result of IChannel::leave, returned or passed to onLeave."
        ),
        RTMEnumInfo(
            LeaveChannelReason.self, section: "1.10",
            summary: "Why a user left a channel (declared; no 1.x C++ callback uses it)."
        ),
        RTMEnumInfo(
            GetMembersErr.self, section: "1.11",
            summary: "The result of IChannel::getMembers, returned or passed to onGetMembers."
        ),
        RTMEnumInfo(
            GetChannelMemberCountErrCode.self, section: "1.15",
            summary: "The result of getChannelMemberCount (1.1.0+)."
        ),
        RTMEnumInfo(
            QueryPeersOnlineStatusErr.self, section: "1.12",
            summary: "The result of queryPeersOnlineStatus."
        ),
        RTMEnumInfo(
            PeerOnlineState.self, section: "1.13",
            summary: "A peer's online state, from a query or a subscription."
        ),
        RTMEnumInfo(PeerSubscriptionOption.self, section: "1.13", summary: "What a peer subscription watches."),
        RTMEnumInfo(
            PeerSubscriptionStatusErr.self, section: "1.13",
            summary: "The result of subscribePeersOnlineStatus / unsubscribePeersOnlineStatus."
        ),
        RTMEnumInfo(
            QueryPeersBySubscriptionOptionErr.self, section: "1.13",
            summary: "The result of queryPeersBySubscriptionOption."
        ),
        RTMEnumInfo(
            AttributeOperationErr.self, section: "1.14",
            summary: "The result of a user or channel attribute operation."
        ),
        RTMEnumInfo(LogFilterType.self, section: "1.18", summary: "The SDK's log output filter (setLogFilter)."),
        RTMEnumInfo(
            LocalInvitationState.self, section: "1.17",
            summary: "The caller's view of an outgoing call invitation."
        ),
        RTMEnumInfo(
            RemoteInvitationState.self, section: "1.17",
            summary: "The callee's view of an incoming call invitation."
        ),
        RTMEnumInfo(
            LocalInvitationErrCode.self, section: "1.17",
            summary: "Why an outgoing invitation failed, passed to onLocalInvitationFailure."
        ),
        RTMEnumInfo(
            RemoteInvitationErrCode.self, section: "1.17",
            summary: "Why an incoming invitation failed, passed to onRemoteInvitationFailure."
        ),
        RTMEnumInfo(
            InvitationApiCallErrCode.self, section: "1.17",
            summary: "The return value of an invitation API call (send, cancel, accept, refuse)."
        ),
        RTMEnumInfo(
            SignalingErrCode.self, section: "1.21",
            summary: "A legacy Signaling SDK error code (AGORA_E_CODE)."
        ),
        RTMEnumInfo(
            SignalingLoginState.self, section: "1.21",
            summary: "The legacy Signaling SDK's login state, from getStatus()."
        ),
    ]

    /// Every enum type as an existential metatype, in the same order as `all`.
    public static var types: [any RTMEnum.Type] {
        [
            ConnectionState.self, ConnectionChangeReason.self, InitErrCode.self, LoginErrCode.self,
            LogoutErrCode.self, RenewTokenErrCode.self, PeerMessageErrCode.self, ChannelMessageErrCode.self,
            MessageType.self, JoinChannelErr.self, LeaveChannelErr.self, LeaveChannelReason.self, GetMembersErr.self,
            GetChannelMemberCountErrCode.self, QueryPeersOnlineStatusErr.self, PeerOnlineState.self,
            PeerSubscriptionOption.self, PeerSubscriptionStatusErr.self, QueryPeersBySubscriptionOptionErr.self,
            AttributeOperationErr.self, LogFilterType.self, LocalInvitationState.self, RemoteInvitationState.self,
            LocalInvitationErrCode.self, RemoteInvitationErrCode.self, InvitationApiCallErrCode.self,
            SignalingErrCode.self, SignalingLoginState.self,
        ]
    }

    /// The enum with this name: the exact C++ type name first, then the C++ or Swift type name compared
    /// case-insensitively (`join_channel_err`, `JoinChannelErr`).
    public static func type(named name: String) -> RTMEnumInfo? {
        if let exact = all.first(where: { $0.sdkTypeName == name }) { return exact }
        let wanted = name.uppercased()
        return all.first { $0.sdkTypeName.uppercased() == wanted || $0.swiftTypeName.uppercased() == wanted }
    }

    /// Every case, of any enum, whose C++ name equals `name` (case-insensitively). C++ enumerator names are
    /// unique across the registry, so this has at most one element.
    public static func cases(named name: String) -> [RTMCaseInfo] {
        let wanted = name.uppercased()
        return all.flatMap(\.cases).filter { $0.name.uppercased() == wanted }
    }

    /// Every case, of any enum, whose raw value is `value`, in registry order.
    public static func cases(withValue value: Int) -> [RTMCaseInfo] {
        all.flatMap(\.cases).filter { $0.value == value }
    }

    /// Enum type names close to `name` (edit distance or substring), best first.
    public static func suggestions(forType name: String, limit: Int = 5) -> [String] {
        CloseMatches.best(for: name, among: all.map(\.sdkTypeName), limit: limit)
    }

    /// Case names of any enum close to `name`, best first.
    public static func suggestions(forCase name: String, limit: Int = 5) -> [String] {
        CloseMatches.best(for: name, among: all.flatMap(\.cases).map(\.name), limit: limit)
    }
}
