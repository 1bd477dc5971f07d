import RTMMachines
import RTMProtocol

/// A callback a legacy Signaling app receives, named and shaped as the Signaling SDK's `ICallBack`
/// (`agora_sig.h`, rtm-reference §1.21, §3.7, §3.8).
///
/// `uid` arguments are the Signaling SDK's obsolete numeric user IDs: RTMCheck's facade always passes 0
/// (accounts are the identity). Error codes are `AGORA_E_CODE` values (``SignalingErrCode``).
public enum SignalingCallback: Hashable, Sendable {
    // Login and connection (§3.8)
    /// `onLoginSuccess(uid, fd)`.
    case onLoginSuccess(uid: UInt32)
    /// `onLoginFailed(ecode)`: 201 network/timeout, 202 server rejected, 204 token expired, 206 token wrong,
    /// 207 kicked while logging in, 209 invalid account.
    case onLoginFailed(SignalingErrCode)
    /// `onLogout(ecode)`: 101 by the user, 103 kicked by a login elsewhere, 105 token expired, 108 already
    /// logged out, 100 banned.
    case onLogout(SignalingErrCode)
    /// `onReconnecting(nretry)`: the link was lost; the SDK retries by itself.
    case onReconnecting(nretry: UInt32)
    /// `onReconnected(fd)`: the link is back.
    case onReconnected
    // Peer messages
    /// `onMessageInstantReceive(account, uid, msg)`.
    case onMessageInstantReceive(account: String, uid: UInt32, msg: String)
    /// `onMessageSendSuccess(messageID)`: the server took the message (instant or channel).
    case onMessageSendSuccess(messageID: String)
    /// `onMessageSendError(messageID, ecode)`.
    case onMessageSendError(messageID: String, SignalingErrCode)
    /// `onQueryUserStatusResult(name, status)`: status "1" online, "0" offline.
    case onQueryUserStatusResult(name: String, status: String)
    // Channel (§2.2 "Signaling channel differences")
    /// `onChannelJoined(channelID)`.
    case onChannelJoined(channel: String)
    /// `onChannelJoinFailed(channelID, ecode)`.
    case onChannelJoinFailed(channel: String, SignalingErrCode)
    /// `onChannelLeaved(channelID, ecode)`: 602 by the user, 603 on logout, 601 kicked with the session.
    case onChannelLeaved(channel: String, SignalingErrCode)
    /// `onChannelUserJoined(account, uid)`.
    case onChannelUserJoined(account: String, uid: UInt32)
    /// `onChannelUserLeaved(account, uid)`.
    case onChannelUserLeaved(account: String, uid: UInt32)
    /// `onChannelUserList(n, accounts, uids)`: the latest ≤ 200 members, right after `onChannelJoined`.
    case onChannelUserList(accounts: [String], uids: [UInt32])
    /// `onMessageChannelReceive(channelID, account, uid, msg)`; the sender gets its own messages too
    /// (decision 13).
    case onMessageChannelReceive(channel: String, account: String, uid: UInt32, msg: String)
    /// `onChannelAttrUpdated(channelID, name, value, type)`: type "update", "del" or "clear".
    case onChannelAttrUpdated(channel: String, name: String, value: String, type: String)
    /// `onChannelQueryUserNumResult(channelID, ecode, num)`.
    case onChannelQueryUserNumResult(channel: String, SignalingErrCode, num: Int)
    // Invitations (§3.7)
    /// `onInviteReceived(channelID, account, uid, extra)`.
    case onInviteReceived(channel: String, account: String, uid: UInt32, extra: String)
    /// `onInviteReceivedByPeer(channelID, account, uid)`.
    case onInviteReceivedByPeer(channel: String, account: String, uid: UInt32)
    /// `onInviteAcceptedByPeer(channelID, account, uid, extra)`.
    case onInviteAcceptedByPeer(channel: String, account: String, uid: UInt32, extra: String)
    /// `onInviteRefusedByPeer(channelID, account, uid, extra)`.
    case onInviteRefusedByPeer(channel: String, account: String, uid: UInt32, extra: String)
    /// `onInviteFailed(channelID, account, uid, ecode, extra)`.
    case onInviteFailed(channel: String, account: String, uid: UInt32, SignalingErrCode, extra: String)
    /// `onInviteEndByPeer(channelID, account, uid, extra)`.
    case onInviteEndByPeer(channel: String, account: String, uid: UInt32, extra: String)
    /// `onInviteEndByMyself(channelID, account, uid)`: fired at once by `channelInviteEnd`.
    case onInviteEndByMyself(channel: String, account: String, uid: UInt32)
    /// `onInviteMsg(channelID, account, uid, msgType, msgData, extra)` (DTMF: msgType "dtmf").
    case onInviteMsg(channel: String, account: String, uid: UInt32, msgType: String, msgData: String, extra: String)
    // Attributes, invoke, errors
    /// `onUserAttrResult(account, name, value)`: value "" when the user has no such attribute.
    case onUserAttrResult(account: String, name: String, value: String)
    /// `onUserAttrAllResult(account, value)`: all attributes as a JSON object.
    case onUserAttrAllResult(account: String, value: String)
    /// `onInvokeRet(callID, err, resp)`: err "" on success; resp is JSON.
    case onInvokeRet(callID: String, err: String, resp: String)
    /// `onError(name, ecode, desc)`: a call failed that has no failure callback of its own.
    case onError(name: String, SignalingErrCode, desc: String)

