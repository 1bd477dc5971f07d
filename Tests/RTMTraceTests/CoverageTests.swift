import Foundation
import RTMSystem
import Testing

@testable import RTMTrace

@Suite struct CoverageTests {
    @Test(
        "coverage keys are grouped by the machine they belong to",
        arguments: [
            ("login in CONNECTION_STATE_DISCONNECTED", "Connection"),
            ("deliver loginAccepted", "Connection"),
            ("timer connection.login fires", "Connection"),
            ("join in CHANNEL_STATE_CREATED", "Channel"),
            ("deliver memberJoined", "Channel"),
            ("sendMessageToPeer in CONNECTION_STATE_CONNECTED", "Peer messages"),
            ("deliver peerMessageResult(PEER_MESSAGE_ERR_OK)", "Peer messages"),
            ("acceptRemoteInvitation in REMOTE_INVITATION_STATE_INVITATION_RECEIVED", "Invitation"),
            ("deliver invitation.calleeAck", "Invitation"),
            ("timer local.noAck fires", "Invitation"),
            ("server receives login", "Server"),
            ("timer server.invitation.purge fires", "Server"),
            ("network loses a message", "Network"),
            ("server restarts", "Network"),
        ])
    func machineOfKey(key: String, machine: String) {
        #expect(CoverageReport.machine(of: key) == machine)
    }

    @Test("quoted payloads are emptied, escapes included")
    func normalizeKeys() {
        #expect(CoverageKey.normalize(#"deliver invitation.accept(response: "on \"my\" way")"#)
            == #"deliver invitation.accept(response: "")"#)
        #expect(CoverageKey.normalize("deliver loginAccepted") == "deliver loginAccepted")
    }

    @Test("the report puts the three sources side by side, per machine and in total")
    func sideBySide() {
        let report = CoverageReport(
            sources: .init(traces: 2, tracesMatched: 2, tracesNotMatched: [], scenarios: ["s: 10 states"], simulation: nil),
            traces: ["login in CONNECTION_STATE_DISCONNECTED": 2],
            model: ["login in CONNECTION_STATE_DISCONNECTED": 5, "deliver loginAccepted": 5],
            simulation: ["deliver loginAccepted": 1])
        #expect(report.machines == [
            CoverageReport.Machine(machine: "Connection", transitions: 2, byTraces: 1, byModel: 2, bySimulation: 1)
        ])
        #expect(report.rows.map(\.key) == ["deliver loginAccepted", "login in CONNECTION_STATE_DISCONNECTED"])
        let text = report.text()
        #expect(text.contains("deliver loginAccepted"))
        #expect(text.contains("All machines: 2 transitions"))
        let lines = text.split(separator: "\n")
        let row = lines.first { $0.contains("login in CONNECTION_STATE_DISCONNECTED") }
        #expect(row?.split(separator: " ").suffix(3) == ["2", "5", "-"])
        #expect(report.json().contains("\"bySimulation\" : 1"))
    }

    @Test("the collector counts the keys of validated traces, the exploration and the simulation")
    func collector() throws {
        var collector = CoverageCollector()
        collector.addTraces([TraceFiles.docs + "/invitation-accept.jsonl", TraceFiles.docs + "/missing.jsonl"])
        try collector.addScenario(GenerateTests.scenario, walks: 20, seed: 3)
        let report = collector.report()
        #expect(report.sources.traces == 2)
        #expect(report.sources.tracesMatched == 1)
        #expect(report.sources.tracesNotMatched.count == 1)
        let accept = report.rows.first { $0.key == "acceptRemoteInvitation in REMOTE_INVITATION_STATE_INVITATION_RECEIVED" }
        #expect(accept?.traces == 1)
        #expect((accept?.model ?? 0) > 0)
        #expect((accept?.simulation ?? 0) > 0)
        // The trace's invitation carries content "lunch?"; its transition is the model's all the same.
        let invite = report.rows.first { $0.key == #"server receives invitation.invite(content: "", channelId: "")"# }
        #expect(invite?.traces == 1)
        #expect((invite?.model ?? 0) > 0)
        #expect(!report.rows.contains { $0.key.contains("lunch?") })
    }
}
