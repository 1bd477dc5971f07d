import RTMMachines
import StateGraph
import Testing

@testable import RTMSystem

@Suite struct DiagramAnnotationTests {
    static let local = DiagramMachine.localInvitation.graph()
    static let remote = DiagramMachine.remoteInvitation.graph()

    static func annotation(_ graph: StateGraph, _ id: String) -> [String] {
        graph.node(id)?.annotation ?? []
    }

    @Test("an illegal call is one grouped line under its state, with the code's short name and value")
    func grouped() {
        let idle = Self.annotation(Self.local, "LOCAL_INVITATION_STATE_IDLE")
        #expect(idle.contains("cancelLocalInvitation → NOT_STARTED (2)"))
        #expect(idle.contains("setContent, setChannelId → OK (0)"))
        #expect(!Self.local.edges.contains { $0.from == $0.to && $0.from == "LOCAL_INVITATION_STATE_IDLE" })
    }

    @Test(
        "a state where every API call returns the same code says so in one line",
        arguments: ["ACCEPTED_BY_REMOTE", "REFUSED_BY_REMOTE", "CANCELED", "FAILURE"]
    )
    func everyCall(end: String) {
        #expect(Self.annotation(Self.local, "LOCAL_INVITATION_STATE_" + end) == ["every call → ALREADY_END (3)"])
    }

    @Test("the callee's IDLE and ACCEPTED answer every call with one code")
    func everyCallRemote() {
        #expect(Self.annotation(Self.remote, "REMOTE_INVITATION_STATE_IDLE") == ["every call → NOT_STARTED (2)"])
        #expect(Self.annotation(Self.remote, "REMOTE_INVITATION_STATE_ACCEPTED") == ["every call → ALREADY_ACCEPT (4)"])
    }

    @Test("a call that moves from the state and only returns a code when repeated is marked 'again'")
    func again() {
        let sent = Self.annotation(Self.local, "LOCAL_INVITATION_STATE_SENT_TO_REMOTE")
        #expect(sent.first == "cancelLocalInvitation again → OK (0)")
        #expect(
            Self.local.edges.contains {
                $0.from == "LOCAL_INVITATION_STATE_SENT_TO_REMOTE" && $0.to == $0.from
                    && $0.label.split(separator: "\n").contains("cancelLocalInvitation")
            })
    }

    @Test("variants of a call with different codes are listed with their arguments")
    func variants() {
        let idle = Self.annotation(Self.local, "LOCAL_INVITATION_STATE_IDLE")
        #expect(idle.contains { $0.hasPrefix("sendLocalInvitation(invalid | invalid, notLoggedIn)") })
        let joined = Self.annotation(DiagramMachine.channel.graph(), "JOINED")
        #expect(joined.contains("sendMessage(DISCONNECTED | CONNECTING) → USER_NOT_LOGGED_IN (102)"))
    }

    @Test("transitions read 'event / callback', one edge per pair of states")
    func transitionText() {
        let edge = Self.local.edges.first {
            $0.from == "LOCAL_INVITATION_STATE_SENT_TO_REMOTE" && $0.to == "LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE"
        }
        #expect(edge?.label == "calleeAckReceived / onLocalInvitationReceivedByPeer")
        let logout = DiagramMachine.connection.graph().edges.first {
            $0.from == "CONNECTION_STATE_CONNECTED" && $0.to == "CONNECTION_STATE_DISCONNECTED"
        }
        #expect(logout?.label == "logout\n/ onLogout(OK)\n/ onConnectionStateChanged(DISCONNECTED, LOGOUT)")
    }

    @Test(
        "SDK names inside labels lose their family prefix; other words stay",
        arguments: [
            ("onLoginFailure(LOGIN_ERR_TIMEOUT)", "onLoginFailure(TIMEOUT)"),
            (
                "onConnectionStateChanged(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGE_REASON_LOGIN_SUCCESS)",
                "onConnectionStateChanged(CONNECTED, LOGIN_SUCCESS)"
            ),
            ("join(20 channels in use)", "join(20 channels in use)"),
            ("joinRejectedReceived(JOIN_CHANNEL_TIMEOUT)", "joinRejectedReceived(JOIN_CHANNEL_TIMEOUT)"),
            ("#0 login(alice)", "#0 login(alice)"),
        ]
    )
    func shorten(label: String, short: String) {
        #expect(DiagramText.shorten(label) == short)
    }

    @Test("wrapping keeps items whole and lines within the width")
    func wrap() {
        #expect(DiagramText.wrap(["aaa", "bbb", "ccc"], width: 8) == ["aaa,", "bbb,", "ccc"])
        #expect(DiagramText.wrap(["aaa", "bbb", "ccc"], width: 9) == ["aaa, bbb,", "ccc"])
        #expect(DiagramText.wrap(["a-very-long-item"], width: 4) == ["a-very-long-item"])
        #expect(DiagramText.wrap([], width: 4) == [])
    }

    @Test("invitation notices read as events: the code follows 'Received'")
    func noticeLabels() {
        #expect(
            LocalInvitationMachine.diagramEventLabel(.noticeReceived(.localFailure(.peerOffline)))
                == "localFailureReceived(LOCAL_INVITATION_ERR_PEER_OFFLINE)")
        #expect(RemoteInvitationMachine.diagramEventLabel(.noticeReceived(.callerAck)) == "callerAckReceived")
    }
}

@Suite struct ServerDiagramTests {
    @Test("the sessions view has a node per set of online users and draws no self-loops")
    func sessions() {
        let graph = MachineDiagram.graph(ServerView.sessions.table())
        #expect(
            Set(graph.nodes.map(\.id))
                == [
                    "online[]", "online[alice]", "online[bob]", "online[alice,bob]", "online[alice(grace)]",
                    "online[alice(grace),bob]",
                ]
        )
        #expect(graph.edges.allSatisfy { $0.from != $0.to })
        let login = graph.edges.first { $0.from == "online[]" && $0.to == "online[alice]" }
        #expect(login?.label.split(separator: "\n").contains("#0 login(alice) / →#0 loginAccepted") == true)
    }

    @Test("the channel view shows joins with the member events the server sends")
    func channel() {
        let graph = MachineDiagram.graph(ServerView.channel.table())
        #expect(Set(graph.nodes.map(\.id)) == ["lobby[]", "lobby[alice]", "lobby[bob]", "lobby[alice,bob]"])
        let join = graph.edges.first { $0.from == "lobby[alice]" && $0.to == "lobby[alice,bob]" }?.label ?? ""
        #expect(join.contains("#1 join(lobby)"))
        #expect(join.contains("/ →#0 memberJoined(bob)"))
    }
}
