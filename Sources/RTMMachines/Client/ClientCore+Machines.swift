import RTMProtocol

extension ClientCore {
    mutating func stepConnection(_ event: ConnectionMachine.Event, _ out: inout [Output], renewToken: String? = nil) {
        let step = ConnectionMachine.step(connection, event)
        guard case .moved(let next, let effects) = step else {
            if case .rejected(let violation) = step { out.append(.violation(violation)) }
            return
        }
        connection = next
        for effect in effects {
            switch effect {
            case .returnCode(.login(let code)): out.append(.returned(.login(code)))
            case .returnCode(.logout(let code)): out.append(.returned(.logout(code)))
            case .returnCode(.renewToken(let code)):
                out.append(.returned(.renewToken(code)))
                if code == .ok, let renewToken { token = renewToken }
            case .callback(let callback): out.append(.callback(callback.rtm))
            case .send(.login): out.append(.send(.login(user: userId ?? "", tokenVerdict: .ok)))
            case .send(.relogin):
                let joined = channels.filter { $0.machine.membership == .joined }.map(\.id)
                out.append(.send(.relogin(user: userId ?? "", channels: joined)))
            case .send(.logout): out.append(.send(.logout))
            case .send(.renewToken): out.append(.sendRenewToken(token))
            case .startTimer(let timer, let ms): out.append(.startTimer(.connection(timer), ms: ms))
            case .cancelTimer(let timer): out.append(.cancelTimer(.connection(timer)))
            case .dropChannelMemberships:
                for id in channels.map(\.id) { stepChannel(id, .removedBySessionEnd, &out) }
            case .resumeChannelMemberships:
                for id in channels.map(\.id) { stepChannel(id, .rejoinedAfterReconnect, &out) }
            }
        }
    }

    /// Steps one channel object; `missing` is returned when the app has no such channel object.
    mutating func stepChannel(
        _ id: ChannelID, _ event: ChannelMembershipMachine.Event, _ out: inout [Output],
        missing: RtmApiResult? = nil, text: String = ""
    ) {
        guard let index = channels.firstIndex(where: { $0.id == id }) else {
            if let missing { out.append(.returned(missing)) }
            return  // A message for a channel object released meanwhile.
        }
        let step = ChannelMembershipMachine.step(channels[index].machine, event)
        guard case .moved(let next, let effects) = step else {
            if case .rejected(let violation) = step { out.append(.violation(violation)) }
            if let missing, case .ignored = step { out.append(.returned(missing)) }
            return
        }
        channels[index].machine = next
        for effect in effects {
            switch effect {
            case .returnCode(.join(let code)): out.append(.returned(.join(code)))
            case .returnCode(.leave(let code)): out.append(.returned(.leave(code)))
            case .returnCode(.getMembers(let code)): out.append(.returned(.getMembers(code)))
            case .returnCode(.sendMessage(let code)):
                if case .sendMessageRequested(let messageId, _) = event {
                    out.append(.returned(.channelMessage(code, messageId: messageId)))
                }
            case .callback(let callback): out.append(.callback(callback.rtm(id)))
            case .send(.join): out.append(.send(.join(id)))
            case .send(.leave): out.append(.send(.leave(id)))
            case .send(.message(let messageId)):
                out.append(.send(.channelMessage(id, messageId: messageId, text: text)))
            case .send(.getMembers(let requestId)): out.append(.send(.getMembers(id, requestId: requestId)))
            case .startTimer(let timer, let ms): out.append(.startTimer(.channel(id, timer), ms: ms))
            case .cancelTimer(let timer): out.append(.cancelTimer(.channel(id, timer)))
            }
        }
    }

    mutating func stepLocal(_ key: InvitationKey, _ event: LocalInvitationMachine.Event, _ out: inout [Output]) {
        guard let index = locals.firstIndex(where: { $0.key == key }) else {
            if Self.isApiEvent(event) { out.append(.returned(.invitation(.invalidArgument))) }
            return
        }
        let step = LocalInvitationMachine.step(locals[index].machine, event)
        guard case .moved(let next, let effects) = step else {
            if case .rejected(let violation) = step { out.append(.violation(violation)) }
            return
        }
        locals[index].machine = next
        for effect in effects {
            switch effect {
            case .returnCode(let code): out.append(.returned(.invitation(code)))
            case .startTimer(let timer, let ms): out.append(.startTimer(.local(key, timer), ms: ms))
            case .cancelTimer(let timer): out.append(.cancelTimer(.local(key, timer)))
            case .send(let request): out.append(.send(.invitation(key, request)))
            case .callback(let callback): out.append(.callback(callback.rtm(key)))
            }
        }
    }

