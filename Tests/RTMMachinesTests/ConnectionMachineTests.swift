import RTMProtocol
import Testing

@testable import RTMMachines

/// What rtm-reference says one (state, event) pair does.
enum ConnExpect: Equatable, Sendable {
    case moves(ConnStateName, [Conn.Effect])
    case ignored
    case rejected(Violation.Kind)
}

/// Every (reachable state × representative event) pair against a table written from rtm-reference §2.1, §3.1.
@Suite("ConnectionMachine: every state × event")
struct ConnectionMachineTests {
    @Test("The reachable states are exactly the eight fixture states, with the documented SDK states")
    func reachableStates() {
        let reachable = Set(Conn.reachableStates())
        #expect(reachable == Set(ConnStateName.allCases.map(\.state)))
        for name in ConnStateName.allCases {
            #expect(name.state.sdkState == name.sdkState)
            #expect(Conn.sdkStateName(name.state) == name.sdkState.sdkName)
        }
    }

    @Test("Each pair does what the table says", arguments: ConnStateName.allCases)
    func everyPair(_ name: ConnStateName) {
        for event in Conn.representativeEvents {
            let step = Conn.step(name.state, event)
            let want = Self.expected(name, event)
            switch (step, want) {
            case (.moved(let next, let effects), .moves(let target, let wantEffects)):
                #expect(next == target.state, "\(name) + \(Conn.eventLabel(event))")
                #expect(effects == wantEffects, "\(name) + \(Conn.eventLabel(event))")
            case (.ignored, .ignored):
                break
            case (.rejected(let violation), .rejected(let kind)):
                #expect(violation.kind == kind, "\(name) + \(Conn.eventLabel(event))")
            case (.moved, _), (.ignored, _), (.rejected, _):
                Issue.record("\(name) + \(Conn.eventLabel(event)): got \(step), expected \(want)")
            }
        }
    }

    // MARK: - The table

    private static func rc(_ code: Conn.ReturnCode) -> Conn.Effect { .returnCode(code) }
    private static func cb(_ callback: Conn.Callback) -> Conn.Effect { .callback(callback) }

