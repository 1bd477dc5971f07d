import RTMMachines
import RTMProtocol

/// The requests the shell handles: online status, user attributes, member counts, channel attributes. Each
/// returns its code synchronously and sets `requestId`; the answer arrives in the matching `on…Result` callback
/// with that request ID (or `…_TIMEOUT` after the timeout of §2.5).
extension RtmService {
    /// `queryPeersOnlineStatus(peerIds, requestId)` (at most 256 peers), answered within 10 s.
    @discardableResult
    public func queryPeersOnlineStatus(_ peerIds: [UserID], requestId: inout Int) -> QueryPeersOnlineStatusErr {
        guard case .queryPeersOnlineStatus(let code, let id) = perform(.queryPeersOnlineStatus(peerIds: peerIds))
        else { return .failure }
        requestId = id
        return code
    }

    /// `setLocalUserAttributes(attributes, requestId)`: replaces all of the local user's attributes.
    @discardableResult
    public func setLocalUserAttributes(_ attributes: [RtmAttribute], requestId: inout Int) -> AttributeOperationErr {
        attribute(.setLocalUserAttributes(attributes), &requestId)
    }

    /// `addOrUpdateLocalUserAttributes(attributes, requestId)`.
    @discardableResult
    public func addOrUpdateLocalUserAttributes(_ attributes: [RtmAttribute], requestId: inout Int)
        -> AttributeOperationErr
    {
        attribute(.addOrUpdateLocalUserAttributes(attributes), &requestId)
    }

    /// `deleteLocalUserAttributesByKeys(keys, requestId)`.
    @discardableResult
    public func deleteLocalUserAttributesByKeys(_ keys: [String], requestId: inout Int) -> AttributeOperationErr {
        attribute(.deleteLocalUserAttributesByKeys(keys), &requestId)
    }

    /// `clearLocalUserAttributes(requestId)`.
    @discardableResult
    public func clearLocalUserAttributes(requestId: inout Int) -> AttributeOperationErr {
        attribute(.clearLocalUserAttributes, &requestId)
    }

    /// `getUserAttributes(userId, requestId)` of any online user.
    @discardableResult
    public func getUserAttributes(_ userId: UserID, requestId: inout Int) -> AttributeOperationErr {
        attribute(.getUserAttributes(userId: userId), &requestId)
    }

    /// `getUserAttributesByKeys(userId, keys, requestId)`.
    @discardableResult
    public func getUserAttributesByKeys(_ userId: UserID, keys: [String], requestId: inout Int)
        -> AttributeOperationErr
    {
        attribute(.getUserAttributesByKeys(userId: userId, keys: keys), &requestId)
    }

    /// `getChannelMemberCount(channelIds, requestId)` (at most 32 channels, once per second).
    @discardableResult
    public func getChannelMemberCount(_ channelIds: [ChannelID], requestId: inout Int) -> GetChannelMemberCountErrCode {
        guard case .getChannelMemberCount(let code, let id) = perform(.getChannelMemberCount(channelIds: channelIds))
        else { return .failure }
        requestId = id
        return code
    }

    /// `setChannelAttributes(channelId, attributes, options, requestId)`: replaces all of the channel's
    /// attributes; membership is not required.
    @discardableResult
    public func setChannelAttributes(
        _ channelId: ChannelID, _ attributes: [RtmAttribute], options: ChannelAttributeOptions = .init(),
        requestId: inout Int
    ) -> AttributeOperationErr {
        attribute(
            .setChannelAttributes(
                channel: channelId, attributes,
                enableNotificationToChannelMembers: options.enableNotificationToChannelMembers), &requestId)
    }

    /// `addOrUpdateChannelAttributes(channelId, attributes, options, requestId)`.
    @discardableResult
    public func addOrUpdateChannelAttributes(
        _ channelId: ChannelID, _ attributes: [RtmAttribute], options: ChannelAttributeOptions = .init(),
        requestId: inout Int
    ) -> AttributeOperationErr {
        attribute(
            .addOrUpdateChannelAttributes(
                channel: channelId, attributes,
                enableNotificationToChannelMembers: options.enableNotificationToChannelMembers), &requestId)
    }

    /// `deleteChannelAttributesByKeys(channelId, keys, options, requestId)`.
    @discardableResult
    public func deleteChannelAttributesByKeys(
        _ channelId: ChannelID, keys: [String], options: ChannelAttributeOptions = .init(), requestId: inout Int
    ) -> AttributeOperationErr {
        attribute(
            .deleteChannelAttributesByKeys(
                channel: channelId, keys: keys,
                enableNotificationToChannelMembers: options.enableNotificationToChannelMembers), &requestId)
    }

    /// `clearChannelAttributes(channelId, options, requestId)`.
    @discardableResult
    public func clearChannelAttributes(
        _ channelId: ChannelID, options: ChannelAttributeOptions = .init(), requestId: inout Int
    ) -> AttributeOperationErr {
        attribute(
            .clearChannelAttributes(
                channel: channelId, enableNotificationToChannelMembers: options.enableNotificationToChannelMembers),
            &requestId)
    }

    /// `getChannelAttributes(channelId, requestId)`.
    @discardableResult
    public func getChannelAttributes(_ channelId: ChannelID, requestId: inout Int) -> AttributeOperationErr {
        attribute(.getChannelAttributes(channel: channelId), &requestId)
    }

    /// `getChannelAttributesByKeys(channelId, keys, requestId)`.
    @discardableResult
    public func getChannelAttributesByKeys(_ channelId: ChannelID, keys: [String], requestId: inout Int)
        -> AttributeOperationErr
    {
        attribute(.getChannelAttributesByKeys(channel: channelId, keys: keys), &requestId)
    }

    private func attribute(_ call: RtmApiCall, _ requestId: inout Int) -> AttributeOperationErr {
        guard case .attribute(let code, let id) = perform(call) else { return .failure }
        requestId = id
        return code
    }
}
