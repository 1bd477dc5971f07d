import RTMMachines
import RTMProtocol
import StateGraph
import Testing

@testable import RTMSystem

/// One edge of a machine diagram, read back from the DOT text.
struct DOTEdgeLine: Hashable {
    var from: String
    var to: String
    /// The label's lines, unescaped.
    var lines: [String]

    /// The events drawn on the edge: each line that is not a `/ callback` line, up to ` / `.
    var events: [String] {
        lines.filter { !$0.hasPrefix("/ ") }.map { line in
            line.range(of: " / ").map { String(line[..<$0.lowerBound]) } ?? line
        }
    }

    /// Every `"from" -> "to" [label="…"]` line of `dot` (the initial-state marker's arrow has no label).
    static func parse(_ dot: String) -> [DOTEdgeLine] {
        dot.split(separator: "\n").compactMap { line in
            let text = line.drop { $0 == " " }
            guard text.hasPrefix("\""), let arrow = text.range(of: "\" -> \"") else { return nil }
            let from = String(text[text.index(after: text.startIndex)..<arrow.lowerBound])
            let rest = text[arrow.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { return nil }
            let to = String(rest[..<close])
            guard let labelStart = rest.range(of: "[label=\"") else {
                return DOTEdgeLine(from: from, to: to, lines: [])
            }
            let label = rest[labelStart.upperBound...].prefix { $0 != "\"" }
            return DOTEdgeLine(from: from, to: to, lines: label.components(separatedBy: "\\n"))
        }
    }
}

/// The transitions a machine diagram must draw, computed straight from the machine: every
/// reachable state under every representative event, minus the steps that are not edges.
func expectedTransitions<M: DiagrammableMachine>(_ machine: M.Type) -> Set<[String]> {
    var rows: Set<[String]> = []
    for state in M.reachableStates() {
        for event in M.representativeEvents {
            guard case .moved(let next, let effects) = M.step(state, event) else { continue }
            let onlyCode =
                !effects.isEmpty
                && effects.allSatisfy {
                    if case .returnCode = M.diagramEffect($0) { return true }
                    return false
                }
            if next == state && onlyCode { continue }
            rows.insert([M.sdkStateName(state), M.sdkStateName(next), DiagramText.shorten(M.diagramEventLabel(event))])
        }
    }
    return rows
}

@Suite struct DiagramTableTests {
    /// Each machine with the number of distinct (from, to, event) transitions its SDK-level table
    /// has, and the number of edges they are drawn as (one per (from, to) pair).
    static let machines: [(DiagramMachine, transitions: Int, edges: Int)] = [
        (.connection, 28, 12),
        (.channel, 44, 17),
        (.localInvitation, 18, 13),
        (.remoteInvitation, 13, 9),
    ]

    static func expected(_ machine: DiagramMachine) -> Set<[String]> {
        switch machine {
        case .connection: expectedTransitions(ConnectionMachine.self)
        case .channel: expectedTransitions(ChannelMembershipMachine.self)
        case .localInvitation: expectedTransitions(LocalInvitationMachine.self)
        case .remoteInvitation: expectedTransitions(RemoteInvitationMachine.self)
        case .server: []
        }
    }

    @Test("the DOT of each machine has a node for every SDK state name", arguments: DiagramMachine.allCases)
    func everySDKState(machine: DiagramMachine) {
        let dot = DOTWriter().write(machine.graph())
        for name in machine.sdkStateNames {
            #expect(dot.contains("    \"\(name)\" [label="), "\(machine.rawValue): no node \(name)")
            #expect(dot.contains("tooltip=\"\(name)\""), "\(machine.rawValue): no tooltip \(name)")
        }
        if machine != .server {
            #expect(Set(machine.graph().nodes.map(\.id)) == Set(machine.sdkStateNames))
        }
    }

