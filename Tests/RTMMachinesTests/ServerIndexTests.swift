import Foundation
import RTMProtocol
import Testing

@testable import RTMMachines

/// The server state's derived index: kept equal to one derived from scratch by every step, invisible to
/// equality, hashing and encoding; and ``ServerMachine/apply(_:to:)`` makes the same transition as
/// ``ServerMachine/step(_:_:)``, in place.
///
/// (The indexed core was checked against a copy of the former linear-scan core on these walks, step by step:
/// see the commit that removed `ServerDifferentialTests`.)
@Suite("ServerMachine: the derived index and in-place steps")
struct ServerIndexTests {
    /// Seed, users, connections, channels; seed 6 floods one offline user past the store's capacity.
    static let worlds: [(UInt64, Int, Int, Int)] = [(1, 6, 8, 3), (2, 12, 14, 4), (4, 30, 40, 6), (6, 4, 6, 2)]

    @Test("Every step keeps the index equal to one derived from scratch; apply agrees with step", arguments: worlds)
    func indexFollowsEveryStep(_ seed: UInt64, _ users: Int, _ connections: Int, _ channels: Int) {
        var walk = ServerWalk(seed: seed, users: users, connections: connections, channels: channels)
        walk.flood = seed == 6
        var state = ServerMachine.State()
        var failures = 0
        var moved = 0
        var offlineAtCapacity = false
        for _ in 0..<(walk.flood ? 12_000 : 4_000) where failures < 3 {
            let event = walk.event(state)
            let step = ServerMachine.step(state, event)
            var inPlace = state
            let applied = ServerMachine.apply(event, to: &inPlace)
            let label = ServerMachine.eventLabel(event)
            switch (step, applied) {
            case (.moved(let next, let effects), .moved(let appliedEffects, _)):
                moved += 1
                if next.index != ServerIndex(next.content) {
                    failures += 1
                    Issue.record("after \(label) the index differs from one derived from the state")
                }
                if inPlace != next || appliedEffects != effects {
                    failures += 1
                    Issue.record("\(label): apply and step disagree")
                }
                walk.observe(effects)
                state = next
            case (.ignored(let reason), .ignored(let appliedReason)):
                if inPlace != state || appliedReason != reason {
                    failures += 1
                    Issue.record("\(label) was ignored but apply changed the state")
                }
            case (.rejected(let violation), .rejected(let appliedViolation)):
                if inPlace != state || appliedViolation != violation {
                    failures += 1
                    Issue.record("\(label) was rejected but apply changed the state")
                }
            case (.moved, _), (.ignored, _), (.rejected, _):
                failures += 1
                Issue.record("\(label): step gave \(step), apply gave \(applied)")
            }
            if state.offline.count { $0.to == "u0" } == ServerMachine.offlineCapacity { offlineAtCapacity = true }
        }
        #expect(failures == 0)
        // The walk did something: most steps moved, and sessions, channels and messages were in play.
        #expect(moved > 2_000)
        #expect(!state.sessions.isEmpty || !state.offline.isEmpty)
        if walk.flood { #expect(offlineAtCapacity) }
    }

    @Test("The index is not part of the state: equality, hashing and encoding see the content only")
    func indexIsInvisible() throws {
        var s = ServerScript.lobbyOfThree()
        s.peer(Instance.alice, to: "dave", 1, offline: true)
        s.invitation(Instance.alice, InvitationKey(caller: "alice", callee: "bob", serial: 1), Call.invite)
        let state = s.state
        var stale = state
        stale.index = ServerIndex()
        #expect(stale == state)
        #expect(Set([stale, state]).count == 1)
        let decoded = try JSONDecoder().decode(ServerMachine.State.self, from: JSONEncoder().encode(state))
        #expect(decoded == state)
        #expect(decoded.index == state.index)
        #expect(decoded.index.offlineCount == ["dave": 1])
        #expect(decoded.index.channels["bob"] == ["lobby"])
        #expect(decoded.index.invitationsByCallee["bob"] == [InvitationKey(caller: "alice", callee: "bob", serial: 1)])
        let keys = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(state)) as? [String: Any])
        #expect(Set(keys.keys) == ["sessions", "channels", "offline", "pending", "invitations"])
    }

    @Test("A renamed state leaves its index to its first step, which derives it: the same step as a fresh index")
    func renamedStatesDeriveTheIndex() {
        var walk = ServerWalk(seed: 3, users: 6, connections: 8, channels: 3)
        var state = ServerMachine.State()
        let swap: (UserID) -> UserID = { $0 == "u0" ? "u1" : $0 == "u1" ? "u0" : $0 }
        var renamings = 0
        for step in 0..<3_000 {
            let event = walk.event(state)
            if step % 7 == 0 {
                let renamed = state.renamingUsers(swap, connection: { $0 }, text: { $0 })
                if renamed.indexIsStale {
                    renamings += 1
                    // Lookups on a stale state scan the sessions: the answers of a derived index.
                    #expect(renamed.isOnline("u0") == state.isOnline("u1"))
                    var fresh = renamed
                    fresh.rebuildIndex()
                    for user in (0..<6).map({ "u\($0)" }) {
                        #expect(renamed.isOnline(user) == fresh.isOnline(user))
                        #expect(renamed.session(user: user) == fresh.session(user: user))
                    }
                    var lazy = renamed
                    let applied = ServerMachine.apply(event, to: &lazy)
                    let expected = ServerMachine.apply(event, to: &fresh)
                    #expect(lazy == fresh)
                    #expect("\(applied)" == "\(expected)")
                    #expect(!lazy.indexIsStale && lazy.index == ServerIndex(lazy.content))
                }
            }
            if case .moved(let next, let effects) = ServerMachine.step(state, event) {
                walk.observe(effects)
                state = next
            }
        }
        #expect(renamings > 100)
    }

    @Test("Setting an array from outside derives the index again")
    func settersRebuildTheIndex() {
        var state = ServerScript.threeUsers().state
        state.sessions.removeAll { $0.user == "bob" }
        #expect(!state.isOnline("bob"))
        #expect(state.session(user: "carol")?.conn == Instance.carol)
        #expect(state.index == ServerIndex(state.content))
    }

    @Test("Lookups at 20,000 sessions agree with the arrays: a session by connection and by user, members")
    func largeState() {
        var state = ServerMachine.State()
        // Connections in a scrambled order, so insertions land all over the sorted array.
        for i in 0..<20_000 {
            let conn = ConnectionID((i * 7_919) % 20_000)
            let applied = ServerMachine.apply(
                .requestReceived(conn, .login(user: "u\(conn.raw)", tokenVerdict: .ok)), to: &state)
            guard case .moved = applied else {
                Issue.record("login \(i) did not move")
                return
            }
            if i % 4 == 0 { _ = ServerMachine.apply(.requestReceived(conn, .join("c\(i % 50)")), to: &state) }
        }
        #expect(state.sessions.count == 20_000)
        #expect(state.sessions.map(\.conn) == (0..<20_000).map(ConnectionID.init))
        #expect(state.session(user: "u12345")?.conn == ConnectionID(12_345))
        #expect(state.session(ConnectionID(777))?.user == "u777")
        #expect(state.channels.map(\.id) == state.channels.map(\.id).sorted())
        #expect(state.channels.count == 25)
        #expect(state.channels.allSatisfy { $0.members == $0.members.sorted() && $0.members.count == 200 })
        #expect(state.index == ServerIndex(state.content))
        // A kick: the same user logs in on another connection.
        let kicked = ServerMachine.apply(
            .requestReceived(ConnectionID(20_000), .login(user: "u5", tokenVerdict: .ok)), to: &state)
        guard case .moved(let effects, let ended) = kicked else {
            Issue.record("the second login of u5 did not move")
            return
        }
        #expect(ended.map(\.conn) == [ConnectionID(5)])
        #expect(effects.first == .send(ConnectionID(5), .kicked(.remoteLogin)))
        #expect(state.session(user: "u5")?.conn == ConnectionID(20_000))
    }
}
