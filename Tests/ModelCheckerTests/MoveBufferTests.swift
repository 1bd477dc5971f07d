@testable import ModelChecker
import Testing

/// Counts its instances alive, so a test sees every element dropped exactly once.
private final class Tracked {
    nonisolated(unsafe) static var alive = 0
    let value: Int
    init(_ value: Int) {
        self.value = value
        Tracked.alive += 1
    }
    deinit { Tracked.alive -= 1 }
}

@Suite(.serialized) struct MoveBufferTests {
    @Test("Punched places are skipped: drain moves the rest and each element is dropped once")
    func punchThenDrain() {
        var buffer = MoveBuffer<Tracked>(capacity: 2)
        for value in 0..<10 { buffer.append(Tracked(value)) }
        buffer.punch(3)
        buffer.punch(4)
        buffer.punch(8)
        #expect(Tracked.alive == 7)
        let target = UnsafeMutablePointer<Tracked>.allocate(capacity: 10)
        var moved: [Int] = []
        var asked: [Int] = []
        buffer.drain { index in
            asked.append(index)
            guard index % 2 == 0 else { return nil }
            moved.append(index)
            return target + moved.count - 1
        }
        #expect(asked == [0, 1, 2, 5, 6, 7, 9])
        #expect((0..<moved.count).map { target[$0].value } == [0, 2, 6])
        #expect(Tracked.alive == 3)
        #expect(buffer.count == 0 && buffer.holes.isEmpty)
        target.deinitialize(count: moved.count)
        target.deallocate()
        #expect(Tracked.alive == 0)
        buffer.release()
    }

    @Test("Removing a suffix and releasing skip the holes; a hole past the cut is forgotten")
    func removeSuffixAndRelease() {
        var buffer = MoveBuffer<Tracked>()
        for value in 0..<8 { buffer.append(Tracked(value)) }
        buffer.punch(1)
        buffer.punch(6)
        buffer.removeSuffix(from: 5)
        #expect(Tracked.alive == 4)
        #expect(buffer.holes == [1])
        buffer.append(Tracked(5))
        buffer.punch(5)
        buffer.append(Tracked(6))
        #expect(Tracked.alive == 5)
        buffer.release()
        #expect(Tracked.alive == 0)
    }

    @Test("The repeat table finds the first candidate with a fingerprint, across growth")
    func repeatTable() {
        var table = RepeatTable(capacity: 8)
        var fingerprints: [UInt64] = []
        var firsts: [Int32?] = []
        // 200 candidates over 50 fingerprints, spread over the table's bits.
        for candidate in 0..<200 {
            let fingerprint = UInt64(candidate % 50) &* 0x9E37_79B9_7F4A_7C15
            fingerprints.append(fingerprint)
            firsts.append(table.insert(Int32(candidate), fingerprint: fingerprint, of: fingerprints))
        }
        #expect(firsts[..<50].allSatisfy { $0 == nil })
        #expect((50..<200).allSatisfy { firsts[$0] == Int32($0 % 50) })
        #expect(table.count == 50 && table.bytes >= 4 * 100)
        table.removeAll()
        #expect(table.insert(7, fingerprint: fingerprints[0], of: fingerprints) == nil)
        table.release()
    }
}
