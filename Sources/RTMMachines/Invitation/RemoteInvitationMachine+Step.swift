import RTMProtocol

extension RemoteInvitationMachine {
    typealias Outcome = Step<State, Effect>

    /// Pure: no clocks, no I/O, no randomness. Every (state, event) pair is listed; no `default:`.
    public static func step(_ state: State, _ event: Event) -> Step<State, Effect> {
        switch event {
        case .acceptRequested(let response): accept(response, in: state)
        case .refuseRequested(let response): refuse(response, in: state)
        case .setResponseRequested(let valid): setResponse(valid: valid, in: state)
        case .noticeReceived(let notice): receive(notice, in: state, event: event)
        case .timerFired(let timer): fire(timer, in: state, event: event)
        }
    }

    // MARK: API calls (rtm-reference §2.4 table, decision 8)

    static func accept(_ response: String, in state: State) -> Outcome {
        switch state {
        case .invitationReceived(false):
            .moved(
                to: .acceptSentToLocal,
                effects: [
                    .returnCode(.ok), .cancelTimer(.expiry), .startTimer(.acceptAck, ms: acceptAckFallbackMs),
                    .send(.accept(response: response)),
                ]
            )
        case .idle, .invitationReceived(true), .acceptSentToLocal, .refused, .accepted, .canceled, .failure, .gaveUp:
            answer(answeredCode(state), in: state)
        }
    }

    static func refuse(_ response: String, in state: State) -> Outcome {
        switch state {
        case .invitationReceived(false):
            .moved(
                to: .invitationReceived(refuseRequested: true),
                effects: [.returnCode(.ok), .send(.refuse(response: response))]
            )
        case .idle, .invitationReceived(true), .acceptSentToLocal, .refused, .accepted, .canceled, .failure, .gaveUp:
            answer(answeredCode(state), in: state)
        }
    }

    /// `setResponse`: legal only before the app accepts or refuses.
    static func setResponse(valid: Bool, in state: State) -> Outcome {
        switch state {
        case .invitationReceived(false):
            answer(valid ? .ok : .invalidArgument, in: state)
        case .idle, .invitationReceived(true), .acceptSentToLocal, .refused, .accepted, .canceled, .failure, .gaveUp:
            answer(answeredCode(state), in: state)
        }
    }

    /// The code every API call returns in `state` (decision 8); OK only while the app may still answer.
    static func answeredCode(_ state: State) -> InvitationApiCallErrCode {
        switch state {
        case .idle: .notStarted
        case .invitationReceived(false): .ok
        case .acceptSentToLocal, .accepted: .alreadyAccept
        case .invitationReceived(true), .refused, .canceled, .failure, .gaveUp: .alreadyEnd
        }
    }

    static func answer(_ code: InvitationApiCallErrCode, in state: State) -> Outcome {
        .moved(to: state, effects: [.returnCode(code)])
    }

    // MARK: Server notices (docs/invitation-protocol.md §4 and §6)

    static func receive(_ notice: InvitationNotice, in state: State, event: Event) -> Outcome {
        if state == .idle {
            guard case .invite = notice else { return notRouted(state, event) }
            return .moved(
                to: .invitationReceived(refuseRequested: false),
                effects: [
                    .startTimer(.expiry, ms: expiryFallbackMs), .send(.receivedAck),
                    .callback(.onRemoteInvitationReceived),
                ]
            )
        }
        switch notice {
        case .calleeOffline, .calleeAck, .accept, .refuse, .localFailure:
            return reject(state, event, "the server sent a caller's notice to the callee")
        case .invite:
            return .ignored(because: "duplicate invite for an invitation we already hold")
        case .cancel:
            return verdict(.canceled, .onRemoteInvitationCanceled, in: state, event: event)
        case .callerAck:
            switch state {
            case .invitationReceived, .gaveUp(.invitationExpire):
                return reject(state, event, "the caller's ACK of an accept we never sent")
            case .idle, .acceptSentToLocal, .refused, .accepted, .canceled, .failure, .gaveUp:
                return verdict(.accepted, .onRemoteInvitationAccepted, in: state, event: event)
            }
        case .refuseAck:
            switch state {
            case .invitationReceived(false), .acceptSentToLocal, .gaveUp(.acceptFailure):
                return reject(state, event, "a refuse verdict we did not ask for")
            case .idle, .invitationReceived(true), .refused, .accepted, .canceled, .failure, .gaveUp:
                return verdict(.refused, .onRemoteInvitationRefused, in: state, event: event)
            }
        case .remoteFailure(let code):
            return remoteFailure(code, in: state, event: event)
        }
    }

    static func remoteFailure(_ code: RemoteInvitationErrCode, in state: State, event: Event) -> Outcome {
        switch code {
        case .ok:
            return reject(state, event, "the server never sends \(code.sdkName)")
        case .peerOffline, .acceptFailure:
            if case .invitationReceived = state {
                return reject(state, event, "only an accept can fail with \(code.sdkName)")
            }
            return verdict(.failure(code), .onRemoteInvitationFailure(code), in: state, event: event)
        case .invitationExpire:
            return verdict(.failure(code), .onRemoteInvitationFailure(code), in: state, event: event)
        }
    }

    /// A server verdict: moves an open invitation to `outcome`, stopping the running fallback timer.
    static func verdict(_ outcome: State, _ callback: Callback, in state: State, event: Event) -> Outcome {
        switch state {
        case .idle:
            return notRouted(state, event)
        case .invitationReceived:
            return .moved(to: outcome, effects: [.cancelTimer(.expiry), .callback(callback)])
        case .acceptSentToLocal:
            return .moved(to: outcome, effects: [.cancelTimer(.acceptAck), .callback(callback)])
        case .refused, .accepted, .canceled, .failure:
            if state == outcome { return .ignored(because: "duplicate verdict") }
            return reject(state, event, "a second, different verdict")
        case .gaveUp:
            return .ignored(because: "late verdict: our fallback timer already ended the invitation")
        }
    }

    // MARK: Fallback timers

    static func fire(_ timer: Timer, in state: State, event: Event) -> Outcome {
        switch (timer, state) {
        case (.expiry, .invitationReceived):
            return giveUp(.invitationExpire)
        case (.acceptAck, .acceptSentToLocal):
            return giveUp(.acceptFailure)
        case (_, .idle), (.acceptAck, .invitationReceived):
            return .rejected(violation(.unreachable, state, event, "this timer was never started"))
        case (.expiry, .acceptSentToLocal), (_, .refused), (_, .accepted), (_, .canceled), (_, .failure),
            (_, .gaveUp):
            return .ignored(because: "late timer: it was cancelled as it fired")
        }
    }

    static func giveUp(_ code: RemoteInvitationErrCode) -> Outcome {
        .moved(to: .gaveUp(code), effects: [.send(.abandon), .callback(.onRemoteInvitationFailure(code))])
    }

    /// The shell creates the machine for an `invite` and feeds it that notice first.
    static func notRouted(_ state: State, _ event: Event) -> Outcome {
        .rejected(violation(.unreachable, state, event, "the shell feeds the invite before any other notice"))
    }

    static func reject(_ state: State, _ event: Event, _ detail: String) -> Outcome {
        .rejected(violation(.peerBrokeProtocol, state, event, detail))
    }

    static func violation(_ kind: Violation.Kind, _ state: State, _ event: Event, _ detail: String) -> Violation {
        Violation(kind, state: state.label, event: eventLabel(event), detail: detail)
    }
}
