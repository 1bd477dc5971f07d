import RTMProtocol

@testable import RTMMachines

typealias Server = ServerMachine

/// The connections the server tests use: one per client instance.
enum Instance {
    static let alice = ConnectionID(1)
    static let bob = ConnectionID(2)
    static let carol = ConnectionID(3)
    /// A second instance that logs in as alice (C8).
    static let alice2 = ConnectionID(4)
}

/// A scripted server: feeds events one at a time, keeps the state and the last step.
///
/// Every helper returns the step's effects, so a test reads `#expect(s.request(...) == [...])`, one
/// `#expect` per protocol step. A step that was ignored or rejected returns no effects; `last` says which.
struct ServerScript {
    var state = Server.initialState
    private(set) var last: Step<Server.State, Server.Effect> = .ignored(because: "nothing ran yet")

    @discardableResult
    mutating func run(_ event: Server.Event) -> [Server.Effect] {
        last = Server.step(state, event)
        state = last.state(after: state)
        return last.effects
    }

    @discardableResult
    mutating func request(_ conn: ConnectionID, _ request: ClientRequest) -> [Server.Effect] {
        run(.requestReceived(conn, request))
    }

    @discardableResult
    mutating func login(_ conn: ConnectionID, _ user: UserID, _ verdict: LoginErrCode = .ok) -> [Server.Effect] {
        request(conn, .login(user: user, tokenVerdict: verdict))
    }

    @discardableResult
    mutating func join(_ conn: ConnectionID, _ channel: ChannelID) -> [Server.Effect] {
        request(conn, .join(channel))
    }

    @discardableResult
    mutating func peer(
        _ conn: ConnectionID, to: UserID, _ messageId: Int, _ text: String = "hi", offline: Bool = false
    ) -> [Server.Effect] {
        request(conn, .peerMessage(to: to, messageId: messageId, text: text, offline: offline))
    }

    @discardableResult
    mutating func ack(_ conn: ConnectionID, from: UserID, _ messageId: Int) -> [Server.Effect] {
        request(conn, .peerMessageAck(from: from, messageId: messageId))
    }

    @discardableResult
    mutating func invitation(_ conn: ConnectionID, _ key: InvitationKey, _ request: InvitationRequest)
        -> [Server.Effect]
    {
        self.request(conn, .invitation(key, request))
    }

    @discardableResult
    mutating func fire(_ timer: Server.ServerTimer) -> [Server.Effect] { run(.timerFired(timer)) }

    /// Whether the last step was `.ignored` (a documented race: nothing changed).
    var ignored: Bool {
        if case .ignored = last { return true }
        return false
    }

    /// Whether the last step was rejected because the client broke the protocol.
    var brokeProtocol: Bool {
        if case .rejected(let violation) = last { return violation.kind == .peerBrokeProtocol }
        return false
    }

    /// Whether the last step moved (a legal step, possibly back to the same state).
    var moved: Bool {
        if case .moved = last { return true }
        return false
    }

    /// alice (Instance.alice), bob (Instance.bob) and carol (Instance.carol) logged in.
    static func threeUsers() -> ServerScript {
        var script = ServerScript()
        script.login(Instance.alice, "alice")
        script.login(Instance.bob, "bob")
        script.login(Instance.carol, "carol")
        return script
    }

    /// alice, bob and carol logged in and members of `lobby`, joined in that order.
    static func lobbyOfThree() -> ServerScript {
        var script = threeUsers()
        script.join(Instance.alice, "lobby")
        script.join(Instance.bob, "lobby")
        script.join(Instance.carol, "lobby")
        return script
    }
}

/// The messages of `effects` sent to `conn`, in order.
func serverSent(_ effects: [Server.Effect], to conn: ConnectionID) -> [ServerMessage] {
    effects.compactMap {
        if case .send(conn, let message) = $0 { return message }
        return nil
    }
}

/// Every connection `effects` sends to, in order of first send.
func serverRecipients(_ effects: [Server.Effect]) -> [ConnectionID] {
    var seen: [ConnectionID] = []
    for case .send(let conn, _) in effects where !seen.contains(conn) { seen.append(conn) }
    return seen
}
