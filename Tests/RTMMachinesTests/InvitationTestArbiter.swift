import RTMMachines
import RTMProtocol

/// Which end of an invitation a message comes from or goes to.
enum InvitationRole: String, Hashable, CustomStringConvertible {
    case caller, callee
    var description: String { rawValue }
}

/// A test-only server for one invitation: the rules of docs/invitation-protocol.md §4, written
/// from the document (not from the client machines) so the pump tests check that the two agree.
struct InvitationTestArbiter {
    /// The server's record of the invitation (§4 "record state").
    enum Record: Equatable {
        case none, holding, delivered, ringing, acceptWon
        case ended(String)
    }

    /// The server's timers (§4): no-ACK 30 s, expiry 60 s, accept-ACK 30 s.
    enum Timer: Hashable { case noAck, expire, acceptAck }

    typealias Out = [(InvitationRole, InvitationNotice)]

    var record: Record = .none
    var timers: Set<Timer> = []
    var callerOnline = true
    var calleeOnline = true
    /// Requests a correct client never sends here ("drop (violation)" in §4).
    var violations: [String] = []
    /// Requests dropped because the invitation was already decided (late or duplicate).
    var dropped: [String] = []
    private var invite: (content: String, channelId: String)?

    mutating func receive(_ request: InvitationRequest, from role: InvitationRole) -> Out {
        switch (request, role) {
        case (.invite(let content, let channelId), .caller):
            guard record == .none else { return drop(request, late: true) }
            invite = (content, channelId)
            timers = [.noAck]
            if calleeOnline {
                record = .delivered
                return [(.callee, .invite(content: content, channelId: channelId))]
            }
            record = .holding
            return [(.caller, .calleeOffline)]
        case (.receivedAck, .callee):
            switch record {
            case .delivered: return acknowledge()
            case .none, .holding: return drop(request, late: false)
            case .ringing, .acceptWon, .ended: return drop(request, late: true)
            }
        case (.accept(let response), .callee):
            switch record {
            case .delivered: return acknowledge() + accept(response)
            case .ringing: return accept(response)
            case .none, .holding: return drop(request, late: false)
            case .acceptWon, .ended: return drop(request, late: true)
            }
        case (.refuse(let response), .callee):
            switch record {
            case .delivered: return acknowledge() + refuse(response)
            case .ringing: return refuse(response)
            case .none, .holding, .acceptWon: return drop(request, late: false)
            case .ended: return drop(request, late: true)
            }
        case (.cancel, .caller):
            switch record {
            case .holding: return end("canceled", [(.caller, .cancel)])
            case .delivered, .ringing: return end("canceled", [(.callee, .cancel), (.caller, .cancel)])
            case .none: return drop(request, late: false)
            case .acceptWon, .ended: return drop(request, late: true)  // decision 11: the accept won
            }
        case (.acceptAck, .caller):
            switch record {
            case .acceptWon: return end("accepted", [(.callee, .callerAck)])
            case .none, .holding, .delivered, .ringing: return drop(request, late: false)
            case .ended: return drop(request, late: true)
            }
        case (.abandon, .caller):
            switch record {
            case .holding: return end("abandoned by caller", [])
            case .delivered, .ringing: return end("abandoned by caller", [(.callee, .remoteFailure(.invitationExpire))])
            case .acceptWon: return end("abandoned by caller", [(.callee, .remoteFailure(.acceptFailure))])
            case .none: return drop(request, late: false)
            case .ended: return drop(request, late: true)
            }
        case (.abandon, .callee):
            switch record {
            case .delivered, .ringing: return end("abandoned by callee", [(.caller, .localFailure(.invitationExpire))])
            case .acceptWon: return end("abandoned by callee", [])
            case .none, .holding: return drop(request, late: false)
            case .ended: return drop(request, late: true)
            }
        case (.invite, .callee), (.cancel, .callee), (.acceptAck, .callee), (.receivedAck, .caller),
            (.accept, .caller), (.refuse, .caller):
            return drop(request, late: false)
        }
    }

    /// The callee logs in: a held invitation is delivered.
    mutating func calleeLoggedIn() -> Out {
        calleeOnline = true
        guard record == .holding, let invite else { return [] }
        record = .delivered
        return [(.callee, .invite(content: invite.content, channelId: invite.channelId))]
    }

    /// A server timer fires; `nil` when it is not running.
    mutating func fire(_ timer: Timer) -> Out? {
        guard timers.contains(timer) else { return nil }
        switch (timer, record) {
        case (.noAck, .holding):
            return end("no ACK, callee offline", [(.caller, .localFailure(.peerOffline))])
        case (.noAck, .delivered):
            return end(
                "no ACK", [(.caller, .localFailure(.peerNoResponse)), (.callee, .remoteFailure(.invitationExpire))])
        case (.expire, .ringing):
            return end(
                "expired", [(.callee, .remoteFailure(.invitationExpire)), (.caller, .localFailure(.invitationExpire))])
        case (.acceptAck, .acceptWon):
            return end("no accept ACK", [(.callee, .remoteFailure(.acceptFailure))])
        case (.noAck, _), (.expire, _), (.acceptAck, _):
            violations.append("timer \(timer) running in \(record)")
            return []
        }
    }

    private mutating func acknowledge() -> Out {
        record = .ringing
        timers = [.expire]
        return [(.caller, .calleeAck)]
    }

    private mutating func accept(_ response: String) -> Out {
        guard callerOnline else {
            // Decision 10: the caller is offline when the accept reaches the server.
            return end(
                "caller offline",
                [(.callee, .remoteFailure(.peerOffline)), (.caller, .localFailure(.invitationExpire))])
        }
        record = .acceptWon
        timers = [.acceptAck]
        return [(.caller, .accept(response: response))]
    }

    private mutating func refuse(_ response: String) -> Out {
        end("refused", [(.callee, .refuseAck), (.caller, .refuse(response: response))])
    }

    private mutating func end(_ verdict: String, _ out: Out) -> Out {
        record = .ended(verdict)
        timers = []
        return out
    }

    private mutating func drop(_ request: InvitationRequest, late: Bool) -> Out {
        if late { dropped.append(request.label) } else { violations.append("\(request.label) in \(record)") }
        return []
    }
}
