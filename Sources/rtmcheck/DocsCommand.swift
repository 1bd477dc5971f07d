import ArgumentParser
import Foundation
import RTMSystem
import StateGraph

/// `rtmcheck docs`: write the committed diagrams, or check that they are current.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Regenerate docs/diagrams/*.dot and *.svg, or check them (--check).",
        discussion: """
            Every machine diagram (and every scenario view listed in DocDiagrams) is derived from the \
            code and written as DOT source and SVG. With --check nothing is written: the diagrams are \
            regenerated in memory and compared with the committed files; a missing, changed or stale \
            file is named and the exit status is 1.

            Examples:
              rtmcheck docs                 # rewrite docs/diagrams/
              rtmcheck docs --check         # CI: fail when a committed diagram drifted
              rtmcheck docs --timing        # print how long each diagram took to lay out
            """
    )

    @Flag(help: "Compare with the committed files instead of writing them; exit 1 on any difference.")
    var check = false

    @Option(help: "The diagrams directory.")
    var dir = "docs/diagrams"

    @Flag(help: "Print each diagram's layout time.")
    var timing = false

    func run() throws {
        let files = try DocFiles.generate(timing: timing)
        if check {
            let problems = DocFiles.check(files, in: dir)
            guard problems.isEmpty else {
                for problem in problems { print("docs --check: " + problem) }
                throw ExitCode(1)
            }
            print("docs --check: \(files.count) files in \(dir) are current")
        } else {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for file in files {
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: dir + "/" + file.name))
            }
            print("docs: wrote \(files.count) files to \(dir)")
        }
    }
}

/// The files of `docs/diagrams/`, generated in memory.
enum DocFiles {
    /// One generated file.
    struct File {
        var name: String
        var text: String
    }

    /// DOT and SVG for every documented diagram.
    static func generate(timing: Bool) throws -> [File] {
        var files: [File] = []
        for diagram in try DocDiagrams.machineDiagrams() + ScenarioRendering.docDiagrams() {
            let dot = DOTWriter().write(diagram.graph)
            let clock = ContinuousClock()
            let start = clock.now
            let svg = try RenderOutput.layout(diagram.graph, format: .svg)
            if timing {
                let elapsed = (clock.now - start).components
                let ms = Double(elapsed.seconds) * 1_000 + Double(elapsed.attoseconds) / 1e15
                print("\(diagram.stem).svg: \(Int(ms.rounded())) ms")
            }
            files.append(File(name: diagram.stem + ".dot", text: dot))
            files.append(File(name: diagram.stem + ".svg", text: String(decoding: svg, as: UTF8.self)))
        }
        return files
    }

    /// The problems with `dir` against `files`: missing or changed files, and stale diagrams
    /// (`.dot` or `.svg` files that nothing generates any more).
    static func check(_ files: [File], in dir: String) -> [String] {
        var problems: [String] = []
        for file in files {
            let path = dir + "/" + file.name
            let committed = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            if let problem = DocDiagrams.drift(file: path, committed: committed, generated: file.text) {
                problems.append(problem)
            }
        }
        let expected = Set(files.map(\.name))
        let present = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for name in present.sorted()
        where (name.hasSuffix(".svg") || name.hasSuffix(".dot")) && !expected.contains(name) {
            problems.append("\(dir)/\(name) is stale: no diagram generates it; delete it or run `rtmcheck docs`")
        }
        return problems
    }
}
