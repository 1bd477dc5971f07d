import Testing

@testable import RTMProtocol

private func text(bytes: Int) -> String { String(repeating: "v", count: bytes) }

private func attributes(count: Int, valueBytes: Int) -> [(key: String, value: String)] {
    (0..<count).map { (key: "k\($0)", value: text(bytes: valueBytes)) }
}

@Suite("Attribute limits (rtm-reference §4.2)")
struct AttributeValidationTests {
    @Test("A key of 32 bytes is valid; 33 bytes is SIZE_OVERFLOW")
    func keyLength() {
        #expect(Validation.userAttributes([(key: String(repeating: "k", count: 32), value: "v")]) == .ok)
        #expect(Validation.userAttributes([(key: String(repeating: "k", count: 33), value: "v")]) == .sizeOverflow)
        #expect(Validation.channelAttributes([(key: String(repeating: "k", count: 33), value: "v")]) == .sizeOverflow)
    }

    @Test("An empty or invisible key, or an empty value, is INVALID_ARGUMENT")
    func emptyAndInvisible() {
        #expect(Validation.userAttributes([(key: "", value: "v")]) == .invalidArgument)
        #expect(Validation.userAttributes([(key: "a b", value: "v")]) == .invalidArgument)
        #expect(Validation.userAttributes([(key: "a\u{7}", value: "v")]) == .invalidArgument)
        #expect(Validation.userAttributes([(key: "k", value: "")]) == .invalidArgument)
        #expect(Validation.channelAttributes([(key: "k", value: "")]) == .invalidArgument)
        #expect(Validation.userAttributes([(key: "键", value: "v")]) == .ok)
    }

    @Test("A value of 8 KB is valid; 8 KB + 1 is SIZE_OVERFLOW")
    func valueLength() {
        #expect(Validation.userAttributes([(key: "k", value: text(bytes: 8192))]) == .ok)
        #expect(Validation.userAttributes([(key: "k", value: text(bytes: 8193))]) == .sizeOverflow)
        #expect(Validation.channelAttributes([(key: "k", value: text(bytes: 8192))]) == .ok)
        #expect(Validation.channelAttributes([(key: "k", value: text(bytes: 8193))]) == .sizeOverflow)
    }

    @Test("At most 32 attributes per user or channel")
    func count() {
        #expect(Validation.userAttributes(attributes(count: 32, valueBytes: 1)) == .ok)
        #expect(Validation.userAttributes(attributes(count: 33, valueBytes: 1)) == .sizeOverflow)
        #expect(Validation.channelAttributes(attributes(count: 32, valueBytes: 1)) == .ok)
        #expect(Validation.channelAttributes(attributes(count: 33, valueBytes: 1)) == .sizeOverflow)
    }

    @Test("User attributes total at most 16 KB of keys plus values")
    func userTotal() {
        // Two keys "k0", "k1" (2 bytes each) and values filling the rest of 16 KB exactly.
        let exact = [(key: "k0", value: text(bytes: 8190)), (key: "k1", value: text(bytes: 8190))]
        #expect(Validation.userAttributes(exact) == .ok)
        let over = [(key: "k0", value: text(bytes: 8190)), (key: "k1", value: text(bytes: 8191))]
        #expect(Validation.userAttributes(over) == .sizeOverflow)
    }

    @Test("Channel attributes total at most 32 KB of keys plus values")
    func channelTotal() {
        let exact = (0..<4).map { (key: "k\($0)", value: text(bytes: 8190)) }
        #expect(Validation.channelAttributes(exact) == .ok)
        let over = exact + [(key: "k4", value: "v")]
        #expect(Validation.channelAttributes(over) == .sizeOverflow)
    }

    @Test("addOrUpdate is checked against the merged result; a repeated key counts once, last value wins")
    func merged() {
        let current = attributes(count: 32, valueBytes: 1)
        #expect(Validation.userAttributes([(key: "k0", value: "new")], resulting: current) == .ok)
        #expect(
            Validation.userAttributes([(key: "extra", value: "v")], resulting: current + [(key: "extra", value: "v")])
                == .sizeOverflow)
        let repeated = [(key: "k", value: text(bytes: 16 * 1024)), (key: "k", value: "small")]
        #expect(Validation.userAttributes([(key: "k", value: "small")], resulting: repeated) == .ok)
    }

    @Test("Keys of a by-keys call, and the user or channel ID, are checked")
    func keysAndIds() {
        #expect(Validation.attributeKeys(["a", "b"]) == .ok)
        #expect(Validation.attributeKeys([]) == .invalidArgument)
        #expect(Validation.attributeKeys([""]) == .invalidArgument)
        #expect(Validation.attributeKeys([String(repeating: "k", count: 33)]) == .sizeOverflow)
        #expect(Validation.attributeUserId("null") == .invalidArgument)
        #expect(Validation.attributeUserId("alice") == .ok)
        #expect(Validation.attributeChannelId(text(bytes: 65)) == .invalidArgument)
    }
}
