/// A trace that cannot be read (or written), located at its file and line: prints `file:line: message`.
///
/// Tools exit with ``exitCode`` (64, `EX_USAGE`) on it: a malformed trace is bad input, not a failed
/// property.
///
/// ```swift
/// TraceError(file: "a.jsonl", line: 3, message: "unknown call sendLocalInvitaton (did you mean sendLocalInvitation?)")
///     .description   // "a.jsonl:3: unknown call sendLocalInvitaton (did you mean sendLocalInvitation?)"
/// ```
public struct TraceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The exit status for a malformed trace.
    public static let exitCode: Int32 = 64

    /// The file as the user named it.
    public var file: String
    /// The 1-based line, or nil for an error about the whole file (it cannot be opened).
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
