import Testing

@testable import RTMProtocol

@Suite("RTMEnums registry lookups")
struct RegistryTests {
    @Test("types and all list the same enums in the same order")
    func typesMatchAll() {
        #expect(RTMEnums.types.map { $0.sdkTypeName } == RTMEnums.all.map(\.sdkTypeName))
        #expect(RTMEnums.all.count == 28)
    }

    @Test(
        "An enum is found by its exact, lower-case or Swift name",
        arguments: [
            "JOIN_CHANNEL_ERR", "join_channel_err", "JoinChannelErr", "joinchannelerr",
        ])
    func typeLookup(_ name: String) {
        #expect(RTMEnums.type(named: name)?.sdkTypeName == "JOIN_CHANNEL_ERR")
    }

    @Test("An unknown enum name finds nothing")
    func unknownType() {
        #expect(RTMEnums.type(named: "JOIN_CHANEL_ERR") == nil)
        #expect(RTMEnums.type(named: "") == nil)
    }

    @Test(
        "A case is found by value and by every accepted spelling of its name",
        arguments: [
            "JOIN_CHANNEL_ERR_EXCEED_LIMIT", "join_channel_err_exceed_limit", "EXCEED_LIMIT", "exceed_limit",
            "exceedLimit", "EXCEEDLIMIT",
        ])
    func caseLookup(_ name: String) throws {
        let info = try #require(RTMEnums.type(named: "JOIN_CHANNEL_ERR"))
        #expect(info.case(named: name)?.value == 5)
        #expect(info.case(value: 5)?.name == "JOIN_CHANNEL_ERR_EXCEED_LIMIT")
    }

    @Test("Short names work where the type name is not the case prefix")
    func shortNamesAcrossPrefixes() throws {
        let join = try #require(RTMEnums.type(named: "JOIN_CHANNEL_ERR"))
        #expect(join.commonPrefix == "JOIN_CHANNEL_")
        #expect(join.case(named: "TIMEOUT")?.name == "JOIN_CHANNEL_TIMEOUT")
        let login = try #require(RTMEnums.type(named: "LOGIN_ERR_CODE"))
        #expect(login.case(named: "too_often")?.name == "LOGIN_ERR_TOO_OFTEN")
        let signaling = try #require(RTMEnums.type(named: "AGORA_E_CODE"))
        #expect(signaling.commonPrefix == "")
        #expect(signaling.case(named: "invite_e_peeroffline")?.value == 703)
        #expect(signaling.case(named: "PEEROFFLINE") == nil)
    }

    @Test("An unknown case name or value finds nothing")
    func unknownCase() throws {
        let info = try #require(RTMEnums.type(named: "JOIN_CHANNEL_ERR"))
        #expect(info.case(named: "EXCED_LIMIT") == nil)
        #expect(info.case(value: 9) == nil)
    }

    @Test("Every C++ case name is unique across the registry, so a bare name finds one code")
    func caseNamesUnique() {
        let names = RTMEnums.all.flatMap(\.cases).map(\.name)
        #expect(Set(names).count == names.count)
        #expect(
            RTMEnums.cases(named: "local_invitation_err_peer_offline").map(\.typeName) == [
                "LOCAL_INVITATION_ERR_CODE"
            ])
    }

    @Test(
        "Within each enum, values are unique and, except the bit masks of LOG_FILTER_TYPE, ascending",
        arguments: RTMEnums.all)
    func valuesAscending(_ info: RTMEnumInfo) {
        let values = info.cases.map(\.value)
        #expect(Set(values).count == values.count)
        #expect((values == values.sorted()) == (info.sdkTypeName != "LOG_FILTER_TYPE"))
    }

    @Test("Swift case names round-trip to the typed enums")
    func swiftNames() throws {
        let info = try #require(RTMEnums.type(named: "LOCAL_INVITATION_ERR_CODE"))
        #expect(info.swiftTypeName == "LocalInvitationErrCode")
        #expect(
            info.cases.map(\.swiftName) == [
                "ok", "peerOffline", "peerNoResponse", "invitationExpire", "notLoggedIn",
            ])
    }

    @Test("Every code with value 102 is a USER_NOT_LOGGED_IN or LOGOUT_E_NET")
    func casesWithValue() {
        let names = RTMEnums.cases(withValue: 102).map(\.name)
        #expect(names.count == 13)
        #expect(names.allSatisfy { $0.hasSuffix("_USER_NOT_LOGGED_IN") || $0 == "LOGOUT_E_NET" })
    }

    @Test("Close matches rank the nearest names first")
    func suggestions() {
        #expect(RTMEnums.suggestions(forType: "JOIN_CHANEL_ERR").first == "JOIN_CHANNEL_ERR")
        #expect(RTMEnums.suggestions(forType: "login_err").first == "LOGIN_ERR_CODE")
        #expect(
            RTMEnums.suggestions(forCase: "LOCAL_INVITATION_ERR_PEER_OFLINE").first
                == "LOCAL_INVITATION_ERR_PEER_OFFLINE")
        #expect(RTMEnums.suggestions(forType: "ZZZZZZZZZZZZZZZZZZ").isEmpty)
    }

    @Test("Edit distance counts insertions, deletions and substitutions")
    func editDistance() {
        #expect(CloseMatches.editDistance("kitten", "sitting") == 3)
        #expect(CloseMatches.editDistance("", "abc") == 3)
        #expect(CloseMatches.editDistance("same", "same") == 0)
    }

    @Test("Substring matches are suggested after close edits, shortest first")
    func substringMatches() {
        let found = CloseMatches.best(for: "INVITATION", among: ["LOCAL_INVITATION_STATE", "INVITATIONS", "OTHER"])
        #expect(found == ["INVITATIONS", "LOCAL_INVITATION_STATE"])
    }
}

extension RTMEnumInfo: CustomTestStringConvertible {
    public var testDescription: String { sdkTypeName }
}
