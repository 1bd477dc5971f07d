import RTMMachines
import RTMProtocol

/// Which kind of ``RtmApiResult`` a method returns: decides how `returns` (and `messageId` /
/// `requestId`) of a `call` line are read.
enum ResultShape: Hashable, Sendable {
    case login, logout, renewToken, peerMessage, queryPeersOnlineStatus, attribute, getChannelMemberCount
    case channelCreated, join, leave, channelMessage, getMembers, void, invitationCreated, invitation

    /// The extra member a result of this shape carries next to `returns`.
    var idKey: String? {
        switch self {
        case .peerMessage, .channelMessage: "messageId"
        case .queryPeersOnlineStatus, .attribute, .getChannelMemberCount: "requestId"
        case .login, .logout, .renewToken, .channelCreated, .join, .leave, .getMembers, .void, .invitationCreated,
            .invitation:
            nil
        }
    }
}

extension RtmApiCall {
    /// What this method returns.
    var resultShape: ResultShape {
        switch self {
        case .login: .login
        case .logout: .logout
        case .renewToken: .renewToken
        case .sendMessageToPeer: .peerMessage
        case .queryPeersOnlineStatus: .queryPeersOnlineStatus
        case .setLocalUserAttributes, .addOrUpdateLocalUserAttributes, .deleteLocalUserAttributesByKeys,
            .clearLocalUserAttributes, .getUserAttributes, .getUserAttributesByKeys, .setChannelAttributes,
            .addOrUpdateChannelAttributes, .deleteChannelAttributesByKeys, .clearChannelAttributes,
            .getChannelAttributes, .getChannelAttributesByKeys:
            .attribute
        case .getChannelMemberCount: .getChannelMemberCount
        case .createChannel: .channelCreated
        case .join: .join
        case .leave: .leave
        case .sendMessage: .channelMessage
        case .getMembers: .getMembers
        case .releaseChannel: .void
        case .createLocalCallInvitation: .invitationCreated
        // The setters return an invitation code too (INVALID_ARGUMENT past the size limits), as ClientCore does.
        case .setContent, .setChannelId, .setResponse, .sendLocalInvitation, .cancelLocalInvitation,
            .acceptRemoteInvitation, .refuseRemoteInvitation:
            .invitation
        }
    }
}

extension RtmApiResult {
    var shape: ResultShape {
        switch self {
        case .login: .login
        case .logout: .logout
        case .renewToken: .renewToken
        case .peerMessage: .peerMessage
        case .queryPeersOnlineStatus: .queryPeersOnlineStatus
        case .attribute: .attribute
        case .getChannelMemberCount: .getChannelMemberCount
        case .channelCreated: .channelCreated
        case .join: .join
        case .leave: .leave
        case .channelMessage: .channelMessage
        case .getMembers: .getMembers
        case .void: .void
        case .invitationCreated: .invitationCreated
        case .invitation: .invitation
        }
    }
}

