import RTMProtocol

extension ConnectionMachine {
    /// Pure: no clocks, no I/O, no randomness. Every (state, event) pair is listed; no `default:`.
    public static func step(_ state: State, _ event: Event) -> Step<State, Effect> {
        switch event {
        case .loginRequested: login(state)
        case .logoutRequested: logout(state)
        case .renewTokenRequested: renewToken(state)
        case .loginAcceptedReceived, .loginRejectedReceived, .loginTimerFired: loginOutcome(state, event)
        case .linkLost: link(state, .lost)
        case .linkRestored: link(state, .restored)
        case .interruptionTimerFired: link(state, .interruptionTimerFired)
        case .reloginAcceptedReceived: relogin(state, .accepted)
        case .reloginRejectedReceived: relogin(state, .rejected)
        case .tokenExpiredReceived: relogin(state, .tokenExpired)
        case .kickedReceived(let reason): kicked(state, reason, event)
        case .renewTokenResultReceived(let code): renewTokenResult(state, code, event)
        }
    }

    // MARK: - API calls

    /// C1, C12.
    private static func login(_ state: State) -> Step<State, Effect> {
        switch state {
        case .disconnected:
            .moved(
                to: .connecting,
                effects: [
                    .returnCode(.login(.ok)), .send(.login), .startTimer(.login, ms: loginTimeoutMs),
                    .callback(.onConnectionStateChanged(.connecting, .login)),
                ])
        case .connecting, .connected, .reconnecting, .aborted:
            .moved(to: state, effects: [.returnCode(.login(.alreadyLoggedIn))])
        }
    }

    /// C10, C11, C13 and decision 6; decision 3 orders `onLogout` before the state change.
    private static func logout(_ state: State) -> Step<State, Effect> {
        let done: [Effect] = [.callback(.onLogout(.ok)), .callback(.onConnectionStateChanged(.disconnected, .logout))]
        switch state {
        case .disconnected:
            return .moved(to: state, effects: [.returnCode(.logout(.userNotLoggedIn))])
        case .connecting:
            // Decision 6: the login is abandoned; a late answer is ignored. No channel can be joined yet.
            return .moved(
                to: .disconnected, effects: [.returnCode(.logout(.ok)), .cancelTimer(.login), .send(.logout)] + done)
        case .connected(let link):
            let cancel: [Effect] = link == .lost ? [.cancelTimer(.interruption)] : []
            return .moved(
                to: .disconnected,
                effects: [.returnCode(.logout(.ok))] + cancel + [.send(.logout)] + done + [.dropChannelMemberships]
            )
        case .reconnecting:
            return .moved(
                to: .disconnected,
                effects: [.returnCode(.logout(.ok)), .send(.logout)] + done + [.dropChannelMemberships]
            )
        case .aborted:
            // C11: the server already ended the session and our channels (decision 7).
            return .moved(to: .disconnected, effects: [.returnCode(.logout(.ok))] + done)
        }
    }

    /// `renewToken` is legal while logged in (docs/decisions-connection.md); in RECONNECTING after C15 the
    /// new token also triggers the next re-login.
    private static func renewToken(_ state: State) -> Step<State, Effect> {
        let accepted: [Effect] = [.returnCode(.renewToken(.ok)), .send(.renewToken)]
        switch state {
        case .disconnected, .connecting, .aborted:
            return .moved(to: state, effects: [.returnCode(.renewToken(.userNotLoggedIn))])
        case .connected, .reconnecting(.waitingForLink), .reconnecting(.reloginSent):
            return .moved(to: state, effects: accepted)
        case .reconnecting(.awaitingToken):
            return .moved(to: .reconnecting(.reloginSent), effects: accepted + [.send(.relogin)])
        }
    }

    // MARK: - Login answers and the login timer

    /// C2, C3, C4, C17; answers that arrive after we stopped waiting are late and ignored.
    private static func loginOutcome(_ state: State, _ event: Event) -> Step<State, Effect> {
        switch state {
        case .connecting:
            switch event {
            case .loginAcceptedReceived:
                return .moved(
                    to: .connected(.up),
                    effects: [
                        .cancelTimer(.login), .callback(.onLoginSuccess),
                        .callback(.onConnectionStateChanged(.connected, .loginSuccess)),
                    ])
            case .loginRejectedReceived(let code):
                guard serverLoginFailureCodes.contains(code) else {
                    return .rejected(
                        violation(.peerBrokeProtocol, state, event, "a server never refuses a login with \(code)"))
                }
                return .moved(
                    to: .disconnected,
                    effects: [
                        .cancelTimer(.login), .callback(.onLoginFailure(code)),
                        .callback(.onConnectionStateChanged(.disconnected, .loginFailure)),
                    ])
            case .loginTimerFired:
                // C4. We also tell the server to drop the login in case it arrives late.
                return .moved(
                    to: .disconnected,
                    effects: [
                        .send(.logout), .callback(.onLoginFailure(.timeout)),
                        .callback(.onConnectionStateChanged(.disconnected, .loginTimeout)),
                    ])
            case .loginRequested, .logoutRequested, .renewTokenRequested, .linkLost, .linkRestored,
                .interruptionTimerFired, .reloginAcceptedReceived, .reloginRejectedReceived, .kickedReceived,
                .tokenExpiredReceived, .renewTokenResultReceived:
                return .rejected(violation(.unreachable, state, event, "not a login outcome"))
            }
        case .disconnected, .connected, .reconnecting, .aborted:
            if case .loginTimerFired = event { return .ignored(because: "a login timer that raced its cancel") }
            return .ignored(because: "a late answer to a login we abandoned, timed out, or already had answered")
        }
    }

