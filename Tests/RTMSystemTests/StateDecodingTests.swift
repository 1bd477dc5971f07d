import Foundation
import ModelChecker
import RTMMachines
import RTMProtocol
import Testing

@testable import RTMSystem

/// Rebuilding a state from its canonical encoding (`Hashing/*+Decoding.swift`,
/// ``RTMSystemModel/decode(_:)``): the decoder mirrors every feed, so a breadth-first search may keep
/// its frontier as bytes and expand the states it decodes.
@Suite struct StateDecodingTests {
    // MARK: Fixtures

    /// Every scenario in `Models/`.
    static let modelFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: SymmetricScenarios.modelsFolder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    static func model(_ file: String) throws -> RTMSystemModel {
        try RTMSystemModel(ScenarioLoader.load(path: "\(SymmetricScenarios.modelsFolder)/\(file)"))
    }

    /// The distinct states of 40 seeded random walks from the initial state (deep states too), at most
    /// 1,000 of them.
    static func walks(_ model: RTMSystemModel, seed: UInt64) -> [SystemState] {
        ServerReadTests.walks(model, count: 40, seed: seed, cap: 1000)
    }

    /// Three clients, two channels and distinct fault budgets, with no calls of their own: the rich
    /// states are made by ``richPath()``'s API calls.
    static let richScenario = """
        scenario: rich
        clients: [alice, bob, carol]
        channels: [lobby, hall]
        calls:
          alice: [login, {join: lobby}]
          bob: [login, {call: logout, times: 2}]
          carol: [login]
        network:
          loss: 2
          duplication: 1
          linkDrops: 4
          serverRestarts: 5
          delay: 1s
        properties: all
        """

    static func richModel() throws -> RTMSystemModel {
        try RTMSystemModel(ScenarioLoader.parse(richScenario, file: "rich.yaml"))
    }

    /// Delivers the head of every link, up then down, until nothing is in flight (timers do not fire).
    static func settle(_ model: RTMSystemModel, _ state: SystemState) -> SystemState {
        var s = state
        while !s.networkQuiet {
            for i in s.links.indices {
                if !s.links[i].up.isEmpty, let t = model.next(s, .deliverUp(client: i, index: 0)) { s = t }
                if !s.links[i].down.isEmpty, let t = model.next(s, .deliverDown(client: i, index: 0)) { s = t }
            }
        }
        return s
    }

