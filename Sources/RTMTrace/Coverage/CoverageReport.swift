import Foundation

/// Which transitions of each machine are exercised by the traces in Traces/, by the model exploration
/// of the scenarios, and by a simulation run, side by side.
///
/// A transition is a coverage key of the model (``RTMSystem/RTMSystemModel/coverageKeys(_:_:into:)``):
/// a call in a state (`acceptRemoteInvitation in REMOTE_INVITATION_STATE_INVITATION_RECEIVED`), a
/// delivery (`deliver invitation.accept`), the server receiving a request, a timer firing, or a
/// network fault. Keys are grouped by the machine they belong to.
public struct CoverageReport: Hashable, Sendable, Codable {
    /// One transition and how often each source took it.
    public struct Row: Hashable, Sendable, Codable {
        public var key: String
        public var machine: String
        /// Traces whose matched execution takes it.
        public var traces: Int
        /// Times the model exploration took it (over every scenario).
        public var model: Int
        /// Times the simulation took it.
        public var simulation: Int
    }

    /// One machine's totals: transitions known, and how many each source covers.
    public struct Machine: Hashable, Sendable, Codable {
        public var machine: String
        public var transitions: Int
        public var byTraces: Int
        public var byModel: Int
        public var bySimulation: Int
    }

    /// Where the numbers come from.
    public struct Sources: Hashable, Sendable, Codable {
        /// Traces validated (and matched), traces that did not match or were skipped.
        public var traces: Int
        public var tracesMatched: Int
        public var tracesNotMatched: [String]
        /// Scenarios explored, with their states and scope.
        public var scenarios: [String]
        /// The simulation: walks per scenario and seed (nil: not run).
        public var simulation: String?
    }

    public var sources: Sources
    public var machines: [Machine]
    public var rows: [Row]

    /// Builds the report from the three key counts.
    public init(sources: Sources, traces: [String: Int], model: [String: Int], simulation: [String: Int]) {
        self.sources = sources
        let keys = Set(traces.keys).union(model.keys).union(simulation.keys)
        rows = keys.map {
            Row(
                key: $0, machine: Self.machine(of: $0), traces: traces[$0] ?? 0, model: model[$0] ?? 0,
                simulation: simulation[$0] ?? 0)
        }.sorted { (Self.rank($0.machine), $0.key) < (Self.rank($1.machine), $1.key) }
        var machines: [Machine] = []
        for name in Self.machineOrder {
            let mine = rows.filter { $0.machine == name }
            guard !mine.isEmpty else { continue }
            machines.append(Machine(
                machine: name, transitions: mine.count, byTraces: mine.filter { $0.traces > 0 }.count,
                byModel: mine.filter { $0.model > 0 }.count, bySimulation: mine.filter { $0.simulation > 0 }.count))
        }
        self.machines = machines
    }

    static let machineOrder = ["Connection", "Channel", "Peer messages", "Invitation", "Server", "Network"]

    static func rank(_ machine: String) -> Int { machineOrder.firstIndex(of: machine) ?? machineOrder.count }

    /// The machine a coverage key belongs to.
    public static func machine(of key: String) -> String {
        let words = key.split(separator: " ").map(String.init)
        guard let first = words.first else { return "Network" }
        switch first {
        case "login", "logout", "renewToken": return "Connection"
        case "join", "leave", "sendMessage", "getMembers": return "Channel"
        case "sendMessageToPeer": return "Peer messages"
        case "sendLocalInvitation", "cancelLocalInvitation", "acceptRemoteInvitation", "refuseRemoteInvitation":
            return "Invitation"
        case "server": return words.count > 1 && words[1] == "receives" ? "Server" : "Network"
        case "deliver", "timer":
            let what = words.count > 1 ? words[1] : ""
            if what.hasPrefix("server.") { return "Server" }
            if what.hasPrefix("invitation.") || what.hasPrefix("local.") || what.hasPrefix("remote.") {
                return "Invitation"
            }
            if what.hasPrefix("peerMessage") { return "Peer messages" }
            if what.hasPrefix("connection.") || ["loginAccepted", "reloginAccepted"].contains(what)
                || what.hasPrefix("loginRejected") || what.hasPrefix("kicked")
            {
                return "Connection"
            }
            return "Channel"
        default: return "Network"
        }
    }

    /// The side-by-side table for people.
    public func text() -> String {
        var out = "Transitions exercised: by \(sources.tracesMatched) of \(sources.traces) traces in Traces/ (validated"
            + " against the model), by the model exploration of \(sources.scenarios.count) scenarios"
        out += sources.simulation.map { ", by a simulation (\($0))" } ?? ""
        out += "\n"
        for scenario in sources.scenarios { out += "  scenario \(scenario)\n" }
        for trace in sources.tracesNotMatched { out += "  not counted: \(trace)\n" }
        let width = max(40, rows.map(\.key.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func right(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        func cell(_ n: Int) -> String { n == 0 ? "-" : String(n) }
        for machine in machines {
            out += "\n" + pad(machine.machine, width + 2) + right("traces", 8) + right("model", 10) + right("simulation", 12)
                + "\n"
            for row in rows where row.machine == machine.machine {
                out += "  " + pad(row.key, width) + right(cell(row.traces), 8) + right(cell(row.model), 10)
                    + right(cell(row.simulation), 12) + "\n"
            }
            let n = machine.transitions
            out += "  " + pad("\(n) transitions", width) + right("\(machine.byTraces)/\(n)", 8)
                + right("\(machine.byModel)/\(n)", 10) + right("\(machine.bySimulation)/\(n)", 12) + "\n"
        }
        let total = rows.count
        out += "\n" + pad("All machines: \(total) transitions", width + 2)
            + right("\(rows.filter { $0.traces > 0 }.count)/\(total)", 8)
            + right("\(rows.filter { $0.model > 0 }.count)/\(total)", 10)
            + right("\(rows.filter { $0.simulation > 0 }.count)/\(total)", 12) + "\n"
        return out
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
