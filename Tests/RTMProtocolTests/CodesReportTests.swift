import Testing

@testable import RTMProtocol

@Suite("CodesReport: what `rtmcheck codes` prints")
struct CodesReportTests {
    @Test("No arguments lists every enum with its case count")
    func list() throws {
        let report = try CodesReport.make([])
        guard case .list(let list) = report else {
            Issue.record("expected a list, got \(report)")
            return
        }
        #expect(list.enums.count == 28)
        #expect(list.enums.first { $0.typeName == "JOIN_CHANNEL_ERR" }?.caseCount == 11)
        let lines = report.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "28 enums (rtm-reference §1). Show one with `rtmcheck codes <ENUM>`.")
        #expect(lines[2].hasPrefix("ENUM "))
        #expect(lines[3] == "CONNECTION_STATE                            5  §1.1     ConnectionState")
    }

    @Test("An enum name renders its table: name, value, meaning")
    func table() throws {
        let report = try CodesReport.make(["leave_channel_reason"])
        #expect(
            report.text == """
                LEAVE_CHANNEL_REASON (Swift LeaveChannelReason, rtm-reference §1.10)
                Why a user left a channel (declared; no 1.x C++ callback uses it).

                NAME                         VALUE  MEANING
                LEAVE_CHANNEL_REASON_QUIT        1  The user left the channel.
                LEAVE_CHANNEL_REASON_KICKED      2  The user was kicked out of the channel.

                """)
    }

    @Test(
        "An enum and a value, or an enum and a name, explain one code",
        arguments: [
            ["JOIN_CHANNEL_ERR", "5"], ["JOIN_CHANNEL_ERR", "JOIN_CHANNEL_ERR_EXCEED_LIMIT"],
            ["JoinChannelErr", "exceedLimit"], ["JOIN_CHANNEL_ERR_EXCEED_LIMIT"], ["join_channel_err", "0x5"],
        ])
    func explain(_ arguments: [String]) throws {
        let report = try CodesReport.make(arguments)
        #expect(
            report.text == """
                JOIN_CHANNEL_ERR_EXCEED_LIMIT = 5
                  enum:    JOIN_CHANNEL_ERR (rtm-reference §1.9)
                  swift:   JoinChannelErr.exceedLimit
                  meaning: Joining would exceed 20 joined channels.

                """)
    }

    @Test("A bare code name finds its enum")
    func bareCodeName() throws {
        guard case .code(let explanation) = try CodesReport.make(["LOCAL_INVITATION_ERR_PEER_OFFLINE"]) else {
            Issue.record("expected a code")
            return
        }
        #expect(explanation.enumInfo.typeName == "LOCAL_INVITATION_ERR_CODE")
        #expect(explanation.code.value == 1)
    }

    @Test("A bare number lists every code with that value")
    func bareNumber() throws {
        guard case .matches(let matches) = try CodesReport.make(["209"]) else {
            Issue.record("expected matches")
            return
        }
        #expect(matches.codes.map(\.name) == ["LOGIN_E_INVALID_USER"])
        #expect(try CodesReport.make(["209"]).text.hasPrefix("1 code has value 209.\n"))
        #expect(try CodesReport.make(["0x80f"]).text.contains("LOG_FILTER_MASK"))
        #expect(try CodesReport.make(["102"]).text.hasPrefix("13 codes have value 102.\n"))
        #expect(throws: CodesLookupError.noCodeWithValue(9999)) { try CodesReport.make(["9999"]) }
    }

    @Test("JSON has sorted keys and the same content")
    func json() throws {
        let report = try CodesReport.make(["LEAVE_CHANNEL_REASON", "2"])
        #expect(
            report.json == """
                {
                  "code" : {
                    "meaning" : "The user was kicked out of the channel.",
                    "name" : "LEAVE_CHANNEL_REASON_KICKED",
                    "swiftName" : "kicked",
                    "typeName" : "LEAVE_CHANNEL_REASON",
                    "value" : 2
                  },
                  "enumInfo" : {
                    "caseCount" : 2,
                    "section" : "1.10",
                    "summary" : "Why a user left a channel (declared; no 1.x C++ callback uses it).",
                    "swiftName" : "LeaveChannelReason",
                    "typeName" : "LEAVE_CHANNEL_REASON"
                  },
                  "kind" : "code"
                }

                """)
    }

    @Test("The list and table JSON carry their kind and every case")
    func jsonKinds() throws {
        let list = try CodesReport.make([]).json
        #expect(list.contains("\"kind\" : \"enums\""))
        #expect(list.contains("\"typeName\" : \"AGORA_E_CODE\""))
        let table = try CodesReport.make(["LOGIN_STATE"]).json
        #expect(table.contains("\"kind\" : \"enum\""))
        #expect(table.contains("\"name\" : \"LOGIN_STATE_RECONNECTING\""))
    }

    @Test("An unknown enum names its close matches")
    func unknownEnum() {
        #expect(throws: CodesLookupError.unknownEnum("JOIN_CHANEL_ERR", suggestions: ["JOIN_CHANNEL_ERR"])) {
            try CodesReport.make(["JOIN_CHANEL_ERR", "5"])
        }
        let error = CodesLookupError.unknownEnum("JOIN_CHANEL_ERR", suggestions: ["JOIN_CHANNEL_ERR"])
        #expect(error.description == "Unknown enum 'JOIN_CHANEL_ERR'. Did you mean JOIN_CHANNEL_ERR?")
    }

    @Test("An unknown single name suggests enums and codes")
    func unknownName() throws {
        do {
            _ = try CodesReport.make(["LOCAL_INVITATION_ERR_PEER_OFLINE"])
            Issue.record("expected an error")
        } catch {
            guard case .unknownName(_, let suggestions) = error else {
                Issue.record("expected unknownName, got \(error)")
                return
            }
            #expect(suggestions.first == "LOCAL_INVITATION_ERR_PEER_OFFLINE")
            #expect(error.description.contains("Did you mean one of: LOCAL_INVITATION_ERR_PEER_OFFLINE"))
        }
    }

    @Test("An unknown code name suggests the enum's codes, with or without the prefix")
    func unknownCode() {
        #expect(
            throws: CodesLookupError.unknownCase(
                typeName: "JOIN_CHANNEL_ERR", name: "EXCED_LIMIT", suggestions: ["JOIN_CHANNEL_ERR_EXCEED_LIMIT"])
        ) {
            try CodesReport.make(["JOIN_CHANNEL_ERR", "EXCED_LIMIT"])
        }
    }

    @Test("An unknown value lists the enum's values")
    func unknownValue() {
        let expected = CodesLookupError.unknownValue(
            typeName: "LOGOUT_ERR_CODE", value: 2, validValues: [0, 1, 101, 102])
        #expect(throws: expected) { try CodesReport.make(["LOGOUT_ERR_CODE", "2"]) }
        #expect(expected.description == "LOGOUT_ERR_CODE has no code with value 2. Its values are 0, 1, 101, 102.")
    }

    @Test("A name with no close match says how to list the enums")
    func noMatch() {
        let error = CodesLookupError.unknownName("QQQQQQQQQQQQQ", suggestions: [])
        #expect(throws: error) { try CodesReport.make(["QQQQQQQQQQQQQ"]) }
        #expect(error.description.contains("rtmcheck codes"))
    }

    @Test("Three arguments are a usage error")
    func tooMany() {
        #expect(throws: CodesLookupError.tooManyArguments(["a", "b", "c"])) { try CodesReport.make(["a", "b", "c"]) }
    }
}
