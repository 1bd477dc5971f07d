import ArgumentParser
import Foundation
import RTMKit

/// `rtmcheck token`: build RTM and Signaling tokens, and check one as RTMCheck's server would.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Build and verify RTM (AccessToken \"006\") and legacy Signaling tokens.",
        discussion: """
            Tokens are built exactly as Agora's RtmTokenBuilder and SignalingToken tools build them \
            (rtm-reference §5), and verified as RTMCheck's server verifies logins (decisions 12 and 13).

            Examples:
              APP=970CA35de60c44645bbae8a215061b33 CERT=5CFd2fd1755d40ecb72977518be15d3b
              rtmcheck token rtm --app-id $APP --certificate $CERT --user alice \\
                --expire +3600
              rtmcheck token signaling --app-id $APP --certificate $CERT \\
                --account alice --expire 1893456000
              rtmcheck token verify "$TOKEN" --app-id $APP --certificate $CERT --user alice
            """,
        subcommands: [Rtm.self, Signaling.self, Verify.self]
    )
}

/// An expiry given on the command line: absolute Unix seconds, or `+SECONDS` from now.
enum ExpiryArgument: ExpressibleByArgument, Equatable {
    case absolute(UInt32)
    case fromNow(UInt32)

    init?(argument: String) {
        if argument.hasPrefix("+") {
            guard let seconds = UInt32(argument.dropFirst()) else { return nil }
            self = .fromNow(seconds)
        } else {
            guard let seconds = UInt32(argument) else { return nil }
            self = .absolute(seconds)
        }
    }

    /// Unix seconds, given the current time.
    func resolve(now: UInt32) throws -> UInt32 {
        switch self {
        case .absolute(let seconds):
            return seconds
        case .fromNow(let seconds):
            let (sum, overflow) = now.addingReportingOverflow(seconds)
            guard !overflow else { throw ValidationError("--expire +\(seconds) is past 2106, the end of 32-bit time") }
            return sum
        }
    }
}

extension TokenInspection.Scheme: ExpressibleByArgument {}

/// The shell's clock: the only place `rtmcheck token` reads the wall clock.
func wallClockSeconds() -> UInt32 {
    UInt32(clamping: Int64(Date().timeIntervalSince1970))
}

extension TokenCommand {
    struct Rtm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an RTM login token (AccessToken 006, privilege kRtmLogin = 1000).",
            discussion: """
                The user account goes in the token's channel-name slot; the uid is "". Without --salt \
                a random salt in 1...99999999 is used, without --ts the token's own expiry is now + 24 h \
                (as Agora's tools do): pass both for a reproducible token.

                Examples:
                  APP=970CA35de60c44645bbae8a215061b33 CERT=5CFd2fd1755d40ecb72977518be15d3b
                  rtmcheck token rtm --app-id $APP --certificate $CERT --user alice \\
                    --expire +3600
                  rtmcheck token rtm --app-id $APP --certificate $CERT --user alice \\
                    --expire 0 --salt 1 --ts 1893456000
                """
        )

        @Option(help: "The project's App ID (32 hex characters).")
        var appId: String

        @Option(help: "The project's App Certificate (32 hex characters).")
        var certificate: String

        @Option(help: "The user account that will log in with the token.")
        var user: String

        @Option(
            help: ArgumentHelp(
                "The kRtmLogin expiry: Unix seconds, +SECONDS from now, or 0 (the token's --ts is the expiry).",
                valueName: "unix-ts|+seconds"))
        var expire: ExpiryArgument

        @Option(help: "The salt (default: random).")
        var salt: UInt32?

        @Option(help: "The token's own expiry in Unix seconds (default: now + 24 h).")
        var ts: UInt32?

        func validate() throws {
            guard Hex.isHex(appId, count: 32), Hex.isHex(certificate, count: 32) else {
                throw ValidationError("--app-id and --certificate must each be 32 hex characters")
            }
        }

        func run() throws {
            let now = wallClockSeconds()
            let token = RtmTokenBuilder.buildToken(
                appId: appId, appCertificate: certificate, userAccount: user,
                privilegeExpiredTs: try expire.resolve(now: now),
                salt: salt ?? UInt32.random(in: 1...99_999_999),
                ts: try ts ?? ExpiryArgument.fromNow(24 * 3_600).resolve(now: now))
            guard !token.isEmpty else { throw ValidationError("the user account is too long to encode") }
            print(token)
        }
    }

    struct Signaling: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a legacy Signaling token: 1:appId:expiredTs:md5(account+appId+certificate+expiredTs).",
            discussion: """
                Example (Agora's known answer, ending 4815d52c4fd440bac35b981c12798774):
                  rtmcheck token signaling --app-id 970ca35de60c44645bbae8a215061b33 \\
                    --certificate 5cfd2fd1755d40ecb72977518be15d3b \\
                    --account TestAccount --expire 1446455471
                """
        )

        @Option(help: "The project's App ID.")
        var appId: String

        @Option(help: "The project's App Certificate.")
        var certificate: String

        @Option(help: "The Signaling account that will log in with the token.")
        var account: String

        @Option(
            help: ArgumentHelp("The expiry: Unix seconds or +SECONDS from now.", valueName: "unix-ts|+seconds"))
        var expire: ExpiryArgument

        func validate() throws {
            guard !appId.isEmpty, !certificate.isEmpty else {
                throw ValidationError("--app-id and --certificate must not be empty")
            }
        }

        func run() throws {
            let expiredTs = try expire.resolve(now: wallClockSeconds())
            print(
                SignalingToken.build(
                    account: account, appId: appId, appCertificate: certificate, expiredTs: expiredTs))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a token as RTMCheck's server would, and print what it decodes to.",
            discussion: """
                Prints the verdict (valid, invalid token: <reason>, or expired) and the token's fields. \
                Exits 0 when the token is valid, 1 when it is invalid or expired. Without --certificate \
                the app is taken to have none: RTM then accepts only an empty token or the App ID, \
                Signaling only _no_need_token.

                Examples:
                  APP=970CA35de60c44645bbae8a215061b33 CERT=5CFd2fd1755d40ecb72977518be15d3b
                  rtmcheck token verify "$TOKEN" --app-id $APP --certificate $CERT --user alice
                  rtmcheck token verify "$TOKEN" --app-id $APP --certificate $CERT \\
                    --user alice --now 1893456001
                  rtmcheck token verify "" --app-id $APP --user alice   # no certificate
                """
        )

        @Argument(help: "The token (an RTM \"006…\" token, a Signaling \"1:…\" token, the App ID, or \"\").")
        var token: String

        @Option(help: "The App ID the login is for.")
        var appId: String

        @Option(help: "The app's certificate; omit for an app without one.")
        var certificate: String?

        @Option(help: "The user ID (RTM) or account (Signaling) logging in.")
        var user: String

        @Option(help: "The time to check against, in Unix seconds (default: now).")
        var now: UInt32?

        @Option(help: "Which scheme to check (auto: \"1:…\" and _no_need_token are Signaling, the rest RTM).")
        var scheme: TokenInspection.Scheme = .auto

        func validate() throws {
            guard !appId.isEmpty else { throw ValidationError("--app-id must not be empty") }
        }

        func run() throws {
            let report = TokenInspection.inspect(
                token: token, appId: appId, certificate: certificate, userId: user, now: now ?? wallClockSeconds(),
                scheme: scheme)
            print(report.lines.joined(separator: "\n"))
            guard report.verdict.isValid else { throw ExitCode(1) }
        }
    }
}
