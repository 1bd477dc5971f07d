import RTMMachines
import RTMProtocol

extension RtmApiCall {
    /// The call as the SDK would print it: method name and arguments, strings quoted, options named.
    ///
    /// ```swift
    /// RtmApiCall.sendMessageToPeer(peerId: "bob", text: "hi", enableOfflineMessaging: true).rendered
    /// // sendMessageToPeer(bob, "hi", enableOfflineMessaging)
    /// ```
    public var rendered: String {
        "\(sdkName)(\(arguments.joined(separator: ", ")))"
    }

    private var arguments: [String] {
        switch self {
        case .login(let token, let userId): [quote(token), userId]
        case .logout, .clearLocalUserAttributes: []
        case .renewToken(let token): [quote(token)]
        case .sendMessageToPeer(let peerId, let text, let offline):
            [peerId, quote(text)] + (offline ? ["enableOfflineMessaging"] : [])
        case .queryPeersOnlineStatus(let peerIds): [list(peerIds)]
        case .setLocalUserAttributes(let attributes), .addOrUpdateLocalUserAttributes(let attributes):
            [pairs(attributes)]
        case .deleteLocalUserAttributesByKeys(let keys): [list(keys)]
        case .getUserAttributes(let userId): [userId]
        case .getUserAttributesByKeys(let userId, let keys): [userId, list(keys)]
        case .getChannelMemberCount(let channelIds): [list(channelIds)]
        case .setChannelAttributes(let channel, let attributes, let notify),
            .addOrUpdateChannelAttributes(let channel, let attributes, let notify):
            [channel, pairs(attributes)] + notification(notify)
        case .deleteChannelAttributesByKeys(let channel, let keys, let notify):
            [channel, list(keys)] + notification(notify)
        case .clearChannelAttributes(let channel, let notify): [channel] + notification(notify)
        case .getChannelAttributes(let channel): [channel]
        case .getChannelAttributesByKeys(let channel, let keys): [channel, list(keys)]
        case .createChannel(let channel), .join(let channel), .leave(let channel), .getMembers(let channel),
            .releaseChannel(let channel):
            [channel]
        case .sendMessage(let channel, let text): [channel, quote(text)]
        case .createLocalCallInvitation(let calleeId): [calleeId]
        case .setContent(let key, let content): [key.description, quote(content)]
        case .setChannelId(let key, let channelId): [key.description, quote(channelId)]
        case .setResponse(let key, let response): [key.description, quote(response)]
        case .sendLocalInvitation(let key), .cancelLocalInvitation(let key), .acceptRemoteInvitation(let key),
            .refuseRemoteInvitation(let key):
            [key.description]
        }
    }

    private func quote(_ text: String) -> String {
        text.utf8.count > 80 ? "\"\(text.prefix(40))…\" (\(text.utf8.count) bytes)" : "\"\(text)\""
    }

    private func list(_ items: [String]) -> String { "[\(items.joined(separator: ", "))]" }

    private func pairs(_ attributes: [RtmAttribute]) -> String {
        "[\(attributes.map { "\($0.key)=\(quote($0.value))" }.joined(separator: ", "))]"
    }

    private func notification(_ notify: Bool) -> [String] { notify ? ["enableNotificationToChannelMembers"] : [] }
}
