import ArgumentParser
import RTMProtocol

/// `rtmcheck codes`: look up RTM and Signaling enums and codes by the names the C++ SDK uses.
struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes",
        abstract: "List the RTM/Signaling enums, show one as a table, or explain one code.",
        discussion: """
            Names are the C++ SDK's (rtm-reference §1) and match case-insensitively. A code can be given by \
            name, by number (decimal or 0x hex), without its enum prefix (EXCEED_LIMIT) or by its Swift case \
            name (exceedLimit). A bare number lists every code with that value.

            Examples:
              rtmcheck codes                            # every enum, case counts
              rtmcheck codes JOIN_CHANNEL_ERR           # name, value, meaning
              rtmcheck codes JOIN_CHANNEL_ERR 5         # one code by value
              rtmcheck codes JOIN_CHANNEL_ERR EXCEED_LIMIT
              rtmcheck codes LOCAL_INVITATION_ERR_PEER_OFFLINE
              rtmcheck codes 102                        # all codes equal to 102
              rtmcheck codes --json LOGIN_ERR_CODE      # JSON, sorted keys

            An unknown enum, code or value exits with status 64 and names the closest matches.
            """
    )

    @Argument(help: "An enum, a code, a number, or an enum followed by a code name or number.")
    var query: [String] = []

    @Flag(help: "Print JSON (sorted keys) instead of a table.")
    var json = false

    /// Resolves the query here, so an unknown name is a usage error (exit 64) shown with this command's usage.
    func validate() throws {
        _ = try report()
    }

    func run() throws {
        let report = try report()
        print(json ? report.json : report.text, terminator: "")
    }

    private func report() throws -> CodesReport {
        do {
            return try CodesReport.make(query)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
