import RTMProtocol

extension ChannelMembershipMachine {
    /// An order for the shell, in the order the shell must carry it out.
    public enum Effect: Hashable, Sendable, Codable {
        /// The synchronous return value of the API call (the first effect of every `…Requested` event
        /// except `releaseRequested`: `release()` returns `void`).
        case returnCode(ReturnCode)
        /// Call the app's `IChannelEventHandler`.
        case callback(Callback)
        /// Send this request to the server.
        case send(Request)
        /// Start a timer; its expiry comes back as the matching `…Fired` event.
        case startTimer(Timer, ms: Int)
        /// Stop a timer; a firing that races the cancel is ignored.
        case cancelTimer(Timer)

        /// A short, stable label, e.g. `return(JOIN_CHANNEL_ERR_EXCEED_LIMIT)` or `startTimer(message#1, 10000ms)`.
        public var label: String {
            switch self {
            case .returnCode(let code): "return(\(code.sdkName))"
            case .callback(let callback): callback.label
            case .send(let request): "send(\(request.label))"
            case .startTimer(let timer, let ms): "startTimer(\(timer.label), \(ms)ms)"
            case .cancelTimer(let timer): "cancelTimer(\(timer.label))"
            }
        }
    }

    /// The synchronous return value of one API call.
    public enum ReturnCode: Hashable, Sendable, Codable {
        /// What `join()` returns.
        case join(JoinChannelErr)
        /// What `leave()` returns.
        case leave(LeaveChannelErr)
        /// What `sendMessage()` returns.
        case sendMessage(ChannelMessageErrCode)
        /// What `getMembers()` returns.
        case getMembers(GetMembersErr)

        /// The SDK name of the code, e.g. `JOIN_CHANNEL_ERR_ALREADY_JOINED`.
        public var sdkName: String {
            switch self {
            case .join(let code): code.sdkName
            case .leave(let code): code.sdkName
            case .sendMessage(let code): code.sdkName
            case .getMembers(let code): code.sdkName
            }
        }
    }

    /// A callback of `IChannelEventHandler`, with the SDK's name and arguments.
    public enum Callback: Hashable, Sendable, Codable {
        /// `onJoinSuccess()`.
        case onJoinSuccess
        /// `onJoinFailure(errorCode)`.
        case onJoinFailure(JoinChannelErr)
        /// `onLeave(errorCode)`.
        case onLeave(LeaveChannelErr)
        /// `onMemberJoined(member)`: another user joined.
        case onMemberJoined(userId: String)
        /// `onMemberLeft(member)`: another user left.
        case onMemberLeft(userId: String)
        /// `onMemberCountUpdated(memberCount)`.
        case onMemberCountUpdated(Int)
        /// `onMessageReceived(userId, message)`.
        case onMessageReceived(from: String, text: String)
        /// `onSendMessageResult(messageId, state)`.
        case onSendMessageResult(messageId: Int, ChannelMessageErrCode)
        /// `onGetMembers(members, memberCount, errorCode)`; the count is `members.count`.
        case onGetMembers(members: [String], GetMembersErr)

        /// A short, stable label, e.g. `onSendMessageResult(#1, CHANNEL_MESSAGE_ERR_SENT_TIMEOUT)`.
        public var label: String {
            switch self {
            case .onJoinSuccess: "onJoinSuccess"
            case .onJoinFailure(let code): "onJoinFailure(\(code.sdkName))"
            case .onLeave(let code): "onLeave(\(code.sdkName))"
            case .onMemberJoined(let user): "onMemberJoined(\(user))"
            case .onMemberLeft(let user): "onMemberLeft(\(user))"
            case .onMemberCountUpdated(let count): "onMemberCountUpdated(\(count))"
            case .onMessageReceived(let from, _): "onMessageReceived(\(from))"
            case .onSendMessageResult(let id, let code): "onSendMessageResult(#\(id), \(code.sdkName))"
            case .onGetMembers(let members, let code):
                "onGetMembers([\(members.joined(separator: ","))], \(code.sdkName))"
            }
        }
    }

    /// A request to the server. The shell adds the channel id and, for a message, its content.
    public enum Request: Hashable, Sendable, Codable {
        /// Join the channel (answered by `joinAccepted(memberCount)` or `joinRejected(code)`).
        case join
        /// Leave the channel; the server answers every leave with `leaveAccepted`, member or not.
        case leave
        /// Send channel message `messageId` (answered by `messageAck(messageId, code)`).
        case message(messageId: Int)
        /// List the members (answered by `members(requestId, list)`).
        case getMembers(requestId: Int)

        /// A short, stable label, e.g. `message#1`.
        public var label: String {
            switch self {
            case .join: "join"
            case .leave: "leave"
            case .message(let id): "message#\(id)"
            case .getMembers(let id): "getMembers#\(id)"
            }
        }
    }

    /// A timer the machine runs.
    public enum Timer: Hashable, Sendable, Codable {
        /// The 5 s join timer.
        case join
        /// The 10 s timer of one message.
        case message(messageId: Int)
        /// The 5 s timer of one `getMembers` call.
        case getMembers(requestId: Int)

        /// A short, stable label, e.g. `getMembers#1`.
        public var label: String {
            switch self {
            case .join: "join"
            case .message(let id): "message#\(id)"
            case .getMembers(let id): "getMembers#\(id)"
            }
        }
    }
}