    // MARK: - The link

    /// C5 and the link handling of C6/C7.
    /// The link events.
    private enum LinkEvent { case lost, restored, interruptionTimerFired }

    private static func link(_ state: State, _ event: LinkEvent) -> Step<State, Effect> {
        switch (state, event) {
        case (.connected(.up), .lost):
            return .moved(to: .connected(.lost), effects: [.startTimer(.interruption, ms: interruptionMs)])
        case (.connected(.lost), .restored):
            return .moved(to: .connected(.up), effects: [.cancelTimer(.interruption)])
        case (.connected(.lost), .interruptionTimerFired):
            return .moved(
                to: .reconnecting(.waitingForLink),
                effects: [.callback(.onConnectionStateChanged(.reconnecting, .interrupted))]
            )
        case (.reconnecting(.waitingForLink), .restored):
            return .moved(to: .reconnecting(.reloginSent), effects: [.send(.relogin)])
        case (.reconnecting(.reloginSent), .lost), (.reconnecting(.awaitingToken), .lost):
            return .moved(to: .reconnecting(.waitingForLink), effects: [])
        case (_, .interruptionTimerFired):
            return .ignored(because: "an interruption timer that raced its cancel")
        case (.disconnected, _), (.aborted, _):
            return .ignored(because: "no session: the SDK does not watch the link")
        case (.connecting, _):
            return .ignored(because: "while logging in the 6 s login timer decides (C4)")
        case (.connected(.up), _), (.reconnecting(.reloginSent), _), (.reconnecting(.awaitingToken), _):
            return .ignored(because: "the link is already up")
        case (.connected(.lost), _), (.reconnecting(.waitingForLink), _):
            return .ignored(because: "the link is already down")
        }
    }

    // MARK: - Re-login answers

    /// The server's answers to a re-login.
    private enum ReloginAnswer { case accepted, rejected, tokenExpired }

    /// C6, C7, C15, C16.
    private static func relogin(_ state: State, _ answer: ReloginAnswer) -> Step<State, Effect> {
        switch (state, answer) {
        case (.reconnecting(.reloginSent), .accepted):
            // C6: only the state callback, no onLoginSuccess; the SDK rejoins its channels.
            return .moved(
                to: .connected(.up),
                effects: [
                    .callback(.onConnectionStateChanged(.connected, .loginSuccess)), .resumeChannelMemberships,
                ])
        case (.reconnecting(.reloginSent), .rejected):
            // C7: the SDK stays RECONNECTING and tries again.
            return .moved(to: state, effects: [.send(.relogin)])
        case (.reconnecting(.reloginSent), .tokenExpired):
            return .moved(to: .reconnecting(.awaitingToken), effects: [.callback(.onTokenExpired)])
        case (.connected, .tokenExpired):
            // C16: the user stays online and gets no onTokenExpired.
            return .moved(to: state, effects: [])
        case (.reconnecting(.waitingForLink), _):
            return .ignored(because: "the link is down: the SDK dropped what the old transport still delivered")
        case (.disconnected, _), (.connecting, _), (.connected, _), (.reconnecting(.awaitingToken), _), (.aborted, _):
            return .ignored(because: "a late answer to an earlier re-login or a session that has ended")
        }
    }

    // MARK: - Kicks and token renewal

    /// C8, C9 and decision 7: ABORTED leaves every channel.
    private static func kicked(_ state: State, _ reason: KickReason, _ event: Event) -> Step<State, Effect> {
        let abort: [Effect] = [
            .callback(.onConnectionStateChanged(.aborted, reason.changeReason)), .dropChannelMemberships,
        ]
        switch state {
        case .connected(.up), .reconnecting(.reloginSent), .reconnecting(.awaitingToken):
            return .moved(to: .aborted, effects: abort)
        case .connected(.lost):
            return .moved(to: .aborted, effects: [.cancelTimer(.interruption)] + abort)
        case .reconnecting(.waitingForLink):
            return .ignored(because: "the link is down: the SDK dropped what the old transport still delivered")
        case .disconnected, .connecting, .aborted:
            return .ignored(because: "a late kick aimed at a session that has ended")
        }
    }

    /// `onRenewTokenResult` for every answer that reaches a logged-in client.
    private static func renewTokenResult(
        _ state: State, _ code: RenewTokenErrCode, _ event: Event
    ) -> Step<State, Effect> {
        switch state {
        case .connected, .reconnecting(.reloginSent), .reconnecting(.awaitingToken):
            guard serverRenewTokenCodes.contains(code) else {
                return .rejected(
                    violation(.peerBrokeProtocol, state, event, "a server never answers a renewal with \(code)"))
            }
            return .moved(to: state, effects: [.callback(.onRenewTokenResult(code))])
        case .reconnecting(.waitingForLink):
            return .ignored(because: "the link is down: the SDK dropped what the old transport still delivered")
        case .disconnected, .connecting, .aborted:
            return .ignored(because: "a late answer to a renewal asked before the session ended")
        }
    }

    private static func violation(_ kind: Violation.Kind, _ state: State, _ event: Event, _ detail: String) -> Violation
    {
        Violation(kind, state: state.label, event: eventLabel(event), detail: detail)
    }
}
