import RTMProtocol

extension ClientCore {
    // MARK: API calls

    mutating func api(_ call: RtmApiCall, _ out: inout [Output]) {
        switch call {
        case .login(let token, let user):
            if connection == .disconnected {
                // The login request that this step sends carries the new user and token.
                userId = user
                self.token = token
            }
            stepConnection(.loginRequested, &out)
        case .logout:
            stepConnection(.logoutRequested, &out)
        case .renewToken(let token):
            stepConnection(.renewTokenRequested, &out, renewToken: token)
        case .sendMessageToPeer(let peerId, let text, let offline):
            sendPeerMessage(to: peerId, text: text, offline: offline, &out)
        case .createChannel(let id):
            guard channel(id) == nil else {
                out.append(.returned(.channelCreated(false)))
                return
            }
            let slot = ChannelSlot(id: id, machine: ChannelMembershipMachine.initialState)
            channels.insert(slot, at: channels.firstIndex { $0.id > id } ?? channels.count)
            out.append(.returned(.channelCreated(true)))
        case .join(let id):
            let inUse = channels.filter(\.machine.membership.countsTowardChannelLimit).count
            let context = ChannelMembershipMachine.JoinContext(loggedIn: isLoggedIn, channelsJoinedOrJoining: inUse)
            stepChannel(id, .joinRequested(context), &out, missing: .join(.failure))
        case .leave(let id):
            stepChannel(id, .leaveRequested(loggedIn: isLoggedIn), &out, missing: .leave(.failure))
        case .sendMessage(let id, let text):
            let messageId = takeMessageId()
            stepChannel(
                id, .sendMessageRequested(messageId: messageId, connection: connectionState), &out,
                missing: .channelMessage(.failure, messageId: messageId), text: text)
        case .getMembers(let id):
            let requestId = takeRequestId()
            stepChannel(id, .getMembersRequested(requestId: requestId, loggedIn: isLoggedIn), &out,
                missing: .getMembers(.failure))
        case .releaseChannel(let id):
            stepChannel(id, .releaseRequested, &out, missing: .void)
            if out.first != .returned(.void) { out.insert(.returned(.void), at: 0) }
            channels.removeAll { $0.id == id && $0.machine.membership == .released }
        case .createLocalCallInvitation(let callee):
            // Allowed before login (§4.5); the caller's ID is fixed at send time (see docs/decisions).
            let key = InvitationKey(caller: userId ?? "", callee: callee, serial: nextInvitationSerial)
            nextInvitationSerial += 1
            locals.insert(LocalSlot(key: key, machine: LocalInvitationMachine.initialState), at: localIndex(key))
            out.append(.returned(.invitationCreated(key)))
        case .setContent(let key, let content):
            let valid = content.utf8.count <= RTMLimits.maxInvitationContentBytes
            stepLocal(key, .setContentRequested(valid: valid), &out)
            if out.first == .returned(.invitation(.ok)), let i = locals.firstIndex(where: { $0.key == key }) {
                locals[i].content = content
            }
        case .setChannelId(let key, let channelId):
            let valid = channelId.utf8.count <= RTMLimits.maxInvitationChannelIdBytes
            stepLocal(key, .setChannelIdRequested(valid: valid), &out)
            if out.first == .returned(.invitation(.ok)), let i = locals.firstIndex(where: { $0.key == key }) {
                locals[i].channelId = channelId
            }
        case .setResponse(let key, let response):
            let valid = response.utf8.count <= RTMLimits.maxInvitationResponseBytes
            stepRemote(key, .setResponseRequested(valid: valid), &out)
            if out.first == .returned(.invitation(.ok)), let i = remotes.firstIndex(where: { $0.key == key }) {
                remotes[i].response = response
            }
        case .sendLocalInvitation(var key):
            guard let slot = local(key) else {
                out.append(.returned(.invitation(.invalidArgument)))
                return
            }
            let (caller, context) = sendRequest(slot)
            if caller != key.caller {
                // Created before login: the invitation takes the logged-in user as its caller.
                locals.removeAll { $0.key == key }
                key.caller = caller
                var moved = slot
                moved.key = key
                locals.insert(moved, at: localIndex(key))
            }
            stepLocal(key, .sendRequested(context), &out)
        case .cancelLocalInvitation(let key):
            stepLocal(key, .cancelRequested, &out)
        case .acceptRemoteInvitation(let key):
            stepRemote(key, .acceptRequested(response: remote(key)?.response ?? ""), &out)
        case .refuseRemoteInvitation(let key):
            stepRemote(key, .refuseRequested(response: remote(key)?.response ?? ""), &out)
        case .queryPeersOnlineStatus, .setLocalUserAttributes, .addOrUpdateLocalUserAttributes,
            .deleteLocalUserAttributesByKeys, .clearLocalUserAttributes, .getUserAttributes, .getUserAttributesByKeys,
            .getChannelMemberCount, .setChannelAttributes, .addOrUpdateChannelAttributes,
            .deleteChannelAttributesByKeys, .clearChannelAttributes, .getChannelAttributes,
            .getChannelAttributesByKeys:
            return  // The shell's.
        }
    }

