import RTMMachines
import RTMProtocol
import StateGraph

/// What one observer sees of a composed system state: one client's connection, channel or
/// invitation, the server's sessions, or a product of several.
///
/// Written as `alice.connection`, `alice.channel[lobby]`, `alice.local[bob]` (alice's outgoing
/// invitation to bob), `bob.remote[alice]` (bob's incoming invitation from alice),
/// `server.sessions`, `server.channel[lobby]`; a product joins components with `*`
/// (`alice.local[bob]*bob.remote[alice]`). A component's key is the SDK's state name
/// (`LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE`), or `(none)` while the object does not exist.
///
/// ```swift
/// let view = try SystemView.parse("alice.local[bob]*bob.remote[alice]", scenario: scenario)
/// view.key(state)   // "LOCAL_INVITATION_STATE_SENT_TO_REMOTE | REMOTE_INVITATION_STATE_INVITATION_RECEIVED"
/// ```
public struct SystemView: Hashable, Sendable {
    /// One factor of a view.
    public enum Component: Hashable, Sendable {
        case connection(client: Int)
        case channel(client: Int, channel: ChannelID)
        case local(client: Int, callee: UserID)
        case remote(client: Int, caller: UserID)
        case serverSessions
        case serverChannel(ChannelID)
    }

    /// The key of a component whose object does not exist (yet) in a state.
    public static let absent = "(none)"

    /// The factors, in the order written.
    public var components: [Component]
    /// The view as written.
    public var text: String

    /// The view's key of `state`: the components' keys joined by ` | `.
    public func key(_ state: SystemState) -> String {
        components.map { Self.key($0, state) }.joined(separator: " | ")
    }

    /// A short label for a key: each component's short SDK name, one per line.
    public func label(ofKey key: String) -> String {
        key.components(separatedBy: " | ").map(SDKName.shortLabel).joined(separator: "\n")
    }

    /// Whether every component of `state` has ended its lifecycle (a terminal invitation state,
    /// a released channel); connections and the server never end.
    public func isTerminal(_ state: SystemState) -> Bool {
        components.allSatisfy { component in
            switch component {
            case .local(let client, let callee):
                Self.local(state, client, callee)?.machine.isTerminal ?? false
            case .remote(let client, let caller):
                Self.remote(state, client, caller)?.machine.isTerminal ?? false
            case .channel(let client, let channel):
                state.clients[client].core.channel(channel)?.machine.membership == .released
            case .connection, .serverSessions, .serverChannel:
                false
            }
        }
    }

    static func key(_ component: Component, _ state: SystemState) -> String {
        switch component {
        case .connection(let client):
            state.clients[client].core.connectionState.sdkName
        case .channel(let client, let channel):
            state.clients[client].core.channel(channel)?.machine.membership.sdkName ?? absent
        case .local(let client, let callee):
            local(state, client, callee)?.machine.sdkState.sdkName ?? absent
        case .remote(let client, let caller):
            remote(state, client, caller)?.machine.sdkState.sdkName ?? absent
        case .serverSessions:
            ServerMachine.sdkStateName(state.server)
        case .serverChannel(let channel):
            "\(channel)[\(state.server.members(channel).joined(separator: ","))]"
        }
    }

    /// The newest invitation from `client` to `callee`.
    static func local(_ state: SystemState, _ client: Int, _ callee: UserID) -> ClientCore.LocalSlot? {
        state.clients[client].core.locals.last { $0.key.callee == callee }
    }

    /// The newest invitation to `client` from `caller`.
    static func remote(_ state: SystemState, _ client: Int, _ caller: UserID) -> ClientCore.RemoteSlot? {
        state.clients[client].core.remotes.last { $0.key.caller == caller }
    }
}

extension SystemView {
    /// A view that cannot be read for this scenario, with the views it offers.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// The views the scenario offers.
        public var suggestions: [String]

        /// The message, then the views to try.
        public var description: String {
            message + "\nViews of this scenario: " + suggestions.joined(separator: ", ")
                + " (join two with * for a product)."
        }
    }

    /// Reads `text` against `scenario`'s clients and channels.
    public static func parse(_ text: String, scenario: Scenario) throws(ParseError) -> SystemView {
        var components: [Component] = []
        for part in text.split(separator: "*", omittingEmptySubsequences: false) {
            let term = String(part).trimmingSpaces
            guard let component = component(term, scenario) else {
                throw ParseError(
                    message: "'\(term)' is not a view of scenario \(scenario.name).", suggestions: suggestions(scenario)
                )
            }
            components.append(component)
        }
        return SystemView(components: components, text: text)
    }

    /// The single-component views `scenario` offers, most useful first.
    public static func suggestions(_ scenario: Scenario) -> [String] {
        var list: [String] = []
        for caller in scenario.clients {
            for callee in scenario.clients where callee != caller {
                list += ["\(caller).local[\(callee)]", "\(callee).remote[\(caller)]"]
            }
        }
        for client in scenario.clients {
            list.append("\(client).connection")
            list += scenario.channels.map { "\(client).channel[\($0)]" }
        }
        list.append("server.sessions")
        list += scenario.channels.map { "server.channel[\($0)]" }
        return list
    }

    private static func component(_ term: String, _ scenario: Scenario) -> Component? {
        guard let dot = term.firstIndex(of: ".") else { return nil }
        let owner = String(term[..<dot])
        var rest = String(term[term.index(after: dot)...])
        var argument: String?
        if rest.hasSuffix("]"), let open = rest.firstIndex(of: "[") {
            argument = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            rest = String(rest[..<open])
        }
        if owner == "server" {
            switch (rest, argument) {
            case ("sessions", nil): return .serverSessions
            case ("channel", let channel?) where scenario.channels.contains(channel): return .serverChannel(channel)
            default: return nil
            }
        }
        guard let client = scenario.clientIndex(owner) else { return nil }
        switch (rest, argument) {
        case ("connection", nil): return .connection(client: client)
        case ("channel", let channel?) where scenario.channels.contains(channel):
            return .channel(client: client, channel: channel)
        case ("local", let peer?) where scenario.clients.contains(peer) && peer != owner:
            return .local(client: client, callee: peer)
        case ("remote", let peer?) where scenario.clients.contains(peer) && peer != owner:
            return .remote(client: client, caller: peer)
        default: return nil
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
