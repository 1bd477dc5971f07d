import RTMMachines
import RTMProtocol

/// A text message, as the SDK's `IMessage`: created by the app, passed to
/// ``RtmService/sendMessageToPeer(_:message:options:)`` or ``RtmChannel/sendMessage(_:options:)``, and handed
/// to `onMessageReceivedFromPeer` / `onMessageReceived`.
///
/// The SDK assigns ``messageId`` when the message is sent; `onSendMessageResult` names it.
///
/// ```swift
/// let message = RtmMessage(text: "hello")
/// service.sendMessageToPeer("bob", message: message)   // PEER_MESSAGE_ERR_OK
/// message.messageId                                    // 1
/// ```
public final class RtmMessage {
    /// The message text (UTF-8, at most 32 KB).
    public var text: String
    /// Always `MESSAGE_TYPE_TEXT`: RTMCheck has no raw, file or image messages (decision 1).
    public let messageType: MessageType = .text
    /// The ID the SDK gave the message when it was sent (0 before, or for a received message).
    public internal(set) var messageId: Int = 0
    /// True only for a peer message cached while the receiver was offline and delivered at its login (§3.2).
    public internal(set) var isOfflineMessage: Bool = false

    /// A message with this text.
    public init(text: String = "") {
        self.text = text
    }
}

/// One member of a channel, as `IChannelMember`: the user and the channel.
public struct RtmChannelMember: Hashable, Sendable, CustomStringConvertible {
    /// The member's user ID.
    public var userId: UserID
    /// The channel's ID.
    public var channelId: ChannelID

    /// A member of `channelId`.
    public init(userId: UserID, channelId: ChannelID) {
        self.userId = userId
        self.channelId = channelId
    }

    public var description: String { userId }
}

/// `SendMessageOptions` (§1.18): options of one `sendMessageToPeer` call.
public struct SendMessageOptions: Hashable, Sendable {
    /// Cache the message on the server when the receiver is offline (`PEER_MESSAGE_ERR_CACHED_BY_SERVER`), and
    /// deliver it at the receiver's next login flagged `isOfflineMessage` (decision 15).
    public var enableOfflineMessaging: Bool
    /// Declared by the SDK with unconfirmed semantics; RTMCheck ignores it.
    public var enableHistoricalMessaging: Bool

    /// Options with both flags off unless given.
    public init(enableOfflineMessaging: Bool = false, enableHistoricalMessaging: Bool = false) {
        self.enableOfflineMessaging = enableOfflineMessaging
        self.enableHistoricalMessaging = enableHistoricalMessaging
    }
}

/// `ChannelAttributeOptions` (§1.18): options of one channel-attribute write.
public struct ChannelAttributeOptions: Hashable, Sendable {
    /// After the write, every member of the channel gets all its attributes in `onAttributesUpdated` (§3.4).
    public var enableNotificationToChannelMembers: Bool

    /// Options with notification off unless given.
    public init(enableNotificationToChannelMembers: Bool = false) {
        self.enableNotificationToChannelMembers = enableNotificationToChannelMembers
    }
}
