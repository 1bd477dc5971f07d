import ModelChecker
import RTMMachines
import RTMProtocol

/// The fast, hand-written fingerprint of a ``SystemState``: its canonical encoding fed straight to
/// ``StableHasher``, with no `Encoder`, no existentials and no dynamic casts.
///
/// The encoding is injective by construction: integers are one word, `Bool` is 0 or 1, strings are
/// length-prefixed (``StableHasher/combine(_:)-(String)``), arrays feed their count then their elements,
/// optionals a tag then the value, every enum case a tag (distinct within its enum) then its payload,
/// and every struct all its stored fields in declaration order. RTMProtocol enums feed their SDK raw
/// value. Equal states therefore feed identical words and distinct states distinct words; only a
/// 64-bit collision of the hash itself can merge two states. Nothing depends on `Hasher` or
/// `hashValue`, so a fingerprint is the same in every process, on every run.
///
/// ```swift
/// let print = StateFingerprint.of(model.initialStates[0])
/// ```
public enum StateFingerprint {
    /// The seed: "RTMState".
    static let seed: UInt64 = 0x5254_4D53_7461_7465

    /// The fingerprint of `state`.
    public static func of(_ state: SystemState) -> Fingerprint { of(value: state) }

    /// The fingerprint of `state`, appending the words it is made of to `encoder` (as varints): the
    /// state's canonical encoding, equal exactly when the states are.
    public static func of(_ state: SystemState, recordingInto encoder: UnsafeMutablePointer<StateEncoder>)
        -> Fingerprint
    {
        var hasher = StableHasher(seed: seed, recordingInto: encoder)
        state.feed(into: &hasher)
        return hasher.finalize()
    }

    /// The fingerprint of any value with a canonical encoding (tests and diagnostics).
    static func of<T: StateHashable>(value: T) -> Fingerprint {
        var hasher = StableHasher(seed: seed)
        value.feed(into: &hasher)
        return hasher.finalize()
    }
}

/// A value whose canonical encoding the state fingerprint feeds to ``StableHasher``.
///
/// Conformances live in RTMSystem (RTMMachines does not depend on ModelChecker), so the protocol is
/// internal: nothing outside this module sees the machines' types conform to anything new. Enum
/// conformances `switch` over every case without `default:`, so adding a case breaks the build here
/// instead of silently merging states in the checker.
protocol StateHashable {
    /// Feeds this value's canonical encoding into `hasher`.
    func feed(into hasher: inout StableHasher)
}

extension StateHashable where Self: RTMEnum {
    /// An SDK enum feeds its raw value.
    @inline(__always)
    func feed(into hasher: inout StableHasher) { hasher.combine(rawValue) }
}

extension Int: StateHashable {
    @inline(__always)
    func feed(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension Bool: StateHashable {
    @inline(__always)
    func feed(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension String: StateHashable {
    /// The UTF-8 byte count, then the bytes eight to a word (``StableHasher``'s string encoding).
    @inline(__always)
    func feed(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension Optional: StateHashable where Wrapped: StateHashable {
    /// `nil` feeds 0; a value feeds 1, then the value.
    @inline(__always)
    func feed(into hasher: inout StableHasher) {
        switch self {
        case .none: hasher.combine(0 as UInt64)
        case .some(let wrapped):
            hasher.combine(1 as UInt64)
            wrapped.feed(into: &hasher)
        }
    }
}

extension Array: StateHashable where Element: StateHashable {
    /// The count, then every element in order.
    @inline(__always)
    func feed(into hasher: inout StableHasher) {
        hasher.combine(UInt64(count))
        // Through the buffer, each element is borrowed in place: no copy, no retain of what it holds.
        withUnsafeBufferPointer { elements in
            for index in elements.indices { elements[index].feed(into: &hasher) }
        }
    }
}

extension StableHasher {
    /// Feeds a case tag (distinct within its enum).
    @inline(__always)
    mutating func tag(_ value: UInt64) { combine(value) }

    /// Feeds a value's canonical state encoding.
    @inline(__always)
    mutating func feed<T: StateHashable>(_ value: T) { value.feed(into: &self) }
}

// The SDK enums that occur in a state, fed by raw value.
extension LoginErrCode: StateHashable {}
extension ConnectionChangeReason: StateHashable {}
extension JoinChannelErr: StateHashable {}
extension ChannelMessageErrCode: StateHashable {}
extension GetMembersErr: StateHashable {}
extension PeerMessageErrCode: StateHashable {}
extension LocalInvitationErrCode: StateHashable {}
extension RemoteInvitationErrCode: StateHashable {}
extension ChannelMembershipState: StateHashable {}
