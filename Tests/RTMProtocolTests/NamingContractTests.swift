import Testing

@testable import RTMProtocol

/// The Swift spellings of /work/notes/protocol-names.md, which every other module codes against.
@Suite("Swift cases follow the naming contract")
struct NamingContractTests {
    @Test("CONNECTION_STATE cases, values and names")
    func connectionState() {
        #expect(ConnectionState.allCases.map(\.rawValue) == [1, 2, 3, 4, 5])
        #expect(ConnectionState.disconnected.sdkName == "CONNECTION_STATE_DISCONNECTED")
        #expect(ConnectionState.connecting.sdkName == "CONNECTION_STATE_CONNECTING")
        #expect(ConnectionState.connected.sdkName == "CONNECTION_STATE_CONNECTED")
        #expect(ConnectionState.reconnecting.sdkName == "CONNECTION_STATE_RECONNECTING")
        #expect(ConnectionState.aborted.sdkName == "CONNECTION_STATE_ABORTED")
        #expect(ConnectionState.sdkTypeName == "CONNECTION_STATE")
    }

    @Test("CONNECTION_CHANGE_REASON cases and values")
    func connectionChangeReason() {
        let expected: [(ConnectionChangeReason, Int)] = [
            (.login, 1), (.loginSuccess, 2), (.loginFailure, 3), (.loginTimeout, 4), (.interrupted, 5),
            (.logout, 6), (.bannedByServer, 7), (.remoteLogin, 8),
        ]
        #expect(expected.map(\.0) == ConnectionChangeReason.allCases)
        #expect(expected.map(\.0.rawValue) == expected.map(\.1))
        #expect(ConnectionChangeReason.remoteLogin.sdkName == "CONNECTION_CHANGE_REASON_REMOTE_LOGIN")
    }

    @Test("LOGIN_ERR_CODE and LOGOUT_ERR_CODE cases and values")
    func loginLogout() {
        let login: [(LoginErrCode, Int)] = [
            (.ok, 0), (.unknown, 1), (.rejected, 2), (.invalidArgument, 3), (.invalidAppId, 4), (.invalidToken, 5),
            (.tokenExpired, 6), (.notAuthorized, 7), (.alreadyLoggedIn, 8), (.timeout, 9), (.tooOften, 10),
            (.notInitialized, 101),
        ]
        #expect(login.map(\.0) == LoginErrCode.allCases)
        #expect(login.map(\.0.rawValue) == login.map(\.1))
        #expect(LoginErrCode.alreadyLoggedIn.sdkName == "LOGIN_ERR_ALREADY_LOGGED_IN")
        let logout: [(LogoutErrCode, Int)] = [
            (.ok, 0), (.rejected, 1), (.notInitialized, 101), (.userNotLoggedIn, 102),
        ]
        #expect(logout.map(\.0) == LogoutErrCode.allCases)
        #expect(logout.map(\.0.rawValue) == logout.map(\.1))
    }

    @Test("LOCAL_INVITATION_STATE cases, values and names")
    func localInvitationState() {
        let expected: [(LocalInvitationState, Int, String)] = [
            (.idle, 0, "LOCAL_INVITATION_STATE_IDLE"),
            (.sentToRemote, 1, "LOCAL_INVITATION_STATE_SENT_TO_REMOTE"),
            (.receivedByRemote, 2, "LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE"),
            (.acceptedByRemote, 3, "LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE"),
            (.refusedByRemote, 4, "LOCAL_INVITATION_STATE_REFUSED_BY_REMOTE"),
            (.canceled, 5, "LOCAL_INVITATION_STATE_CANCELED"),
            (.failure, 6, "LOCAL_INVITATION_STATE_FAILURE"),
        ]
        #expect(expected.map(\.0) == LocalInvitationState.allCases)
        #expect(expected.map(\.0.rawValue) == expected.map(\.1))
        #expect(expected.map(\.0.sdkName) == expected.map(\.2))
    }

