import RTMProtocol
import Testing

@testable import RTMMachines

private let A = Instance.alice
private let B = Instance.bob
private let C = Instance.carol

/// Peer messages: forwarding with the receiver's ACK, the offline store (decision 15), duplicates,
/// sending to yourself (decision 14) and persistence over a restart (rtm-reference §3.2).
@Suite("ServerMachine: peer messages")
struct ServerPeerMessageTests {
    @Test("Online receiver: forwarded; the sender's result is OK only after the receiver's peerMessageAck")
    func onlineReceiver() {
        var s = ServerScript.threeUsers()
        #expect(
            s.peer(A, to: "bob", 1, "hi") == [
                .send(B, .peerMessage(from: "alice", messageId: 1, text: "hi", isOffline: false))
            ])
        #expect(s.state.pending.count == 1)
        #expect(s.ack(B, from: "alice", 1) == [.send(A, .peerMessageResult(messageId: 1, .ok))])
        #expect(s.state.pending.isEmpty)
        #expect(s.ack(B, from: "alice", 1).isEmpty)
        #expect(s.ignored)
    }

    @Test(
        "Offline receiver: CACHED_BY_SERVER and stored with the offline flag, PEER_UNREACHABLE without it",
        arguments: [true, false]
    )
    func offlineReceiver(_ offlineFlag: Bool) {
        var s = ServerScript.threeUsers()
        let result: PeerMessageErrCode = offlineFlag ? .cachedByServer : .peerUnreachable
        #expect(s.peer(A, to: "dave", 1, offline: offlineFlag) == [.send(A, .peerMessageResult(messageId: 1, result))])
        #expect(s.state.offline.count == (offlineFlag ? 1 : 0))
    }

    @Test("A send with no session is answered PEER_MESSAGE_ERR_USER_NOT_LOGGED_IN")
    func senderNotLoggedIn() {
        var s = ServerScript()
        #expect(s.peer(A, to: "bob", 1) == [.send(A, .peerMessageResult(messageId: 1, .userNotLoggedIn))])
    }

    @Test("The offline store is delivered in send order at the next login, flagged isOffline")
    func storeDeliveredInOrder() {
        var s = ServerScript.threeUsers()
        s.peer(A, to: "dave", 1, "one", offline: true)
        s.peer(C, to: "dave", 1, "two", offline: true)
        s.peer(A, to: "dave", 2, "three", offline: true)
        #expect(
            s.login(Instance.alice2, "dave") == [
                .send(Instance.alice2, .loginAccepted),
                .send(Instance.alice2, .peerMessage(from: "alice", messageId: 1, text: "one", isOffline: true)),
                .send(Instance.alice2, .peerMessage(from: "carol", messageId: 1, text: "two", isOffline: true)),
                .send(Instance.alice2, .peerMessage(from: "alice", messageId: 2, text: "three", isOffline: true)),
            ])
        #expect(s.state.offline.isEmpty)
        #expect(s.ack(Instance.alice2, from: "carol", 1).isEmpty)
        #expect(s.moved)
        #expect(s.state.pending.count == 2)
    }

    @Test("At most 200 cached per receiver: the oldest are dropped first (decision 15)")
    func storeCapacity() {
        var s = ServerScript.threeUsers()
        for id in 1...205 { s.peer(A, to: "dave", id, "m\(id)", offline: true) }
        s.peer(A, to: "erin", 1, "other receiver", offline: true)
        #expect(s.state.offline.filter { $0.to == "dave" }.map(\.messageId) == Array(6...205))
        #expect(s.state.offline.filter { $0.to == "erin" }.count == 1)
        let delivered = serverSent(s.login(Instance.alice2, "dave"), to: Instance.alice2).dropFirst()
        #expect(delivered.first == .peerMessage(from: "alice", messageId: 6, text: "m6", isOffline: true))
        #expect(delivered.count == 200)
    }

    @Test("Delivered from the store but not acked when the receiver logs out: back to the store, redelivered")
    func unackedStoreMessageKept() {
        var s = ServerScript.threeUsers()
        s.peer(A, to: "dave", 1, "one", offline: true)
        s.peer(A, to: "dave", 2, "two", offline: true)
        s.login(Instance.alice2, "dave")
        s.ack(Instance.alice2, from: "alice", 1)
        #expect(s.request(Instance.alice2, .logout).isEmpty)
        #expect(s.state.offline == [.init(to: "dave", from: "alice", messageId: 2, text: "two")])
        #expect(
            serverSent(s.login(Instance.alice2, "dave"), to: Instance.alice2) == [
                .loginAccepted, .peerMessage(from: "alice", messageId: 2, text: "two", isOffline: true),
            ])
    }

    @Test("Forwarded but not acked when the receiver's session ends: cached with the flag, unreachable without")
    func unackedForwardedMessage() {
        var s = ServerScript.threeUsers()
        s.peer(A, to: "bob", 1, "kept", offline: true)
        s.peer(C, to: "bob", 1, "lost", offline: false)
        #expect(
            s.request(B, .logout) == [
                .send(A, .peerMessageResult(messageId: 1, .cachedByServer)),
                .send(C, .peerMessageResult(messageId: 1, .peerUnreachable)),
            ])
        #expect(s.state.offline == [.init(to: "bob", from: "alice", messageId: 1, text: "kept")])
    }

    @Test("A duplicated send is not forwarded (or cached) twice", arguments: [true, false])
    func duplicateSend(_ receiverOnline: Bool) {
        var s = ServerScript.threeUsers()
        let receiver = receiverOnline ? "bob" : "dave"
        #expect(!s.peer(A, to: receiver, 1, offline: true).isEmpty)
        #expect(s.peer(A, to: receiver, 1, offline: true).isEmpty)
        #expect(s.ignored)
        #expect(s.state.pending.count + s.state.offline.count == 1)
    }

    @Test("Send to yourself is delivered like any peer message (decision 14)")
    func sendToSelf() {
        var s = ServerScript.threeUsers()
        #expect(
            s.peer(A, to: "alice", 3, "note") == [
                .send(A, .peerMessage(from: "alice", messageId: 3, text: "note", isOffline: false))
            ])
        #expect(s.ack(A, from: "alice", 3) == [.send(A, .peerMessageResult(messageId: 3, .ok))])
    }

    @Test("A message to a receiver in its grace waits; the result comes after its relogin and ack")
    func receiverInGrace() {
        var s = ServerScript.threeUsers()
        s.run(.linkLost(B))
        #expect(s.peer(A, to: "bob", 1, "wait").isEmpty)
        #expect(s.state.pending.count == 1)
        s.request(B, .relogin(user: "bob", channels: []))
        #expect(s.ack(B, from: "alice", 1) == [.send(A, .peerMessageResult(messageId: 1, .ok))])
    }

    @Test("A restart keeps the store; store messages delivered but not acked go back to it first")
    func restartKeepsStore() {
        var s = ServerScript.threeUsers()
        s.peer(A, to: "dave", 1, "first", offline: true)
        s.login(Instance.alice2, "dave")
        s.peer(A, to: "erin", 1, "cached", offline: true)
        s.run(.restarted)
        #expect(
            s.state.offline == [
                .init(to: "dave", from: "alice", messageId: 1, text: "first"),
                .init(to: "erin", from: "alice", messageId: 1, text: "cached"),
            ])
        #expect(s.state.pending.isEmpty)
    }
}
