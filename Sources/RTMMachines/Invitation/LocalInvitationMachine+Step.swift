import RTMProtocol

extension LocalInvitationMachine {
    typealias Outcome = Step<State, Effect>

    /// Pure: no clocks, no I/O, no randomness. Every (state, event) pair is listed; no `default:`.
    public static func step(_ state: State, _ event: Event) -> Step<State, Effect> {
        switch event {
        case .sendRequested(let context): send(context, in: state)
        case .cancelRequested: cancel(in: state)
        case .setContentRequested(let valid), .setChannelIdRequested(let valid): set(valid: valid, in: state)
        case .noticeReceived(let notice): receive(notice, in: state, event: event)
        case .timerFired(let timer): fire(timer, in: state, event: event)
        }
    }

    // MARK: API calls (rtm-reference §2.3 table, decision 16)

    static func send(_ context: SendContext, in state: State) -> Outcome {
        switch state {
        case .idle:
            if !context.valid { return answer(.invalidArgument, in: state) }
            if !context.loggedIn {
                return .moved(
                    to: .failedNotLoggedIn,
                    effects: [.returnCode(.ok), .callback(.onLocalInvitationFailure(.notLoggedIn))]
                )
            }
            return .moved(
                to: .sentToRemote(calleeOffline: false, cancelRequested: false),
                effects: [
                    .returnCode(.ok), .startTimer(.noAck, ms: noAckFallbackMs),
                    .send(.invite(content: context.content, channelId: context.channelId)),
                ]
            )
        case .sentToRemote, .receivedByRemote:
            return answer(.alreadySent, in: state)
        case .acceptedByRemote, .refusedByRemote, .canceled, .failure, .gaveUp, .failedNotLoggedIn:
            return answer(.alreadyEnd, in: state)
        }
    }

    static func cancel(in state: State) -> Outcome {
        switch state {
        case .idle:
            answer(.notStarted, in: state)
        case .sentToRemote(let offline, false):
            .moved(
                to: .sentToRemote(calleeOffline: offline, cancelRequested: true),
                effects: [.returnCode(.ok), .send(.cancel)]
            )
        case .receivedByRemote(false):
            .moved(to: .receivedByRemote(cancelRequested: true), effects: [.returnCode(.ok), .send(.cancel)])
        case .sentToRemote(_, true), .receivedByRemote(true):
            // The cancel is already on its way; a second call changes nothing.
            answer(.ok, in: state)
        case .acceptedByRemote, .refusedByRemote, .canceled, .failure, .gaveUp, .failedNotLoggedIn:
            answer(.alreadyEnd, in: state)
        }
    }

    /// `setContent` and `setChannelId`: legal only before the invitation is sent.
    static func set(valid: Bool, in state: State) -> Outcome {
        switch state {
        case .idle: answer(valid ? .ok : .invalidArgument, in: state)
        case .sentToRemote, .receivedByRemote: answer(.alreadySent, in: state)
        case .acceptedByRemote, .refusedByRemote, .canceled, .failure, .gaveUp, .failedNotLoggedIn:
            answer(.alreadyEnd, in: state)
        }
    }

    static func answer(_ code: InvitationApiCallErrCode, in state: State) -> Outcome {
        .moved(to: state, effects: [.returnCode(code)])
    }

    // MARK: Server notices (docs/invitation-protocol.md §4 and §6)

    static func receive(_ notice: InvitationNotice, in state: State, event: Event) -> Outcome {
        if state == .idle { return notRouted(state, event) }
        switch notice {
        case .invite, .refuseAck, .callerAck, .remoteFailure:
            return reject(state, event, "the server sent a callee's notice to the caller")
        case .calleeOffline:
            return calleeOffline(in: state, event: event)
        case .calleeAck:
            return calleeAck(in: state, event: event)
        case .accept(let response):
            return verdict(
                .acceptedByRemote, [.send(.acceptAck), .callback(.onLocalInvitationAccepted(response: response))],
                in: state, event: event
            )
        case .refuse(let response):
            return verdict(
                .refusedByRemote, [.callback(.onLocalInvitationRefused(response: response))],
                in: state, event: event
            )
        case .cancel:
            switch state {
            case .sentToRemote(_, false), .receivedByRemote(false):
                return reject(state, event, "a cancel verdict we did not ask for")
            case .idle, .sentToRemote(_, true), .receivedByRemote(true), .acceptedByRemote, .refusedByRemote,
                .canceled, .failure, .gaveUp, .failedNotLoggedIn:
                return verdict(.canceled, [.callback(.onLocalInvitationCanceled)], in: state, event: event)
            }
        case .localFailure(let code):
            return localFailure(code, in: state, event: event)
        }
    }

