import RTMProtocol
import Testing

@testable import RTMMachines

/// SplitMix64: a seeded generator for the random walks.
struct WalkRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Random server events over a small world of users, connections and channels, biased towards what a client
/// would send: requests mostly from live sessions, invitation requests from the right role, acknowledgements of
/// pending messages, timers that are armed.
struct ServerWalk {
    var random: WalkRandom
    let users: [UserID]
    let connections: Int
    let channels: [ChannelID]
    var armed: [ServerMachine.ServerTimer] = []
    var messageId = 0

    /// Most peer messages go to `u0`, which rarely logs in: its offline store overflows.
    var flood = false

    init(seed: UInt64, users: Int, connections: Int, channels: Int) {
        random = WalkRandom(state: seed)
        self.users = (0..<users).map { "u\($0)" }
        self.connections = connections
        self.channels = (0..<channels).map { "c\($0)" }
    }

    mutating func user() -> UserID { users[random.below(users.count)] }
    mutating func conn() -> ConnectionID { ConnectionID(random.below(connections)) }
    mutating func channel() -> ChannelID { channels[random.below(channels.count)] }
    mutating func nextMessageId() -> Int {
        if random.chance(20) { return max(0, messageId - random.below(3)) }
        messageId += 1
        return messageId
    }

    mutating func invitationRequest() -> InvitationRequest {
        switch random.below(8) {
        case 0: .invite(content: "call", channelId: "room")
        case 1: .receivedAck
        case 2: .accept(response: "yes")
        case 3: .refuse(response: "no")
        case 4: .cancel
        case 5: .acceptAck
        default: .abandon
        }
    }

    /// A live session's connection mostly, else any connection.
    mutating func sender(_ state: ServerMachine.State) -> ConnectionID {
        guard random.chance(75), !state.sessions.isEmpty else { return conn() }
        return state.sessions[random.below(state.sessions.count)].conn
    }

    mutating func request(_ state: ServerMachine.State) -> (ConnectionID, ClientRequest) {
        let roll = random.below(12)
        if roll >= 10 {
            var key = InvitationKey(caller: user(), callee: user(), serial: random.below(2))
            if !state.invitations.isEmpty, random.chance(70) {
                key = state.invitations[random.below(state.invitations.count)].key
            }
            let request = invitationRequest()
            let fromCaller: Bool =
                switch request {
                case .invite, .cancel, .acceptAck: true
                case .receivedAck, .accept, .refuse: false
                case .abandon: random.chance(50)
                }
            let conn = state.session(user: fromCaller ? key.caller : key.callee)?.conn
            return (random.chance(90) ? conn ?? self.conn() : self.conn(), .invitation(key, request))
        }
        if roll == 9, !state.pending.isEmpty, random.chance(80) {
            let message = state.pending[random.below(min(3, state.pending.count))]
            let receiver = state.session(user: message.to)?.conn ?? conn()
            return (receiver, .peerMessageAck(from: message.from, messageId: message.messageId))
        }
        if roll == 8, flood, random.chance(85) {
            return (sender(state), .peerMessage(to: "u0", messageId: nextMessageId(), text: "f", offline: true))
        }
        let conn = roll < 2 ? conn() : sender(state)
        switch request(roll) {
        case .login(let user, _) where flood && user == "u0" && random.chance(99),
            .relogin(let user, _) where flood && user == "u0" && random.chance(99):
            return (conn, .logout)
        case let request:
            return (conn, request)
        }
    }

    mutating func request(_ roll: Int) -> ClientRequest {
        switch roll {
        case 0, 1: .login(user: user(), tokenVerdict: random.chance(90) ? .ok : .invalidToken)
        case 2: .relogin(user: user(), channels: random.chance(50) ? [channel()] : [])
        case 3: .logout
        case 4: .join(channel())
        case 5: .leave(channel())
        case 6: .channelMessage(channel(), messageId: nextMessageId(), text: "m")
        case 7: .getMembers(channel(), requestId: 1)
        case 8: .peerMessage(to: user(), messageId: nextMessageId(), text: "p", offline: random.chance(70))
        case 9: .peerMessageAck(from: user(), messageId: max(0, messageId - random.below(4)))
        default:
            .invitation(InvitationKey(caller: user(), callee: user(), serial: random.below(2)), invitationRequest())
        }
    }

    mutating func event(_ state: ServerMachine.State) -> ServerMachine.Event {
        let roll = random.below(1000)
        if roll < 150, !armed.isEmpty { return .timerFired(armed.remove(at: random.below(armed.count))) }
        if roll < 200 { return .linkLost(sender(state)) }
        if roll < 202 { return .restarted }
        if roll < 210 { return .timerFired(.grace(conn())) }
        let (conn, request) = request(state)
        return .requestReceived(conn, request)
    }

    /// Tracks the armed timers from a step's effects.
    mutating func observe(_ effects: [ServerMachine.Effect]) {
        for effect in effects {
            switch effect {
            case .startTimer(let timer, _):
                armed.removeAll { $0 == timer }
                armed.append(timer)
            case .cancelTimer(let timer): armed.removeAll { $0 == timer }
            case .send: break
            }
        }
    }
}
