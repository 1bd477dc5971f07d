import Foundation
import ModelChecker
import RTMMachines
import Testing

@testable import RTMSystem

/// A JSON value: parsed from `JSONEncoder`'s output by hand (no thrown errors, which Swift Testing
/// makes slow by capturing a backtrace for each), written back with `JSONEncoder`.
enum JSONTree: Encodable, Equatable {
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    /// The tree of a compact JSON text (integers only, as our states encode), or nil.
    static func parse(_ data: Data) -> JSONTree? {
        var reader = Reader(bytes: Array(data))
        return reader.value()
    }

    /// A recursive-descent reader over UTF-8 bytes.
    struct Reader {
        let bytes: [UInt8]
        var at = 0

        mutating func eat(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func literal(_ text: String) -> Bool {
            let utf8 = Array(text.utf8)
            guard at + utf8.count <= bytes.count, Array(bytes[at..<at + utf8.count]) == utf8 else { return false }
            at += utf8.count
            return true
        }

        mutating func value() -> JSONTree? {
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var fields: [String: JSONTree] = [:]
                if eat(UInt8(ascii: "}")) { return .object(fields) }
                repeat {
                    guard let key = string(), eat(UInt8(ascii: ":")), let item = value() else { return nil }
                    fields[key] = item
                } while eat(UInt8(ascii: ","))
                return eat(UInt8(ascii: "}")) ? .object(fields) : nil
            case UInt8(ascii: "["):
                at += 1
                var items: [JSONTree] = []
                if eat(UInt8(ascii: "]")) { return .array(items) }
                repeat {
                    guard let item = value() else { return nil }
                    items.append(item)
                } while eat(UInt8(ascii: ","))
                return eat(UInt8(ascii: "]")) ? .array(items) : nil
            case UInt8(ascii: "\""): return string().map { .string($0) }
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            default:
                let start = at
                if bytes[at] == UInt8(ascii: "-") { at += 1 }
                while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
                return Int(String(decoding: bytes[start..<at], as: UTF8.self)).map { .int($0) }
            }
        }

        mutating func string() -> String? {
            guard eat(UInt8(ascii: "\"")) else { return nil }
            var out: [UInt8] = []
            while at < bytes.count {
                let byte = bytes[at]
                at += 1
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { return nil }
                    let escaped = bytes[at]
                    at += 1
                    switch escaped {
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "u"):
                        guard at + 4 <= bytes.count,
                            let code = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16),
                            let scalar = Unicode.Scalar(code)
                        else { return nil }
                        at += 4
                        out += Array(String(Character(scalar)).utf8)
                    default: out.append(escaped)  // \" \\ \/
                    }
                default: out.append(byte)
                }
            }
            return nil
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// One step down the tree: an object key or an array index.
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    /// Every leaf and every non-empty array, with its path of steps.
    func places(at path: [Step] = [], into out: inout [[Step]]) {
        switch self {
        case .bool, .int, .string: out.append(path)
        case .array(let items):
            if !items.isEmpty { out.append(path) }
            for (i, item) in items.enumerated() { item.places(at: path + [.index(i)], into: &out) }
        case .object(let fields):
            for (key, value) in fields { value.places(at: path + [.key(key)], into: &out) }
        }
    }

    /// The raw values of the `String`-backed enums in a state.
    static let rawNames = ConnectionMachine.Timer.allCases.map(\.rawValue)
        + [InvitationServerTimer.noAck, .expire, .acceptAck, .purge].map(\.rawValue)

    /// The variants of the value at `path`, most telling first: an integer ±1, a longer string (or
    /// another enum raw value), a flipped flag, an array one shorter or with its first element twice.
    func variants(at path: ArraySlice<Step>) -> [JSONTree] {
        guard let step = path.first else {
            switch self {
            case .bool(let value): return [.bool(!value)]
            case .int(let value): return [.int(value + 1), .int(value - 1)]
            case .string(let value):
                // Another raw value for a `String`-backed enum, else a longer string.
                guard Self.rawNames.contains(value) else { return [.string(value + "x")] }
                return Self.rawNames.filter { $0 != value }.map { .string($0) }
            case .array(let items):
                guard let first = items.first else { return [] }
                return [.array(Array(items.dropLast())), .array([first] + items)]
            case .object: return []
            }
        }
        switch (self, step) {
        case (.array(let items), .index(let i)) where items.indices.contains(i):
            return items[i].variants(at: path.dropFirst()).map {
                var copy = items
                copy[i] = $0
                return .array(copy)
            }
        case (.object(let fields), .key(let key)):
            guard let field = fields[key] else { return [] }
            return field.variants(at: path.dropFirst()).map {
                var copy = fields
                copy[key] = $0
                return .object(copy)
            }
        case (.bool, _), (.int, _), (.string, _), (.array, _), (.object, _):
            return []
        }
    }
}

/// A place's path with the array indices dropped: which field it is, whatever the element.
func fieldName(_ path: [JSONTree.Step]) -> String {
    path.map {
        switch $0 {
        case .key(let key): key
        case .index: "[]"
        }
    }.joined(separator: ".")
}

@Suite struct StateHashingCoverageTests {
    /// Every field (and every array count) that occurs in the explored states is changed in turn,
    /// through the states' synthesized `Codable` encoding (which covers every stored field by
    /// construction): each change that yields a different state must change the fingerprint. A field
    /// the fast fingerprint forgets fails here.
    @Test("Changing any stored field of a reachable state changes its fingerprint")
    func everyFieldCounts() throws {
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        // Pick states greedily until every field seen in the walks occurs in one of them. Deep
        // (depth-first) walks reach the offline store, long queues and late verdicts.
        var chosen: [(SystemState, JSONTree)] = []
        var fields = Set<String>()
        for scenario in HashingScenario.allCases {
            let model = try scenario.model()
            let states = walk(model, limit: 200).states + walk(model, limit: 1_500, depthFirst: true).states
            for state in states {
                let tree = try #require(JSONTree.parse(encoder.encode(state)))
                var places: [[JSONTree.Step]] = []
                tree.places(into: &places)
                let names = Set(places.map(fieldName))
                if !names.isSubset(of: fields) {
                    fields.formUnion(names)
                    chosen.append((state, tree))
                }
            }
        }
        var changed = Set<String>()
        var forgotten = Set<String>()
        var tried = 0
        for (state, tree) in chosen {
            // The hand-written reader loses nothing: the tree decodes back to the state.
            #expect(try decoder.decode(SystemState.self, from: encoder.encode(tree)) == state)
            let print = StateFingerprint.of(state)
            var places: [[JSONTree.Step]] = []
            tree.places(into: &places)
            for path in places {
                // The first variant that decodes to another state (an enum raw value out of range
                // does not decode).
                for variant in tree.variants(at: path[...]) {
                    guard let other = try? decoder.decode(SystemState.self, from: encoder.encode(variant)),
                        other != state
                    else { continue }
                    tried += 1
                    changed.insert(fieldName(path))
                    if StateFingerprint.of(other) == print { forgotten.insert(fieldName(path)) }
                    break
                }
            }
        }
        #expect(forgotten.isEmpty, "changing these fields keeps the fingerprint: \(forgotten.sorted())")
        // The walks reach enough of the state to mean something (156 fields when written).
        #expect(fields.count > 140)
        #expect(chosen.count > 20)
        #expect(tried > 1_000)
        // Every field seen was changed at least once (except enum cases without payload, which are
        // objects with no leaf: the walks' distinct-state test covers them).
        let unchanged = fields.subtracting(changed).sorted()
        #expect(unchanged.isEmpty, "fields never changed: \(unchanged)")
    }
}
