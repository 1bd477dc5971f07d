/// The RTM 1.2.x size and count limits, as data.
///
/// Sizes are UTF-8 bytes and 1 KB is 1,024 bytes. Where rtm-reference §4 is UNCONFIRMED, the value chosen is
/// recorded in docs/decisions-protocol.md.
///
/// Implements rtm-reference §4.1–4.3.
public enum RTMLimits {
    // MARK: Identifiers (§4.1)

    /// A user ID (login, peer, callee) is at most 64 bytes.
    public static let maxUserIdBytes = 64
    /// A channel ID is at most 64 bytes (the header says "less than 64"; RTMCheck allows exactly 64).
    public static let maxChannelIdBytes = 64
    /// The one string an ID may not be, besides empty.
    public static let reservedId = "null"
    /// The ASCII punctuation allowed in user and channel IDs, besides letters, digits and space.
    public static let idPunctuation: Set<Character> = [
        "!", "#", "$", "%", "&", "(", ")", "+", "-", ":", ";", "<", "=", ".", ">", "?", "@", "[", "]", "^", "_",
        "{", "}", "|", "~", ",",
    ]

    // MARK: Sizes (§4.2)

    /// A peer or channel message (text, or raw description plus data) is at most 32 KB.
    public static let maxMessageBytes = 32 * 1024
    /// A call invitation's content is at most 8 KB.
    public static let maxInvitationContentBytes = 8 * 1024
    /// A call invitation's response is at most 8 KB.
    public static let maxInvitationResponseBytes = 8 * 1024
    /// A call invitation's channel ID is at most 64 bytes.
    public static let maxInvitationChannelIdBytes = 64
    /// A user or channel attribute key is at most 32 bytes.
    public static let maxAttributeKeyBytes = 32
    /// A user or channel attribute value is at most 8 KB.
    public static let maxAttributeValueBytes = 8 * 1024
    /// All of one user's attributes (keys plus values) take at most 16 KB.
    public static let maxUserAttributesTotalBytes = 16 * 1024
    /// One user has at most 32 attributes.
    public static let maxUserAttributeCount = 32
    /// All of one channel's attributes (keys plus values) take at most 32 KB.
    public static let maxChannelAttributesTotalBytes = 32 * 1024
    /// One channel has at most 32 attributes.
    public static let maxChannelAttributeCount = 32

    // MARK: Counts (§4.3)

    /// One IRtmService instance is joined to at most 20 channels at once.
    public static let maxJoinedChannels = 20
    /// `getMembers` returns at most 512 members (a random sample when there are more).
    public static let maxMembersReturned = 512
    /// Join and leave notifications stop when a channel has more than 512 members.
    public static let maxMembersForJoinLeaveNotifications = 512
    /// `queryPeersOnlineStatus` takes at most 256 peers per call.
    public static let maxPeersPerOnlineStatusQuery = 256
    /// `subscribePeersOnlineStatus` takes at most 512 peers per call.
    public static let maxPeersPerSubscribeCall = 512
    /// At most 512 peers are subscribed at once.
    public static let maxSubscribedPeers = 512
    /// `getChannelMemberCount` takes at most 32 channels per call.
    public static let maxChannelsPerMemberCountQuery = 32
    /// The server caches at most 200 offline messages per receiver, dropping the oldest first.
    public static let maxOfflineMessagesPerReceiver = 200
    /// Offline messages are kept for 7 days.
    public static let offlineMessageRetentionDays = 7

    /// The legacy Signaling SDK's limits (rtm-reference §4.1–4.3, [D-SIGAPI]).
    public enum Signaling {
        /// An account is at most 128 visible characters, with no space.
        public static let maxAccountCharacters = 128
        /// A channel name is at most 128 visible characters.
        public static let maxChannelNameCharacters = 128
        /// A message is at most 8 KB.
        public static let maxMessageBytes = 8 * 1024
        /// A user attribute name is at most 128 characters.
        public static let maxUserAttributeNameCharacters = 128
        /// A user attribute value is at most 1,024 characters.
        public static let maxUserAttributeValueCharacters = 1024
        /// A channel attribute value is at most 8,096 characters.
        public static let maxChannelAttributeValueCharacters = 8096
        /// An invitation's extra JSON is at most 8 KB.
        public static let maxInviteExtraBytes = 8 * 1024
        /// A client is in at most one channel at a time.
        public static let maxJoinedChannels = 1
        /// `onChannelUserList` lists at most the 200 latest users.
        public static let maxChannelUserList = 200
        /// One user sends at most 60 channel messages per second.
        public static let maxChannelMessagesPerSecondPerUser = 60
        /// One channel carries at most 200 messages per second.
        public static let maxChannelMessagesPerSecondPerChannel = 200
    }
}
