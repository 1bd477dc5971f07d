/// A JSON value, rendered with sorted object keys (stdlib only).
enum JSONValue {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    func render(indent: String, into out: inout String) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return out += "{}" }
            out += "{\n"
            let inner = indent + "  "
            for (position, key) in members.keys.sorted().enumerated() {
                out += inner
                JSONValue.string(key).render(indent: inner, into: &out)
                out += ": "
                members[key]?.render(indent: inner, into: &out)
                out += position + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        case .array(let elements):
            guard !elements.isEmpty else { return out += "[]" }
            out += "[\n"
            let inner = indent + "  "
            for (position, element) in elements.enumerated() {
                out += inner
                element.render(indent: inner, into: &out)
                out += position + 1 < elements.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .string(let text):
            out += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        case .int(let value):
            out += String(value)
        case .double(let value):
            out += value.isFinite ? String(value) : "0"
        case .bool(let value):
            out += value ? "true" : "false"
        }
    }
}

extension Report {
    /// The report as pretty-printed JSON with sorted keys (the same keys as the `Codable` form;
    /// absent optionals are omitted). Pass `includeTiming: false` for output that is identical on
    /// every run (drops `durationSeconds` and `statesPerSecond`).
    public func json(includeTiming: Bool = true) -> String {
        var members: [String: JSONValue] = [
            "outcome": .string(outcome.rawValue),
            "summary": .string(summary),
            "strategy": .string(strategy),
            "storage": .string(storage.rawValue),
            "termination": .string(termination),
            "exhausted": .bool(exhausted),
            "states": .int(states),
            "transitions": .int(transitions),
            "maxDepth": .int(maxDepth),
            "properties": .array(properties.map(Self.json)),
            "deadlocks": Self.json(deadlocks),
            "coverage": .array(coverage.map { .object(["key": .string($0.key), "count": .int($0.count)]) }),
        ]
        members["workers"] = .int(workers)
        if let storageNote { members["storageNote"] = .string(storageNote) }
        if let reductionNote { members["reductionNote"] = .string(reductionNote) }
        if let boundHit { members["boundHit"] = .string(boundHit.rawValue) }
        if let completedDepth { members["completedDepth"] = .int(completedDepth) }
        if includeTiming {
            members["durationSeconds"] = .double(durationSeconds)
            members["statesPerSecond"] = .double(statesPerSecond)
        }
        var out = ""
        JSONValue.object(members).render(indent: "", into: &out)
        return out + "\n"
    }

    static func json(_ property: PropertyEntry) -> JSONValue {
        var members: [String: JSONValue] = [
            "name": .string(property.name),
            "kind": .string(property.kind.rawValue),
            "verdict": .string(property.verdict),
            "detail": .string(property.detail),
        ]
        if let note = property.note { members["note"] = .string(note) }
        if let path = property.path { members["path"] = .array(path.map(json)) }
        return .object(members)
    }

    static func json(_ deadlocks: Deadlocks) -> JSONValue {
        var members: [String: JSONValue] = [
            "checked": .bool(deadlocks.checked),
            "count": .int(deadlocks.count),
            "detail": .string(deadlocks.detail),
        ]
        if let path = deadlocks.path { members["path"] = .array(path.map(json)) }
        return .object(members)
    }

    static func json(_ step: Step) -> JSONValue {
        var members: [String: JSONValue] = ["step": .int(step.step), "state": .string(step.state)]
        if let action = step.action { members["action"] = .string(action) }
        return .object(members)
    }
}
