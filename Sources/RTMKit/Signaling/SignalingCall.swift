/// A legacy Signaling API call as the app makes it, named as the Signaling SDK's `IAgoraAPI` methods
/// (`agora_sig.h`, the left column of the RTM migration table [D-SEED]).
///
/// Every Signaling method returns `void`: outcomes arrive as ``SignalingCallback``s. `uid` arguments are
/// obsolete in Signaling 1.4 and ignored. `getStatus()` is answered by ``SignalingAdapter/status``.
public enum SignalingCall: Hashable, Sendable {
    /// `login(vendorID, account, token, uid, deviceID)`; the vendor ID is the client's App ID.
    case login(account: String, token: String)
    /// `login2(…, retry_time_in_s, retry_count)`: as `login`, retrying a login that times out while both
    /// limits allow (§2.5 "Signaling timing").
    case login2(account: String, token: String, retryTimeInS: Int, retryCount: Int)
    /// `logout()`.
    case logout
    /// `messageInstantSend(account, uid, msg, msgID)`.
    case messageInstantSend(account: String, msg: String, msgID: String)
    /// `queryUserStatus(account)`.
    case queryUserStatus(account: String)
    /// `setAttr(name, value)`: sets one of the local user's attributes; "" deletes it.
    case setAttr(name: String, value: String)
    /// `getAttr(name)`: one of the local user's attributes.
    case getAttr(name: String)
    /// `getAttrAll()`: all of the local user's attributes.
    case getAttrAll
    /// `getUserAttr(account, name)`.
    case getUserAttr(account: String, name: String)
    /// `getUserAttrAll(account)`.
    case getUserAttrAll(account: String)
    /// `channelJoin(channelID)`: one channel at a time (decision 13).
    case channelJoin(channel: String)
    /// `channelLeave(channelID)`.
    case channelLeave(channel: String)
    /// `messageChannelSend(channelID, msg, msgID)`.
    case messageChannelSend(channel: String, msg: String, msgID: String)
    /// `messageChannelSendForce(channelID, msg, msgID)`: send without joining (§2.2).
    case messageChannelSendForce(channel: String, msg: String, msgID: String)
    /// `channelSetAttr(channelID, name, value)`.
    case channelSetAttr(channel: String, name: String, value: String)
    /// `channelDelAttr(channelID, name)`.
    case channelDelAttr(channel: String, name: String)
    /// `channelClearAttr(channelID)`.
    case channelClearAttr(channel: String)
    /// `channelQueryUserNum(channelID)`.
    case channelQueryUserNum(channel: String)
    /// `invoke(name, req, callID)`; RTMCheck serves `io.agora.signal.channel_query_userlist`
    /// (req `{"name": channel}`).
    case invoke(name: String, req: String, callID: String)
    /// `channelInviteUser(channelID, account, uid)`: `channelInviteUser2` with no extra.
    case channelInviteUser(channel: String, account: String)
    /// `channelInviteUser2(channelID, account, extra)`; extra is JSON and may hold
    /// `"_require_peer_online": 1` (§2.5).
    case channelInviteUser2(channel: String, account: String, extra: String)
    /// `channelInviteDTMF(channelID, phoneNum, dtmf)`; `phoneNum` is the peer's account.
    case channelInviteDTMF(channel: String, account: String, dtmf: String)
    /// `channelInviteAccept(channelID, account, uid[, extra])`.
    case channelInviteAccept(channel: String, account: String, extra: String)
    /// `channelInviteRefuse(channelID, account, uid, extra)`.
    case channelInviteRefuse(channel: String, account: String, extra: String)
    /// `channelInviteEnd(channelID, account, uid)`: ends the invitation or the call at any time.
    case channelInviteEnd(channel: String, account: String)

    /// The SDK's method name.
    public var sdkName: String {
        switch self {
        case .login: "login"
        case .login2: "login2"
        case .logout: "logout"
        case .messageInstantSend: "messageInstantSend"
        case .queryUserStatus: "queryUserStatus"
        case .setAttr: "setAttr"
        case .getAttr: "getAttr"
        case .getAttrAll: "getAttrAll"
        case .getUserAttr: "getUserAttr"
        case .getUserAttrAll: "getUserAttrAll"
        case .channelJoin: "channelJoin"
        case .channelLeave: "channelLeave"
        case .messageChannelSend: "messageChannelSend"
        case .messageChannelSendForce: "messageChannelSendForce"
        case .channelSetAttr: "channelSetAttr"
        case .channelDelAttr: "channelDelAttr"
        case .channelClearAttr: "channelClearAttr"
        case .channelQueryUserNum: "channelQueryUserNum"
        case .invoke: "invoke"
        case .channelInviteUser: "channelInviteUser"
        case .channelInviteUser2: "channelInviteUser2"
        case .channelInviteDTMF: "channelInviteDTMF"
        case .channelInviteAccept: "channelInviteAccept"
        case .channelInviteRefuse: "channelInviteRefuse"
        case .channelInviteEnd: "channelInviteEnd"
        }
    }
}