/// The `returns` member of `call` lines: the SDK code by name (a number is accepted), `"void"`,
/// `"IChannel"` / `null` for `createChannel`, the new invitation / `null` for `createLocalCallInvitation`.
enum ResultCoding {
    /// Reads the result of a method of `shape`; nil when the line has no `returns`.
    static func decode(_ shape: ResultShape, _ f: inout FieldReader) throws(TraceLineError) -> RtmApiResult? {
        guard let value = f.optionalValue("returns") else {
            if let idKey = shape.idKey, f.optionalValue(idKey) != nil {
                throw TraceLineError("\(idKey) is part of the return value: write returns too, or neither")
            }
            return nil
        }
        let key = "returns"
        switch shape {
        case .login: return .login(try FieldReader.code(LoginErrCode.self, value, for: key))
        case .logout: return .logout(try FieldReader.code(LogoutErrCode.self, value, for: key))
        case .renewToken: return .renewToken(try FieldReader.code(RenewTokenErrCode.self, value, for: key))
        case .peerMessage:
            return .peerMessage(
                try FieldReader.code(PeerMessageErrCode.self, value, for: key), messageId: try f.int("messageId")
            )
        case .queryPeersOnlineStatus:
            return .queryPeersOnlineStatus(
                try FieldReader.code(QueryPeersOnlineStatusErr.self, value, for: key), requestId: try f.int("requestId")
            )
        case .attribute:
            return .attribute(
                try FieldReader.code(AttributeOperationErr.self, value, for: key), requestId: try f.int("requestId")
            )
        case .getChannelMemberCount:
            return .getChannelMemberCount(
                try FieldReader.code(GetChannelMemberCountErrCode.self, value, for: key),
                requestId: try f.int("requestId")
            )
        case .channelCreated:
            switch value {
            case .string("IChannel"): return .channelCreated(true)
            case .null: return .channelCreated(false)
            case .bool, .number, .string, .array, .object:
                throw TraceLineError("expected \"IChannel\" or null for returns, found \(describe(value))")
            }
        case .join: return .join(try FieldReader.code(JoinChannelErr.self, value, for: key))
        case .leave: return .leave(try FieldReader.code(LeaveChannelErr.self, value, for: key))
        case .channelMessage:
            return .channelMessage(
                try FieldReader.code(ChannelMessageErrCode.self, value, for: key), messageId: try f.int("messageId")
            )
        case .getMembers: return .getMembers(try FieldReader.code(GetMembersErr.self, value, for: key))
        case .void:
            guard case .string("void") = value else {
                throw TraceLineError(
                    "expected \"void\" for returns (the method returns nothing), found \(describe(value))")
            }
            return .void
        case .invitationCreated:
            switch value {
            case .null: return .invitationCreated(nil)
            case .string(let text):
                guard let created = InvitationKey(traceText: text) else {
                    throw TraceLineError("expected caller->callee#serial or null for returns, found \"\(text)\"")
                }
                return .invitationCreated(created)
            case .bool, .number, .array, .object:
                throw FieldReader.mismatch("caller->callee#serial or null", for: key, found: value)
            }
        case .invitation: return .invitation(try FieldReader.code(InvitationApiCallErrCode.self, value, for: key))
        }
    }

    /// Appends `returns` (and the message or request ID) for `result`.
    static func encode(_ result: RtmApiResult, into o: inout JSONObject) {
        switch result {
        case .login(let c): o.append("returns", name(c))
        case .logout(let c): o.append("returns", name(c))
        case .renewToken(let c): o.append("returns", name(c))
        case .peerMessage(let c, let id):
            o.append("returns", name(c))
            o.append("messageId", number(id))
        case .channelMessage(let c, let id):
            o.append("returns", name(c))
            o.append("messageId", number(id))
        case .queryPeersOnlineStatus(let c, let id):
            o.append("returns", name(c))
            o.append("requestId", number(id))
        case .attribute(let c, let id):
            o.append("returns", name(c))
            o.append("requestId", number(id))
        case .getChannelMemberCount(let c, let id):
            o.append("returns", name(c))
            o.append("requestId", number(id))
        case .channelCreated(let created): o.append("returns", created ? .string("IChannel") : .null)
        case .join(let c): o.append("returns", name(c))
        case .leave(let c): o.append("returns", name(c))
        case .getMembers(let c): o.append("returns", name(c))
        case .void: o.append("returns", .string("void"))
        case .invitationCreated(let key): o.append("returns", key.map { .string($0.description) } ?? .null)
        case .invitation(let c): o.append("returns", name(c))
        }
    }

    static func name(_ code: some RTMEnum) -> JSONValue { .string(code.sdkName) }
    static func number(_ value: Int) -> JSONValue { .number(String(value)) }
    static func number(_ value: Int64) -> JSONValue { .number(String(value)) }
    static func number(_ value: UInt64) -> JSONValue { .number(String(value)) }

    private static func describe(_ value: JSONValue) -> String {
        if case .string(let text) = value { return "\"\(text)\"" }
        return value.kindDescription
    }
}
