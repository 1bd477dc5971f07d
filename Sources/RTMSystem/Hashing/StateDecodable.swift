import ModelChecker
import RTMMachines
import RTMProtocol

/// A value rebuilt from the canonical encoding its ``StateHashable/feed(into:)`` writes: the
/// inverse of the feed, read word by word from a ``StateDecoder``.
///
/// Each conformance mirrors one `feed(into:)` exactly: structs read their stored fields in the order
/// they are fed, arrays a count then the elements, optionals 0 or 1 and the value, enums a tag then
/// the payload, RTMProtocol enums their raw value. A tag or raw value that names no case, or a word
/// that is not there, throws ``StateDecoder/Failure``; nothing traps.
///
/// Structs are read straight into their labelled memberwise (or `package`) initializers, whose
/// arguments are evaluated left to right and must come in declaration order: the order a feed
/// uses, so reading two fields the other way round does not compile. Enum decoders switch over the
/// tags below the bound their feed writes (the `default:` is unreachable): a case added to an enum
/// breaks the feed's build (its `switch` has no `default:`); until its tag is added here too, the
/// round trips of `StateDecodingTests` fail for any state that holds it, and its `everyTag` test
/// lists each bound.
///
/// The decoder runs once per state a breadth-first search expands, so it is concrete code: no
/// `Decoder`, no existentials, no dynamic casts; the generic helpers below are specialized for each
/// type within this module, and empty arrays and small strings allocate nothing.
protocol StateDecodable {
    /// Reads this value's canonical encoding from `decoder`.
    init(decoding decoder: inout StateDecoder) throws(StateDecoder.Failure)
}

extension SystemState {
    /// The state whose canonical encoding (``StateFingerprint/of(_:recordingInto:)``) is exactly
    /// `encoding`, with no byte left over.
    init(encoding: UnsafeBufferPointer<UInt8>) throws(StateDecoder.Failure) {
        var decoder = StateDecoder(encoding)
        self = try SystemState(decoding: &decoder)
        try decoder.finish()
    }
}

extension StateDecodable where Self: RTMEnum {
    /// An SDK enum reads its raw value.
    @inline(__always)
    init(decoding decoder: inout StateDecoder) throws(StateDecoder.Failure) {
        let start = decoder.offset
        guard let value = Self(rawValue: try decoder.int()) else {
            throw StateDecoder.Failure(offset: start, expected: "a raw value of \(Self.sdkTypeName)")
        }
        self = value
    }
}

extension Int: StateDecodable {
    @inline(__always)
    init(decoding decoder: inout StateDecoder) throws(StateDecoder.Failure) { self = try decoder.int() }
}

extension Bool: StateDecodable {
    @inline(__always)
    init(decoding decoder: inout StateDecoder) throws(StateDecoder.Failure) { self = try decoder.bool() }
}

extension String: StateDecodable {
    @inline(__always)
    init(decoding decoder: inout StateDecoder) throws(StateDecoder.Failure) { self = try decoder.string() }
}

extension StateDecoder {
    /// The most elements an array reserves room for before reading them: a malformed count cannot
    /// make a decoder allocate more than this (every element takes at least one byte, so a count
    /// beyond the bytes left fails on reading; legitimate arrays in a state are far shorter).
    static var reserveLimit: Int { 1024 }

    /// The next value of type `T`.
    @inline(__always)
    mutating func decode<T: StateDecodable>() throws(Failure) -> T {
        try T(decoding: &self)
    }

    /// An array: its count, then its elements (``Array/feed(into:)``). An empty one allocates nothing.
    @inline(__always)
    mutating func array<T: StateDecodable>() throws(Failure) -> [T] {
        let count = try self.count()
        if count == 0 { return [] }
        var elements: [T] = []
        elements.reserveCapacity(Swift.min(count, Self.reserveLimit))
        for _ in 0..<count { elements.append(try T(decoding: &self)) }
        return elements
    }

    /// An optional: 0 for `nil`, 1 then the value (``Optional/feed(into:)``).
    @inline(__always)
    mutating func optional<T: StateDecodable>() throws(Failure) -> T? {
        if try tag(below: 2) == 0 { return nil }
        return try T(decoding: &self)
    }

    /// The failure for a tag past every case after ``tag(below:)`` bounded it: unreachable, but an
    /// `Int` switch needs a `default:`, and the decoder never traps.
    @inline(never)
    func unknownTag(_ type: String) -> Failure { Failure(offset: offset, expected: "a case tag of \(type)") }
}

// The SDK enums that occur in a state, read by raw value.
extension LoginErrCode: StateDecodable {}
extension ConnectionChangeReason: StateDecodable {}
extension JoinChannelErr: StateDecodable {}
extension ChannelMessageErrCode: StateDecodable {}
extension GetMembersErr: StateDecodable {}
extension PeerMessageErrCode: StateDecodable {}
extension LocalInvitationErrCode: StateDecodable {}
extension RemoteInvitationErrCode: StateDecodable {}
extension ChannelMembershipState: StateDecodable {}
