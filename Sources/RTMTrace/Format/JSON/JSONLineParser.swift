/// A JSON syntax error in one line, with the 1-based byte column where the parser stopped.
public struct JSONSyntaxError: Error, Hashable, Sendable {
    /// 1-based byte offset in the line.
    public var column: Int
    /// What was wrong, e.g. "expected ',' or '}' after a member".
    public var message: String
    /// True when the line ended inside a string, array or object (a truncated line).
    public var isTruncated: Bool
}

/// Parses one line of JSON (RFC 8259) from UTF-8 bytes into a ``JSONValue``.
///
/// Rejects duplicate keys, raw control characters in strings, invalid UTF-8, trailing text and
/// nesting deeper than ``maxDepth``; never traps on any input.
///
/// ```swift
/// try JSONLineParser.parse(Array(#"{"clock":"+30s"}"#.utf8))   // .object(["clock": "+30s"])
/// ```
///
/// - Complexity: O(*n*) in the length of the line.
public struct JSONLineParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses `bytes` as exactly one JSON value surrounded by optional whitespace.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONLineParser(bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("unexpected text after the JSON value")
        }
        return value
    }

    /// Parses an array of bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                return .success(try parse(buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses the UTF-8 of a string.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard let byte = peek() else { throw truncated() }
        switch byte {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("expected a JSON value, found \(describe(byte))")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONObject {
        try enter()
        index += 1  // {
        var object = JSONObject()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return object
        }
        while true {
            skipWhitespace()
            guard let byte = peek() else { throw truncated() }
            guard byte == UInt8(ascii: "\"") else { throw error("expected a quoted key, found \(describe(byte))") }
            let keyColumn = index + 1
            let key = try parseString()
            if object[key] != nil {
                throw JSONSyntaxError(column: keyColumn, message: "duplicate key \(key)", isTruncated: false)
            }
            skipWhitespace()
            guard let colon = peek() else { throw truncated() }
            guard colon == UInt8(ascii: ":") else {
                throw error("expected ':' after key \(key), found \(describe(colon))")
            }
            index += 1
            skipWhitespace()
            object.append(key, try parseValue())
            skipWhitespace()
            guard let next = peek() else { throw truncated() }
            index += 1
            if next == UInt8(ascii: "}") { break }
            guard next == UInt8(ascii: ",") else {
                index -= 1
                throw error("expected ',' or '}' after the value of \(key), found \(describe(next))")
            }
        }
        depth -= 1
        return object
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> [JSONValue] {
        try enter()
        index += 1  // [
        var items: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return items
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard let next = peek() else { throw truncated() }
            index += 1
            if next == UInt8(ascii: "]") { break }
            guard next == UInt8(ascii: ",") else {
                index -= 1
                throw error("expected ',' or ']' in an array, found \(describe(next))")
            }
        }
        depth -= 1
        return items
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard let actual = peek() else { throw truncated() }
            guard actual == byte else {
                index = start
                throw error("expected a JSON value, found \(describe(bytes[start]))")
            }
            index += 1
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek() else { throw truncated() }
        if first == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(first) {
            while let byte = peek(), isDigit(byte) { index += 1 }
        } else {
            throw error("expected a digit, found \(describe(first))")
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            try digits()
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            try digits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func digits() throws(JSONSyntaxError) {
        guard let byte = peek() else { throw truncated() }
        guard isDigit(byte) else { throw error("expected a digit, found \(describe(byte))") }
        while let next = peek(), isDigit(next) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
