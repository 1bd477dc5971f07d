import RTMProtocol

/// The app's handler of a ``SignalingClient``'s events: the Signaling SDK's `ICallBack` (`agora_sig.h`).
///
/// Every method has a default that does nothing, so a handler implements only what it needs.
/// ``onSignalingCallback(_:)`` sees every callback as a value first (for recorders and tests). `uid`
/// arguments are always 0 (obsolete in Signaling 1.4). Callbacks run on the simulation's single thread.
public protocol SignalingEventHandler: AnyObject {
    /// Every callback, as a value, before its own method.
    func onSignalingCallback(_ callback: SignalingCallback)
    func onLoginSuccess(_ uid: UInt32)
    func onLoginFailed(_ ecode: SignalingErrCode)
    func onLogout(_ ecode: SignalingErrCode)
    func onReconnecting(_ nretry: UInt32)
    func onReconnected()
    func onMessageInstantReceive(_ account: String, _ uid: UInt32, _ msg: String)
    func onMessageSendSuccess(_ messageID: String)
    func onMessageSendError(_ messageID: String, _ ecode: SignalingErrCode)
    func onQueryUserStatusResult(_ name: String, _ status: String)
    func onChannelJoined(_ channelID: String)
    func onChannelJoinFailed(_ channelID: String, _ ecode: SignalingErrCode)
    func onChannelLeaved(_ channelID: String, _ ecode: SignalingErrCode)
    func onChannelUserJoined(_ account: String, _ uid: UInt32)
    func onChannelUserLeaved(_ account: String, _ uid: UInt32)
    func onChannelUserList(_ accounts: [String], _ uids: [UInt32])
    func onMessageChannelReceive(_ channelID: String, _ account: String, _ uid: UInt32, _ msg: String)
    func onChannelAttrUpdated(_ channelID: String, _ name: String, _ value: String, _ type: String)
    func onChannelQueryUserNumResult(_ channelID: String, _ ecode: SignalingErrCode, _ num: Int)
    func onInviteReceived(_ channelID: String, _ account: String, _ uid: UInt32, _ extra: String)
    func onInviteReceivedByPeer(_ channelID: String, _ account: String, _ uid: UInt32)
    func onInviteAcceptedByPeer(_ channelID: String, _ account: String, _ uid: UInt32, _ extra: String)
    func onInviteRefusedByPeer(_ channelID: String, _ account: String, _ uid: UInt32, _ extra: String)
    func onInviteFailed(
        _ channelID: String, _ account: String, _ uid: UInt32, _ ecode: SignalingErrCode, _ extra: String)
    func onInviteEndByPeer(_ channelID: String, _ account: String, _ uid: UInt32, _ extra: String)
    func onInviteEndByMyself(_ channelID: String, _ account: String, _ uid: UInt32)
    func onInviteMsg(
        _ channelID: String, _ account: String, _ uid: UInt32, _ msgType: String, _ msgData: String, _ extra: String)
    func onUserAttrResult(_ account: String, _ name: String, _ value: String)
    func onUserAttrAllResult(_ account: String, _ value: String)
    func onInvokeRet(_ callID: String, _ err: String, _ resp: String)
    func onError(_ name: String, _ ecode: SignalingErrCode, _ desc: String)
}

extension SignalingEventHandler {
    public func onSignalingCallback(_ callback: SignalingCallback) {}
    public func onLoginSuccess(_ uid: UInt32) {}
    public func onLoginFailed(_ ecode: SignalingErrCode) {}
    public func onLogout(_ ecode: SignalingErrCode) {}
    public func onReconnecting(_ nretry: UInt32) {}
    public func onReconnected() {}
    public func onMessageInstantReceive(_ account: String, _ uid: UInt32, _ msg: String) {}
    public func onMessageSendSuccess(_ messageID: String) {}
    public func onMessageSendError(_ messageID: String, _ ecode: SignalingErrCode) {}
    public func onQueryUserStatusResult(_ name: String, _ status: String) {}
    public func onChannelJoined(_ channelID: String) {}
    public func onChannelJoinFailed(_ channelID: String, _ ecode: SignalingErrCode) {}
    public func onChannelLeaved(_ channelID: String, _ ecode: SignalingErrCode) {}
    public func onChannelUserJoined(_ account: String, _ uid: UInt32) {}
    public func onChannelUserLeaved(_ account: String, _ uid: UInt32) {}
    public func onChannelUserList(_ accounts: [String], _ uids: [UInt32]) {}
    public func onMessageChannelReceive(_ channelID: String, _ account: String, _ uid: UInt32, _ msg: String) {}
    public func onChannelAttrUpdated(_ channelID: String, _ name: String, _ value: String, _ type: String) {}
    public func onChannelQueryUserNumResult(_ channelID: String, _ ecode: SignalingErrCode, _ num: Int) {}
    public func onInviteReceived(_ channelID: String, _ account: String, _ uid: UInt32, _ extra: String) {}
    public func onInviteReceivedByPeer(_ channelID: String, _ account: String, _ uid: UInt32) {}
    public func onInviteAcceptedByPeer(_ channelID: String, _ account: String, _ uid: UInt32, _ extra: String) {}
    public func onInviteRefusedByPeer(_ channelID: String, _ account: String, _ uid: UInt32, _ extra: String) {}
    public func onInviteFailed(
        _ channelID: String, _ account: String, _ uid: UInt32, _ ecode: SignalingErrCode, _ extra: String
    ) {}
    public func onInviteEndByPeer(_ channelID: String, _ account: String, _ uid: UInt32, _ extra: String) {}
    public func onInviteEndByMyself(_ channelID: String, _ account: String, _ uid: UInt32) {}
    public func onInviteMsg(
        _ channelID: String, _ account: String, _ uid: UInt32, _ msgType: String, _ msgData: String, _ extra: String
    ) {}
    public func onUserAttrResult(_ account: String, _ name: String, _ value: String) {}
    public func onUserAttrAllResult(_ account: String, _ value: String) {}
    public func onInvokeRet(_ callID: String, _ err: String, _ resp: String) {}
    public func onError(_ name: String, _ ecode: SignalingErrCode, _ desc: String) {}
}

