import RTMMachines
import RTMProtocol

/// The JSON form of `call` lines: `{"actor":…,"call":<SDK method>,<SDK parameters>…,"returns":…}`.
///
/// Arguments are named as the C++ SDK's parameters; the channel an `IChannel` method is called on is
/// `channelId`, the invitation object an invitation method is called on is `invitation`
/// (`caller->callee#serial`).
enum CallCoding {
    /// Every method name a `call` line may hold.
    static let names: [String] = [
        "login", "logout", "renewToken", "sendMessageToPeer", "queryPeersOnlineStatus", "setLocalUserAttributes",
        "addOrUpdateLocalUserAttributes", "deleteLocalUserAttributesByKeys", "clearLocalUserAttributes",
        "getUserAttributes", "getUserAttributesByKeys", "getChannelMemberCount", "setChannelAttributes",
        "addOrUpdateChannelAttributes", "deleteChannelAttributesByKeys", "clearChannelAttributes",
        "getChannelAttributes", "getChannelAttributesByKeys", "createChannel", "join", "leave", "sendMessage",
        "getMembers", "release", "createLocalCallInvitation", "setContent", "setChannelId", "setResponse",
        "sendLocalInvitation", "cancelLocalInvitation", "acceptRemoteInvitation", "refuseRemoteInvitation",
    ]

    // MARK: - Decoding

    /// Reads the arguments of method `name`; nil when no method has that name.
    static func decode(_ name: String, _ f: inout FieldReader) throws(TraceLineError) -> RtmApiCall? {
        switch name {
        case "login": return .login(token: try f.optionalString("token") ?? "", userId: try f.string("userId"))
        case "logout": return .logout
        case "renewToken": return .renewToken(token: try f.string("token"))
        case "sendMessageToPeer":
            return .sendMessageToPeer(
                peerId: try f.string("peerId"), text: try f.string("message"),
                enableOfflineMessaging: try f.bool("enableOfflineMessaging", default: false)
            )
        case "queryPeersOnlineStatus": return .queryPeersOnlineStatus(peerIds: try f.stringArray("peerIds"))
        case "setLocalUserAttributes": return .setLocalUserAttributes(try attributes(&f))
        case "addOrUpdateLocalUserAttributes": return .addOrUpdateLocalUserAttributes(try attributes(&f))
        case "deleteLocalUserAttributesByKeys":
            return .deleteLocalUserAttributesByKeys(try f.stringArray("attributeKeys"))
        case "clearLocalUserAttributes": return .clearLocalUserAttributes
        case "getUserAttributes": return .getUserAttributes(userId: try f.string("userId"))
        case "getUserAttributesByKeys":
            return .getUserAttributesByKeys(userId: try f.string("userId"), keys: try f.stringArray("attributeKeys"))
        case "getChannelMemberCount": return .getChannelMemberCount(channelIds: try f.stringArray("channelIds"))
        case "setChannelAttributes":
            return .setChannelAttributes(
                channel: try f.string("channelId"), try attributes(&f),
                enableNotificationToChannelMembers: try notify(&f)
            )
        case "addOrUpdateChannelAttributes":
            return .addOrUpdateChannelAttributes(
                channel: try f.string("channelId"), try attributes(&f),
                enableNotificationToChannelMembers: try notify(&f)
            )
        case "deleteChannelAttributesByKeys":
            return .deleteChannelAttributesByKeys(
                channel: try f.string("channelId"), keys: try f.stringArray("attributeKeys"),
                enableNotificationToChannelMembers: try notify(&f)
            )
        case "clearChannelAttributes":
            return .clearChannelAttributes(
                channel: try f.string("channelId"), enableNotificationToChannelMembers: try notify(&f)
            )
        case "getChannelAttributes": return .getChannelAttributes(channel: try f.string("channelId"))
        case "getChannelAttributesByKeys":
            return .getChannelAttributesByKeys(
                channel: try f.string("channelId"), keys: try f.stringArray("attributeKeys")
            )
        case "createChannel": return .createChannel(channelId: try f.string("channelId"))
        case "join": return .join(channel: try f.string("channelId"))
        case "leave": return .leave(channel: try f.string("channelId"))
        case "sendMessage": return .sendMessage(channel: try f.string("channelId"), text: try f.string("message"))
        case "getMembers": return .getMembers(channel: try f.string("channelId"))
        case "release": return .releaseChannel(channel: try f.string("channelId"))
        case "createLocalCallInvitation": return .createLocalCallInvitation(calleeId: try f.string("calleeId"))
        case "setContent": return .setContent(try f.invitation("invitation"), content: try f.string("content"))
        case "setChannelId": return .setChannelId(try f.invitation("invitation"), channelId: try f.string("channelId"))
        case "setResponse": return .setResponse(try f.invitation("invitation"), response: try f.string("response"))
        case "sendLocalInvitation": return .sendLocalInvitation(try f.invitation("invitation"))
        case "cancelLocalInvitation": return .cancelLocalInvitation(try f.invitation("invitation"))
        case "acceptRemoteInvitation": return .acceptRemoteInvitation(try f.invitation("invitation"))
        case "refuseRemoteInvitation": return .refuseRemoteInvitation(try f.invitation("invitation"))
        default: return nil
        }
    }