    mutating func stepRemote(_ key: InvitationKey, _ event: RemoteInvitationMachine.Event, _ out: inout [Output]) {
        guard let index = remotes.firstIndex(where: { $0.key == key }) else {
            if Self.isApiEvent(event) { out.append(.returned(.invitation(.invalidArgument))) }
            return
        }
        let step = RemoteInvitationMachine.step(remotes[index].machine, event)
        guard case .moved(let next, let effects) = step else {
            if case .rejected(let violation) = step { out.append(.violation(violation)) }
            return
        }
        remotes[index].machine = next
        for effect in effects {
            switch effect {
            case .returnCode(let code): out.append(.returned(.invitation(code)))
            case .startTimer(let timer, let ms): out.append(.startTimer(.remote(key, timer), ms: ms))
            case .cancelTimer(let timer): out.append(.cancelTimer(.remote(key, timer)))
            case .send(let request): out.append(.send(.invitation(key, request)))
            case .callback(let callback): out.append(.callback(callback.rtm(key)))
            }
        }
    }

    static func isApiEvent(_ event: LocalInvitationMachine.Event) -> Bool {
        switch event {
        case .sendRequested, .cancelRequested, .setContentRequested, .setChannelIdRequested: true
        case .noticeReceived, .timerFired: false
        }
    }

    static func isApiEvent(_ event: RemoteInvitationMachine.Event) -> Bool {
        switch event {
        case .acceptRequested, .refuseRequested, .setResponseRequested: true
        case .noticeReceived, .timerFired: false
        }
    }
}

extension ConnectionMachine.Callback {
    var rtm: RtmCallback {
        switch self {
        case .onLoginSuccess: .onLoginSuccess
        case .onLoginFailure(let code): .onLoginFailure(code)
        case .onLogout(let code): .onLogout(code)
        case .onConnectionStateChanged(let state, let reason): .onConnectionStateChanged(state, reason)
        case .onTokenExpired: .onTokenExpired
        case .onRenewTokenResult(let code): .onRenewTokenResult(code)
        }
    }
}

extension ChannelMembershipMachine.Callback {
    func rtm(_ channel: ChannelID) -> RtmCallback {
        switch self {
        case .onJoinSuccess: .onJoinSuccess(channel: channel)
        case .onJoinFailure(let code): .onJoinFailure(channel: channel, code)
        case .onLeave(let code): .onLeave(channel: channel, code)
        case .onMemberJoined(let user): .onMemberJoined(channel: channel, userId: user)
        case .onMemberLeft(let user): .onMemberLeft(channel: channel, userId: user)
        case .onMemberCountUpdated(let count): .onMemberCountUpdated(channel: channel, count: count)
        case .onMessageReceived(let from, let text): .onMessageReceived(channel: channel, userId: from, text: text)
        case .onSendMessageResult(let id, let code): .onChannelSendMessageResult(channel: channel, messageId: id, code)
        case .onGetMembers(let members, let code): .onGetMembers(channel: channel, members: members, code)
        }
    }
}

extension LocalInvitationMachine.Callback {
    func rtm(_ key: InvitationKey) -> RtmCallback {
        switch self {
        case .onLocalInvitationReceivedByPeer: .onLocalInvitationReceivedByPeer(key)
        case .onLocalInvitationAccepted(let response): .onLocalInvitationAccepted(key, response: response)
        case .onLocalInvitationRefused(let response): .onLocalInvitationRefused(key, response: response)
        case .onLocalInvitationCanceled: .onLocalInvitationCanceled(key)
        case .onLocalInvitationFailure(let code): .onLocalInvitationFailure(key, code)
        }
    }
}

extension RemoteInvitationMachine.Callback {
    func rtm(_ key: InvitationKey) -> RtmCallback {
        switch self {
        case .onRemoteInvitationReceived: .onRemoteInvitationReceived(key)
        case .onRemoteInvitationAccepted: .onRemoteInvitationAccepted(key)
        case .onRemoteInvitationRefused: .onRemoteInvitationRefused(key)
        case .onRemoteInvitationCanceled: .onRemoteInvitationCanceled(key)
        case .onRemoteInvitationFailure(let code): .onRemoteInvitationFailure(key, code)
        }
    }
}
