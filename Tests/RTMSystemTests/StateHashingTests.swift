import ModelChecker
import RTMMachines
import RTMProtocol
import Testing

@testable import RTMSystem

/// Scenarios whose first few thousand states between them reach every part of a `SystemState`:
/// sessions and link loss, channels and member lists, peer and offline messages, invitations with
/// losses and duplicates.
enum HashingScenario: String, CaseIterable, Sendable {
    case connection, channel, messaging, invitationRace, invitation

    var yaml: String {
        switch self {
        case .connection:
            """
            scenario: connection
            clients: [alice, bob]
            calls:
              alice: [login, logout, {call: login, times: 1}]
              bob: [login, logout]
            network: {linkDrops: 1, serverRestarts: 1, delay: true}
            """
        case .channel:
            """
            scenario: channel
            clients: [alice, bob]
            channels: [lobby]
            calls:
              alice: [login, {join: lobby}, {sendMessage: lobby}, {leave: lobby}, logout]
              bob: [login, {join: lobby}, {sendMessage: lobby}, {getMembers: lobby}]
            network: {reorder: true, capacity: 2}
            """
        case .messaging:
            """
            scenario: messaging
            clients: [alice, bob]
            calls:
              alice: [login, {call: sendMessageToPeer, to: bob, times: 2, offline: true}]
              bob: [login, logout, {call: login, times: 1}]
            network: {duplication: 1, delay: true}
            """
        case .invitationRace:
            """
            scenario: invitation-race
            clients: [alice, bob]
            calls:
              alice: [login, {sendLocalInvitation: bob}, {cancelLocalInvitation: bob}]
              bob: [login, {acceptRemoteInvitation: alice}]
            network: {loss: 1, duplication: 1, delay: 1s}
            """
        case .invitation:
            """
            scenario: invitation
            clients: [alice, bob]
            calls:
              alice: [login, {sendLocalInvitation: bob}, {cancelLocalInvitation: bob}, logout]
              bob: [login, {acceptRemoteInvitation: alice}, {refuseRemoteInvitation: alice}, logout]
            network: {delay: 1s, linkDrops: 1}
            """
        }
    }

    func model() throws -> RTMSystemModel { try RTMSystemModel(ScenarioLoader.parse(yaml, file: rawValue)) }
}

/// The result of a breadth-first walk: the distinct states in discovery order, and every state
/// reached again along another path (a state equal to one seen, but built by different steps).
struct Walk {
    var states: [SystemState] = []
    var revisits: [SystemState] = []
}

/// A search of `model` up to `limit` distinct states (equality by `==`): breadth-first (many
/// shallow states, many revisits) or depth-first (few, deep states: long message queues, offline
/// stores, late verdicts).
func walk(_ model: RTMSystemModel, limit: Int, depthFirst: Bool = false) -> Walk {
    var result = Walk()
    var seen = Set<SystemState>()
    var frontier: [SystemState] = []
    var head = 0
    var actions: [SystemAction] = []
    for state in model.initialStates where seen.insert(state).inserted {
        result.states.append(state)
        frontier.append(state)
    }
    while result.states.count < limit {
        let state: SystemState
        if depthFirst {
            guard let last = frontier.popLast() else { break }
            state = last
        } else {
            guard head < frontier.count else { break }
            state = frontier[head]
            head += 1
        }
        actions.removeAll(keepingCapacity: true)
        model.actions(state, into: &actions)
        for action in actions {
            guard let next = model.next(state, action) else { continue }
            if seen.insert(next).inserted {
                result.states.append(next)
                frontier.append(next)
            } else if result.revisits.count < 2_000 {
                result.revisits.append(next)
            }
        }
    }
    return result
}

/// One value of every `ClientRequest` case, with payload variants.
let representativeRequests: [ClientRequest] = {
    let fromServer: [ClientRequest] = ServerMachine.representativeEvents.compactMap {
        if case .requestReceived(_, let request) = $0 { request } else { nil }
    }
    let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)
    return fromServer + [
        .relogin(user: "alice", channels: []), .relogin(user: "alice", channels: ["lobby", "hall"]),
        .channelMessage("lobby", messageId: 1, text: ""), .getMembers("lobby", requestId: 2),
        .invitation(key, .refuse(response: "yes")), .invitation(key, .accept(response: "")),
        .invitation(key, .invite(content: "", channelId: "")),
        .invitation(InvitationKey(caller: "alice", callee: "bob", serial: 2), .cancel),
    ]
}()

