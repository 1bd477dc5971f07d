/// `Codable` through the trace format itself: a ``TraceEvent`` or ``TraceHeader`` encodes as the JSON
/// object of its line (SDK names, codes by name), not as a synthesized encoding of the Swift enum, so a
/// report or a fixture that embeds one reads like a trace.
extension TraceEvent: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        do throws(TraceLineError) {
            self = try TraceLineCoder.decodeEvent(try TraceLineCoder.object(value))
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try JSONValue.object(try TraceLineCoder.jsonObject(for: self)).encode(to: encoder)
    }
}

extension TraceHeader: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        do throws(TraceLineError) {
            self = try TraceLineCoder.decodeHeader(try TraceLineCoder.object(value))
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try JSONValue.object(HeaderCoding.encode(self)).encode(to: encoder)
    }
}

extension JSONValue: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes any JSON value. Objects decoded this way have their keys sorted (a `Decoder` does not keep
    /// member order).
    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            var object = JSONObject()
            for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                object.append(key.stringValue, try keyed.decode(JSONValue.self, forKey: key))
            }
            self = .object(object)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !unkeyed.isAtEnd {
                items.append(try unkeyed.decode(JSONValue.self))
            }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? single.decode(Int64.self) {
            self = .number(String(number))
        } else if let number = try? single.decode(UInt64.self) {
            self = .number(String(number))
        } else if let number = try? single.decode(Double.self) {
            self = .number(String(number))
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    /// Encodes the value; objects keep their member order.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let object):
            var keyed = encoder.container(keyedBy: Key.self)
            for member in object.members {
                try keyed.encode(member.value, forKey: Key(stringValue: member.key))
            }
        case .array(let items):
            var unkeyed = encoder.unkeyedContainer()
            for item in items {
                try unkeyed.encode(item)
            }
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .number(let text):
            var single = encoder.singleValueContainer()
            if let number = Int64(text) {
                try single.encode(number)
            } else if let number = UInt64(text) {
                try single.encode(number)
            } else {
                try single.encode(Double(text) ?? 0)
            }
        }
    }
}
