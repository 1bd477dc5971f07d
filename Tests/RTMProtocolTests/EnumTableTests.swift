import Testing

@testable import RTMProtocol

/// One enum as rtm-reference §1 lists it, typed from the reference: `prefix` + each `NAME=value`.
struct ExpectedEnum: Sendable, CustomTestStringConvertible {
    let typeName: String
    let prefix: String
    let cases: String

    var testDescription: String { typeName }

    /// The `(sdkName, value)` pairs, in order.
    var pairs: [(name: String, value: Int)] {
        cases.split(separator: " ").map { item in
            let parts = item.split(separator: "=")
            return (prefix + parts[0], Int(parts[1]) ?? -1)
        }
    }
}

/// rtm-reference §1.1–1.18 and 1.21, typed by hand from the reference (not generated from the sources).
let referenceTable: [ExpectedEnum] = [
    .init(
        typeName: "CONNECTION_STATE", prefix: "CONNECTION_STATE_",
        cases: "DISCONNECTED=1 CONNECTING=2 CONNECTED=3 RECONNECTING=4 ABORTED=5"),
    .init(
        typeName: "CONNECTION_CHANGE_REASON", prefix: "CONNECTION_CHANGE_REASON_",
        cases: "LOGIN=1 LOGIN_SUCCESS=2 LOGIN_FAILURE=3 LOGIN_TIMEOUT=4 INTERRUPTED=5 LOGOUT=6 BANNED_BY_SERVER=7 "
            + "REMOTE_LOGIN=8"),
    .init(
        typeName: "INIT_ERR_CODE", prefix: "INIT_ERR_",
        cases: "OK=0 FAILURE=1 ALREADY_INITIALIZED=2 INVALID_APP_ID=3 INVALID_ARGUMENT=4"),
    .init(
        typeName: "LOGIN_ERR_CODE", prefix: "LOGIN_ERR_",
        cases: "OK=0 UNKNOWN=1 REJECTED=2 INVALID_ARGUMENT=3 INVALID_APP_ID=4 INVALID_TOKEN=5 TOKEN_EXPIRED=6 "
            + "NOT_AUTHORIZED=7 ALREADY_LOGGED_IN=8 TIMEOUT=9 TOO_OFTEN=10 NOT_INITIALIZED=101"),
    .init(
        typeName: "LOGOUT_ERR_CODE", prefix: "LOGOUT_ERR_",
        cases: "OK=0 REJECTED=1 NOT_INITIALIZED=101 USER_NOT_LOGGED_IN=102"),
    .init(
        typeName: "RENEW_TOKEN_ERR_CODE", prefix: "RENEW_TOKEN_ERR_",
        cases: "OK=0 FAILURE=1 INVALID_ARGUMENT=2 REJECTED=3 TOO_OFTEN=4 TOKEN_EXPIRED=5 INVALID_TOKEN=6 "
            + "NOT_INITIALIZED=101 USER_NOT_LOGGED_IN=102"),
    .init(
        typeName: "PEER_MESSAGE_ERR_CODE", prefix: "PEER_MESSAGE_ERR_",
        cases: "OK=0 FAILURE=1 SENT_TIMEOUT=2 PEER_UNREACHABLE=3 CACHED_BY_SERVER=4 TOO_OFTEN=5 INVALID_USERID=6 "
            + "INVALID_MESSAGE=7 IMCOMPATIBLE_MESSAGE=8 NOT_INITIALIZED=101 USER_NOT_LOGGED_IN=102"),
    .init(
        typeName: "CHANNEL_MESSAGE_ERR_CODE", prefix: "CHANNEL_MESSAGE_ERR_",
        cases: "OK=0 FAILURE=1 SENT_TIMEOUT=2 TOO_OFTEN=3 INVALID_MESSAGE=4 NOT_INITIALIZED=101 "
            + "USER_NOT_LOGGED_IN=102"),
    .init(typeName: "MESSAGE_TYPE", prefix: "MESSAGE_TYPE_", cases: "UNDEFINED=0 TEXT=1 RAW=2 FILE=3 IMAGE=4"),
    // JOIN_CHANNEL_TIMEOUT has no _ERR_ infix, so the prefix stops at JOIN_CHANNEL_.
    .init(
        typeName: "JOIN_CHANNEL_ERR", prefix: "JOIN_CHANNEL_",
        cases: "ERR_OK=0 ERR_FAILURE=1 ERR_REJECTED=2 ERR_INVALID_ARGUMENT=3 TIMEOUT=4 ERR_EXCEED_LIMIT=5 "
            + "ERR_ALREADY_JOINED=6 ERR_TOO_OFTEN=7 ERR_JOIN_SAME_CHANNEL_TOO_OFTEN=8 ERR_NOT_INITIALIZED=101 "
            + "ERR_USER_NOT_LOGGED_IN=102"),
    .init(
        typeName: "LEAVE_CHANNEL_ERR", prefix: "LEAVE_CHANNEL_ERR_",
        cases: "OK=0 FAILURE=1 REJECTED=2 NOT_IN_CHANNEL=3 NOT_INITIALIZED=101 USER_NOT_LOGGED_IN=102"),
    .init(typeName: "LEAVE_CHANNEL_REASON", prefix: "LEAVE_CHANNEL_REASON_", cases: "QUIT=1 KICKED=2"),
    .init(
        typeName: "GET_MEMBERS_ERR", prefix: "GET_MEMBERS_ERR_",
        cases: "OK=0 FAILURE=1 REJECTED=2 TIMEOUT=3 TOO_OFTEN=4 NOT_IN_CHANNEL=5 NOT_INITIALIZED=101 "
            + "USER_NOT_LOGGED_IN=102"),
    .init(
        typeName: "GET_CHANNEL_MEMBER_COUNT_ERR_CODE", prefix: "GET_CHANNEL_MEMBER_COUNT_ERR_",
        cases: "OK=0 FAILURE=1 INVALID_ARGUMENT=2 TOO_OFTEN=3 TIMEOUT=4 EXCEED_LIMIT=5 NOT_INITIALIZED=101 "
            + "USER_NOT_LOGGED_IN=102"),
    .init(
        typeName: "QUERY_PEERS_ONLINE_STATUS_ERR", prefix: "QUERY_PEERS_ONLINE_STATUS_ERR_",
        cases: "OK=0 FAILURE=1 INVALID_ARGUMENT=2 REJECTED=3 TIMEOUT=4 TOO_OFTEN=5 NOT_INITIALIZED=101 "
            + "USER_NOT_LOGGED_IN=102"),
    .init(typeName: "PEER_ONLINE_STATE", prefix: "PEER_ONLINE_STATE_", cases: "ONLINE=0 UNREACHABLE=1 OFFLINE=2"),
    .init(typeName: "PEER_SUBSCRIPTION_OPTION", prefix: "PEER_SUBSCRIPTION_OPTION_", cases: "ONLINE_STATUS=0"),
    .init(
        typeName: "PEER_SUBSCRIPTION_STATUS_ERR", prefix: "PEER_SUBSCRIPTION_STATUS_ERR_",
        cases: "OK=0 FAILURE=1 INVALID_ARGUMENT=2 REJECTED=3 TIMEOUT=4 TOO_OFTEN=5 OVERFLOW=6 NOT_INITIALIZED=101 "
            + "USER_NOT_LOGGED_IN=102"),
    .init(
        typeName: "QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR", prefix: "QUERY_PEERS_BY_SUBSCRIPTION_OPTION_ERR_",
        cases: "OK=0 FAILURE=1 TIMEOUT=2 TOO_OFTEN=3 NOT_INITIALIZED=101 USER_NOT_LOGGED_IN=102"),
    .init(
        typeName: "ATTRIBUTE_OPERATION_ERR", prefix: "ATTRIBUTE_OPERATION_ERR_",
        cases: "OK=0 NOT_READY=1 FAILURE=2 INVALID_ARGUMENT=3 SIZE_OVERFLOW=4 TOO_OFTEN=5 USER_NOT_FOUND=6 "
            + "TIMEOUT=7 NOT_INITIALIZED=101 USER_NOT_LOGGED_IN=102"),
    // 0x000f, 0x000e, 0x000c, 0x0008, 0x80f.
    .init(
        typeName: "LOG_FILTER_TYPE", prefix: "LOG_FILTER_",
        cases: "OFF=0 INFO=15 WARN=14 ERROR=12 CRITICAL=8 MASK=2063"),
    .init(
        typeName: "LOCAL_INVITATION_STATE", prefix: "LOCAL_INVITATION_STATE_",
        cases: "IDLE=0 SENT_TO_REMOTE=1 RECEIVED_BY_REMOTE=2 ACCEPTED_BY_REMOTE=3 REFUSED_BY_REMOTE=4 CANCELED=5 "
            + "FAILURE=6"),
    .init(
        typeName: "REMOTE_INVITATION_STATE", prefix: "REMOTE_INVITATION_STATE_",
        cases: "IDLE=0 INVITATION_RECEIVED=1 ACCEPT_SENT_TO_LOCAL=2 REFUSED=3 ACCEPTED=4 CANCELED=5 FAILURE=6"),
    .init(
        typeName: "LOCAL_INVITATION_ERR_CODE", prefix: "LOCAL_INVITATION_ERR_",
        cases: "OK=0 PEER_OFFLINE=1 PEER_NO_RESPONSE=2 INVITATION_EXPIRE=3 NOT_LOGGEDIN=4"),
    .init(
        typeName: "REMOTE_INVITATION_ERR_CODE", prefix: "REMOTE_INVITATION_ERR_",
        cases: "OK=0 PEER_OFFLINE=1 ACCEPT_FAILURE=2 INVITATION_EXPIRE=3"),
    .init(
        typeName: "INVITATION_API_CALL_ERR_CODE", prefix: "INVITATION_API_CALL_ERR_",
        cases: "OK=0 INVALID_ARGUMENT=1 NOT_STARTED=2 ALREADY_END=3 ALREADY_ACCEPT=4 ALREADY_SENT=5"),
    .init(
        typeName: "AGORA_E_CODE", prefix: "",
        cases: "SUCCESS=0 LOGOUT_E_OTHER=100 LOGOUT_E_USER=101 LOGOUT_E_NET=102 LOGOUT_E_KICKED=103 "
            + "LOGOUT_E_PACKET=104 LOGOUT_E_TOKENEXPIRED=105 LOGOUT_E_OLDVERSION=106 LOGOUT_E_TOKENWRONG=107 "
            + "LOGOUT_E_ALREADY_LOGOUT=108 LOGIN_E_OTHER=200 LOGIN_E_NET=201 LOGIN_E_FAILED=202 LOGIN_E_CANCEL=203 "
            + "LOGIN_E_TOKENEXPIRED=204 LOGIN_E_OLDVERSION=205 LOGIN_E_TOKENWRONG=206 LOGIN_E_TOKEN_KICKED=207 "
            + "LOGIN_E_ALREADY_LOGIN=208 LOGIN_E_INVALID_USER=209 JOINCHANNEL_E_OTHER=300 SENDMESSAGE_E_OTHER=400 "
            + "SENDMESSAGE_E_TIMEOUT=401 QUERYUSERNUM_E_OTHER=500 QUERYUSERNUM_E_TIMEOUT=501 "
            + "QUERYUSERNUM_E_BYUSER=502 LEAVECHANNEL_E_OTHER=600 LEAVECHANNEL_E_KICKED=601 "
            + "LEAVECHANNEL_E_BYUSER=602 LEAVECHANNEL_E_LOGOUT=603 LEAVECHANNEL_E_DISCONN=604 INVITE_E_OTHER=700 "
            + "INVITE_E_REINVITE=701 INVITE_E_NET=702 INVITE_E_PEEROFFLINE=703 INVITE_E_TIMEOUT=704 "
            + "INVITE_E_CANTRECV=705 GENERAL_E=1000 GENERAL_E_FAILED=1001 GENERAL_E_UNKNOWN=1002 "
            + "GENERAL_E_NOT_LOGIN=1003 GENERAL_E_WRONG_PARAM=1004 GENERAL_E_LARGE_PARAM=1005"),
    .init(
        typeName: "LOGIN_STATE", prefix: "LOGIN_STATE_",
        cases: "NOT_LOGIN=0 LOGINING=1 LOGINED=2 RECONNECTING=3"),
]

@Suite("Every enum matches rtm-reference §1")
struct EnumTableTests {
    @Test("The registry holds exactly the enums of the reference, in its order")
    func registryMatchesReference() {
        #expect(RTMEnums.all.map(\.sdkTypeName) == referenceTable.map(\.typeName))
    }

    @Test("Each enum has the reference's names and values, in order", arguments: referenceTable)
    func namesAndValues(_ expected: ExpectedEnum) throws {
        let info = try #require(RTMEnums.type(named: expected.typeName))
        #expect(info.cases.count == expected.pairs.count)
        #expect(info.cases.map(\.name) == expected.pairs.map(\.name))
        #expect(info.cases.map(\.value) == expected.pairs.map(\.value))
    }

    @Test("Each case has a one-line meaning", arguments: RTMEnums.all)
    func meanings(_ info: RTMEnumInfo) {
        #expect(info.cases.allSatisfy { !$0.meaning.isEmpty && !$0.meaning.contains("\n") })
    }
}
