import RTMMachines
import RTMProtocol

/// The requests the core does not handle: online status, member counts, user and channel attributes.
///
/// Each needs a logged-in session on the connection (`…_USER_NOT_LOGGED_IN`, 102, otherwise) and is
/// answered at once with its `requestId`. Argument checks the SDK makes before sending are repeated here
/// defensively, with the same codes.
extension RtmServer {
    /// The user of the session on `conn` (online, or within the grace), if any.
    func sessionUser(_ conn: ConnectionID) -> UserID? { core.session(conn)?.user }

    /// `queryPeersOnlineStatus`: ONLINE for a logged-in user (also within the 30 s grace), else OFFLINE.
    /// UNREACHABLE is reported only to subscribers (§1.13), never by a query.
    func queryPeersOnlineStatus(_ conn: ConnectionID, requestId: Int, peerIds: [UserID]) {
        guard sessionUser(conn) != nil else {
            send(conn, .peersOnlineStatus(requestId: requestId, [], .userNotLoggedIn))
            return
        }
        let code = Validation.queryPeersOnlineStatus(peerIds: peerIds)
        guard code == .ok else {
            send(conn, .peersOnlineStatus(requestId: requestId, [], code))
            return
        }
        let statuses = peerIds.map {
            PeerStatus(peerId: $0, onlineState: core.isOnline($0) ? .online : .offline)
        }
        send(conn, .peersOnlineStatus(requestId: requestId, statuses, .ok))
    }

    /// `getChannelMemberCount`: the member count of each channel, 0 for a channel with no members.
    func getChannelMemberCount(_ conn: ConnectionID, requestId: Int, channelIds: [ChannelID]) {
        guard sessionUser(conn) != nil else {
            send(conn, .channelMemberCounts(requestId: requestId, [], .userNotLoggedIn))
            return
        }
        let code = Validation.channelMemberCount(channelIds: channelIds)
        guard code == .ok else {
            send(conn, .channelMemberCounts(requestId: requestId, [], code))
            return
        }
        let counts = channelIds.map { ChannelMemberCount(channelId: $0, count: core.members($0).count) }
        send(conn, .channelMemberCounts(requestId: requestId, counts, .ok))
    }

    /// A write to the sending session's own user attributes.
    func writeLocalUserAttributes(_ conn: ConnectionID, requestId: Int, _ write: AttributeWrite) {
        guard let user = sessionUser(conn) else {
            send(conn, .localUserAttributesResult(requestId: requestId, write.kind, .userNotLoggedIn))
            return
        }
        let code = userAttributes.apply(write, to: user)
        send(conn, .localUserAttributesResult(requestId: requestId, write.kind, code))
    }

    /// `getUserAttributes` (`keys` nil) or `getUserAttributesByKeys` of any user: `USER_NOT_FOUND` (6) when
    /// that user is not online.
    func getUserAttributes(_ conn: ConnectionID, requestId: Int, userId: UserID, keys: [String]?) {
        func answer(_ attributes: [RtmAttribute], _ code: AttributeOperationErr) {
            send(conn, .userAttributes(requestId: requestId, userId: userId, attributes, code))
        }
        guard sessionUser(conn) != nil else { return answer([], .userNotLoggedIn) }
        let argument = Validation.attributeUserId(userId)
        guard argument == .ok else { return answer([], argument) }
        if let keys {
            let code = Validation.attributeKeys(keys)
            guard code == .ok else { return answer([], code) }
        }
        guard core.isOnline(userId) else { return answer([], .userNotFound) }
        if let keys {
            answer(userAttributes.attributes(of: userId, keys: keys), .ok)
        } else {
            answer(userAttributes.attributes(of: userId), .ok)
        }
    }

    /// A channel attribute write. Membership is not required. With `notify`, every current member of the
    /// channel (the writer too, if it is one) gets all of the channel's attributes after the write.
    func writeChannelAttributes(
        _ conn: ConnectionID, requestId: Int, channel: ChannelID, _ write: AttributeWrite, notify: Bool
    ) {
        guard let user = sessionUser(conn) else {
            send(conn, .channelAttributesResult(requestId: requestId, write.kind, .userNotLoggedIn))
            return
        }
        let argument = Validation.attributeChannelId(channel)
        guard argument == .ok else {
            send(conn, .channelAttributesResult(requestId: requestId, write.kind, argument))
            return
        }
        let code = channelAttributes.apply(write, to: channel, by: user, nowMs: nowMs)
        send(conn, .channelAttributesResult(requestId: requestId, write.kind, code))
        guard code == .ok, notify else { return }
        let attributes = channelAttributes.attributes(of: channel)
        for member in core.members(channel) {
            if let session = core.session(user: member) { send(session.conn, .attributesUpdated(channel, attributes)) }
        }
    }

    /// `getChannelAttributes` (`keys` nil) or `getChannelAttributesByKeys`: [] for a channel that has none.
    func getChannelAttributes(_ conn: ConnectionID, requestId: Int, channel: ChannelID, keys: [String]?) {
        func answer(_ attributes: [RtmChannelAttribute], _ code: AttributeOperationErr) {
            send(conn, .channelAttributes(requestId: requestId, channel: channel, attributes, code))
        }
        guard sessionUser(conn) != nil else { return answer([], .userNotLoggedIn) }
        let argument = Validation.attributeChannelId(channel)
        guard argument == .ok else { return answer([], argument) }
        if let keys {
            let code = Validation.attributeKeys(keys)
            guard code == .ok else { return answer([], code) }
            answer(channelAttributes.attributes(of: channel, keys: keys), .ok)
        } else {
            answer(channelAttributes.attributes(of: channel), .ok)
        }
    }
}
