import RTMProtocol
import Testing

@testable import RTMMachines

private let A = Instance.alice
private let B = Instance.bob
private let C = Instance.carol

/// The server state is canonical: histories that should lead to the same server lead to equal values
/// (sessions by connection, channels by ID, members by user ID, invitations by key), and every
/// reachable state keeps those orders.
@Suite("ServerMachine: canonical state")
struct ServerCanonicalStateTests {
    /// The six orders of three items.
    static let orders: [[Int]] = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]

    static func play(_ events: [Server.Event], order: [Int], after prefix: [Server.Event] = []) -> Server.State {
        var s = ServerScript()
        for event in prefix + order.map({ events[$0] }) { s.run(event) }
        return s.state
    }

    @Test("Logins in any order give equal states", arguments: orders)
    func loginOrder(_ order: [Int]) {
        let logins: [Server.Event] = [
            .requestReceived(A, .login(user: "alice", tokenVerdict: .ok)),
            .requestReceived(B, .login(user: "bob", tokenVerdict: .ok)),
            .requestReceived(C, .login(user: "carol", tokenVerdict: .ok)),
        ]
        let state = Self.play(logins, order: order)
        #expect(state == Self.play(logins, order: [0, 1, 2]))
        #expect(state.sessions.map(\.conn) == [A, B, C])
    }

    @Test("Joins in any order give equal member lists", arguments: orders)
    func joinOrder(_ order: [Int]) {
        let logins = ServerScript.threeUsers()
        let joins: [Server.Event] = [A, B, C].map { .requestReceived($0, .join("lobby")) }
        var s = logins
        for index in order { s.run(joins[index]) }
        #expect(s.state == ServerScript.lobbyOfThree().state)
        #expect(s.state.members("lobby") == ["alice", "bob", "carol"])
    }

    @Test("Channels joined in any order are kept sorted by ID", arguments: orders)
    func channelOrder(_ order: [Int]) {
        let joins: [Server.Event] = ["zeta", "alpha", "mid"].map { .requestReceived(A, .join($0)) }
        let login = Server.Event.requestReceived(A, .login(user: "alice", tokenVerdict: .ok))
        let state = Self.play(joins, order: order, after: [login])
        #expect(state.channels.map(\.id) == ["alpha", "mid", "zeta"])
    }

    @Test("Invitations started in any order are kept sorted by key", arguments: orders)
    func invitationOrder(_ order: [Int]) {
        let keys = [3, 1, 2].map { InvitationKey(caller: "alice", callee: "bob", serial: $0) }
        let invites: [Server.Event] = keys.map { .requestReceived(A, .invitation($0, Call.invite)) }
        let state = Self.play(invites, order: order, after: ServerScript.threeUsers().stateEvents)
        #expect(state.invitations.map(\.key.serial) == [1, 2, 3])
    }

    @Test("Join then leave equals never joining; a link lost and restored by relogin equals no loss")
    func historiesThatCancel() {
        var joinedAndLeft = ServerScript.threeUsers()
        joinedAndLeft.join(A, "lobby")
        joinedAndLeft.request(A, .leave("lobby"))
        #expect(joinedAndLeft.state == ServerScript.threeUsers().state)

        var lostAndBack = ServerScript.lobbyOfThree()
        lostAndBack.run(.linkLost(B))
        lostAndBack.request(B, .relogin(user: "bob", channels: ["lobby"]))
        #expect(lostAndBack.state == ServerScript.lobbyOfThree().state)
    }

    @Test("A relogin after the grace ends in the same state as a fresh login and join")
    func reloginEqualsFreshJoin() {
        var relogin = ServerScript.lobbyOfThree()
        relogin.run(.linkLost(B))
        relogin.fire(.grace(B))
        relogin.request(B, .relogin(user: "bob", channels: ["lobby"]))
        var fresh = ServerScript.lobbyOfThree()
        fresh.request(B, .logout)
        fresh.login(B, "bob")
        fresh.join(B, "lobby")
        #expect(relogin.state == fresh.state)
    }

    @Test("Every state reachable by the representative events is canonical and consistent")
    func reachableStatesAreCanonical() {
        let states = Server.reachableStates()
        // The premises are reachable: every record phase, a lingering session, the store and pending messages.
        let phases = Set(states.compactMap { $0.invitations.first?.phase })
        #expect(phases == [.holding, .delivered, .ringing, .acceptWon, .ended])
        #expect(states.contains { $0.sessions.contains { !$0.linkUp } })
        #expect(states.contains { !$0.offline.isEmpty } && states.contains { !$0.pending.isEmpty })
        #expect(states.contains { !$0.channels.isEmpty })
        for state in states {
            #expect(state.sessions.map(\.conn) == state.sessions.map(\.conn).sorted())
            #expect(Set(state.sessions.map(\.user)).count == state.sessions.count)
            #expect(state.channels.map(\.id) == state.channels.map(\.id).sorted())
            for channel in state.channels {
                #expect(!channel.members.isEmpty && channel.members == channel.members.sorted())
                #expect(channel.members.allSatisfy(state.isOnline))
            }
            #expect(state.invitations.map(\.key) == state.invitations.map(\.key).sorted())
            #expect(state.pending.allSatisfy { state.isOnline($0.to) })
            #expect(state.offline.allSatisfy { !state.isOnline($0.to) })
        }
    }

    @Test("No representative event is refused as our own bug (unreachable) from any reachable state")
    func noUnreachableRejections() {
        for state in Server.reachableStates() {
            for event in Server.representativeEvents {
                if case .rejected(let violation) = Server.step(state, event) {
                    #expect(violation.kind == .peerBrokeProtocol, "\(Server.eventLabel(event)): \(violation)")
                }
            }
        }
    }
}

extension ServerScript {
    /// The events that rebuild this script's state: its sessions' logins (for scripts made only of logins).
    var stateEvents: [Server.Event] {
        state.sessions.map { .requestReceived($0.conn, .login(user: $0.user, tokenVerdict: .ok)) }
    }
}