    /// Whether the core would accept `call` (its synchronous return is the SDK's 0, or it returns
    /// nothing), read from one machine transition instead of running the call on a copy: the answer
    /// ``handle(_:)`` gives for the calls below, and nil for every other (run the call to know).
    /// A test compares the two on sampled states of every scenario.
    public func accepts(_ call: RtmApiCall) -> Bool? {
        withUnsafePointer(to: self) { Self.accepts(call, at: $0) }
    }

    /// ``accepts(_:)`` of the core at `core`, read in place. For callers that keep cores in memory
    /// they reach through pointers (the model checker's states): a method called on such a core
    /// copies it first, retaining every array it holds.
    public static func accepts(_ call: RtmApiCall, at core: UnsafePointer<ClientCore>) -> Bool? {
        switch call {
        case .login: accepted(ConnectionMachine.step(core.pointee.connection, .loginRequested))
        case .logout: accepted(ConnectionMachine.step(core.pointee.connection, .logoutRequested))
        case .createLocalCallInvitation: true
        // Slots are found by index and only the fields a step reads are taken: `first` would copy the slot.
        case .sendLocalInvitation(let key):
            // As `api` routes it: a slot created before login takes the logged-in user as its caller.
            core.pointee.locals.withUnsafeBufferPointer { locals in
                locals.firstIndex { $0.key == key }.map { acceptsSend(locals[$0], of: core) } ?? false
            }
        case .cancelLocalInvitation(let key):
            core.pointee.locals.withUnsafeBufferPointer { locals in
                locals.firstIndex { $0.key == key }.map {
                    accepted(LocalInvitationMachine.step(locals[$0].machine, .cancelRequested))
                } ?? false
            }
        case .acceptRemoteInvitation(let key): acceptsAnswer(to: key, at: core) { .acceptRequested(response: $0) }
        case .refuseRemoteInvitation(let key): acceptsAnswer(to: key, at: core) { .refuseRequested(response: $0) }
        default: nil
        }
    }

    /// Whether the core at `core` would accept an answer (`event`, given the stored response) to the
    /// remote invitation `key`: false when it has no such invitation.
    static func acceptsAnswer(
        to key: InvitationKey, at core: UnsafePointer<ClientCore>, _ event: (String) -> RemoteInvitationMachine.Event
    ) -> Bool {
        core.pointee.remotes.withUnsafeBufferPointer { remotes in
            remotes.firstIndex { $0.key == key }.map {
                accepted(RemoteInvitationMachine.step(remotes[$0].machine, event(remotes[$0].response)))
            } ?? false
        }
    }

    /// Whether `sendLocalInvitation` would accept the invitation that `createLocalCallInvitation`
    /// for `callee` would create now (``accepts(_:)``).
    public func acceptsSendOfNewInvitation(to callee: UserID) -> Bool {
        withUnsafePointer(to: self) { Self.acceptsSendOfNewInvitation(to: callee, at: $0) }
    }

    /// ``acceptsSendOfNewInvitation(to:)`` of the core at `core`, read in place (see
    /// ``accepts(_:at:)``).
    public static func acceptsSendOfNewInvitation(to callee: UserID, at core: UnsafePointer<ClientCore>) -> Bool {
        let key = InvitationKey(
            caller: core.pointee.userId ?? "", callee: callee, serial: core.pointee.nextInvitationSerial)
        return acceptsSend(LocalSlot(key: key, machine: LocalInvitationMachine.initialState), of: core)
    }