    /// The states along a path of legal API calls, deliveries and faults that fills every part of a
    /// state with values unlike their defaults and unlike their siblings: invitation content, channel
    /// ID and response; the offline store, pending peer messages and received ones; channel messages and
    /// member queries awaiting their answer; messages in flight both ways; timers; distinct fault
    /// budgets. The last state is the richest; a server restart follows it.
    static func richPath() throws -> (RTMSystemModel, [SystemState]) {
        let model = try richModel()
        var path = [model.initialStates[0]]
        var s: SystemState { path[path.count - 1] }
        func call(_ client: Int, _ api: RtmApiCall) { path.append(model.perform(api, client: client, from: s).0) }
        func step(_ action: SystemAction) throws { path.append(try #require(model.next(s, action))) }
        func settle() { path.append(Self.settle(model, s)) }

        for (i, name) in ["alice", "bob", "carol"].enumerated() { call(i, .login(token: "", userId: name)) }
        settle()
        call(0, .join(channel: "lobby"))
        settle()
        call(1, .join(channel: "lobby"))
        try step(.deliverUp(client: 1, index: 0))  // alice is told bob joined
        settle()
        call(0, .sendMessage(channel: "lobby", text: "hello lobby"))
        settle()
        call(2, .logout)
        settle()
        // Cached for carol (offline), then a message bob receives but whose ACK the server never gets.
        call(0, .sendMessageToPeer(peerId: "carol", text: "alice:for carol", enableOfflineMessaging: true))
        settle()
        call(0, .sendMessageToPeer(peerId: "bob", text: "alice:hi bob", enableOfflineMessaging: false))
        try step(.deliverUp(client: 0, index: 0))
        try step(.deliverDown(client: 1, index: 0))
        // An invitation with content and channel ID, rung, with bob's response set.
        call(0, .createLocalCallInvitation(calleeId: "bob"))
        let key = try #require(s.clients[0].core.locals.last?.key)
        call(0, .setContent(key, content: "call content"))
        call(0, .setChannelId(key, channelId: "hall"))
        call(0, .sendLocalInvitation(key))
        try step(.duplicate(client: 0, upward: true, index: 0))
        try step(.deliverUp(client: 0, index: 0))
        try step(.lose(client: 0, upward: true, index: 0))
        try step(.deliverDown(client: 1, index: 0))
        call(1, .setResponse(key, response: "bob's answer"))
        // Calls awaiting their answers, and messages left in flight both ways (bob's ACKs among them).
        call(1, .getMembers(channel: "lobby"))
        call(0, .sendMessage(channel: "lobby", text: "second"))
        try step(.deliverUp(client: 0, index: 0))
        call(0, .sendMessageToPeer(peerId: "carol", text: "alice:again", enableOfflineMessaging: true))
        try step(.dropLink(client: 2))
        try step(.restartServer)
        return (model, path)
    }

    /// The canonical encoding of `state` and its fingerprint.
    static func encode(_ model: RTMSystemModel, _ state: SystemState) -> ([UInt8], Fingerprint) {
        var encoder = StateEncoder(capacity: 1024)
        defer { encoder.release() }
        let fingerprint = model.fingerprint(state, recordingInto: &encoder)
        return (Array(encoder.all), fingerprint)
    }

    static func decode(_ model: RTMSystemModel, _ bytes: [UInt8]) -> SystemState? {
        bytes.withUnsafeBufferPointer { model.decode($0) }
    }

    /// What differs between `state` and its decoding, or nil when they agree in every way the checker
    /// sees: equal values, equal fingerprints and encodings, the same actions and equal successors
    /// (the decoded server's index is derived by its first step), the same online users.
    static func roundTripProblem(_ model: RTMSystemModel, _ state: SystemState) -> String? {
        let (bytes, fingerprint) = encode(model, state)
        guard let decoded = decode(model, bytes) else { return "not decoded" }
        guard decoded == state else { return "decoded to a different state" }
        let (again, refingerprint) = encode(model, decoded)
        guard again == bytes, refingerprint == fingerprint else { return "re-encoded differently" }
        for name in model.scenario.clients where decoded.server.isOnline(name) != state.server.isOnline(name) {
            return "\(name) online differs"
        }
        var actions: [SystemAction] = []
        var decodedActions: [SystemAction] = []
        model.actions(state, into: &actions)
        model.actions(decoded, into: &decodedActions)
        guard actions == decodedActions else { return "actions differ" }
        for action in actions where model.next(state, action) != model.next(decoded, action) {
            return "successors differ by \(model.describe(action: action))"
        }
        return nil
    }

    // MARK: Round trips

    @Test("The scenarios' folder holds the models every round trip below walks")
    func modelsFound() {
        #expect(Self.modelFiles.count >= 11)
        #expect(Self.modelFiles.contains("bench-invitation-callers1.yaml"))
    }

    @Test("Every state a random walk reaches decodes to itself, with its fingerprint, actions and successors",
        arguments: modelFiles)
    func roundTrip(file: String) throws {
        let model = try Self.model(file)
        let states = Self.walks(model, seed: 11)
        var problems = 0
        for state in states {
            guard let problem = Self.roundTripProblem(model, state) else { continue }
            problems += 1
            if problems <= 3 { Issue.record("\(file): \(problem) in \(model.describe(state: state))") }
        }
        #expect(problems == 0)
        #expect(states.count > 20)
    }

    @Test("Rich states, made by legal calls and faults, decode to themselves")
    func richRoundTrip() throws {
        let (model, path) = try Self.richPath()
        for state in path {
            #expect(Self.roundTripProblem(model, state) == nil, "\(model.describe(state: state))")
        }
    }

    @Test("The rich path fills the fields a decoder could confuse with values unlike their defaults")
    func richPathIsRich() throws {
        let (_, path) = try Self.richPath()
        let rich = path[path.count - 2]  // before the restart
        let alice = rich.clients[0].core
        let bob = rich.clients[1].core
        let local = try #require(alice.locals.first)
        #expect([local.content, local.channelId] == ["call content", "hall"])
        let remote = try #require(bob.remotes.first)
        #expect([remote.content, remote.channelId, remote.response] == ["call content", "hall", "bob's answer"])
        #expect(!bob.receivedPeerMessages.isEmpty)
        #expect(alice.channels.contains { !$0.machine.pendingMessages.isEmpty })
        #expect(bob.channels.contains { !$0.machine.pendingMemberQueries.isEmpty })
        #expect(!rich.server.offline.isEmpty)
        #expect(rich.server.pending.contains { $0.senderConn != nil })
        #expect(rich.server.invitations.contains { $0.content == "call content" && $0.channelId == "hall" })
        #expect(rich.links[0].up.contains { if case .peerMessage = $0.message { true } else { false } })
        #expect(rich.links[1].up.contains { if case .peerMessageAck = $0.message { true } else { false } })
        #expect(rich.links[1].down.contains { if case .channelMessage = $0.message { true } else { false } })
        #expect(!rich.links[2].isUp)
        #expect(!rich.timers.isEmpty)
        #expect(rich.faults == FaultBudget(losses: 1, duplications: 0, linkDrops: 3, restarts: 5))
        let restarted = try #require(path.last)
        #expect(restarted.server.sessions.isEmpty && !restarted.server.offline.isEmpty)
        #expect(!restarted.seen.interrupted.isEmpty)
    }

    /// For each pair of sibling fields (or payload values) of the same type, a state among the walks
    /// and the rich path in which they differ: decoding one in the other's place (a field-order
    /// mistake) then gives a different state, and the round trips above fail.
    @Test("Some round-tripped state tells apart every pair of sibling fields of one type")
    func siblingsTellApart() throws {
        var corpus = try Self.richPath().1
        for file in Self.modelFiles { corpus += Self.walks(try Self.model(file), seed: 11) }
        typealias Probe = (name: String, holds: (SystemState) -> Bool)
        func anyClient(_ test: @escaping (ClientCore) -> Bool) -> (SystemState) -> Bool {
            { $0.clients.contains { test($0.core) } }
        }
        func anyUp(_ test: @escaping (ClientRequest) -> Bool) -> (SystemState) -> Bool {
            { $0.links.contains { $0.up.contains { test($0.message) } } }
        }
        func anyDown(_ test: @escaping (ServerMessage) -> Bool) -> (SystemState) -> Bool {
            { $0.links.contains { $0.down.contains { test($0.message) } } }
        }
        func distinct<T: Hashable>(_ values: T...) -> Bool { Set(values).count == values.count }
        let observed: [(String, KeyPath<Observations, [String]>)] = [
            ("violations", \.violations), ("delivered", \.delivered), ("sent", \.sent), ("cached", \.cached),
            ("marks", \.marks),
        ]
        var probes: [Probe] = [
            ("client counters", anyClient { distinct($0.nextMessageId, $0.nextRequestId, $0.nextInvitationSerial) }),
            ("channel pending lists", anyClient {
                $0.channels.contains { $0.machine.pendingMessages != $0.machine.pendingMemberQueries }
            }),
            ("local slot strings", anyClient { $0.locals.contains { $0.content != $0.channelId } }),
            ("remote slot strings", anyClient {
                $0.remotes.contains { distinct($0.content, $0.channelId, $0.response) }
            }),
            ("sentToRemote flags", anyClient {
                $0.locals.contains { if case .sentToRemote(let a, let b) = $0.machine { a != b } else { false } }
            }),
            ("link flags", { $0.links.contains { $0.isUp != $0.stale } }),
            ("fault budgets", {
                distinct($0.faults.losses, $0.faults.duplications, $0.faults.linkDrops, $0.faults.restarts)
            }),
            ("offline message strings", { $0.server.offline.contains { distinct($0.to, $0.from, $0.text) } }),
            ("pending message strings", { $0.server.pending.contains { distinct($0.from, $0.to, $0.text) } }),
            ("pending message flags", { $0.server.pending.contains { $0.offline != $0.fromStore } }),
            ("invitation record strings", { $0.server.invitations.contains { $0.content != $0.channelId } }),
            ("invitation key", { $0.server.invitations.contains { $0.key.caller != $0.key.callee } }),
            ("channelMessage request", anyUp {
                if case .channelMessage(let c, _, let t) = $0 { c != t } else { false }
            }),
            ("invite request", anyUp {
                if case .invitation(_, .invite(let content, let channel)) = $0 { content != channel } else { false }
            }),
            ("invite notice", anyDown {
                if case .invitation(_, .invite(let content, let channel)) = $0 { content != channel } else { false }
            }),
            ("memberJoined message", anyDown { if case .memberJoined(let c, let u) = $0 { c != u } else { false } }),
            ("channelMessage message", anyDown {
                if case .channelMessage(let c, let f, _, let t) = $0 { distinct(c, f, t) } else { false }
            }),
        ]
        for a in observed.indices {
            for b in observed.indices where a < b {
                let (first, second) = (observed[a], observed[b])
                probes.append(
                    ("seen \(first.0)/\(second.0)", { $0.seen[keyPath: first.1] != $0.seen[keyPath: second.1] }))
            }
        }
        let untold = probes.filter { probe in !corpus.contains(where: probe.holds) }.map(\.name)
        #expect(untold == [], "no state tells these apart")
    }

    // MARK: Tags

    /// Decodes `T` from `tag` followed by ones (a 1 is a valid word for every field: `true`, 1, a
    /// one-byte string, a one-element array, `.some`, the tag-1 case, raw value 1), and feeds the value
    /// back: nil when the tag is refused, else whether the feed wrote exactly the bytes read.
    static func probe<T: StateDecodable & StateHashable>(_: T.Type, tag: Int) -> Bool? {
        var written = StateEncoder(capacity: 256)
        var fed = StateEncoder(capacity: 256)
        defer {
            written.release()
            fed.release()
        }
        written.append(UInt64(tag))
        for _ in 0..<64 { written.append(1) }
        var decoder = StateDecoder(written.all)
        let value: T
        do throws(StateDecoder.Failure) { value = try T(decoding: &decoder) } catch { return nil }
        var hasher = StableHasher(recordingInto: &fed)
        value.feed(into: &hasher)
        return fed.all.elementsEqual(written.all.prefix(decoder.offset))
    }

    /// Every tag below `bound` decodes to the case the feed writes with that tag; `bound` is refused.
    static func tagsAgree<T: StateDecodable & StateHashable>(_ type: T.Type, below bound: Int) -> Bool {
        (0..<bound).allSatisfy { probe(type, tag: $0) == true } && probe(type, tag: bound) == nil
    }

    @Test("Each enum decoder reads back every tag its feed writes, payload included, and refuses the next")
    func everyTag() {
        #expect(Self.tagsAgree(ClientCore.Timer.self, below: 5))
        #expect(Self.tagsAgree(ConnectionMachine.State.self, below: 8))
        #expect(Self.tagsAgree(ConnectionMachine.Timer.self, below: 2))
        #expect(Self.tagsAgree(ChannelMembershipMachine.Timer.self, below: 3))
        #expect(Self.tagsAgree(LocalInvitationMachine.State.self, below: 9))
        #expect(Self.tagsAgree(LocalInvitationMachine.Timer.self, below: 2))
        #expect(Self.tagsAgree(RemoteInvitationMachine.State.self, below: 8))
        #expect(Self.tagsAgree(RemoteInvitationMachine.Timer.self, below: 2))
        #expect(Self.tagsAgree(ServerMachine.ServerTimer.self, below: 2))
        #expect(Self.tagsAgree(InvitationServerTimer.self, below: 4))
        #expect(Self.tagsAgree(InvitationRecord.Phase.self, below: 5))
        #expect(Self.tagsAgree(TimerOwner.self, below: 2))
        #expect(Self.tagsAgree(ClientRequest.self, below: 10))
        #expect(Self.tagsAgree(InvitationRequest.self, below: 7))
        #expect(Self.tagsAgree(ServerMessage.self, below: 16))
        #expect(Self.tagsAgree(InvitationNotice.self, below: 10))
        #expect(Self.tagsAgree(Bool.self, below: 2))
        #expect(Self.probe(ChannelMembershipState.self, tag: 5) == true)
        #expect(Self.probe(ChannelMembershipState.self, tag: 6) == nil)
        #expect(Self.probe(LoginErrCode.self, tag: 1000) == nil)
    }

    // MARK: Malformed input

    @Test("Empty bytes are no state")
    func empty() throws {
        #expect(Self.decode(try Self.richModel(), []) == nil)
    }

    @Test("No strict prefix of an encoding is a state")
    func truncated() throws {
        let (model, path) = try Self.richPath()
        let (bytes, _) = Self.encode(model, path[path.count - 2])
        #expect(bytes.count > 100)
        for length in 0..<bytes.count {
            #expect(Self.decode(model, Array(bytes.prefix(length))) == nil, "prefix of \(length) bytes")
        }
    }

    @Test("An encoding with a byte after the state is no state")
    func trailing() throws {
        let (model, path) = try Self.richPath()
        let (bytes, _) = Self.encode(model, path[path.count - 2])
        #expect(Self.decode(model, bytes) != nil)
        #expect(Self.decode(model, bytes + [0]) == nil)
        #expect(Self.decode(model, bytes + [0x80]) == nil)
    }

    @Test("A tag past every case, an optional tag past 1 and an overlong varint are refused")
    func outOfRange() throws {
        let model = try Self.richModel()
        let (bytes, _) = Self.encode(model, model.initialStates[0])
        // Three clients, then the first one's core: no user ID (0), an empty token (0), DISCONNECTED (0).
        #expect(Array(bytes.prefix(4)) == [3, 0, 0, 0])
        #expect(Self.decode(model, bytes) != nil)
        var badOptional = bytes
        badOptional[1] = 2
        #expect(Self.decode(model, badOptional) == nil)
        var badConnection = bytes
        badConnection[3] = 8
        #expect(Self.decode(model, badConnection) == nil)
        #expect(Self.decode(model, [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]) == nil)
    }

    @Test("Any one byte changed gives nil or a state, never a crash")
    func corrupted() throws {
        let (model, path) = try Self.richPath()
        var (bytes, _) = Self.encode(model, path[path.count - 2])
        var refused = 0
        for index in bytes.indices {
            let original = bytes[index]
            for replacement in [original &+ 1, 0xFF, 0x00] where replacement != original {
                bytes[index] = replacement
                if Self.decode(model, bytes) == nil { refused += 1 }
            }
            bytes[index] = original
        }
        #expect(refused > 0)
        #expect(Self.decode(model, bytes) == path[path.count - 2])
    }
}
