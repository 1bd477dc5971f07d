import RTMMachines
import RTMProtocol

/// An outgoing call invitation: the SDK's `ILocalCallInvitation` (§2.3), from
/// ``RtmCallManager/createLocalCallInvitation(_:)``.
///
/// A handle onto the service's ``ClientCore``: ``state`` is read from the core. ``content`` and ``channelId``
/// are set before sending; content over 8 KB makes `sendLocalInvitation` return
/// `INVITATION_API_CALL_ERR_INVALID_ARGUMENT`. ``response`` is the callee's, once it accepted or refused.
public final class LocalInvitation {
    /// The service that created the invitation.
    public unowned let service: RtmService
    /// The invitation's identity (its caller becomes the logged-in user when sent: see ``ClientCore``).
    public internal(set) var key: InvitationKey
    /// What the app set with ``content``, checked when the invitation is sent.
    var requestedContent = ""
    var requestedChannelId = ""

    init(service: RtmService, key: InvitationKey) {
        self.service = service
        self.key = key
    }

    /// The callee's user ID.
    public var calleeId: UserID { key.callee }

    /// The invitation's content (at most 8 KB, UTF-8), sent with it.
    public var content: String {
        get { requestedContent }
        set {
            requestedContent = newValue
            service.perform(.setContent(key, content: newValue))
        }
    }

    /// The channel ID sent with the invitation, for Signaling interop (§3.5); at most 64 bytes.
    public var channelId: String {
        get { requestedChannelId }
        set {
            requestedChannelId = newValue
            service.perform(.setChannelId(key, channelId: newValue))
        }
    }

    /// The callee's response, once it accepted or refused.
    public internal(set) var response: String = ""

    /// `LOCAL_INVITATION_STATE`.
    public var state: LocalInvitationState { service.core.local(key)?.machine.sdkState ?? .idle }
}

/// An incoming call invitation: the SDK's `IRemoteCallInvitation` (§2.4), handed to
/// `onRemoteInvitationReceived`.
///
/// A handle onto the service's ``ClientCore``: ``state``, ``content``, ``channelId`` and ``response`` are read
/// from the core's slot.
public final class RemoteInvitation {
    /// The service that received the invitation.
    public unowned let service: RtmService
    /// The invitation's identity.
    public let key: InvitationKey

    init(service: RtmService, key: InvitationKey) {
        self.service = service
        self.key = key
    }

    /// The caller's user ID.
    public var callerId: UserID { key.caller }
    /// The caller's content.
    public var content: String { service.core.remote(key)?.content ?? "" }
    /// The caller's channel ID (Signaling interop).
    public var channelId: String { service.core.remote(key)?.channelId ?? "" }

    /// The response sent with an accept or refuse (at most 8 KB).
    public var response: String {
        get { service.core.remote(key)?.response ?? "" }
        set { service.perform(.setResponse(key, response: newValue)) }
    }

    /// `REMOTE_INVITATION_STATE`.
    public var state: RemoteInvitationState { service.core.remote(key)?.machine.sdkState ?? .idle }
}
