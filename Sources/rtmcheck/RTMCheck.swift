import ArgumentParser

@main
struct RTMCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rtmcheck",
        abstract: "Prove an RTM (Agora RTM 1.x / Signaling) implementation behaves.",
        discussion: """
            rtmcheck speaks the RTM C++ SDK's own vocabulary: enum, API and callback names exactly as \
            the SDK spells them.
            """,
        subcommands: [
            CheckCommand.self, BenchCommand.self, SimulateCommand.self, RecordCommand.self, ReplayCommand.self, ValidateCommand.self, GenerateCommand.self, CoverageCommand.self, RenderCommand.self, DocsCommand.self, CodesCommand.self, TokenCommand.self,
        ]
    )
}
