import ModelChecker

/// A stable fingerprint of any `Encodable` value: its synthesized encoding fed to `StableHasher`.
///
/// The encoding of a value type made of structs, enums, arrays, strings and integers is canonical
/// (the same value always encodes to the same sequence), so the fingerprint is identical in every
/// process. Never use it on dictionaries or sets: their encoding order depends on the hash seed.
public enum CodableFingerprint {
    public static func of<T: Encodable>(_ value: T) -> Fingerprint {
        let encoder = HashingEncoder()
        try? value.encode(to: encoder)
        return encoder.hasher.finalize()
    }
}

final class HashingEncoder: Encoder {
    var hasher = StableHasher(seed: 0x5254_4D43_6865_636B)  // "RTMCheck"
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        hasher.combine(0xA1 as UInt64)
        return KeyedEncodingContainer(KeyedHashing<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        hasher.combine(0xA2 as UInt64)
        return UnkeyedHashing(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleHashing(encoder: self) }

    /// Composite values encode themselves; primitives arrive through the containers' concrete overloads.
    @inline(__always)
    func value<T: Encodable>(_ value: T) throws { try value.encode(to: self) }
}

struct KeyedHashing<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: HashingEncoder
    var codingPath: [any CodingKey] { [] }
    mutating func encodeNil(forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(0xC0 as UInt64)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        try encoder.value(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(value)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(value)
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(UInt64(bitPattern: value))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(value)
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(UInt64(value))
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(Int(value))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(UInt64(value))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(UInt64(value))
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        encoder.hasher.combine(key.stringValue)
        encoder.hasher.combine(value.bitPattern)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder.hasher.combine(key.stringValue)
        return encoder.container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.hasher.combine(key.stringValue)
        return encoder.unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.hasher.combine(key.stringValue)
        return encoder
    }
}

struct UnkeyedHashing: UnkeyedEncodingContainer {
    let encoder: HashingEncoder
    var codingPath: [any CodingKey] { [] }
    var count = 0
    mutating func encodeNil() throws {
        encoder.hasher.combine(0xB0 as UInt64)
        encoder.hasher.combine(0xC0 as UInt64)
        count += 1
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.hasher.combine(0xB0 as UInt64)
        try encoder.value(value)
        count += 1
    }
    mutating func encode(_ value: String) throws {
        encoder.hasher.combine(0xB0 as UInt64)
        encoder.hasher.combine(value)
        count += 1
    }
    mutating func encode(_ value: Int) throws {
        encoder.hasher.combine(0xB0 as UInt64)
        encoder.hasher.combine(value)
        count += 1
    }
    mutating func encode(_ value: Bool) throws {
        encoder.hasher.combine(0xB0 as UInt64)
        encoder.hasher.combine(value)
        count += 1
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder.hasher.combine(0xB0 as UInt64)
        count += 1
        return encoder.container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.hasher.combine(0xB0 as UInt64)
        count += 1
        return encoder.unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { encoder }
}

struct SingleHashing: SingleValueEncodingContainer {
    let encoder: HashingEncoder
    var codingPath: [any CodingKey] { [] }
    mutating func encodeNil() throws { encoder.hasher.combine(0xC0 as UInt64) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.value(value) }
    mutating func encode(_ value: String) throws { encoder.hasher.combine(value) }
    mutating func encode(_ value: Int) throws { encoder.hasher.combine(value) }
    mutating func encode(_ value: Bool) throws { encoder.hasher.combine(value) }
    mutating func encode(_ value: Int64) throws { encoder.hasher.combine(UInt64(bitPattern: value)) }
    mutating func encode(_ value: UInt64) throws { encoder.hasher.combine(value) }
    mutating func encode(_ value: Int32) throws { encoder.hasher.combine(Int(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.hasher.combine(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.hasher.combine(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.hasher.combine(UInt64(value)) }
    mutating func encode(_ value: Double) throws { encoder.hasher.combine(value.bitPattern) }
}
