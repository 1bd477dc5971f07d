extension InvitationRequest {
    /// The request with its payload, as the Swift runtime prints it (`invite(content: "", channelId: "")`),
    /// built without reflection: labels of delivered requests are made on every transition.
    public var rendered: String {
        switch self {
        case .invite(let content, let channelId):
            "invite(content: \(content.debugDescription), channelId: \(channelId.debugDescription))"
        case .cancel: "cancel"
        case .acceptAck: "acceptAck"
        case .receivedAck: "receivedAck"
        case .accept(let response): "accept(response: \(response.debugDescription))"
        case .refuse(let response): "refuse(response: \(response.debugDescription))"
        case .abandon: "abandon"
        }
    }
}
