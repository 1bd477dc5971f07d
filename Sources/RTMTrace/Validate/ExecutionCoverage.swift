import RTMMachines
import RTMSystem

/// The coverage keys and the explanation of an execution the validator matched.
///
/// Keys are the model's own (``RTMSystemModel/coverageKeys(_:_:into:)``), so the transitions a trace
/// takes line up with those the model exploration takes. A call made from a trace line is keyed as the
/// scenario call it corresponds to (`sendLocalInvitation in …` is keyed, as in the model, by the state
/// before the invitation was created); calls no scenario budget can make (`createChannel`, the
/// invitation setters) have no key. Quoted payloads are emptied (``CoverageKey/normalize(_:)``).
enum ExecutionCoverage {
    static func keys(of path: [(from: SystemState, move: SearchMove)], model: RTMSystemModel) -> [String] {
        var keys: [String] = []
        var beforeCreate: [Int: SystemState] = [:]
        for (state, move) in path {
            switch move {
            case .hidden(let action):
                model.coverageKeys(state, action, into: &keys)
            case .call(let actor, let call):
                if case .createLocalCallInvitation = call { beforeCreate[actor] = state }
                guard let scenarioCall = ScenarioCall(call) else { continue }
                let base = scenarioCall == .sendLocalInvitation ? beforeCreate[actor] ?? state : state
                keys.append(model.coverageKey(for: scenarioCall, client: actor, in: base))
            }
        }
        return keys.map(CoverageKey.normalize)
    }

    /// The execution as numbered steps, each with what it produced.
    static func explain(_ path: [(from: SystemState, move: SearchMove)], model: RTMSystemModel) -> [String] {
        var lines: [String] = []
        for (index, (state, move)) in path.enumerated() {
            switch move {
            case .hidden(let action):
                lines.append("\(index + 1). \(model.describe(action: action))")
                lines += model.explain(action, from: state).1.map { "     \($0)" }
            case .call(let actor, let call):
                lines.append("\(index + 1). \(model.scenario.clients[actor]) calls \(call.sdkName)")
                lines += model.perform(call, client: actor, from: state).1.lines.map { "     \($0)" }
            }
        }
        return lines
    }
}

extension ScenarioCall {
    /// The scenario call an API call corresponds to, for coverage keys (nil: no budget makes it).
    init?(_ call: RtmApiCall) {
        switch call {
        case .login: self = .login
        case .logout: self = .logout
        case .renewToken: self = .renewToken
        case .join: self = .join
        case .leave: self = .leave
        case .sendMessage: self = .sendMessage
        case .getMembers: self = .getMembers
        case .sendMessageToPeer: self = .sendMessageToPeer
        case .sendLocalInvitation: self = .sendLocalInvitation
        case .cancelLocalInvitation: self = .cancelLocalInvitation
        case .acceptRemoteInvitation: self = .acceptRemoteInvitation
        case .refuseRemoteInvitation: self = .refuseRemoteInvitation
        case .queryPeersOnlineStatus, .setLocalUserAttributes, .addOrUpdateLocalUserAttributes,
            .deleteLocalUserAttributesByKeys, .clearLocalUserAttributes, .getUserAttributes, .getUserAttributesByKeys,
            .getChannelMemberCount, .setChannelAttributes, .addOrUpdateChannelAttributes,
            .deleteChannelAttributesByKeys, .clearChannelAttributes, .getChannelAttributes,
            .getChannelAttributesByKeys, .createChannel, .releaseChannel, .createLocalCallInvitation, .setContent,
            .setChannelId, .setResponse:
            return nil
        }
    }
}

/// Coverage keys as every source compares them.
public enum CoverageKey {
    /// `key` with the text of every quoted payload emptied: message labels in the model's keys carry
    /// their strings (`invitation.invite(content: "lunch?", channelId: "")`), which are not part of a
    /// transition, and a trace's strings are its own.
    public static func normalize(_ key: String) -> String {
        guard key.contains("\"") else { return key }
        var out = ""
        var inString = false
        var escaped = false
        for character in key {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                    out.append(character)
                }
            } else {
                out.append(character)
                if character == "\"" { inString = true }
            }
        }
        return out
    }
}
