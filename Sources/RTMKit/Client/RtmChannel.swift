import RTMMachines
import RTMProtocol

/// One channel object of an ``RtmService``: the SDK's `IChannel`, created by
/// ``RtmService/createChannel(_:_:)``.
///
/// A thin handle: its membership lives in the service's ``ClientCore`` (decision 7: logout and ABORTED leave
/// it not joined; a later `join()` is allowed). Every call returns its SDK code synchronously (decision 2);
/// outcomes arrive on ``handler``.
///
/// ```swift
/// let lobby = service.createChannel("lobby", handler)!
/// lobby.join()                                   // JOIN_CHANNEL_ERR_OK, then onJoinSuccess
/// lobby.sendMessage(RtmMessage(text: "hi"))      // CHANNEL_MESSAGE_ERR_OK
/// ```
public final class RtmChannel {
    /// The service that created the channel object.
    public unowned let service: RtmService
    /// The channel's ID.
    public let channelId: ChannelID
    /// Receives this channel's events.
    public var handler: RtmChannelEventHandler?

    init(service: RtmService, channelId: ChannelID, handler: RtmChannelEventHandler?) {
        self.service = service
        self.channelId = channelId
        self.handler = handler
    }

    /// RTMCheck's view of the membership (the SDK has no such enum: §2.2).
    public var membership: ChannelMembershipState {
        service.core.channel(channelId)?.machine.membership ?? .released
    }

    /// `join()`: `JOIN_CHANNEL_ERR_OK` and then `onJoinSuccess` / `onJoinFailure`.
    @discardableResult
    public func join() -> JoinChannelErr {
        if case .join(let code) = service.perform(.join(channel: channelId)) { return code }
        return .failure
    }

    /// `leave()`: `LEAVE_CHANNEL_ERR_OK` and then `onLeave`.
    @discardableResult
    public func leave() -> LeaveChannelErr {
        if case .leave(let code) = service.perform(.leave(channel: channelId)) { return code }
        return .failure
    }

    /// `sendMessage(message, options)`: the code, and `message.messageId` set when it was sent.
    /// Sending needs the channel joined (decision 5); the result arrives in `onSendMessageResult`.
    @discardableResult
    public func sendMessage(_ message: RtmMessage, options: SendMessageOptions = SendMessageOptions())
        -> ChannelMessageErrCode
    {
        guard
            case .channelMessage(let code, let messageId) = service.perform(
                .sendMessage(channel: channelId, text: message.text))
        else { return .failure }
        if code == .ok { message.messageId = messageId }
        return code
    }

    /// `getMembers()`: `GET_MEMBERS_ERR_OK` and then `onGetMembers`.
    @discardableResult
    public func getMembers() -> GetMembersErr {
        if case .getMembers(let code) = service.perform(.getMembers(channel: channelId)) { return code }
        return .failure
    }

    /// `release()`: frees the channel object (leaving the channel first if still joined).
    public func release() {
        service.perform(.releaseChannel(channel: channelId))
    }
}

/// The call-invitation manager of an ``RtmService``: the SDK's `IRtmCallManager`, from
/// ``RtmService/getRtmCallManager(_:)`` (one per service).
public final class RtmCallManager {
    /// The service that owns the manager.
    public unowned let service: RtmService
    /// Receives every invitation event of the service.
    public var handler: RtmCallEventHandler?

    init(service: RtmService, handler: RtmCallEventHandler?) {
        self.service = service
        self.handler = handler
    }

    /// `createLocalCallInvitation(calleeId)`: a new invitation in LOCAL_INVITATION_STATE_IDLE, or nil for an
    /// invalid callee ID. Allowed before login (§4.5).
    public func createLocalCallInvitation(_ calleeId: UserID) -> LocalInvitation? {
        guard case .invitationCreated(let key?) = service.perform(.createLocalCallInvitation(calleeId: calleeId))
        else { return nil }
        return service.localInvitations[key]
    }

    /// `sendLocalInvitation(invitation)`; content over 8 KB gives `INVITATION_API_CALL_ERR_INVALID_ARGUMENT`.
    @discardableResult
    public func sendLocalInvitation(_ invitation: LocalInvitation) -> InvitationApiCallErrCode {
        code(service.perform(.sendLocalInvitation(invitation.key)))
    }

    /// `cancelLocalInvitation(invitation)`.
    @discardableResult
    public func cancelLocalInvitation(_ invitation: LocalInvitation) -> InvitationApiCallErrCode {
        code(service.perform(.cancelLocalInvitation(invitation.key)))
    }

    /// `acceptRemoteInvitation(invitation)`; the invitation's ``RemoteInvitation/response`` goes to the caller.
    @discardableResult
    public func acceptRemoteInvitation(_ invitation: RemoteInvitation) -> InvitationApiCallErrCode {
        code(service.perform(.acceptRemoteInvitation(invitation.key)))
    }

    /// `refuseRemoteInvitation(invitation)`; the invitation's ``RemoteInvitation/response`` goes to the caller.
    @discardableResult
    public func refuseRemoteInvitation(_ invitation: RemoteInvitation) -> InvitationApiCallErrCode {
        code(service.perform(.refuseRemoteInvitation(invitation.key)))
    }

    private func code(_ result: RtmApiResult) -> InvitationApiCallErrCode {
        if case .invitation(let code) = result { return code }
        return .invalidArgument
    }
}
