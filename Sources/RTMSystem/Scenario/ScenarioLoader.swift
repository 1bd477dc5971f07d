import Foundation
import RTMProtocol
import Yams

/// A scenario file that could not be read: `file:line:column: expected …`.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Reads `Models/*.yaml` scenario files (Yams), reporting every problem with its position.
///
/// ```yaml
/// scenario: invitation-race
/// summary: cancel vs accept on a lossy network
/// clients: [alice, bob]
/// channels: [lobby]
/// calls:
///   alice: [login, {sendLocalInvitation: bob}, {cancelLocalInvitation: bob}]
///   bob: [login, {acceptRemoteInvitation: alice}]
/// network: {loss: 1, duplication: 0, reorder: false, delay: true, linkDrops: 0, serverRestarts: 0, capacity: 2}
/// bounds: {depth: 80, states: 5000000, time: 120s, memory: 4G}
/// properties: all
/// symmetry: [[alice, bob]]
/// start: offline       # or online: clients begin logged in, their sessions settled on the server
/// apiErrors: true      # false: users make only calls the SDK accepts (no error-code returns)
/// ```
public enum ScenarioLoader {
    public static func load(path: String) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, line: 1, column: 1, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, line: 1, column: 1, message: "expected UTF-8 text")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String = "<scenario>") throws -> Scenario {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw ScenarioError(file: file, line: 1, column: 1, message: "expected YAML: \(error)")
        }
        guard let root else {
            throw ScenarioError(file: file, line: 1, column: 1, message: "expected a scenario mapping, found an empty file")
        }
        return try Reader(file: file).scenario(root)
    }

    /// A memory size as scenarios and the CLI write it: `512M`, `4G`, `4GB`, `1024` → bytes.
    public static func parseBytes(_ text: String) -> Int? { Reader.parseBytes(text) }

    static func yamlError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let ctx = context.map { " \($0.text)" } ?? ""
            return ScenarioError(
                file: file, line: mark.line, column: mark.column, message: "expected valid YAML: \(problem)\(ctx)")
        case .composer(let context, let problem, let mark, _):
            let ctx = context.map { " \($0.text)" } ?? ""
            return ScenarioError(
                file: file, line: mark.line, column: mark.column, message: "expected valid YAML: \(problem)\(ctx)")
        default:
            return ScenarioError(file: file, line: 1, column: 1, message: "expected valid YAML: \(error)")
        }
    }
}

/// Walks the YAML node tree; every failure names the node's position.
struct Reader {
    let file: String

