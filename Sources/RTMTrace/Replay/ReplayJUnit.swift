/// A JUnit XML report of replays, one test case per trace, for CI systems (GitLab, Jenkins, GitHub
/// test reporters).
///
/// A divergence is a `<failure>` (its message the `file:line: expected …, got …` line, its body the full
/// report), a malformed trace an `<error>`, a skipped trace `<skipped>`.
///
/// ```swift
/// var report = ReplayJUnit(suite: "rtmcheck replay")
/// report.add(result, seconds: 0.012)
/// try report.xml.write(toFile: "replay.xml", atomically: true, encoding: .utf8)
/// ```
public struct ReplayJUnit: Sendable {
    /// One trace's outcome.
    public enum Outcome: Hashable, Sendable {
        case replayed(ReplayResult)
        case malformed(TraceError)
    }

    struct Case: Hashable, Sendable {
        var file: String
        var outcome: Outcome
        var seconds: Double
    }

    public var suite: String
    private var cases: [Case] = []

    public init(suite: String = "rtmcheck replay") {
        self.suite = suite
    }

    /// Adds the replay of one trace that took `seconds` of wall time.
    public mutating func add(_ result: ReplayResult, seconds: Double) {
        cases.append(Case(file: result.file, outcome: .replayed(result), seconds: seconds))
    }

    /// Adds a trace that could not be read.
    public mutating func add(file: String, error: TraceError, seconds: Double) {
        cases.append(Case(file: file, outcome: .malformed(error), seconds: seconds))
    }

    /// The report.
    public var xml: String {
        var failures = 0
        var errors = 0
        var skipped = 0
        var body = ""
        for item in cases {
            body +=
                "    <testcase classname=\"\(Self.escape(suite))\" name=\"\(Self.escape(item.file))\""
                + " time=\"\(Self.seconds(item.seconds))\""
            switch item.outcome {
            case .replayed(let result):
                switch result.verdict {
                case .identical:
                    body += "/>\n"
                case .skipped:
                    skipped += 1
                    body += ">\n      <skipped message=\"\(Self.escape(result.reason ?? "not replayable"))\"/>\n"
                    body += "    </testcase>\n"
                case .diverged:
                    failures += 1
                    body += ">\n      <failure type=\"divergence\" message=\"\(Self.escape(result.summary))\">"
                    body += Self.escape(result.text()) + "</failure>\n    </testcase>\n"
                }
            case .malformed(let error):
                errors += 1
                body += ">\n      <error type=\"malformed trace\" message=\"\(Self.escape(error.description))\">"
                body += Self.escape(error.description) + "</error>\n    </testcase>\n"
            }
        }
        let total = Self.seconds(cases.reduce(0) { $0 + $1.seconds })
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(Self.escape(suite))\" \(counts) time=\"\(total)\">\n"
        out += "  <testsuite name=\"\(Self.escape(suite))\" \(counts) skipped=\"\(skipped)\" time=\"\(total)\">\n"
        out += body
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// XML text with `& < > " '` escaped and control characters other than tab and newline dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Seconds with millisecond precision, as JUnit's `time` attribute.
    static func seconds(_ value: Double) -> String {
        let ms = Int((max(0, value) * 1000).rounded())
        let fraction = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