    /// The SDK's callback name.
    public var sdkName: String {
        switch self {
        case .onLoginSuccess: "onLoginSuccess"
        case .onLoginFailed: "onLoginFailed"
        case .onLogout: "onLogout"
        case .onReconnecting: "onReconnecting"
        case .onReconnected: "onReconnected"
        case .onMessageInstantReceive: "onMessageInstantReceive"
        case .onMessageSendSuccess: "onMessageSendSuccess"
        case .onMessageSendError: "onMessageSendError"
        case .onQueryUserStatusResult: "onQueryUserStatusResult"
        case .onChannelJoined: "onChannelJoined"
        case .onChannelJoinFailed: "onChannelJoinFailed"
        case .onChannelLeaved: "onChannelLeaved"
        case .onChannelUserJoined: "onChannelUserJoined"
        case .onChannelUserLeaved: "onChannelUserLeaved"
        case .onChannelUserList: "onChannelUserList"
        case .onMessageChannelReceive: "onMessageChannelReceive"
        case .onChannelAttrUpdated: "onChannelAttrUpdated"
        case .onChannelQueryUserNumResult: "onChannelQueryUserNumResult"
        case .onInviteReceived: "onInviteReceived"
        case .onInviteReceivedByPeer: "onInviteReceivedByPeer"
        case .onInviteAcceptedByPeer: "onInviteAcceptedByPeer"
        case .onInviteRefusedByPeer: "onInviteRefusedByPeer"
        case .onInviteFailed: "onInviteFailed"
        case .onInviteEndByPeer: "onInviteEndByPeer"
        case .onInviteEndByMyself: "onInviteEndByMyself"
        case .onInviteMsg: "onInviteMsg"
        case .onUserAttrResult: "onUserAttrResult"
        case .onUserAttrAllResult: "onUserAttrAllResult"
        case .onInvokeRet: "onInvokeRet"
        case .onError: "onError"
        }
    }