    func fail(_ node: Node?, _ message: String) -> ScenarioError {
        let mark = node?.mark
        return ScenarioError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let s): "the scalar '\(s.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    func mapping(_ node: Node, _ what: String) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else { throw fail(node, "expected \(what) (a mapping), found \(kind(node))") }
        var seen: Set<String> = []
        var out: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let k) = key else { throw fail(key, "expected a key name, found \(kind(key))") }
            guard seen.insert(k.string).inserted else { throw fail(key, "expected each key once; '\(k.string)' repeats") }
            out.append((k.string, key, value))
        }
        return out
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let s) = node else { throw fail(node, "expected \(what), found \(kind(node))") }
        return s.string
    }

    func int(_ node: Node, _ what: String) throws -> Int {
        let s = try string(node, what)
        guard let v = Int(s.replacingOccurrences(of: "_", with: "")), v >= 0 else {
            throw fail(node, "expected \(what) (a whole number ≥ 0), found '\(s)'")
        }
        return v
    }

    func bool(_ node: Node, _ what: String) throws -> Bool {
        let s = try string(node, what)
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail(node, "expected \(what) (true or false), found '\(s)'")
        }
    }

    func list(_ node: Node, _ what: String) throws -> [Node] {
        guard case .sequence(let seq) = node else { throw fail(node, "expected \(what) (a list), found \(kind(node))") }
        return Array(seq)
    }

    func names(_ node: Node, _ what: String) throws -> [String] {
        var out: [String] = []
        for item in try list(node, what) {
            let name = try string(item, "a name in \(what)")
            guard !name.isEmpty else { throw fail(item, "expected a non-empty name in \(what)") }
            guard !out.contains(name) else { throw fail(item, "expected distinct names in \(what); '\(name)' repeats") }
            out.append(name)
        }
        return out
    }

    func unknownKey(_ node: Node, _ key: String, _ allowed: [String]) -> ScenarioError {
        let hint = closest(key, allowed).map { " (did you mean '\($0)'?)" } ?? ""
        return fail(node, "expected one of \(allowed.joined(separator: ", ")); found '\(key)'\(hint)")
    }

    func scenario(_ root: Node) throws -> Scenario {
        let keys = [
            "scenario", "summary", "clients", "channels", "calls", "network", "bounds", "properties", "symmetry", "expect",
            "start", "apiErrors",
        ]
        var expectations: [String: Scenario.Expectation] = [:]
        var name: String?
        var summary = ""
        var clients: [String]?
        var channels: [String] = []
        var callsNode: Node?
        var network = NetworkFaults()
        var bounds = Bounds()
        var properties: [String]?
        var symmetryNode: Node?
        var start = Scenario.Start.offline
        var apiErrors = true
        for (key, keyNode, value) in try mapping(root, "a scenario") {
            switch key {
            case "scenario": name = try string(value, "the scenario's name")
            case "summary": summary = try string(value, "a one-line summary")
            case "clients": clients = try names(value, "the client names")
            case "channels": channels = try names(value, "the channel names")
            case "calls": callsNode = value
            case "network": network = try self.network(value)
            case "bounds": bounds = try self.bounds(value)
            case "properties":
                if case .scalar(let s) = value, s.string == "all" { properties = nil } else {
                    properties = try names(value, "property names (or 'all')")
                }
            case "symmetry": symmetryNode = value
            case "start":
                let text = try string(value, "offline or online")
                guard let parsed = Scenario.Start(rawValue: text) else {
                    throw fail(value, "expected 'offline' (clients begin logged out) or 'online' (logged in); found '\(text)'")
                }
                start = parsed
            case "apiErrors": apiErrors = try bool(value, "whether users also make calls the SDK rejects (true or false)")
            case "expect":
                for (property, _, verdict) in try mapping(value, "expected verdicts (property: holds | violated)") {
                    let text = try string(verdict, "holds or violated")
                    guard let expectation = Scenario.Expectation(rawValue: text) else {
                        throw fail(verdict, "expected 'holds' or 'violated' for \(property), found '\(text)'")
                    }
                    expectations[property] = expectation
                }
            default: throw unknownKey(keyNode, key, keys)
            }
        }
        guard let name else { throw fail(root, "expected a 'scenario:' key naming the scenario") }
        guard let clients, !clients.isEmpty else { throw fail(root, "expected a 'clients:' list with at least one client") }
        for channel in channels where clients.contains(channel) {
            throw fail(root, "expected channel names distinct from client names; '\(channel)' is both")
        }
        var calls = Array(repeating: [CallBudget](), count: clients.count)
        if let callsNode {
            for (client, keyNode, value) in try mapping(callsNode, "calls per client") {
                guard let index = clients.firstIndex(of: client) else {
                    throw unknownKey(keyNode, client, clients)
                }
                calls[index] = try budgets(value, clients: clients, channels: channels, me: client)
            }
        }
        var symmetry: [[String]] = []
        if let symmetryNode {
            for group in try list(symmetryNode, "groups of interchangeable clients") {
                let members = try names(group, "a symmetry group")
                for member in members where !clients.contains(member) {
                    throw fail(group, "expected client names in a symmetry group; '\(member)' is not a client")
                }
                symmetry.append(members)
            }
        }
        var scenario = Scenario(
            name: name, summary: summary, clients: clients, channels: channels, calls: calls, network: network,
            bounds: bounds, properties: properties, symmetry: symmetry)
        scenario.expectations = expectations
        scenario.start = start
        scenario.apiErrors = apiErrors
        return scenario
    }

    func budgets(_ node: Node, clients: [String], channels: [String], me: String) throws -> [CallBudget] {
        var out: [CallBudget] = []
        let callNames = ScenarioCall.allCases.map(\.rawValue)
        for item in try list(node, "the calls \(me) may make") {
            var callName: String
            var target: String?
            var times = 1
            var offline = false
            var callNode = item
            switch item {
            case .scalar(let s):
                callName = s.string
            case .mapping:
                let entries = try mapping(item, "a call")
                if entries.count == 1, !["call", "to", "channel", "times", "offline"].contains(entries[0].key) {
                    callName = entries[0].key
                    callNode = entries[0].keyNode
                    target = try string(entries[0].value, "the target of \(callName)")
                } else {
                    callName = ""
                    for (key, keyNode, value) in entries {
                        switch key {
                        case "call": callName = try string(value, "a call name"); callNode = value
                        case "to", "channel": target = try string(value, "the target of the call")
                        case "times": times = try int(value, "how many times")
                        case "offline": offline = try bool(value, "enableOfflineMessaging")
                        default: throw unknownKey(keyNode, key, ["call", "to", "channel", "times", "offline"])
                        }
                    }
                    guard !callName.isEmpty else { throw fail(item, "expected a 'call:' key naming the API call") }
                }
            case .sequence:
                throw fail(item, "expected a call (a name, or a mapping such as {sendLocalInvitation: bob}), found a list")
            }
            guard let call = ScenarioCall(rawValue: callName) else {
                throw unknownKey(callNode, callName, callNames)
            }
            switch call.target {
            case .none:
                if target != nil { throw fail(callNode, "expected no target for \(callName)") }
            case .peer:
                guard let t = target else { throw fail(callNode, "expected a peer for \(callName), e.g. {\(callName): bob}") }
                guard clients.contains(t) else { throw fail(callNode, "expected a client name as the peer of \(callName); found '\(t)' (clients: \(clients.joined(separator: ", ")))") }
            case .channel:
                if target == nil, channels.count == 1 { target = channels[0] }
                guard let t = target else { throw fail(callNode, "expected a channel for \(callName), e.g. {\(callName): lobby}") }
                guard channels.contains(t) else { throw fail(callNode, "expected a channel name for \(callName); found '\(t)' (channels: \(channels.joined(separator: ", ")))") }
            }
            guard times >= 1 else { throw fail(item, "expected times ≥ 1") }
            out.append(CallBudget(call, target: target, times: times, offline: offline))
        }
        return out
    }

    func network(_ node: Node) throws -> NetworkFaults {
        var n = NetworkFaults()
        let keys = ["loss", "duplication", "reorder", "delay", "linkDrops", "serverRestarts", "capacity"]
        for (key, keyNode, value) in try mapping(node, "the network's faults") {
            switch key {
            case "loss": n.loss = try int(value, "how many messages may be lost")
            case "duplication": n.duplication = try int(value, "how many messages may be duplicated")
            case "reorder": n.reorder = try bool(value, "whether links may reorder")
            case "delay":
                let text = try string(value, "a delay bound (0, 1s, 500ms) or unbounded")
                switch text.lowercased() {
                case "false", "no", "off", "0", "none": n.delay = .none
                case "true", "yes", "on", "unbounded": n.delay = .unbounded
                default:
                    guard let seconds = Self.parseSeconds(text.hasSuffix("s") ? text : text + "ms") else {
                        throw fail(value, "expected a delay bound such as 1s or 500ms (or 0, or unbounded), found '\(text)'")
                    }
                    n.delay = .bounded(ms: Int((seconds * 1000).rounded()))
                }
            case "linkDrops": n.linkDrops = try int(value, "how many link drops")
            case "serverRestarts": n.serverRestarts = try int(value, "how many server restarts")
            case "capacity":
                n.capacity = try int(value, "messages in flight per link direction")
                guard n.capacity >= 1 else { throw fail(value, "expected a capacity ≥ 1") }
            default: throw unknownKey(keyNode, key, keys)
            }
        }
        return n
    }

    func bounds(_ node: Node) throws -> Bounds {
        var b = Bounds()
        let keys = ["depth", "states", "time", "memory"]
        for (key, keyNode, value) in try mapping(node, "the exploration bounds") {
            switch key {
            case "depth": b.depth = try int(value, "a depth bound")
            case "states": b.states = try int(value, "a bound on distinct states")
            case "time":
                let s = try string(value, "a time bound such as 60s or 5m")
                guard let seconds = Self.parseSeconds(s) else { throw fail(value, "expected a time bound such as 60s or 5m, found '\(s)'") }
                b.seconds = seconds
            case "memory":
                let s = try string(value, "a memory bound such as 4G or 512M")
                guard let bytes = Self.parseBytes(s) else { throw fail(value, "expected a memory bound such as 4G or 512M, found '\(s)'") }
                b.memory = bytes
            default: throw unknownKey(keyNode, key, keys)
            }
        }
        return b
    }

    /// `90`, `90s`, `5m`, `1h` → seconds.
    static func parseSeconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let v = Double(text.dropLast(suffix.count)), v > 0 else { return nil }
            return v * factor
        }
        guard let v = Double(text), v > 0 else { return nil }
        return v
    }

    /// `512M`, `4G`, `4GB`, `1024` → bytes.
    static func parseBytes(_ text: String) -> Int? {
        var t = text.uppercased()
        if t.hasSuffix("B") { t.removeLast() }
        let units: [(String, Int)] = [("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("T", 1 << 40)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let v = Double(t.dropLast()), v > 0 else { return nil }
            return Int(v * Double(factor))
        }
        guard let v = Int(t), v > 0 else { return nil }
        return v
    }
}

/// The closest candidate by edit distance, if it is close enough to be a likely typo.
func closest(_ word: String, _ candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in candidates {
        let d = CloseMatches.editDistance(word.lowercased(), candidate.lowercased())
        if d <= max(2, candidate.count / 3), best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
}
