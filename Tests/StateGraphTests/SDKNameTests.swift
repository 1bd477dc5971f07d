import Testing

@testable import StateGraph

@Suite struct SDKNameTests {
    @Test(
        "shortens an SDK name to the part after its family marker",
        arguments: [
            ("LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE", "RECEIVED_BY_REMOTE"),
            ("CONNECTION_STATE_DISCONNECTED", "DISCONNECTED"),
            ("REMOTE_INVITATION_ERR_PEER_OFFLINE", "PEER_OFFLINE"),
            ("CONNECTION_CHANGE_REASON_LOGIN_SUCCESS", "LOGIN_SUCCESS"),
            ("idle", "idle"),
            ("WEIRD_STATE_", "WEIRD_STATE_"),
        ]
    )
    func shortLabel(name: String, expected: String) {
        #expect(SDKName.shortLabel(name) == expected)
    }

    @Test("strips the words all names share, keeping at least one word each")
    func commonPrefix() {
        #expect(
            SDKName.strippingCommonPrefix(["CONNECTION_STATE_CONNECTED", "CONNECTION_STATE_ABORTED"])
                == ["CONNECTED", "ABORTED"]
        )
        #expect(SDKName.strippingCommonPrefix(["A_B", "A_B_C"]) == ["B", "B_C"])
        #expect(SDKName.strippingCommonPrefix(["ONLY_ONE"]) == ["ONLY_ONE"])
    }

    @Test("makes an SDK state node with the full name as id and tooltip")
    func sdkStateNode() {
        let node = Node.sdkState("REMOTE_INVITATION_STATE_ACCEPTED", kind: .terminal)
        #expect(node.id == "REMOTE_INVITATION_STATE_ACCEPTED")
        #expect(node.label == "ACCEPTED")
        #expect(node.fullName == "REMOTE_INVITATION_STATE_ACCEPTED")
        #expect(node.kind == .terminal)
    }
}