    /// The arguments as a trace writes them (docs/trace-format.md, `signalingCallback` lines): the SDK's
    /// parameter names, codes as numbers.
    public var traceArguments: [String: SignalingTraceValue] {
        switch self {
        case .onLoginSuccess(let uid): ["uid": .int(Int(uid))]
        case .onLoginFailed(let c), .onLogout(let c): ["ecode": .int(c.rawValue)]
        case .onReconnecting(let n): ["nretry": .int(Int(n))]
        case .onReconnected: [:]
        case .onMessageInstantReceive(let a, let u, let m):
            ["account": .string(a), "uid": .int(Int(u)), "msg": .string(m)]
        case .onMessageSendSuccess(let id): ["messageID": .string(id)]
        case .onMessageSendError(let id, let c): ["messageID": .string(id), "ecode": .int(c.rawValue)]
        case .onQueryUserStatusResult(let n, let s): ["name": .string(n), "status": .string(s)]
        case .onChannelJoined(let ch): ["channelID": .string(ch)]
        case .onChannelJoinFailed(let ch, let c), .onChannelLeaved(let ch, let c):
            ["channelID": .string(ch), "ecode": .int(c.rawValue)]
        case .onChannelUserJoined(let a, let u), .onChannelUserLeaved(let a, let u):
            ["account": .string(a), "uid": .int(Int(u))]
        case .onChannelUserList(let accounts, _):
            ["n": .int(accounts.count), "accounts": .string(accounts.joined(separator: ","))]
        case .onMessageChannelReceive(let ch, let a, let u, let m):
            ["channelID": .string(ch), "account": .string(a), "uid": .int(Int(u)), "msg": .string(m)]
        case .onChannelAttrUpdated(let ch, let n, let v, let t):
            ["channelID": .string(ch), "name": .string(n), "value": .string(v), "type": .string(t)]
        case .onChannelQueryUserNumResult(let ch, let c, let n):
            ["channelID": .string(ch), "ecode": .int(c.rawValue), "num": .int(n)]
        case .onInviteReceived(let ch, let a, let u, let e), .onInviteAcceptedByPeer(let ch, let a, let u, let e),
            .onInviteRefusedByPeer(let ch, let a, let u, let e), .onInviteEndByPeer(let ch, let a, let u, let e):
            ["channelID": .string(ch), "account": .string(a), "uid": .int(Int(u)), "extra": .string(e)]
        case .onInviteReceivedByPeer(let ch, let a, let u), .onInviteEndByMyself(let ch, let a, let u):
            ["channelID": .string(ch), "account": .string(a), "uid": .int(Int(u))]
        case .onInviteFailed(let ch, let a, let u, let c, let e):
            [
                "channelID": .string(ch), "account": .string(a), "uid": .int(Int(u)), "ecode": .int(c.rawValue),
                "extra": .string(e),
            ]
        case .onInviteMsg(let ch, let a, let u, let t, let d, let e):
            [
                "channelID": .string(ch), "account": .string(a), "uid": .int(Int(u)), "msgType": .string(t),
                "msgData": .string(d), "extra": .string(e),
            ]
        case .onUserAttrResult(let a, let n, let v): ["account": .string(a), "name": .string(n), "value": .string(v)]
        case .onUserAttrAllResult(let a, let v): ["account": .string(a), "value": .string(v)]
        case .onInvokeRet(let id, let err, let resp):
            ["callID": .string(id), "err": .string(err), "resp": .string(resp)]
        case .onError(let n, let c, let d): ["name": .string(n), "ecode": .int(c.rawValue), "desc": .string(d)]
        }
    }

    /// The callback as the SDK would print it, codes by name: `onLoginFailed(LOGIN_E_TOKENWRONG)`.
    public var rendered: String {
        let args = traceArguments.sorted { $0.key < $1.key }.map { key, value in
            if key == "ecode", case .int(let raw) = value, let code = SignalingErrCode(rawValue: raw) {
                return "\(key): \(code.sdkName)"
            }
            return "\(key): \(value)"
        }
        return "\(sdkName)(\(args.joined(separator: ", ")))"
    }
}

/// A value in a generic Signaling trace line's `args` object: a string or an integer.
public enum SignalingTraceValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case int(Int)

    public var description: String {
        switch self {
        case .string(let s): "\"\(s)\""
        case .int(let i): String(i)
        }
    }
}