    /// rtm-reference §2.1 rows C1–C17, §3.1 and §0 decisions 2, 3, 6, 7, restated per event.
    static func expected(_ s: ConnStateName, _ event: Conn.Event) -> ConnExpect {
        let loggedIn: Set<ConnStateName> = [.connected, .linkLost, .waitingForLink, .reloginSent, .awaitingToken]
        let logoutDone = [cb(.onLogout(.ok)), cb(.onConnectionStateChanged(.disconnected, .logout))]
        switch event {
        case .loginRequested:
            // C1; C12 everywhere else.
            if s == .disconnected {
                return .moves(
                    .connecting,
                    [
                        rc(.login(.ok)), .send(.login), .startTimer(.login, ms: 6_000),
                        cb(.onConnectionStateChanged(.connecting, .login)),
                    ])
            }
            return .moves(s, [rc(.login(.alreadyLoggedIn))])
        case .logoutRequested:
            switch s {
            case .disconnected: return .moves(s, [rc(.logout(.userNotLoggedIn))])  // C13
            case .connecting:  // decision 6
                return .moves(.disconnected, [rc(.logout(.ok)), .cancelTimer(.login), .send(.logout)] + logoutDone)
            case .connected:  // C10, decision 7
                return .moves(
                    .disconnected, [rc(.logout(.ok)), .send(.logout)] + logoutDone + [.dropChannelMemberships])
            case .linkLost:
                return .moves(
                    .disconnected,
                    [rc(.logout(.ok)), .cancelTimer(.interruption), .send(.logout)] + logoutDone
                        + [.dropChannelMemberships])
            case .waitingForLink, .reloginSent, .awaitingToken:  // C10, decision 7
                return .moves(
                    .disconnected, [rc(.logout(.ok)), .send(.logout)] + logoutDone + [.dropChannelMemberships])
            case .aborted: return .moves(.disconnected, [rc(.logout(.ok))] + logoutDone)  // C11
            }
        case .renewTokenRequested:
            if !loggedIn.contains(s) { return .moves(s, [rc(.renewToken(.userNotLoggedIn))]) }
            if s == .awaitingToken {
                return .moves(.reloginSent, [rc(.renewToken(.ok)), .send(.renewToken), .send(.relogin)])
            }
            return .moves(s, [rc(.renewToken(.ok)), .send(.renewToken)])
        case .loginAcceptedReceived:
            guard s == .connecting else { return .ignored }
            return .moves(
                .connected,
                [
                    .cancelTimer(.login), cb(.onLoginSuccess), cb(.onConnectionStateChanged(.connected, .loginSuccess)),
                ])  // C2, decision 3
        case .loginRejectedReceived(let code):
            guard s == .connecting else { return .ignored }
            guard (1...7).contains(code.rawValue) else { return .rejected(.peerBrokeProtocol) }
            return .moves(
                .disconnected,
                [
                    .cancelTimer(.login), cb(.onLoginFailure(code)),
                    cb(.onConnectionStateChanged(.disconnected, .loginFailure)),
                ])  // C3, C17, decision 3
        case .loginTimerFired:
            guard s == .connecting else { return .ignored }
            return .moves(
                .disconnected,
                [
                    .send(.logout), cb(.onLoginFailure(.timeout)),
                    cb(.onConnectionStateChanged(.disconnected, .loginTimeout)),
                ])  // C4
        case .linkLost:
            switch s {
            case .connected: return .moves(.linkLost, [.startTimer(.interruption, ms: 4_000)])
            case .reloginSent, .awaitingToken: return .moves(.waitingForLink, [])
            case .disconnected, .connecting, .linkLost, .waitingForLink, .aborted: return .ignored
            }
        case .linkRestored:
            switch s {
            case .linkLost: return .moves(.connected, [.cancelTimer(.interruption)])
            case .waitingForLink: return .moves(.reloginSent, [.send(.relogin)])
            case .disconnected, .connecting, .connected, .reloginSent, .awaitingToken, .aborted: return .ignored
            }
        case .interruptionTimerFired:
            guard s == .linkLost else { return .ignored }
            return .moves(.waitingForLink, [cb(.onConnectionStateChanged(.reconnecting, .interrupted))])  // C5
        case .reloginAcceptedReceived:
            guard s == .reloginSent else { return .ignored }
            // C6: no onLoginSuccess; the SDK rejoins its channels.
            return .moves(
                .connected,
                [
                    cb(.onConnectionStateChanged(.connected, .loginSuccess)), .resumeChannelMemberships,
                ])
        case .reloginRejectedReceived:
            guard s == .reloginSent else { return .ignored }
            return .moves(.reloginSent, [.send(.relogin)])  // C7
        case .kickedReceived(let reason):
            let reasonCode: ConnectionChangeReason = reason == .remoteLogin ? .remoteLogin : .bannedByServer
            let abort = [cb(.onConnectionStateChanged(.aborted, reasonCode)), .dropChannelMemberships]
            switch s {
            case .connected, .reloginSent, .awaitingToken: return .moves(.aborted, abort)  // C8, C9, decision 7
            case .linkLost: return .moves(.aborted, [.cancelTimer(.interruption)] + abort)
            case .disconnected, .connecting, .waitingForLink, .aborted: return .ignored
            }
        case .tokenExpiredReceived:
            switch s {
            case .connected, .linkLost: return .moves(s, [])  // C16: no onTokenExpired
            case .reloginSent: return .moves(.awaitingToken, [cb(.onTokenExpired)])  // C15
            case .disconnected, .connecting, .waitingForLink, .awaitingToken, .aborted: return .ignored
            }
        case .renewTokenResultReceived(let code):
            switch s {
            case .connected, .linkLost, .reloginSent, .awaitingToken:
                guard code != .tooOften, code != .notInitialized, code != .userNotLoggedIn else {
                    return .rejected(.peerBrokeProtocol)
                }
                return .moves(s, [cb(.onRenewTokenResult(code))])
            case .disconnected, .connecting, .waitingForLink, .aborted: return .ignored
            }
        }
    }
}
