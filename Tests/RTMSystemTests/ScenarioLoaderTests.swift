import Testing

@testable import RTMSystem

@Suite struct ScenarioLoaderTests {
    @Test("A complete scenario file is read with every section")
    func complete() throws {
        let text = """
            scenario: race
            summary: cancel vs accept
            clients: [alice, bob]
            channels: [lobby]
            calls:
              alice: [login, {sendLocalInvitation: bob}, {call: sendMessageToPeer, to: bob, times: 2, offline: true}]
              bob: [login, {join: lobby}, {acceptRemoteInvitation: alice}]
            network: {loss: 1, duplication: 2, reorder: true, delay: 1s, linkDrops: 1, serverRestarts: 1, capacity: 3}
            bounds: {depth: 40, states: 1000, time: 2m, memory: 1G}
            properties: [invitation-agreement]
            expect: {invitation-agreement: violated}
            """
        let s = try ScenarioLoader.parse(text, file: "race.yaml")
        #expect(s.name == "race")
        #expect(s.clients == ["alice", "bob"])
        #expect(s.calls[0] == [
            CallBudget(.login), CallBudget(.sendLocalInvitation, target: "bob"),
            CallBudget(.sendMessageToPeer, target: "bob", times: 2, offline: true),
        ])
        #expect(s.calls[1][1] == CallBudget(.join, target: "lobby"))
        #expect(s.network == NetworkFaults(
            loss: 1, duplication: 2, reorder: true, delay: .bounded(ms: 1000), linkDrops: 1, serverRestarts: 1,
            capacity: 3))
        #expect(s.bounds == Bounds(depth: 40, states: 1000, seconds: 120, memory: 1 << 30))
        #expect(s.properties == ["invitation-agreement"])
        #expect(s.expectations == ["invitation-agreement": .violated])
    }

    @Test(
        "Malformed scenarios get file:line:column and what was expected",
        arguments: [
            ("scenario: x\nclients: alice\n", "x.yaml:2:10: expected the client names (a list), found the scalar 'alice'"),
            ("scenario: x\nclients: [alice]\ncalls:\n  alice: [logn]\n",
             "x.yaml:4:11: expected one of login, logout, renewToken, join, leave, sendMessage, getMembers, sendMessageToPeer, sendLocalInvitation, cancelLocalInvitation, acceptRemoteInvitation, refuseRemoteInvitation; found 'logn' (did you mean 'login'?)"),
            ("scenario: x\nclients: [alice]\ncalls:\n  carol: [login]\n",
             "x.yaml:4:3: expected one of alice; found 'carol'"),
            ("scenario: x\nclients: [alice, bob]\ncalls:\n  alice: [{sendLocalInvitation: dave}]\n",
             "x.yaml:4:12: expected a client name as the peer of sendLocalInvitation; found 'dave' (clients: alice, bob)"),
            ("scenario: x\nclients: [alice]\nnetwork: {loss: many}\n",
             "x.yaml:3:17: expected how many messages may be lost (a whole number ≥ 0), found 'many'"),
            ("scenario: x\nclients: [alice]\nbounds: {time: soon}\n",
             "x.yaml:3:16: expected a time bound such as 60s or 5m, found 'soon'"),
            ("clients: [alice]\n", "x.yaml:1:1: expected a 'scenario:' key naming the scenario"),
            ("scenario: x\nclients: [alice\n", "x.yaml:3:1: expected valid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
            ("scenario: x\nclients: [alice]\nnetwrok: {}\n",
             "x.yaml:3:1: expected one of scenario, summary, clients, channels, calls, network, bounds, properties, symmetry, expect, start, apiErrors; found 'netwrok' (did you mean 'network'?)"),
        ])
    func malformed(text: String, message: String) {
        #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(text, file: "x.yaml") }
        do {
            _ = try ScenarioLoader.parse(text, file: "x.yaml")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test("Every scenario in Models/ loads")
    func models() throws {
        let folder = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        for name in ["connection", "channel", "invitation", "invitation-race", "messaging"] {
            let scenario = try ScenarioLoader.load(path: "/\(folder)/Models/\(name).yaml")
            #expect(scenario.name == name)
            _ = try RTMSystemModel(scenario)
        }
    }
}
