import RTMProtocol
import Testing

@testable import RTMMachines

/// N client cores and one server core, pumped with prompt in-order delivery and no timers.
struct Pump {
    var clients: [ClientCore]
    var server = ServerMachine.initialState
    var callbacks: [[RtmCallback]]
    var violations: [Violation] = []
    var up: [(Int, ClientRequest)] = []
    var down: [(Int, ServerMessage)] = []

    init(_ n: Int) {
        clients = Array(repeating: ClientCore(), count: n)
        callbacks = Array(repeating: [], count: n)
    }

    @discardableResult
    mutating func call(_ i: Int, _ call: RtmApiCall) -> RtmApiResult? {
        let outputs = clients[i].handle(.api(call))
        var result: RtmApiResult?
        for output in outputs {
            if case .returned(let r) = output, result == nil { result = r }
        }
        absorb(i, outputs)
        settle()
        return result
    }

    mutating func absorb(_ i: Int, _ outputs: [ClientCore.Output]) {
        for output in outputs {
            switch output {
            case .callback(let c): callbacks[i].append(c)
            case .send(let r): up.append((i, r))
            case .violation(let v): violations.append(v)
            case .returned, .sendRenewToken, .startTimer, .cancelTimer: break
            }
        }
    }

    mutating func settle() {
        while !up.isEmpty || !down.isEmpty {
            if !up.isEmpty {
                let (i, request) = up.removeFirst()
                let step = ServerMachine.step(server, .requestReceived(ConnectionID(i), request))
                if case .rejected(let v) = step { violations.append(v) }
                server = step.state(after: server)
                for case .send(let conn, let message) in step.effects { down.append((conn.raw, message)) }
            } else {
                let (i, message) = down.removeFirst()
                absorb(i, clients[i].handle(.received(message)))
            }
        }
    }
}

@Suite struct ClientCorePumpTests {
    @Test("Two clients log in, alice invites bob, bob accepts: both ends end ACCEPTED")
    func inviteAccept() {
        var pump = Pump(2)
        #expect(pump.call(0, .login(token: "", userId: "alice")) == .login(.ok))
        #expect(pump.call(1, .login(token: "", userId: "bob")) == .login(.ok))
        #expect(pump.callbacks[0] == [
            .onConnectionStateChanged(.connecting, .login), .onLoginSuccess,
            .onConnectionStateChanged(.connected, .loginSuccess),
        ])
        let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)
        #expect(pump.call(0, .createLocalCallInvitation(calleeId: "bob")) == .invitationCreated(key))
        #expect(pump.call(0, .sendLocalInvitation(key)) == .invitation(.ok))
        #expect(pump.clients[0].local(key)?.machine.sdkState == .receivedByRemote)
        #expect(pump.clients[1].remote(key)?.machine.sdkState == .invitationReceived)
        #expect(pump.call(1, .acceptRemoteInvitation(key)) == .invitation(.ok))
        #expect(pump.clients[0].local(key)?.machine.sdkState == .acceptedByRemote)
        #expect(pump.clients[1].remote(key)?.machine.sdkState == .accepted)
        #expect(pump.callbacks[1].suffix(2) == [.onRemoteInvitationReceived(key), .onRemoteInvitationAccepted(key)])
        #expect(pump.violations.isEmpty)
    }

    @Test("A channel message reaches the other member and is never echoed to its sender")
    func channelMessage() {
        var pump = Pump(2)
        pump.call(0, .login(token: "", userId: "alice"))
        pump.call(1, .login(token: "", userId: "bob"))
        for i in 0..<2 {
            #expect(pump.call(i, .createChannel(channelId: "lobby")) == .channelCreated(true))
            #expect(pump.call(i, .join(channel: "lobby")) == .join(.ok))
        }
        #expect(pump.callbacks[0].suffix(2) == [
            .onMemberJoined(channel: "lobby", userId: "bob"), .onMemberCountUpdated(channel: "lobby", count: 2),
        ])
        #expect(pump.call(0, .sendMessage(channel: "lobby", text: "hi")) == .channelMessage(.ok, messageId: 1))
        #expect(pump.callbacks[1].last == .onMessageReceived(channel: "lobby", userId: "alice", text: "hi"))
        #expect(pump.callbacks[0].last == .onChannelSendMessageResult(channel: "lobby", messageId: 1, .ok))
        #expect(!pump.callbacks[0].contains(.onMessageReceived(channel: "lobby", userId: "alice", text: "hi")))
        #expect(pump.violations.isEmpty)
    }

    @Test("An offline peer message is cached, then delivered flagged isOfflineMessage at the next login")
    func offlineMessage() {
        var pump = Pump(2)
        pump.call(0, .login(token: "", userId: "alice"))
        #expect(pump.call(0, .sendMessageToPeer(peerId: "bob", text: "later", enableOfflineMessaging: true))
            == .peerMessage(.ok, messageId: 1))
        #expect(pump.callbacks[0].last == .onSendMessageResult(messageId: 1, .cachedByServer))
        pump.call(1, .login(token: "", userId: "bob"))
        #expect(pump.callbacks[1].last == .onMessageReceivedFromPeer(peerId: "alice", text: "later", isOffline: true))
        #expect(pump.server.offline.isEmpty && pump.server.pending.isEmpty)
        #expect(pump.violations.isEmpty)
    }
}
