/// The JSON form of `network`, `clock`, `signaling` and `signalingCallback` lines.
enum StepCoding {
    /// Every step name a `network` line may hold.
    static let networkNames = ["send", "deliver", "drop", "duplicate", "linkDown", "linkUp", "serverRestart"]

    // MARK: - Network

    /// Reads a `network` line's step `name`; nil when no step has that name.
    static func decodeNetwork(_ name: String, _ f: inout FieldReader) throws(TraceLineError) -> TraceNetworkStep? {
        switch name {
        case "send":
            return .send(
                id: try messageID(&f, "id"), from: try f.string("from"), to: try f.string("to"),
                summary: try f.optionalString("summary")
            )
        case "deliver": return .deliver(id: try messageID(&f, "id"))
        case "drop":
            let id = try messageID(&f, "id")
            guard let reasonText = try f.optionalString("reason") else { return .drop(id: id, reason: nil) }
            guard let reason = DropCause(rawValue: reasonText) else {
                let names = DropCause.allCases.map(\.rawValue)
                throw TraceLineError(
                    "unknown drop reason \(reasonText) (expected \(names.joined(separator: ", ")))"
                        + didYouMean(reasonText, among: names)
                )
            }
            return .drop(id: id, reason: reason)
        case "duplicate":
            let id = try messageID(&f, "id")
            let copy: UInt64? = f.optionalValue("copy") == nil ? nil : try messageID(&f, "copy")
            return .duplicate(id: id, copy: copy)
        case "linkDown": return .linkDown(a: try f.string("a"), b: try f.string("b"))
        case "linkUp": return .linkUp(a: try f.string("a"), b: try f.string("b"))
        case "serverRestart": return .serverRestart
        default: return nil
        }
    }

    /// A message ID: a number (`12`) or RTMKit's printed form (`"m12"`).
    private static func messageID(_ f: inout FieldReader, _ key: String) throws(TraceLineError) -> UInt64 {
        let value = try f.value(key)
        if case .string(let text) = value, text.first == "m", let id = UInt64(text.dropFirst()) {
            return id
        }
        if case .string(let text) = value {
            throw TraceLineError("expected a message number for \(key) (12 or \"m12\"), found \"\(text)\"")
        }
        return try FieldReader.uint64(value, for: key)
    }

    static func encode(_ step: TraceNetworkStep, into o: inout JSONObject) {
        switch step {
        case .send(let id, let from, let to, let summary):
            o.append("network", .string("send"))
            o.append("id", number(id))
            o.append("from", .string(from))
            o.append("to", .string(to))
            if let summary { o.append("summary", .string(summary)) }
        case .deliver(let id):
            o.append("network", .string("deliver"))
            o.append("id", number(id))
        case .drop(let id, let reason):
            o.append("network", .string("drop"))
            o.append("id", number(id))
            if let reason { o.append("reason", .string(reason.rawValue)) }
        case .duplicate(let id, let copy):
            o.append("network", .string("duplicate"))
            o.append("id", number(id))
            if let copy { o.append("copy", number(copy)) }
        case .linkDown(let a, let b):
            o.append("network", .string("linkDown"))
            o.append("a", .string(a))
            o.append("b", .string(b))
        case .linkUp(let a, let b):
            o.append("network", .string("linkUp"))
            o.append("a", .string(a))
            o.append("b", .string(b))
        case .serverRestart:
            o.append("network", .string("serverRestart"))
        }
    }

    private static func number(_ value: UInt64) -> JSONValue { .number(String(value)) }

    // MARK: - Clock

    /// Parses `"+30s"` / `"+250ms"` / `"+2m"` (advance by) and `"@31500ms"` / `"@30s"` (advance to).
    static func decodeClock(_ text: String) throws(TraceLineError) -> ClockAdvance {
        let bad = TraceLineError(
            "expected a clock step like \"+30s\" (advance by) or \"@31500ms\" (advance to), found \"\(text)\""
        )
        guard let sign = text.first, sign == "+" || sign == "@" else { throw bad }
        let body = text.dropFirst()
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        let unit = body.dropFirst(digits.count)
        guard !digits.isEmpty, let amount = UInt64(digits) else { throw bad }
        let scale: UInt64
        switch unit {
        case "ms": scale = 1
        case "s": scale = 1_000
        case "m", "min": scale = 60_000
        default: throw bad
        }
        let (ms, overflow) = amount.multipliedReportingOverflow(by: scale)
        guard !overflow else { throw TraceLineError("clock step \"\(text)\" is too large") }
        return sign == "+" ? .by(ms: ms) : .to(ms: ms)
    }

    /// `"+30s"` when a whole number of seconds, else `"+250ms"`; `"@…"` for advance-to.
    static func encodeClock(_ clock: ClockAdvance) -> String {
        let (sign, ms): (String, UInt64) =
            switch clock {
            case .by(let ms): ("+", ms)
            case .to(let ms): ("@", ms)
            }
        return ms != 0 && ms % 1_000 == 0 ? "\(sign)\(ms / 1_000)s" : "\(sign)\(ms)ms"
    }

    // MARK: - Signaling

    /// Reads the optional `args` object of a Signaling line: string and integer values only.
    static func decodeSignalingArgs(_ f: inout FieldReader) throws(TraceLineError) -> [String: SignalingValue] {
        guard let value = f.optionalValue("args") else { return [:] }
        guard case .object(let object) = value else {
            throw FieldReader.mismatch("an object", for: "args", found: value)
        }
        var args: [String: SignalingValue] = [:]
        for member in object.members {
            switch member.value {
            case .string(let text): args[member.key] = .string(text)
            case .number(let text):
                guard let number = Int(text) else {
                    throw TraceLineError("expected an integer for args.\(member.key), found \(text)")
                }
                args[member.key] = .int(number)
            case .null, .bool, .array, .object:
                throw TraceLineError(
                    "expected a string or an integer for args.\(member.key), found \(member.value.kindDescription)"
                )
            }
        }
        return args
    }

    /// Appends `args` with its keys sorted, so the output never depends on dictionary order.
    static func encodeSignalingArgs(_ args: [String: SignalingValue], into o: inout JSONObject) {
        guard !args.isEmpty else { return }
        var object = JSONObject()
        for key in args.keys.sorted() {
            switch args[key] {
            case .string(let text): object.append(key, .string(text))
            case .int(let number): object.append(key, .number(String(number)))
            case nil: break
            }
        }
        o.append("args", .object(object))
    }
}
