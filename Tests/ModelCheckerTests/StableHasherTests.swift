import ModelChecker
import Testing

@Suite struct StableHasherTests {
    // Recorded once (and cross-checked with an independent Python transcription of the algorithm);
    // a change here changes every stored fingerprint. The empty input gives XXH64("") with seed 0.
    @Test("Fixed inputs hash to recorded constants")
    func knownValues() {
        #expect(StableHasher().finalize().rawValue == 0xEF46_DB37_51D8_E999)
        #expect(Fingerprint(of: 0).rawValue == 0x29D9_CF47_228E_4E37)
        #expect(Fingerprint(of: "alice").rawValue == 0x7DAF_8DED_9BB4_AE9C)
        #expect(Fingerprint(of: [1, 2, 3]).rawValue == 0x2E7A_0276_F4CB_DCE3)
        var hasher = StableHasher()
        hasher.combine(true)
        hasher.combine(-1)
        hasher.combine("LOCAL_INVITATION_STATE_RECEIVED_BY_REMOTE")
        #expect(hasher.finalize().rawValue == 0x027C_6ED5_45B2_959D)
    }

    @Test(
        "A string feeds its UTF-8 count, then its bytes eight to a word, little-endian, at every length",
        arguments: ["", "a", "c0", "alice", "1234567", "12345678", "123456789", "LOCAL_INVITATION_STATE_FAILURE",
            "zoë:1>bob", "日本語のチャンネル名", String(repeating: "x", count: 100)])
    func stringWords(text: String) {
        var reference = StableHasher()
        let bytes = Array(text.utf8)
        reference.combine(UInt64(bytes.count))
        for start in stride(from: 0, to: bytes.count, by: 8) {
            var word: UInt64 = 0
            for (offset, byte) in bytes[start..<min(start + 8, bytes.count)].enumerated() {
                word |= UInt64(byte) << (8 * UInt64(offset))
            }
            reference.combine(word)
        }
        var hasher = StableHasher()
        hasher.combine(text)
        #expect(hasher.finalize() == reference.finalize())
        // A substring's bytes come from another string's storage: the same words.
        var sliced = StableHasher()
        sliced.combine(String("<" + text + ">").dropFirst().dropLast().description)
        #expect(sliced.finalize() == reference.finalize())
    }

    @Test("Small strings fed in place give the words of the general path, however the string was made")
    func smallStringsInPlace() {
        var texts: [String] = []
        for length in 0...17 {
            let ascii = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            texts.append(ascii)
            texts.append("\(ascii)")  // interpolated: native storage unless it fits in place
            texts.append(String(decoding: Array(ascii.utf8), as: UTF8.self))
            texts.append(String(String(repeating: "é", count: length).prefix(length)))  // two bytes each
            texts.append(String(repeating: "日", count: length / 3 + 1))
        }
        for text in texts {
            var fast = StableHasher()
            fast.combine(text)
            var general = StableHasher()
            general.combine(utf8Of: text)
            #expect(fast.finalize() == general.finalize(), "\(text.utf8.count) bytes: \(text)")
        }
    }

    @Test("Fingerprints print as 16 hex digits")
    func description() {
        #expect(Fingerprint(rawValue: 0xAB).description == "00000000000000ab")
    }

    @Test("Encodings are length-prefixed and ordered")
    func distinguishes() {
        #expect(Fingerprint(of: ["ab", "c"]) != Fingerprint(of: ["a", "bc"]))
        #expect(Fingerprint(of: [1, 2]) != Fingerprint(of: [2, 1]))
        #expect(Fingerprint(of: Int?.none) != Fingerprint(of: Int?.some(0)))
        #expect(Fingerprint(of: [[1], []]) != Fingerprint(of: [[], [1]]))
        #expect(Fingerprint(of: "") != Fingerprint(of: "\0"))
    }

    @Test("Integer widths with the same value feed the same word")
    func widths() {
        #expect(Fingerprint(of: Int32(-5)) == Fingerprint(of: -5))
        #expect(Fingerprint(of: UInt8(7)) == Fingerprint(of: UInt64(7)))
        #expect(Fingerprint(of: true) == Fingerprint(of: 1))
    }

    @Test("Enums with raw values hash their raw value")
    func rawValues() {
        #expect(Fingerprint(of: TwoPhase.Vote.no) == Fingerprint(of: UInt8(2)))
    }

    @Test("The 65,536 states of a 16^4 grid have distinct fingerprints")
    func noCollisionsInGrid() {
        let model = CounterGridModel(counters: 4, modulus: 16)
        var seen = Set<UInt64>()
        for a in 0..<16 {
            for b in 0..<16 {
                for c in 0..<16 {
                    for d in 0..<16 {
                        let state = CounterGridModel.State(values: [UInt8(a), UInt8(b), UInt8(c), UInt8(d)])
                        seen.insert(model.fingerprint(state).rawValue)
                    }
                }
            }
        }
        #expect(seen.count == 65536)
    }
}
