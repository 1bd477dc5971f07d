import RTMMachines
import RTMProtocol

// The client machines, as diagrams see them. Every label comes from the machine itself
// (`label`, `eventLabel`, the callbacks' `label`); only the classification of effects is here.

extension ConnectionMachine: DiagrammableMachine {
    public static var diagramName: String { "Connection" }
    public static var diagramCaption: String { "IRtmService connection (CONNECTION_STATE)" }
    /// ABORTED waits for the app's `logout`; no connection state is final.
    public static func isTerminal(_ state: State) -> Bool { false }
    public static func detailLabel(_ state: State) -> String { state.label }

    public static func diagramEffect(_ effect: Effect) -> DiagramEffect {
        switch effect {
        case .returnCode(.login(let code)): .returnCode(name: code.sdkName, value: code.rawValue)
        case .returnCode(.logout(let code)): .returnCode(name: code.sdkName, value: code.rawValue)
        case .returnCode(.renewToken(let code)): .returnCode(name: code.sdkName, value: code.rawValue)
        case .callback(let callback): .callback(callback.label)
        case .send, .startTimer, .cancelTimer, .dropChannelMemberships, .resumeChannelMemberships: .internalOrder
        }
    }
}

extension ChannelMembershipMachine: DiagrammableMachine {
    public static var diagramName: String { "Channel" }
    public static var diagramCaption: String { "IChannel membership (RTMCheck's names: the SDK has no channel state)" }
    public static func isTerminal(_ state: State) -> Bool { state.membership == .released }
    public static func detailLabel(_ state: State) -> String { state.label }

    public static func diagramEffect(_ effect: Effect) -> DiagramEffect {
        switch effect {
        case .returnCode(.join(let code)): .returnCode(name: code.sdkName, value: code.rawValue)
        case .returnCode(.leave(let code)): .returnCode(name: code.sdkName, value: code.rawValue)
        case .returnCode(.sendMessage(let code)): .returnCode(name: code.sdkName, value: code.rawValue)
        case .returnCode(.getMembers(let code)): .returnCode(name: code.sdkName, value: code.rawValue)
        case .callback(let callback): .callback(callbackLabel(callback))
        case .send, .startTimer, .cancelTimer: .internalOrder
        }
    }

    /// The callback without message and request ids (which only the detail of the state tracks)
    /// and without the representative user and counts.
    static func callbackLabel(_ callback: Callback) -> String {
        switch callback {
        case .onJoinSuccess, .onJoinFailure, .onLeave: callback.label
        case .onMemberJoined: "onMemberJoined"
        case .onMemberLeft: "onMemberLeft"
        case .onMemberCountUpdated: "onMemberCountUpdated"
        case .onMessageReceived: "onMessageReceived"
        case .onSendMessageResult(_, let code): "onSendMessageResult(\(code.sdkName))"
        case .onGetMembers(_, let code): "onGetMembers(\(code.sdkName))"
        }
    }

    /// The event without the representative arguments that do not change the outcome: message and
    /// request ids, user ids, counts, and the connection state of a `sendMessage` while logged in
    /// (CONNECTED and RECONNECTING behave alike, decision 5). The arguments that do (logged in?
    /// the channel limit? the server's code?) stay.
    public static func diagramEventLabel(_ event: Event) -> String {
        switch event {
        case .joinRequested(let context):
            if !context.loggedIn {
                "join(notLoggedIn)"
            } else if context.channelsJoinedOrJoining >= channelLimit {
                "join(\(channelLimit) channels in use)"
            } else {
                "join"
            }
        case .leaveRequested(let loggedIn): loggedIn ? "leave" : "leave(notLoggedIn)"
        case .sendMessageRequested(_, let connection):
            ConnectionMachine.isLoggedIn(connection) ? "sendMessage" : "sendMessage(\(connection.sdkName))"
        case .getMembersRequested(_, let loggedIn): loggedIn ? "getMembers" : "getMembers(notLoggedIn)"
        case .releaseRequested: "release"
        case .joinAcceptedReceived: "joinAcceptedReceived"
        case .joinRejectedReceived(let code): "joinRejectedReceived(\(code.sdkName))"
        case .joinTimerFired: "joinTimerFired"
        case .leaveAcceptedReceived: "leaveAcceptedReceived"
        case .memberJoinedReceived: "memberJoinedReceived"
        case .memberLeftReceived: "memberLeftReceived"
        case .memberCountReceived: "memberCountReceived"
        case .messageReceived: "messageReceived"
        case .messageAckReceived(_, let code): "messageAckReceived(\(code.sdkName))"
        case .messageTimerFired: "messageTimerFired"
        case .membersReceived: "membersReceived"
        case .getMembersTimerFired: "getMembersTimerFired"
        case .removedBySessionEnd: "removedBySessionEnd"
        case .rejoinedAfterReconnect: "rejoinedAfterReconnect"
        }
    }
}

extension LocalInvitationMachine: DiagrammableMachine {
    /// The machine's label with the notice's code after `Received`: `localFailureReceived(PEER_OFFLINE)`.
    public static func diagramEventLabel(_ event: Event) -> String {
        if case .noticeReceived(let notice) = event { return DiagramText.noticeLabel(notice) }
        return eventLabel(event)
    }

    public static var diagramName: String { "LocalInvitation" }
    public static var diagramCaption: String { "ILocalCallInvitation, the caller's side (LOCAL_INVITATION_STATE)" }
    public static func isTerminal(_ state: State) -> Bool { state.isTerminal }
    public static func detailLabel(_ state: State) -> String { state.label }

    public static func diagramEffect(_ effect: Effect) -> DiagramEffect {
        switch effect {
        case .returnCode(let code): .returnCode(name: code.sdkName, value: code.rawValue)
        case .callback(let callback): .callback(callbackLabel(callback))
        case .send, .startTimer, .cancelTimer: .internalOrder
        }
    }
}

extension RemoteInvitationMachine: DiagrammableMachine {
    /// The machine's label with the notice's code after `Received`: `remoteFailureReceived(ACCEPT_FAILURE)`.
    public static func diagramEventLabel(_ event: Event) -> String {
        if case .noticeReceived(let notice) = event { return DiagramText.noticeLabel(notice) }
        return eventLabel(event)
    }

    public static var diagramName: String { "RemoteInvitation" }
    public static var diagramCaption: String { "IRemoteCallInvitation, the callee's side (REMOTE_INVITATION_STATE)" }
    public static func isTerminal(_ state: State) -> Bool { state.isTerminal }
    public static func detailLabel(_ state: State) -> String { state.label }

    public static func diagramEffect(_ effect: Effect) -> DiagramEffect {
        switch effect {
        case .returnCode(let code): .returnCode(name: code.sdkName, value: code.rawValue)
        case .callback(let callback): .callback(callbackLabel(callback))
        case .send, .startTimer, .cancelTimer: .internalOrder
        }
    }
}

extension DiagramText {
    /// An invitation notice as an event label: `calleeAckReceived`, `localFailureReceived(PEER_OFFLINE)`.
    static func noticeLabel(_ notice: InvitationNotice) -> String {
        let label = notice.label
        guard let open = label.firstIndex(of: "(") else { return label + "Received" }
        return label[..<open] + "Received" + label[open...]
    }
}