    @Test("REMOTE_INVITATION_STATE cases, values and names")
    func remoteInvitationState() {
        let expected: [(RemoteInvitationState, Int, String)] = [
            (.idle, 0, "REMOTE_INVITATION_STATE_IDLE"),
            (.invitationReceived, 1, "REMOTE_INVITATION_STATE_INVITATION_RECEIVED"),
            (.acceptSentToLocal, 2, "REMOTE_INVITATION_STATE_ACCEPT_SENT_TO_LOCAL"),
            (.refused, 3, "REMOTE_INVITATION_STATE_REFUSED"),
            (.accepted, 4, "REMOTE_INVITATION_STATE_ACCEPTED"),
            (.canceled, 5, "REMOTE_INVITATION_STATE_CANCELED"),
            (.failure, 6, "REMOTE_INVITATION_STATE_FAILURE"),
        ]
        #expect(expected.map(\.0) == RemoteInvitationState.allCases)
        #expect(expected.map(\.0.rawValue) == expected.map(\.1))
        #expect(expected.map(\.0.sdkName) == expected.map(\.2))
    }

    @Test("Invitation error and API-call codes")
    func invitationCodes() {
        #expect(
            LocalInvitationErrCode.allCases == [.ok, .peerOffline, .peerNoResponse, .invitationExpire, .notLoggedIn])
        #expect(LocalInvitationErrCode.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
        #expect(LocalInvitationErrCode.notLoggedIn.sdkName == "LOCAL_INVITATION_ERR_NOT_LOGGEDIN")
        #expect(RemoteInvitationErrCode.allCases == [.ok, .peerOffline, .acceptFailure, .invitationExpire])
        #expect(RemoteInvitationErrCode.allCases.map(\.rawValue) == [0, 1, 2, 3])
        #expect(
            InvitationApiCallErrCode.allCases == [
                .ok, .invalidArgument, .notStarted, .alreadyEnd, .alreadyAccept, .alreadySent,
            ])
        #expect(InvitationApiCallErrCode.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5])
        #expect(InvitationApiCallErrCode.alreadyAccept.sdkName == "INVITATION_API_CALL_ERR_ALREADY_ACCEPT")
    }

    @Test("The irregular C++ names keep their spelling")
    func irregularNames() {
        #expect(JoinChannelErr.timeout.sdkName == "JOIN_CHANNEL_TIMEOUT")
        #expect(JoinChannelErr.timeout.rawValue == 4)
        #expect(PeerMessageErrCode.imcompatibleMessage.sdkName == "PEER_MESSAGE_ERR_IMCOMPATIBLE_MESSAGE")
        #expect(PeerMessageErrCode.invalidUserId.sdkName == "PEER_MESSAGE_ERR_INVALID_USERID")
        #expect(SignalingErrCode.general.sdkName == "GENERAL_E")
        #expect(SignalingLoginState.logining.sdkName == "LOGIN_STATE_LOGINING")
    }

    @Test("Message, channel and attribute codes used by the machines")
    func otherCodes() {
        #expect(ChannelMessageErrCode.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 101, 102])
        #expect(LeaveChannelErr.notInChannel.rawValue == 3)
        #expect(LeaveChannelReason.kicked.rawValue == 2)
        #expect(GetMembersErr.notInChannel.rawValue == 5)
        #expect(AttributeOperationErr.sizeOverflow.rawValue == 4)
        #expect(PeerOnlineState.unreachable.rawValue == 1)
        #expect(PeerSubscriptionStatusErr.overflow.rawValue == 6)
        #expect(GetChannelMemberCountErrCode.exceedLimit.rawValue == 5)
        #expect(LogFilterType.mask.rawValue == 0x80f)
    }

    @Test("description is the SDK name and init(sdkName:) inverts it")
    func descriptionAndInit() {
        #expect("\(JoinChannelErr.exceedLimit)" == "JOIN_CHANNEL_ERR_EXCEED_LIMIT")
        #expect(String(describing: LoginErrCode.tooOften) == "LOGIN_ERR_TOO_OFTEN")
        #expect(LoginErrCode(sdkName: "LOGIN_ERR_TOO_OFTEN") == .tooOften)
        #expect(LoginErrCode(sdkName: "login_err_too_often") == nil)
        #expect(LoginErrCode(rawValue: 8) == .alreadyLoggedIn)
        #expect(LoginErrCode(rawValue: 11) == nil)
    }
}