    private static func attributes(_ f: inout FieldReader) throws(TraceLineError) -> [RtmAttribute] {
        try f.objects("attributes") { (e: inout FieldReader) throws(TraceLineError) in
            RtmAttribute(key: try e.string("key"), value: try e.string("value"))
        }
    }

    private static func notify(_ f: inout FieldReader) throws(TraceLineError) -> Bool {
        try f.bool("enableNotificationToChannelMembers", default: false)
    }

    // MARK: - Encoding

    /// Appends the arguments of `call` in the format's fixed order.
    static func encode(_ call: RtmApiCall, into o: inout JSONObject) {
        switch call {
        case .login(let token, let userId):
            o.append("token", .string(token))
            o.append("userId", .string(userId))
        case .logout, .clearLocalUserAttributes:
            break
        case .renewToken(let token):
            o.append("token", .string(token))
        case .sendMessageToPeer(let peerId, let text, let offline):
            o.append("peerId", .string(peerId))
            o.append("message", .string(text))
            o.append("enableOfflineMessaging", .bool(offline))
        case .queryPeersOnlineStatus(let peerIds):
            o.append("peerIds", strings(peerIds))
        case .setLocalUserAttributes(let attributes), .addOrUpdateLocalUserAttributes(let attributes):
            o.append("attributes", encode(attributes))
        case .deleteLocalUserAttributesByKeys(let keys):
            o.append("attributeKeys", strings(keys))
        case .getUserAttributes(let userId):
            o.append("userId", .string(userId))
        case .getUserAttributesByKeys(let userId, let keys):
            o.append("userId", .string(userId))
            o.append("attributeKeys", strings(keys))
        case .getChannelMemberCount(let channelIds):
            o.append("channelIds", strings(channelIds))
        case .setChannelAttributes(let channel, let attributes, let notify),
            .addOrUpdateChannelAttributes(let channel, let attributes, let notify):
            o.append("channelId", .string(channel))
            o.append("attributes", encode(attributes))
            o.append("enableNotificationToChannelMembers", .bool(notify))
        case .deleteChannelAttributesByKeys(let channel, let keys, let notify):
            o.append("channelId", .string(channel))
            o.append("attributeKeys", strings(keys))
            o.append("enableNotificationToChannelMembers", .bool(notify))
        case .clearChannelAttributes(let channel, let notify):
            o.append("channelId", .string(channel))
            o.append("enableNotificationToChannelMembers", .bool(notify))
        case .getChannelAttributes(let channel), .createChannel(let channel), .join(let channel),
            .leave(let channel), .getMembers(let channel), .releaseChannel(let channel):
            o.append("channelId", .string(channel))
        case .getChannelAttributesByKeys(let channel, let keys):
            o.append("channelId", .string(channel))
            o.append("attributeKeys", strings(keys))
        case .sendMessage(let channel, let text):
            o.append("channelId", .string(channel))
            o.append("message", .string(text))
        case .createLocalCallInvitation(let calleeId):
            o.append("calleeId", .string(calleeId))
        case .setContent(let key, let content):
            o.append("invitation", .string(key.description))
            o.append("content", .string(content))
        case .setChannelId(let key, let channelId):
            o.append("invitation", .string(key.description))
            o.append("channelId", .string(channelId))
        case .setResponse(let key, let response):
            o.append("invitation", .string(key.description))
            o.append("response", .string(response))
        case .sendLocalInvitation(let key), .cancelLocalInvitation(let key), .acceptRemoteInvitation(let key),
            .refuseRemoteInvitation(let key):
            o.append("invitation", .string(key.description))
        }
    }

    static func strings(_ items: [String]) -> JSONValue {
        .array(items.map { .string($0) })
    }

    static func encode(_ attributes: [RtmAttribute]) -> JSONValue {
        .array(
            attributes.map { attribute in
                var o = JSONObject()
                o.append("key", .string(attribute.key))
                o.append("value", .string(attribute.value))
                return .object(o)
            }
        )
    }
}
