import RTMMachines
import RTMProtocol

/// What is wrong with one trace line, before the reader adds the file and line number.
public struct TraceLineError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Reads the members of one line's JSON object by the names the format gives them, with precise errors:
/// "missing field peerId for sendMessageToPeer", "expected a string for peerId, found a number", and, from
/// ``finish()``, "unknown field peerID for sendMessageToPeer (did you mean peerId?)".
struct FieldReader {
    let object: JSONObject
    /// What the object describes, for messages: the call or callback name, "the header".
    let context: String
    /// Every key asked for (present or not), in order: the known fields, for suggestions.
    private(set) var asked: [String]

    init(_ object: JSONObject, context: String, known: [String] = []) {
        self.object = object
        self.context = context
        asked = known
    }

    /// Rejects members no getter asked for.
    func finish() throws(TraceLineError) {
        for key in object.keys where !asked.contains(key) {
            throw TraceLineError("unknown field \(key) for \(context)\(didYouMean(key, among: asked))")
        }
    }

    // MARK: - Getters

    mutating func value(_ key: String) throws(TraceLineError) -> JSONValue {
        guard let value = optionalValue(key) else { throw missing(key) }
        return value
    }

    /// "missing field peerId for sendMessageToPeer", with the line's own key when it looks like a misspelling.
    func missing(_ key: String) -> TraceLineError {
        let spare = object.keys.filter { !asked.contains($0) }
        let hint = CloseMatches.best(for: key, among: spare, limit: 1).first.map { " (the line has \($0))" } ?? ""
        return TraceLineError("missing field \(key) for \(context)\(hint)")
    }

    mutating func optionalValue(_ key: String) -> JSONValue? {
        if !asked.contains(key) { asked.append(key) }
        return object[key]
    }

    mutating func string(_ key: String) throws(TraceLineError) -> String {
        try Self.string(try value(key), for: key)
    }

    mutating func optionalString(_ key: String) throws(TraceLineError) -> String? {
        guard let value = optionalValue(key) else { return nil }
        return try Self.string(value, for: key)
    }

    mutating func int(_ key: String) throws(TraceLineError) -> Int {
        try Self.int(try value(key), for: key)
    }

    mutating func uint64(_ key: String) throws(TraceLineError) -> UInt64 {
        try Self.uint64(try value(key), for: key)
    }

    mutating func bool(_ key: String, default fallback: Bool? = nil) throws(TraceLineError) -> Bool {
        guard let value = optionalValue(key) else {
            guard let fallback else { throw missing(key) }
            return fallback
        }
        guard case .bool(let flag) = value else { throw Self.mismatch("a boolean", for: key, found: value) }
        return flag
    }

    mutating func array(_ key: String) throws(TraceLineError) -> [JSONValue] {
        let value = try value(key)
        guard case .array(let items) = value else { throw Self.mismatch("an array", for: key, found: value) }
        return items
    }

    mutating func stringArray(_ key: String) throws(TraceLineError) -> [String] {
        var out: [String] = []
        for item in try array(key) {
            guard case .string(let text) = item else {
                throw TraceLineError("expected a string in \(key), found \(item.kindDescription)")
            }
            out.append(text)
        }
        return out
    }

    /// The objects of array `key`, each read by `element` with its own ``FieldReader``.
    mutating func objects<T>(
        _ key: String, _ element: (inout FieldReader) throws(TraceLineError) -> T
    ) throws(TraceLineError) -> [T] {
        var out: [T] = []
        for item in try array(key) {
            guard case .object(let object) = item else {
                throw TraceLineError("expected an object in \(key), found \(item.kindDescription)")
            }
            var reader = FieldReader(object, context: "an element of \(key)")
            out.append(try element(&reader))
            try reader.finish()
        }
        return out
    }

    mutating func code<E: RTMEnum>(_ type: E.Type, _ key: String) throws(TraceLineError) -> E {
        try Self.code(type, try value(key), for: key)
    }

    mutating func invitation(_ key: String) throws(TraceLineError) -> InvitationKey {
        let text = try string(key)
        guard let parsed = InvitationKey(traceText: text) else {
            throw TraceLineError("expected caller->callee#serial for \(key), found \"\(text)\"")
        }
        return parsed
    }

    // MARK: - Conversions shared with other decoders

    static func string(_ value: JSONValue, for key: String) throws(TraceLineError) -> String {
        guard case .string(let text) = value else { throw mismatch("a string", for: key, found: value) }
        return text
    }

    static func int(_ value: JSONValue, for key: String) throws(TraceLineError) -> Int {
        guard case .number(let text) = value else { throw mismatch("a number", for: key, found: value) }
        guard let number = Int(text) else { throw TraceLineError("expected an integer for \(key), found \(text)") }
        return number
    }

    static func uint64(_ value: JSONValue, for key: String) throws(TraceLineError) -> UInt64 {
        guard case .number(let text) = value else { throw mismatch("a number", for: key, found: value) }
        guard let number = UInt64(text) else {
            throw TraceLineError("expected a non-negative integer for \(key), found \(text)")
        }
        return number
    }

    /// An SDK enum value written by its C++ name (`"LOGIN_ERR_OK"`) or its number (`0`).
    static func code<E: RTMEnum>(_ type: E.Type, _ value: JSONValue, for key: String) throws(TraceLineError) -> E {
        switch value {
        case .string(let name):
            if let found = E(sdkName: name) { return found }
            let names = E.allCases.map(\.sdkName)
            var hint = didYouMean(name, among: names)
            if hint.isEmpty, let other = RTMEnums.cases(named: name).first {
                hint = " (\(other.name) is a \(other.typeName))"
            }
            throw TraceLineError("unknown \(E.sdkTypeName) name \(name) for \(key)\(hint)")
        case .number(let text):
            guard let raw = Int(text), let found = E(rawValue: raw) else {
                throw TraceLineError("no \(E.sdkTypeName) has the value \(text) (for \(key))")
            }
            return found
        case .null, .bool, .array, .object:
            throw mismatch("a name or number of \(E.sdkTypeName)", for: key, found: value)
        }
    }

    static func mismatch(_ expected: String, for key: String, found: JSONValue) -> TraceLineError {
        TraceLineError("expected \(expected) for \(key), found \(found.kindDescription)")
    }
}

/// `" (did you mean X?)"`, `" (did you mean X or Y?)"`, or `""` when nothing is close.
///
/// Only the closest candidates are named: those at the smallest edit distance among the close matches.
func didYouMean(_ name: String, among candidates: [String]) -> String {
    let close = CloseMatches.best(for: name, among: candidates, limit: 5)
    let distance = { (candidate: String) in CloseMatches.editDistance(name.uppercased(), candidate.uppercased()) }
    let best = close.map(distance).min() ?? 0
    let matches = close.filter { distance($0) == best }.prefix(3)
    guard let last = matches.last else { return "" }
    if matches.count == 1 { return " (did you mean \(last)?)" }
    return " (did you mean \(matches.dropLast().joined(separator: ", ")) or \(last)?)"
}

extension InvitationKey {
    /// Parses `caller->callee#serial`, the form `description` prints; nil when `text` is not of that form.
    public init?(traceText text: String) {
        guard let arrow = text.firstRange(of: "->"), let hash = text.lastIndex(of: "#"),
            arrow.upperBound <= hash
        else { return nil }
        let caller = String(text[..<arrow.lowerBound])
        let callee = String(text[arrow.upperBound..<hash])
        guard !caller.isEmpty, !callee.isEmpty, let serial = Int(text[text.index(after: hash)...]) else {
            return nil
        }
        self.init(caller: caller, callee: callee, serial: serial)
    }
}