/// One value of every `ServerMessage` case, with payload variants (every notice and kick reason).
let representativeMessages: [ServerMessage] = {
    let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)
    return [
        .loginAccepted, .loginRejected(.invalidToken), .loginRejected(.tokenExpired), .reloginAccepted,
        .kicked(.remoteLogin), .kicked(.bannedByServer),
        .joinAccepted("lobby", memberCount: 1), .joinAccepted("lobby", memberCount: 2),
        .joinRejected("lobby", .failure), .leaveAccepted("lobby"), .leaveAccepted("hall"),
        .memberJoined("lobby", "bob"), .memberLeft("lobby", "bob"), .memberCount("lobby", 1),
        .channelMessage("lobby", from: "bob", messageId: 1, text: "hi"),
        .channelMessage("lobby", from: "bob", messageId: 1, text: ""),
        .channelMessageAck("lobby", messageId: 1, .ok), .channelMessageAck("lobby", messageId: 1, .failure),
        .members("lobby", requestId: 1, [], .ok), .members("lobby", requestId: 1, ["lobby"], .ok),
        .members("lobby", requestId: 1, [], .timeout), .members("lobby", requestId: 2, [], .ok),
        .peerMessage(from: "bob", messageId: 1, text: "hi", isOffline: false),
        .peerMessage(from: "bob", messageId: 1, text: "hi", isOffline: true),
        .peerMessageResult(messageId: 1, .ok), .peerMessageResult(messageId: 1, .peerUnreachable),
    ] + InvitationNotice.representatives.map { .invitation(key, $0) }
}()

/// The case of a request, so that a new case breaks this test's build until it gets a representative.
func caseIndex(_ request: ClientRequest) -> Int {
    switch request {
    case .login: 0
    case .relogin: 1
    case .logout: 2
    case .join: 3
    case .leave: 4
    case .channelMessage: 5
    case .getMembers: 6
    case .peerMessage: 7
    case .peerMessageAck: 8
    case .invitation: 9
    }
}

/// The case of a server message, so that a new case breaks this test's build.
func caseIndex(_ message: ServerMessage) -> Int {
    switch message {
    case .loginAccepted: 0
    case .loginRejected: 1
    case .reloginAccepted: 2
    case .kicked: 3
    case .joinAccepted: 4
    case .joinRejected: 5
    case .leaveAccepted: 6
    case .memberJoined: 7
    case .memberLeft: 8
    case .memberCount: 9
    case .channelMessage: 10
    case .channelMessageAck: 11
    case .members: 12
    case .peerMessage: 13
    case .peerMessageResult: 14
    case .invitation: 15
    }
}

@Suite struct StateHashingTests {
    @Test(
        "Distinct reachable states get distinct fingerprints, equal ones equal fingerprints",
        arguments: HashingScenario.allCases, [false, true])
    func distinctStates(_ scenario: HashingScenario, depthFirst: Bool) throws {
        let model = try scenario.model()
        let result = walk(model, limit: 1_200, depthFirst: depthFirst)
        #expect(result.states.count >= 1_200)
        var byPrint: [Fingerprint: SystemState] = [:]
        var merged: [(SystemState, SystemState)] = []
        for state in result.states {
            if let other = byPrint.updateValue(state, forKey: StateFingerprint.of(state)) {
                merged.append((other, state))
            }
        }
        #expect(byPrint.count == result.states.count)
        if let (a, b) = merged.first {
            Issue.record("\(merged.count) pairs of distinct states share a fingerprint, e.g.\n\(a)\n\(b)")
        }
        // States reached again along other paths (equal values built by other steps) print the same.
        #expect(!result.revisits.isEmpty)
        let strays = result.revisits.filter { byPrint[StateFingerprint.of($0)] != $0 }
        #expect(strays.isEmpty, "\(strays.count) revisited states print differently from their first visit")
        #expect(result.revisits.allSatisfy { model.fingerprint($0) == StateFingerprint.of($0) })
    }

    @Test("Every client request case and payload variant gets its own fingerprint")
    func requests() {
        #expect(Set(representativeRequests.map(caseIndex)) == Set(0..<10))
        let distinct = Set(representativeRequests)
        let prints = Set(distinct.map { StateFingerprint.of(value: $0) })
        #expect(prints.count == distinct.count)
    }

    @Test("Every server message case, notice and payload variant gets its own fingerprint")
    func messages() {
        #expect(Set(representativeMessages.map(caseIndex)) == Set(0..<16))
        let distinct = Set(representativeMessages)
        let prints = Set(distinct.map { StateFingerprint.of(value: $0) })
        #expect(prints.count == distinct.count)
        let notices = Set(InvitationNotice.representatives.map { StateFingerprint.of(value: $0) })
        #expect(notices.count == InvitationNotice.representatives.count)
    }

    @Test("A message's fingerprint is a fixed function of its value, the same in every process")
    func pinned() {
        // Pinned words: a change here changes every fingerprint in reports (update deliberately).
        let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)
        #expect(StateFingerprint.of(value: ServerMessage.loginAccepted).description == "bdf30236cfdf00e0")
        let accept = ClientRequest.invitation(key, .accept(response: "yes"))
        #expect(StateFingerprint.of(value: accept).description == "eb70c54d80c61ac6")
    }

    @Test("The composed model's fingerprint is the fast one")
    func modelUsesFastFingerprint() throws {
        let model = try HashingScenario.invitation.model()
        let state = model.initialStates[0]
        #expect(model.fingerprint(state) == StateFingerprint.of(state))
    }
}