extension SignalingCallback {
    /// Calls the handler method of this callback (after ``SignalingEventHandler/onSignalingCallback(_:)``).
    public func dispatch(to handler: SignalingEventHandler) {
        handler.onSignalingCallback(self)
        switch self {
        case .onLoginSuccess(let uid): handler.onLoginSuccess(uid)
        case .onLoginFailed(let c): handler.onLoginFailed(c)
        case .onLogout(let c): handler.onLogout(c)
        case .onReconnecting(let n): handler.onReconnecting(n)
        case .onReconnected: handler.onReconnected()
        case .onMessageInstantReceive(let a, let u, let m): handler.onMessageInstantReceive(a, u, m)
        case .onMessageSendSuccess(let id): handler.onMessageSendSuccess(id)
        case .onMessageSendError(let id, let c): handler.onMessageSendError(id, c)
        case .onQueryUserStatusResult(let n, let s): handler.onQueryUserStatusResult(n, s)
        case .onChannelJoined(let ch): handler.onChannelJoined(ch)
        case .onChannelJoinFailed(let ch, let c): handler.onChannelJoinFailed(ch, c)
        case .onChannelLeaved(let ch, let c): handler.onChannelLeaved(ch, c)
        case .onChannelUserJoined(let a, let u): handler.onChannelUserJoined(a, u)
        case .onChannelUserLeaved(let a, let u): handler.onChannelUserLeaved(a, u)
        case .onChannelUserList(let accounts, let uids): handler.onChannelUserList(accounts, uids)
        case .onMessageChannelReceive(let ch, let a, let u, let m): handler.onMessageChannelReceive(ch, a, u, m)
        case .onChannelAttrUpdated(let ch, let n, let v, let t): handler.onChannelAttrUpdated(ch, n, v, t)
        case .onChannelQueryUserNumResult(let ch, let c, let n): handler.onChannelQueryUserNumResult(ch, c, n)
        case .onInviteReceived(let ch, let a, let u, let e): handler.onInviteReceived(ch, a, u, e)
        case .onInviteReceivedByPeer(let ch, let a, let u): handler.onInviteReceivedByPeer(ch, a, u)
        case .onInviteAcceptedByPeer(let ch, let a, let u, let e): handler.onInviteAcceptedByPeer(ch, a, u, e)
        case .onInviteRefusedByPeer(let ch, let a, let u, let e): handler.onInviteRefusedByPeer(ch, a, u, e)
        case .onInviteFailed(let ch, let a, let u, let c, let e): handler.onInviteFailed(ch, a, u, c, e)
        case .onInviteEndByPeer(let ch, let a, let u, let e): handler.onInviteEndByPeer(ch, a, u, e)
        case .onInviteEndByMyself(let ch, let a, let u): handler.onInviteEndByMyself(ch, a, u)
        case .onInviteMsg(let ch, let a, let u, let t, let d, let e): handler.onInviteMsg(ch, a, u, t, d, e)
        case .onUserAttrResult(let a, let n, let v): handler.onUserAttrResult(a, n, v)
        case .onUserAttrAllResult(let a, let v): handler.onUserAttrAllResult(a, v)
        case .onInvokeRet(let id, let err, let resp): handler.onInvokeRet(id, err, resp)
        case .onError(let n, let c, let d): handler.onError(n, c, d)
        }
    }
}