    /// Whether `sendLocalInvitation` would accept the invitation in `slot` of the core at `core`
    /// (``accepts(_:)``).
    static func acceptsSend(_ slot: LocalSlot, of core: UnsafePointer<ClientCore>) -> Bool {
        let loggedIn = core.pointee.connection.isLoggedIn
        let context = sendRequest(slot, userId: core.pointee.userId, loggedIn: loggedIn).context
        return accepted(LocalInvitationMachine.step(slot.machine, .sendRequested(context)))
    }

    /// What `sendLocalInvitation` of the invitation in `slot` sends as: its caller (a slot created
    /// before login takes the logged-in user) and the context its machine is given.
    func sendRequest(_ slot: LocalSlot) -> (caller: UserID, context: LocalInvitationMachine.SendContext) {
        Self.sendRequest(slot, userId: userId, loggedIn: isLoggedIn)
    }

    /// ``sendRequest(_:)`` of a core with `userId`, logged in or not.
    static func sendRequest(_ slot: LocalSlot, userId: UserID?, loggedIn: Bool)
        -> (caller: UserID, context: LocalInvitationMachine.SendContext)
    {
        let caller = userId.map { slot.machine == .idle ? $0 : slot.key.caller } ?? slot.key.caller
        let context = LocalInvitationMachine.SendContext(
            loggedIn: loggedIn && caller == userId, valid: true, content: slot.content, channelId: slot.channelId)
        return (caller, context)
    }

    /// Whether a machine's step accepts the call: its first return code is 0, or it returns none (a
    /// step that is ignored or rejected returns nothing either).
    static func accepted<S, E>(_ step: Step<S, E>, code: (E) -> Int?) -> Bool {
        guard case .moved(_, let effects) = step else { return true }
        for effect in effects {
            if let code = code(effect) { return code == 0 }
        }
        return true
    }

    static func accepted(_ step: Step<ConnectionMachine.State, ConnectionMachine.Effect>) -> Bool {
        accepted(step) { effect in
            switch effect {
            case .returnCode(.login(let code)): Int(code.rawValue)
            case .returnCode(.logout(let code)): Int(code.rawValue)
            case .returnCode(.renewToken(let code)): Int(code.rawValue)
            default: nil
            }
        }
    }

    static func accepted(_ step: Step<LocalInvitationMachine.State, LocalInvitationMachine.Effect>) -> Bool {
        accepted(step) { if case .returnCode(let code) = $0 { Int(code.rawValue) } else { nil } }
    }

    static func accepted(_ step: Step<RemoteInvitationMachine.State, RemoteInvitationMachine.Effect>) -> Bool {
        accepted(step) { if case .returnCode(let code) = $0 { Int(code.rawValue) } else { nil } }
    }

    mutating func takeMessageId() -> Int {
        defer { nextMessageId += 1 }
        return nextMessageId
    }

    func localIndex(_ key: InvitationKey) -> Int { locals.firstIndex { $0.key > key } ?? locals.count }
    func remoteIndex(_ key: InvitationKey) -> Int { remotes.firstIndex { $0.key > key } ?? remotes.count }

    /// `sendMessageToPeer` (decision 17): DISCONNECTED or CONNECTING fail at once with 102; RECONNECTING and
    /// ABORTED accept the message, which then times out; CONNECTED sends it.
    mutating func sendPeerMessage(to peer: UserID, text: String, offline: Bool, _ out: inout [Output]) {
        switch connectionState {
        case .disconnected, .connecting:
            out.append(.returned(.peerMessage(.userNotLoggedIn, messageId: 0)))
            return
        case .connected, .reconnecting, .aborted:
            break
        }
        let messageId = takeMessageId()
        out.append(.returned(.peerMessage(.ok, messageId: messageId)))
        pendingPeerMessages.append(messageId)
        if connectionState == .connected {
            out.append(.send(.peerMessage(to: peer, messageId: messageId, text: text, offline: offline)))
        }
        out.append(.startTimer(.peerMessage(messageId: messageId), ms: Self.peerMessageTimeoutMs))
    }

    // MARK: Server messages