    @Test("the DOT of each machine draws exactly the machine's transitions, counted", arguments: machines)
    func everyTransition(machine: DiagramMachine, transitions: Int, edges: Int) {
        let expected = Self.expected(machine)
        let drawn = DOTEdgeLine.parse(DOTWriter().write(machine.graph())).filter { !$0.lines.isEmpty }
        let found = Set(drawn.flatMap { edge in edge.events.map { [edge.from, edge.to, $0] } })

        #expect(expected.count == transitions)
        #expect(found == expected)
        #expect(drawn.count == edges)
        #expect(Set(drawn.map { [$0.from, $0.to] }).count == edges, "one edge per (from, to) pair")
    }

    @Test("the table's return-only calls are exactly the steps that only return a code", arguments: machines)
    func returnOnly(machine: DiagramMachine, transitions: Int, edges: Int) {
        let table = machine.table()
        #expect(
            Set(table.transitions.map { [$0.from, $0.to, DiagramText.shorten($0.event)] }) == Self.expected(machine))
        for row in table.returnOnlyCalls {
            #expect(!row.code.isEmpty)
            #expect(table.state(row.state) != nil)
        }
        #expect(!table.returnOnlyCalls.isEmpty)
    }

    @Test("the detail view has one node per reachable internal state, named by the machine's label")
    func detail() {
        let graph = DiagramMachine.localInvitation.graph(detail: true)
        let states = LocalInvitationMachine.reachableStates()
        #expect(graph.nodeCount == states.count)
        #expect(graph.nodeCount == 17)
        let offline = graph.node("sentToRemote(calleeOffline, cancelRequested)")
        #expect(offline?.fullName == "LOCAL_INVITATION_STATE_SENT_TO_REMOTE")
        #expect(graph.node("failure(LOCAL_INVITATION_ERR_PEER_OFFLINE)")?.label == "failure(PEER_OFFLINE)")
        #expect(graph.node("idle")?.kind == .initial)
        #expect(graph.node("gaveUp(LOCAL_INVITATION_ERR_INVITATION_EXPIRE)")?.kind == .terminal)
    }

    @Test("initial and terminal states are marked; nothing else is", arguments: DiagramMachine.allCases)
    func kinds(machine: DiagramMachine) {
        let graph = machine.graph()
        let initial = graph.nodes.filter { $0.kind == .initial }.map(\.id)
        let terminal = Set(graph.nodes.filter { $0.kind == .terminal }.map(\.id))
        switch machine {
        case .connection:
            #expect(initial == ["CONNECTION_STATE_DISCONNECTED"])
            #expect(terminal.isEmpty)
        case .channel:
            #expect(initial == ["CREATED"])
            #expect(terminal == ["RELEASED"])
        case .localInvitation:
            #expect(initial == ["LOCAL_INVITATION_STATE_IDLE"])
            #expect(
                terminal
                    == Set(
                        ["ACCEPTED_BY_REMOTE", "REFUSED_BY_REMOTE", "CANCELED", "FAILURE"].map {
                            "LOCAL_INVITATION_STATE_" + $0
                        }))
        case .remoteInvitation:
            #expect(initial == ["REMOTE_INVITATION_STATE_IDLE"])
            #expect(
                terminal == Set(["ACCEPTED", "REFUSED", "CANCELED", "FAILURE"].map { "REMOTE_INVITATION_STATE_" + $0 }))
        case .server:
            #expect(initial == ["online[]"])
            #expect(terminal.isEmpty)
        }
    }

    @Test("ignored and rejected steps are counted in the caption, not drawn")
    func caption() {
        let table = DiagramMachine.localInvitation.table()
        #expect(table.ignoredSteps > 0)
        #expect(table.rejectedSteps > 0)
        let title = MachineDiagram.graph(table).attributes.title ?? ""
        #expect(title.contains("not drawn: \(table.ignoredSteps) ignored steps"))
        #expect(title.contains("\(table.rejectedSteps) rejected"))
    }

    @Test("a machine table survives a JSON round trip")
    func json() throws {
        let table = DiagramMachine.remoteInvitation.table()
        let data = try JSONEncoder().encode(table)
        #expect(try JSONDecoder().decode(MachineTable.self, from: data) == table)
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
