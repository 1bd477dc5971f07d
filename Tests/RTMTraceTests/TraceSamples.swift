import RTMMachines
import RTMProtocol

@testable import RTMTrace

/// One example of every line kind: every RTM call (with a result of its kind), every callback, every
/// network step, both clock forms, and Signaling lines.
enum TraceSamples {
    static let key = InvitationKey(caller: "alice", callee: "bob", serial: 1)
    static let attrs = [RtmAttribute(key: "color", value: "red"), RtmAttribute(key: "quote", value: "say \"hi\"\n")]
    static let channelAttrs = [
        RtmChannelAttribute(
            key: "topic", value: "ünïcødé 🎉", lastUpdateUserId: "alice", lastUpdateTs: 1_700_000_000_123)
    ]

    static let header = TraceHeader(
        scenario: "samples",
        actors: [
            TraceActor(name: "alice"), TraceActor(name: "bob", userId: "bob-42"),
            TraceActor(name: "carol", api: .signaling),
        ],
        app: TraceApp(appId: "0123456789abcdef0123456789abcdef", certificate: .value("fedcba9876543210")),
        seed: UInt64.max, notes: "every line kind"
    )

    static let calls: [(RtmApiCall, RtmApiResult?)] = [
        (.login(token: "006abc", userId: "alice"), .login(.ok)),
        (.login(token: "", userId: "alice"), nil),
        (.logout, .logout(.ok)),
        (.renewToken(token: "006def"), .renewToken(.ok)),
        (
            .sendMessageToPeer(peerId: "bob", text: "hello", enableOfflineMessaging: true),
            .peerMessage(.ok, messageId: 7)
        ),
        (.queryPeersOnlineStatus(peerIds: ["bob", "carol"]), .queryPeersOnlineStatus(.ok, requestId: 3)),
        (.setLocalUserAttributes(attrs), .attribute(.ok, requestId: 4)),
        (.addOrUpdateLocalUserAttributes(attrs), .attribute(.ok, requestId: 5)),
        (.deleteLocalUserAttributesByKeys(["color"]), .attribute(.ok, requestId: 6)),
        (.clearLocalUserAttributes, .attribute(.ok, requestId: 7)),
        (.getUserAttributes(userId: "bob"), .attribute(.ok, requestId: 8)),
        (.getUserAttributesByKeys(userId: "bob", keys: ["a", "b"]), .attribute(.ok, requestId: 9)),
        (.getChannelMemberCount(channelIds: ["room"]), .getChannelMemberCount(.ok, requestId: 10)),
        (
            .setChannelAttributes(channel: "room", attrs, enableNotificationToChannelMembers: true),
            .attribute(.ok, requestId: 11)
        ),
        (.addOrUpdateChannelAttributes(channel: "room", attrs, enableNotificationToChannelMembers: false), nil),
        (
            .deleteChannelAttributesByKeys(channel: "room", keys: ["topic"], enableNotificationToChannelMembers: true),
            nil
        ),
        (
            .clearChannelAttributes(channel: "room", enableNotificationToChannelMembers: false),
            .attribute(.ok, requestId: 12)
        ),
        (.getChannelAttributes(channel: "room"), .attribute(.ok, requestId: 13)),
        (.getChannelAttributesByKeys(channel: "room", keys: ["topic"]), .attribute(.ok, requestId: 14)),
        (.createChannel(channelId: "room"), .channelCreated(true)),
        (.createChannel(channelId: "bad room"), .channelCreated(false)),
        (.join(channel: "room"), .join(.ok)),
        (.leave(channel: "room"), .leave(.ok)),
        (.sendMessage(channel: "room", text: "hi all"), .channelMessage(.ok, messageId: 15)),
        (.getMembers(channel: "room"), .getMembers(.ok)),
        (.releaseChannel(channel: "room"), .void),
        (.createLocalCallInvitation(calleeId: "bob"), .invitationCreated(key)),
        (.createLocalCallInvitation(calleeId: ""), .invitationCreated(nil)),
        (.setContent(key, content: "call me"), .invitation(.ok)),
        (.setChannelId(key, channelId: "room"), nil),
        (.setResponse(key, response: "ok"), .invitation(.invalidArgument)),
        (.sendLocalInvitation(key), .invitation(.ok)),
        (.cancelLocalInvitation(key), .invitation(.alreadyEnd)),
        (.acceptRemoteInvitation(key), .invitation(.ok)),
        (.refuseRemoteInvitation(key), .invitation(.alreadyAccept)),
    ]