    mutating func received(_ message: ServerMessage, _ out: inout [Output]) {
        // After logout (or before any login) there is no session: nothing the server sent can arrive.
        guard connectionState != .disconnected else { return }
        switch message {
        case .loginAccepted: stepConnection(.loginAcceptedReceived, &out)
        case .loginRejected(let code): stepConnection(.loginRejectedReceived(code), &out)
        case .reloginAccepted: stepConnection(.reloginAcceptedReceived, &out)
        case .kicked(let reason):
            stepConnection(.kickedReceived(reason == .bannedByServer ? .bannedByServer : .remoteLogin), &out)
        case .joinAccepted(let id, let count): stepChannel(id, .joinAcceptedReceived(memberCount: count), &out)
        case .joinRejected(let id, let code): stepChannel(id, .joinRejectedReceived(code), &out)
        case .leaveAccepted(let id): stepChannel(id, .leaveAcceptedReceived, &out)
        case .memberJoined(let id, let user): stepChannel(id, .memberJoinedReceived(userId: user), &out)
        case .memberLeft(let id, let user): stepChannel(id, .memberLeftReceived(userId: user), &out)
        case .memberCount(let id, let count): stepChannel(id, .memberCountReceived(count), &out)
        case .channelMessage(let id, let from, _, let text):
            stepChannel(id, .messageReceived(from: from, text: text), &out)
        case .channelMessageAck(let id, let messageId, let code):
            stepChannel(id, .messageAckReceived(messageId: messageId, code), &out)
        case .members(let id, let requestId, let members, let code):
            if code == .ok {
                stepChannel(id, .membersReceived(requestId: requestId, members: members), &out)
            }  // Else the getMembers timer reports the failure.
        case .peerMessage(let from, let messageId, let text, let isOffline):
            // A message that reaches a client no longer logged in is not acknowledged: the server keeps it.
            guard isLoggedIn else { return }
            out.append(.send(.peerMessageAck(from: from, messageId: messageId)))
            let received = ReceivedMessage(from: from, messageId: messageId)
            let index = receivedPeerMessages.firstIndex { $0 >= received } ?? receivedPeerMessages.count
            guard index == receivedPeerMessages.count || receivedPeerMessages[index] != received else { return }
            receivedPeerMessages.insert(received, at: index)
            out.append(.callback(.onMessageReceivedFromPeer(peerId: from, text: text, isOffline: isOffline)))
        case .peerMessageResult(let messageId, let code):
            guard let index = pendingPeerMessages.firstIndex(of: messageId) else { return }  // Late: timed out.
            pendingPeerMessages.remove(at: index)
            out.append(.cancelTimer(.peerMessage(messageId: messageId)))
            out.append(.callback(.onSendMessageResult(messageId: messageId, code)))
        case .invitation(let key, let notice):
            if key.caller == userId, local(key) != nil {
                stepLocal(key, .noticeReceived(notice), &out)
            } else if key.callee == userId {
                if remote(key) == nil {
                    guard case .invite(let content, let channelId) = notice else { return }  // Unknown: dropped.
                    let slot = RemoteSlot(
                        key: key, machine: RemoteInvitationMachine.initialState, content: content, channelId: channelId)
                    remotes.insert(slot, at: remoteIndex(key))
                }
                stepRemote(key, .noticeReceived(notice), &out)
            }
        }
    }

    // MARK: Timers

    mutating func timerFired(_ timer: Timer, _ out: inout [Output]) {
        switch timer {
        case .connection(.login): stepConnection(.loginTimerFired, &out)
        case .connection(.interruption): stepConnection(.interruptionTimerFired, &out)
        case .channel(let id, let t):
            switch t {
            case .join: stepChannel(id, .joinTimerFired, &out)
            case .message(let messageId): stepChannel(id, .messageTimerFired(messageId: messageId), &out)
            case .getMembers(let requestId): stepChannel(id, .getMembersTimerFired(requestId: requestId), &out)
            }
        case .local(let key, let t): stepLocal(key, .timerFired(t), &out)
        case .remote(let key, let t): stepRemote(key, .timerFired(t), &out)
        case .peerMessage(let messageId):
            guard let index = pendingPeerMessages.firstIndex(of: messageId) else { return }
            pendingPeerMessages.remove(at: index)
            out.append(.callback(.onSendMessageResult(messageId: messageId, .sentTimeout)))
        }
    }
}
