import RTMMachines
import RTMProtocol

@testable import RTMKit

/// Drives a ``SignalingAdapter`` as its shell would, answering its RTM calls with scripted return values
/// and recording every RTM call and Signaling callback in order.
///
/// RTM callbacks are fed by hand (`rtm(_:)`), so each test states exactly what the RTM client reported.
struct SignalingHarness {
    var adapter = SignalingAdapter()
    /// The RTM calls made, in order.
    var calls: [RtmApiCall] = []
    /// The Signaling callbacks fired, in order.
    var callbacks: [SignalingCallback] = []
    /// The tokens the adapter asked to verify.
    var verified: [String] = []
    /// The verdict the token check gives.
    var verdict: TokenVerdict = .valid
    /// Overrides of the default return values, by RTM method name.
    var answers: [String: RtmApiResult] = [:]
    var nextId = 1

    /// Performs a Signaling call; returns the callbacks it fired.
    @discardableResult
    mutating func perform(_ call: SignalingCall) -> [SignalingCallback] {
        let before = callbacks.count
        run(adapter.perform(call))
        return Array(callbacks[before...])
    }

    /// Feeds an RTM callback; returns the Signaling callbacks it fired.
    @discardableResult
    mutating func rtm(_ callback: RtmCallback, details: RemoteInvitationDetails? = nil) -> [SignalingCallback] {
        let before = callbacks.count
        run(adapter.received(callback, invitation: details))
        return Array(callbacks[before...])
    }

    /// Takes the RTM calls made since the last take.
    @discardableResult
    mutating func takeCalls() -> [RtmApiCall] {
        defer { calls.removeAll() }
        return calls
    }

    mutating func run(_ actions: [SignalingAction]) {
        for action in actions {
            switch action {
            case .callback(let callback):
                callbacks.append(callback)
            case .verifyToken(_, let token):
                verified.append(token)
                run(adapter.tokenVerified(verdict, rtmToken: "rtm-token"))
            case .rtm(let call, let tag):
                calls.append(call)
                run(adapter.returned(answers[call.sdkName] ?? defaultAnswer(call), for: tag))
            }
        }
    }

    mutating func takeId() -> Int {
        defer { nextId += 1 }
        return nextId
    }

    mutating func defaultAnswer(_ call: RtmApiCall) -> RtmApiResult {
        switch call {
        case .login: .login(.ok)
        case .logout: .logout(.ok)
        case .renewToken: .renewToken(.ok)
        case .sendMessageToPeer: .peerMessage(.ok, messageId: takeId())
        case .queryPeersOnlineStatus: .queryPeersOnlineStatus(.ok, requestId: takeId())
        case .setLocalUserAttributes, .addOrUpdateLocalUserAttributes, .deleteLocalUserAttributesByKeys,
            .clearLocalUserAttributes, .getUserAttributes, .getUserAttributesByKeys, .setChannelAttributes,
            .addOrUpdateChannelAttributes, .deleteChannelAttributesByKeys, .clearChannelAttributes,
            .getChannelAttributes, .getChannelAttributesByKeys:
            .attribute(.ok, requestId: takeId())
        case .getChannelMemberCount: .getChannelMemberCount(.ok, requestId: takeId())
        case .createChannel: .channelCreated(true)
        case .join: .join(.ok)
        case .leave: .leave(.ok)
        case .sendMessage: .channelMessage(.ok, messageId: takeId())
        case .getMembers: .getMembers(.ok)
        case .releaseChannel: .void
        case .createLocalCallInvitation(let callee):
            .invitationCreated(InvitationKey(caller: adapter.account ?? "", callee: callee, serial: takeId()))
        case .setContent, .setChannelId, .setResponse, .sendLocalInvitation, .cancelLocalInvitation,
            .acceptRemoteInvitation, .refuseRemoteInvitation:
            .invitation(.ok)
        }
    }

    /// A harness whose adapter is logged in as `account` (LOGINED).
    static func loggedIn(_ account: String = "carol") -> SignalingHarness {
        var h = SignalingHarness()
        h.perform(.login(account: account, token: "_no_need_token"))
        h.rtm(.onLoginSuccess)
        h.calls.removeAll()
        h.callbacks.removeAll()
        return h
    }

    /// A harness logged in and joined to `channel`, with the join's user list and attribute replay done.
    static func joined(_ account: String = "carol", channel: String = "room") -> SignalingHarness {
        var h = loggedIn(account)
        h.perform(.channelJoin(channel: channel))
        h.rtm(.onJoinSuccess(channel: channel))
        h.rtm(.onGetMembers(channel: channel, members: [account], .ok))
        if case .attribute(_, let requestId) = h.lastAttributeRequest {
            h.rtm(.onGetChannelAttributesResult(requestId: requestId, attributes: [], .ok))
        }
        h.calls.removeAll()
        h.callbacks.removeAll()
        return h
    }

    /// The request ID the last attribute-style RTM call got (the harness hands them out in order).
    var lastAttributeRequest: RtmApiResult? { .attribute(.ok, requestId: nextId - 1) }

    /// The request ID the last RTM call got.
    var lastId: Int { nextId - 1 }
}

/// A channel attribute as the server reports it.
func attr(_ key: String, _ value: String) -> RtmChannelAttribute {
    RtmChannelAttribute(key: key, value: value, lastUpdateUserId: "x", lastUpdateTs: 0)
}