    static let callbacks: [RtmCallback] = [
        .onLoginSuccess, .onLoginFailure(.timeout), .onLogout(.ok),
        .onConnectionStateChanged(.connected, .loginSuccess), .onTokenExpired, .onRenewTokenResult(.ok),
        .onSendMessageResult(messageId: 7, .peerUnreachable),
        .onMessageReceivedFromPeer(peerId: "alice", text: "hello", isOffline: true),
        .onQueryPeersOnlineStatusResult(
            requestId: 3, statuses: [PeerStatus(peerId: "bob", onlineState: .online)], .ok
        ),
        .onSetLocalUserAttributesResult(requestId: 4, .ok), .onAddOrUpdateLocalUserAttributesResult(requestId: 5, .ok),
        .onDeleteLocalUserAttributesResult(requestId: 6, .ok), .onClearLocalUserAttributesResult(requestId: 7, .ok),
        .onGetUserAttributesResult(requestId: 8, userId: "bob", attributes: attrs, .ok),
        .onGetChannelMemberCountResult(requestId: 10, counts: [ChannelMemberCount(channelId: "room", count: 2)], .ok),
        .onSetChannelAttributesResult(requestId: 11, .ok), .onAddOrUpdateChannelAttributesResult(requestId: 12, .ok),
        .onDeleteChannelAttributesResult(requestId: 13, .ok), .onClearChannelAttributesResult(requestId: 14, .ok),
        .onGetChannelAttributesResult(requestId: 15, attributes: channelAttrs, .ok),
        .onAttributesUpdated(channel: "room", attributes: channelAttrs),
        .onJoinSuccess(channel: "room"), .onJoinFailure(channel: "room", .timeout), .onLeave(channel: "room", .ok),
        .onMemberJoined(channel: "room", userId: "bob"), .onMemberLeft(channel: "room", userId: "bob"),
        .onMemberCountUpdated(channel: "room", count: 2),
        .onMessageReceived(channel: "room", userId: "bob", text: "hi all"),
        .onChannelSendMessageResult(channel: "room", messageId: 15, .ok),
        .onGetMembers(channel: "room", members: ["alice", "bob"], .ok),
        .onLocalInvitationReceivedByPeer(key), .onLocalInvitationAccepted(key, response: "yes"),
        .onLocalInvitationRefused(key, response: "busy"), .onLocalInvitationCanceled(key),
        .onLocalInvitationFailure(key, .peerOffline), .onRemoteInvitationReceived(key),
        .onRemoteInvitationAccepted(key), .onRemoteInvitationRefused(key), .onRemoteInvitationCanceled(key),
        .onRemoteInvitationFailure(key, .acceptFailure),
    ]

    static let steps: [TraceEvent] = [
        .network(.send(id: 12, from: "alice", to: "server", summary: "invite alice->bob#1")),
        .network(.send(id: 13, from: "server", to: "bob", summary: nil)),
        .network(.deliver(id: 12)), .network(.drop(id: 13, reason: nil)), .network(.drop(id: 14, reason: .linkDown)),
        .network(.duplicate(id: 12, copy: 15)), .network(.duplicate(id: 12, copy: nil)),
        .network(.linkDown(a: "alice", b: "server")), .network(.linkUp(a: "alice", b: "server")),
        .network(.serverRestart),
        .clock(.by(ms: 30_000)), .clock(.by(ms: 250)), .clock(.by(ms: 0)), .clock(.to(ms: 31_500)),
        .clock(.to(ms: 60_000)),
        .signalingCall(actor: "carol", name: "messageInstantSend", args: ["account": .string("bob"), "uid": .int(0)]),
        .signalingCall(actor: "carol", name: "logout", args: [:]),
        .signalingCallback(
            actor: "carol", name: "onMessageInstantReceive", args: ["msg": .string("hi"), "uid": .int(-1)]),
    ]

    /// Every sample as an event.
    static var events: [TraceEvent] {
        calls.map { TraceEvent.call(actor: "alice", $0.0, returned: $0.1) }
            + callbacks.map { TraceEvent.callback(actor: "bob", $0) } + steps
    }
}
