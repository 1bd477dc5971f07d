/// A JSON value as one trace line holds it, with object keys kept in the order they were written.
///
/// The trace format parses its lines with its own small parser (``JSONLineParser``) instead of
/// `JSONSerialization`, so that it can tell a boolean from a number, keep key order, report the
/// column of a syntax error, and notice a line that ends before its object is closed.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, kept as its source text (`12`, `-3`, `1.5e3`) so that no precision is lost.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value's kind with its article, for error messages: "a string", "a number", "null".
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON object whose members keep their order; a key appears at most once (the parser rejects
/// duplicates).
public struct JSONObject: Hashable, Sendable {
    /// The members in source (or writing) order.
    public private(set) var members: [(key: String, value: JSONValue)]

    public init() {
        members = []
    }

    /// The value for `key`, or nil when the object has no such member.
    public subscript(key: String) -> JSONValue? {
        for member in members where member.key == key {
            return member.value
        }
        return nil
    }

    /// The keys, in order.
    public var keys: [String] { members.map(\.key) }

    /// Appends a member. Writers call this in the format's fixed key order.
    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append((key, value))
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}
