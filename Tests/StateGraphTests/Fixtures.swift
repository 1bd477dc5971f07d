@testable import StateGraph

/// Small graphs shared by the StateGraph tests.
enum Fixtures {
    static let idle = "LOCAL_INVITATION_STATE_IDLE"
    static let sent = "LOCAL_INVITATION_STATE_SENT_TO_REMOTE"
    static let received = "LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE"
    static let accepted = "LOCAL_INVITATION_STATE_ACCEPTED_BY_REMOTE"
    static let failure = "LOCAL_INVITATION_STATE_FAILURE"

    static var invitationNodes: [Node] {
        [
            .sdkState(idle, kind: .initial),
            .sdkState(sent, isHighlighted: true),
            .sdkState(
                received,
                annotation: ["sendLocalInvitation -> INVITATION_API_CALL_ERR_ALREADY_SENT (5)"]
            ),
            .sdkState(accepted, kind: .terminal),
            .sdkState(failure, kind: .error),
        ]
    }

    static var invitationEdges: [Edge] {
        [
            Edge(from: idle, to: sent, label: "sendLocalInvitation", count: 3, style: .highlight),
            Edge(from: sent, to: received, label: "ackReceived", count: 2),
            Edge(from: received, to: accepted, label: "acceptReceived"),
            Edge(from: sent, to: failure, label: "peerOffline", style: .uncovered),
        ]
    }

    /// The invitation graph, built in the given order of its nodes and edges.
    static func invitation(nodeOrder: [Int] = [0, 1, 2, 3, 4], edgeOrder: [Int] = [0, 1, 2, 3]) -> StateGraph {
        var graph = StateGraph(attributes: GraphAttributes(name: "LocalInvitation", title: "Local invitation"))
        let nodes = invitationNodes
        let edges = invitationEdges
        for index in edgeOrder { graph.addEdge(edges[index]) }
        for index in nodeOrder { graph.addNode(nodes[index]) }
        return graph
    }
}
