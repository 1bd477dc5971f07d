import RTMMachines
import RTMProtocol

/// Every online user's attributes, as the server stores them (`setLocalUserAttributes` and friends).
///
/// A user's attributes live as long as its session: ``RtmServer`` drops them when the user logs out, is
/// kicked, outlives the 30 s grace, or the server restarts (§2.1 "User attributes are cleared at logout";
/// after a reconnect the SDK pushes them again). Limits (§4.2): at most 32 attributes and 16 KB per user, a
/// key of at most 32 bytes, a value of at most 8 KB (`SIZE_OVERFLOW`); a value of "" is `INVALID_ARGUMENT`.
/// A rejected write changes nothing.
public struct UserAttributeStore: Hashable, Sendable {
    private var byUser: [UserID: [RtmAttribute]] = [:]

    public init() {}

    /// The users that have at least one attribute, sorted.
    public var users: [UserID] { byUser.keys.sorted() }

    /// `user`'s attributes, in the order they were first set.
    public func attributes(of user: UserID) -> [RtmAttribute] { byUser[user] ?? [] }

    /// `user`'s attributes whose key is in `keys`, in stored order (absent keys are skipped).
    public func attributes(of user: UserID, keys: [String]) -> [RtmAttribute] {
        attributes(of: user).filter { keys.contains($0.key) }
    }

    /// Applies one write to `user`'s attributes, or changes nothing and returns why not.
    public mutating func apply(_ write: AttributeWrite, to user: UserID) -> AttributeOperationErr {
        let current = attributes(of: user)
        let next: [RtmAttribute]
        switch write {
        case .set(let new):
            let code = Validation.userAttributes(AttributeList.pairs(new))
            guard code == .ok else { return code }
            next = AttributeList.merged([], new)
        case .addOrUpdate(let new):
            let merged = AttributeList.merged(current, new)
            let code = Validation.userAttributes(AttributeList.pairs(new), resulting: AttributeList.pairs(merged))
            guard code == .ok else { return code }
            next = merged
        case .deleteByKeys(let keys):
            let code = Validation.attributeKeys(keys)
            guard code == .ok else { return code }
            next = current.filter { !keys.contains($0.key) }
        case .clear:
            next = []
        }
        byUser[user] = next.isEmpty ? nil : next
        return .ok
    }

    /// Forgets the attributes of every user not in `online`.
    public mutating func keepOnly(_ online: Set<UserID>) {
        byUser = byUser.filter { online.contains($0.key) }
    }
}

/// Every channel's attributes, each stamped with who last wrote it and when (server clock, ms).
///
/// Channel attributes outlive the channel's members and a server restart. Limits (§4.2): at most 32
/// attributes and 32 KB per channel, a key of at most 32 bytes, a value of at most 8 KB (`SIZE_OVERFLOW`); a
/// value of "" is `INVALID_ARGUMENT`. A rejected write changes nothing.
public struct ChannelAttributeStore: Hashable, Sendable {
    private var byChannel: [ChannelID: [RtmChannelAttribute]] = [:]

    public init() {}

    /// The channels that have at least one attribute, sorted.
    public var channels: [ChannelID] { byChannel.keys.sorted() }

    /// `channel`'s attributes, in the order they were first set.
    public func attributes(of channel: ChannelID) -> [RtmChannelAttribute] { byChannel[channel] ?? [] }

    /// `channel`'s attributes whose key is in `keys`, in stored order (absent keys are skipped).
    public func attributes(of channel: ChannelID, keys: [String]) -> [RtmChannelAttribute] {
        attributes(of: channel).filter { keys.contains($0.key) }
    }

    /// Applies one write by `user` at server time `nowMs` to `channel`'s attributes, or changes nothing and
    /// returns why not. Every attribute the write sets is stamped `lastUpdateUserId = user`,
    /// `lastUpdateTs = nowMs`; the others keep their stamps.
    public mutating func apply(_ write: AttributeWrite, to channel: ChannelID, by user: UserID, nowMs: Int64)
        -> AttributeOperationErr
    {
        let current = attributes(of: channel)
        func stamped(_ attribute: RtmAttribute) -> RtmChannelAttribute {
            RtmChannelAttribute(key: attribute.key, value: attribute.value, lastUpdateUserId: user, lastUpdateTs: nowMs)
        }
        let next: [RtmChannelAttribute]
        switch write {
        case .set(let new):
            let code = Validation.channelAttributes(AttributeList.pairs(new))
            guard code == .ok else { return code }
            next = AttributeList.merged([], new).map(stamped)
        case .addOrUpdate(let new):
            let plain = current.map { RtmAttribute(key: $0.key, value: $0.value) }
            let merged = AttributeList.merged(plain, new)
            let code = Validation.channelAttributes(
                AttributeList.pairs(new), resulting: AttributeList.pairs(merged))
            guard code == .ok else { return code }
            let written = Set(new.map(\.key))
            next = merged.map { attribute in
                written.contains(attribute.key)
                    ? stamped(attribute) : current.first { $0.key == attribute.key } ?? stamped(attribute)
            }
        case .deleteByKeys(let keys):
            let code = Validation.attributeKeys(keys)
            guard code == .ok else { return code }
            next = current.filter { !keys.contains($0.key) }
        case .clear:
            next = []
        }
        byChannel[channel] = next.isEmpty ? nil : next
        return .ok
    }
}

/// Attribute-list arithmetic shared by the user and channel stores.
enum AttributeList {
    /// `current` with `new` applied in order: a key that exists keeps its place and takes the new value,
    /// a new key is appended. `merged([], list)` is `list` with one entry per key (the last value given).
    static func merged(_ current: [RtmAttribute], _ new: [RtmAttribute]) -> [RtmAttribute] {
        var result = current
        for attribute in new {
            if let index = result.firstIndex(where: { $0.key == attribute.key }) {
                result[index].value = attribute.value
            } else {
                result.append(attribute)
            }
        }
        return result
    }

    /// The tuples ``Validation`` takes.
    static func pairs(_ attributes: [RtmAttribute]) -> [(key: String, value: String)] {
        attributes.map { (key: $0.key, value: $0.value) }
    }
}
