import RTMProtocol

/// The translation tables from RTM outcomes to Signaling `AGORA_E_CODE`s (rtm-reference §1.21, §3.8).
///
/// Each table is total over its RTM enum; a `nil` result means "success" in Signaling terms. The choices
/// where the sources are silent are recorded in docs/signaling.md.
public enum SignalingCodes {
    /// `onLoginFailure(code)` → `onLoginFailed(ecode)`: a bad token 206, an expired one 204, a timeout or
    /// network failure 201, the server's refusals 202, a bad account 209 (§3.8).
    public static func loginFailed(_ code: LoginErrCode) -> SignalingErrCode {
        switch code {
        case .ok, .unknown, .notInitialized: .loginOther
        case .timeout: .loginNet
        case .rejected, .invalidAppId, .notAuthorized, .tooOften: .loginFailed
        case .invalidArgument: .loginInvalidUser
        case .invalidToken: .loginTokenWrong
        case .tokenExpired: .loginTokenExpired
        case .alreadyLoggedIn: .loginAlreadyLogin
        }
    }

    /// The Signaling verdict on a "1:" token (decision 13): nil when the login may proceed.
    public static func loginFailed(_ verdict: TokenVerdict) -> SignalingErrCode? {
        switch verdict {
        case .valid: nil
        case .invalidToken: .loginTokenWrong
        case .expired: .loginTokenExpired
        }
    }

    /// A peer message's result: nil when the server took it (Signaling's `onMessageSendSuccess` means "the
    /// server got it", so a message cached for an offline receiver is a success, §3.2 / [D-SEED note 2]).
    public static func instantMessageFailed(_ code: PeerMessageErrCode) -> SignalingErrCode? {
        switch code {
        case .ok, .cachedByServer: nil
        case .sentTimeout: .sendMessageTimeout
        case .failure, .peerUnreachable, .tooOften, .imcompatibleMessage, .notInitialized: .sendMessageOther
        case .invalidUserId: .generalWrongParam
        case .invalidMessage: .generalLargeParam
        case .userNotLoggedIn: .generalNotLogin
        }
    }

    /// A channel message's result: nil when the server took it.
    public static func channelMessageFailed(_ code: ChannelMessageErrCode) -> SignalingErrCode? {
        switch code {
        case .ok: nil
        case .sentTimeout: .sendMessageTimeout
        case .failure, .tooOften, .notInitialized: .sendMessageOther
        case .invalidMessage: .generalLargeParam
        case .userNotLoggedIn: .generalNotLogin
        }
    }

    /// A failed `queryPeersOnlineStatus` (for `queryUserStatus` or `_require_peer_online`) → `onError`'s ecode.
    public static func queryFailed(_ code: QueryPeersOnlineStatusErr) -> SignalingErrCode? {
        switch code {
        case .ok: nil
        case .invalidArgument: .generalWrongParam
        case .userNotLoggedIn: .generalNotLogin
        case .failure, .rejected, .timeout, .tooOften, .notInitialized: .generalFailed
        }
    }

    /// A refused `join()` or `onJoinFailure` → `onChannelJoinFailed`: 300, except 1003 when not logged in
    /// and 1004 for a bad channel name.
    public static func joinFailed(_ code: JoinChannelErr) -> SignalingErrCode {
        switch code {
        case .ok, .failure, .rejected, .timeout, .exceedLimit, .alreadyJoined, .tooOften, .joinSameChannelTooOften,
            .notInitialized:
            .joinChannelOther
        case .invalidArgument: .generalWrongParam
        case .userNotLoggedIn: .generalNotLogin
        }
    }

    /// `onGetChannelMemberCountResult` → `onChannelQueryUserNumResult`'s ecode: `SUCCESS`, 501 on a
    /// timeout, 500 otherwise.
    public static func queryUserNum(_ code: GetChannelMemberCountErrCode) -> SignalingErrCode {
        switch code {
        case .ok: .success
        case .timeout: .queryUserNumTimeout
        case .failure, .invalidArgument, .tooOften, .exceedLimit, .notInitialized, .userNotLoggedIn: .queryUserNumOther
        }
    }

    /// An attribute operation's failure → `onError`'s ecode; nil on success.
    public static func attributeFailed(_ code: AttributeOperationErr) -> SignalingErrCode? {
        switch code {
        case .ok: nil
        case .notReady, .userNotLoggedIn: .generalNotLogin
        case .invalidArgument: .generalWrongParam
        case .sizeOverflow: .generalLargeParam
        case .failure, .tooOften, .userNotFound, .timeout, .notInitialized: .generalFailed
        }
    }

    /// The caller's `onLocalInvitationFailure` → `onInviteFailed`: 703 peer offline, 704 no response or
    /// expired, 1003 not logged in.
    public static func inviteFailed(_ code: LocalInvitationErrCode) -> SignalingErrCode {
        switch code {
        case .ok: .inviteOther
        case .peerOffline: .invitePeerOffline
        case .peerNoResponse, .invitationExpire: .inviteTimeout
        case .notLoggedIn: .generalNotLogin
        }
    }

    /// The callee's `onRemoteInvitationFailure` → `onInviteFailed`: 703 the caller went offline, 702 the
    /// caller never acknowledged the accept, 704 expired.
    public static func inviteFailed(_ code: RemoteInvitationErrCode) -> SignalingErrCode {
        switch code {
        case .ok: .inviteOther
        case .peerOffline: .invitePeerOffline
        case .acceptFailure: .inviteNet
        case .invitationExpire: .inviteTimeout
        }
    }

    /// A refused invitation API call → `onInviteFailed`: 701 sent again, 1004 bad argument, 700 otherwise.
    public static func inviteCallFailed(_ code: InvitationApiCallErrCode) -> SignalingErrCode? {
        switch code {
        case .ok: nil
        case .invalidArgument: .generalWrongParam
        case .alreadySent: .inviteReinvite
        case .notStarted, .alreadyEnd, .alreadyAccept: .inviteOther
        }
    }

    /// How a Signaling client learns that its RTM session ended by itself (`ABORTED`): kicked by a login
    /// elsewhere 103, banned 100.
    public static func logoutReason(_ reason: ConnectionChangeReason) -> SignalingErrCode {
        switch reason {
        case .remoteLogin: .logoutKicked
        case .bannedByServer: .logoutOther
        case .login, .loginSuccess, .loginFailure, .loginTimeout, .interrupted, .logout: .logoutOther
        }
    }
}