    static func calleeOffline(in state: State, event: Event) -> Outcome {
        switch state {
        case .idle:
            notRouted(state, event)
        case .failedNotLoggedIn:
            reject(state, event, "no invitation was sent")
        case .sentToRemote(false, let cancel):
            .moved(to: .sentToRemote(calleeOffline: true, cancelRequested: cancel), effects: [])
        case .sentToRemote(true, _):
            .ignored(because: "duplicate: we already know the callee is offline")
        case .receivedByRemote, .acceptedByRemote, .refusedByRemote, .canceled, .failure, .gaveUp:
            .ignored(because: "late: the callee came online and the invitation moved on")
        }
    }

    static func calleeAck(in state: State, event: Event) -> Outcome {
        switch state {
        case .idle:
            notRouted(state, event)
        case .failedNotLoggedIn:
            reject(state, event, "no invitation was sent")
        case .sentToRemote(_, let cancel):
            .moved(
                to: .receivedByRemote(cancelRequested: cancel),
                effects: [
                    .cancelTimer(.noAck), .startTimer(.expiry, ms: expiryFallbackMs),
                    .callback(.onLocalInvitationReceivedByPeer),
                ]
            )
        case .failure(.peerOffline), .failure(.peerNoResponse):
            .rejected(violation(.peerBrokeProtocol, state, event, "an ACK after the server's no-ACK verdict"))
        case .receivedByRemote:
            .ignored(because: "duplicate ACK")
        case .acceptedByRemote, .refusedByRemote, .canceled, .failure, .gaveUp:
            .ignored(because: "late ACK: the verdict or our fallback timer overtook it")
        }
    }

    static func localFailure(_ code: LocalInvitationErrCode, in state: State, event: Event) -> Outcome {
        let effects: [Effect] = [.callback(.onLocalInvitationFailure(code))]
        switch code {
        case .ok, .notLoggedIn:
            return reject(state, event, "the server never sends \(code.sdkName)")
        case .peerOffline, .peerNoResponse:
            if case .receivedByRemote = state {
                return reject(state, event, "a no-ACK verdict after the callee's ACK")
            }
            return verdict(.failure(code), effects, in: state, event: event)
        case .invitationExpire:
            return verdict(.failure(code), effects, in: state, event: event)
        }
    }

    /// A server verdict: moves an open invitation to `outcome`, stopping the running fallback timer.
    static func verdict(_ outcome: State, _ effects: [Effect], in state: State, event: Event) -> Outcome {
        switch state {
        case .idle:
            return notRouted(state, event)
        case .failedNotLoggedIn:
            return reject(state, event, "no invitation was sent")
        case .sentToRemote:
            return .moved(to: outcome, effects: [.cancelTimer(.noAck)] + effects)
        case .receivedByRemote:
            return .moved(to: outcome, effects: [.cancelTimer(.expiry)] + effects)
        case .acceptedByRemote, .refusedByRemote, .canceled, .failure:
            if state == outcome { return .ignored(because: "duplicate verdict") }
            return reject(state, event, "a second, different verdict")
        case .gaveUp:
            return .ignored(because: "late verdict: our fallback timer already ended the invitation")
        }
    }

    // MARK: Fallback timers

    static func fire(_ timer: Timer, in state: State, event: Event) -> Outcome {
        switch (timer, state) {
        case (.noAck, .sentToRemote(let offline, _)):
            return giveUp(offline ? .peerOffline : .peerNoResponse)
        case (.expiry, .receivedByRemote):
            return giveUp(.invitationExpire)
        case (.noAck, .idle), (.noAck, .failedNotLoggedIn), (.expiry, .idle), (.expiry, .sentToRemote),
            (.expiry, .failedNotLoggedIn):
            return .rejected(violation(.unreachable, state, event, "this timer was never started"))
        case (.noAck, .receivedByRemote), (_, .acceptedByRemote), (_, .refusedByRemote), (_, .canceled),
            (_, .failure), (_, .gaveUp):
            return .ignored(because: "late timer: it was cancelled as it fired")
        }
    }

    static func giveUp(_ code: LocalInvitationErrCode) -> Outcome {
        .moved(to: .gaveUp(code), effects: [.send(.abandon), .callback(.onLocalInvitationFailure(code))])
    }

    /// The shell routes notices by invitation id, which exists only once the invitation is sent.
    static func notRouted(_ state: State, _ event: Event) -> Outcome {
        .rejected(violation(.unreachable, state, event, "no notice can reach an invitation that was never sent"))
    }

    static func reject(_ state: State, _ event: Event, _ detail: String) -> Outcome {
        .rejected(violation(.peerBrokeProtocol, state, event, detail))
    }

    static func violation(_ kind: Violation.Kind, _ state: State, _ event: Event, _ detail: String) -> Violation {
        Violation(kind, state: state.label, event: eventLabel(event), detail: detail)
    }
}
