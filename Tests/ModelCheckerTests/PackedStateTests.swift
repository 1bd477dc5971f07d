import ModelChecker
import Testing

@Suite struct PackedStateTests {
    @Test("Fields round-trip, including one that straddles two words, without disturbing neighbours")
    func roundTrip() {
        var layout = PackedLayout()
        let small = layout.field(values: 5)
        let filler = layout.field(bits: 58)
        let straddling = layout.field(bits: 10)
        let last = layout.field(bits: 64)
        #expect(small.width == 3)
        #expect(straddling.offset == 61)
        #expect(layout.fits)
        var state = PackedState()
        state[small] = 4
        state[filler] = filler.maximum
        state[straddling] = 0x2AB
        state[last] = .max
        #expect(state[small] == 4)
        #expect(state[filler] == filler.maximum)
        #expect(state[straddling] == 0x2AB)
        #expect(state[last] == .max)
        state[straddling] = 0
        #expect(state[filler] == filler.maximum)
        #expect(state[last] == .max)
        #expect(state.int(small) == 4)
    }

    @Test("Values wider than the field are cut to it; fields past 512 bits read 0 and write nothing")
    func clamping() {
        var state = PackedState()
        let field = PackedField(offset: 3, width: 4)
        state[field] = 0xFF
        #expect(state[field] == 0xF)
        let outside = PackedField(offset: 600, width: 8)
        state[outside] = 7
        #expect(state[outside] == 0)
        #expect(state == {
            var expected = PackedState()
            expected[field] = 0xF
            return expected
        }())
    }

    @Test("The packed grid has the same states and transitions as the array grid")
    func packedGrid() {
        let packed = PackedGridModel(counters: 3, modulus: 8).check(options: CheckOptions(workers: 2))
        #expect(packed.states == 512)
        #expect(packed.transitions == 1536)
        #expect(Fingerprint(of: PackedState()) != Fingerprint(of: { var s = PackedState(); s[PackedField(offset: 511, width: 1)] = 1; return s }()))
    }
}
