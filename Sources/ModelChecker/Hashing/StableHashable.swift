/// A value with a canonical encoding for ``StableHasher``.
///
/// Conform a state type by feeding every field that distinguishes states, in a fixed order:
///
/// ```swift
/// struct Counters: Hashable, Sendable, StableHashable {
///     var a: Int
///     var b: Int
///     func stableHash(into hasher: inout StableHasher) {
///         hasher.combine(a)
///         hasher.combine(b)
///     }
/// }
/// ```
///
/// An enum with a `StableHashable` raw value gets the conformance for free (its raw value is fed).
/// An enum with payloads feeds a case number, then the payload. Two values that are `==` must feed
/// identical words; values that differ should feed different words.
public protocol StableHashable {
    /// Feeds this value's canonical encoding into `hasher`.
    func stableHash(into hasher: inout StableHasher)
}

extension StableHashable where Self: RawRepresentable, RawValue: StableHashable {
    /// Feeds the raw value.
    @inlinable
    public func stableHash(into hasher: inout StableHasher) { rawValue.stableHash(into: &hasher) }
}

extension Int: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension Int8: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(Int(self)) }
}

extension Int16: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(Int(self)) }
}

extension Int32: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(Int(self)) }
}

extension Int64: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) {
        hasher.combine(UInt64(bitPattern: self))
    }
}

extension UInt: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(UInt64(self)) }
}

extension UInt8: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(UInt64(self)) }
}

extension UInt16: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(UInt64(self)) }
}

extension UInt32: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(UInt64(self)) }
}

extension UInt64: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension Bool: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension String: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension Fingerprint: StableHashable {
    @inlinable public func stableHash(into hasher: inout StableHasher) { hasher.combine(rawValue) }
}

extension Optional: StableHashable where Wrapped: StableHashable {
    /// `nil` feeds 0; a value feeds 1, then the value.
    @inlinable
    public func stableHash(into hasher: inout StableHasher) {
        switch self {
        case .none:
            hasher.combine(0 as UInt64)
        case .some(let wrapped):
            hasher.combine(1 as UInt64)
            wrapped.stableHash(into: &hasher)
        }
    }
}

extension Array: StableHashable where Element: StableHashable {
    /// The count, then every element in order.
    @inlinable
    public func stableHash(into hasher: inout StableHasher) {
        hasher.combine(UInt64(count))
        for element in self { element.stableHash(into: &hasher) }
    }
}

extension ContiguousArray: StableHashable where Element: StableHashable {
    /// The count, then every element in order (the same words as `Array`).
    @inlinable
    public func stableHash(into hasher: inout StableHasher) {
        hasher.combine(UInt64(count))
        for element in self { element.stableHash(into: &hasher) }
    }
}
