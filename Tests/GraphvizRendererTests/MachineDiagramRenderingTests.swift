import Foundation
import StateGraph
import Testing

@testable import GraphvizRenderer

/// Renders the committed machine diagrams (docs/diagrams/*.dot, which RTMSystemTests keeps equal
/// to the diagrams derived from the machines) through libgvc.
@Suite struct MachineDiagramRenderingTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/diagrams")

    /// Each machine diagram with the SDK state names it must show.
    static let machines: [(String, [String])] = [
        (
            "connection",
            ["DISCONNECTED", "CONNECTING", "CONNECTED", "RECONNECTING", "ABORTED"].map { "CONNECTION_STATE_" + $0 }
        ),
        ("channel", ["CREATED", "JOINING", "JOINED", "LEAVING", "LEFT", "RELEASED"]),
        (
            "local-invitation",
            [
                "IDLE", "SENT_TO_REMOTE", "RECEIVED_BY_REMOTE", "ACCEPTED_BY_REMOTE", "REFUSED_BY_REMOTE", "CANCELED",
                "FAILURE",
            ]
            .map { "LOCAL_INVITATION_STATE_" + $0 }
        ),
        (
            "remote-invitation",
            ["IDLE", "INVITATION_RECEIVED", "ACCEPT_SENT_TO_LOCAL", "REFUSED", "ACCEPTED", "CANCELED", "FAILURE"]
                .map { "REMOTE_INVITATION_STATE_" + $0 }
        ),
    ]

    static func dot(_ stem: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(stem + ".dot"), encoding: .utf8)
    }

    @Test("each machine's SVG parses as XML and shows every state's short name and full SDK name", arguments: machines)
    func svg(stem: String, states: [String]) throws {
        let rendering = try GraphvizRenderer.render(dot: try Self.dot(stem), format: .svg)
        let svg = try #require(SVGText.parse(rendering.data))
        for state in states {
            #expect(svg.texts.contains(SDKName.shortLabel(state)), "\(stem): label \(state) missing")
            #expect(svg.titles.contains(state), "\(stem): tooltip \(state) missing")
        }
        #expect(rendering.warnings.isEmpty, "\(rendering.warnings)")
    }

    @Test("each machine's PNG has the PNG signature and a non-zero size", arguments: machines.map(\.0))
    func png(stem: String) throws {
        let bytes = [UInt8](try GraphvizRenderer.render(dot: try Self.dot(stem), format: .png).data)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width > 0)
        #expect(height > 0)
    }

    @Test("a machine diagram cut short throws Graphviz's syntax error instead of crashing")
    func truncated() throws {
        let dot = try Self.dot("local-invitation")
        let cut = String(dot.prefix(dot.count / 2))
        #expect {
            try GraphvizRenderer.render(dot: cut, format: .svg)
        } throws: { error in
            guard let error = error as? GraphvizError else { return false }
            return error.stage == .parse && error.message.contains("syntax error")
        }
        #expect(throws: Never.self) { try GraphvizRenderer.render(dot: dot, format: .svg) }
    }
}
