@testable import ModelChecker
import Testing

@Suite struct EncodingArenaTests {
    @Test("The arena gives back every encoding across segment boundaries, including one longer than a segment")
    func roundTrip() {
        var arena = EncodingArena()
        defer { arena.release() }
        var expected: [[UInt8]] = []
        // 3,000 encodings of 1,000 bytes fill the 1 MiB first segment and the next ones.
        for index in 0..<3_000 {
            let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: index &* 31 &+ $0) }
            expected.append(bytes)
        }
        let long = (0..<(5 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        expected.insert(long, at: 1_500)
        expected.append([])
        for bytes in expected { bytes.withUnsafeBufferPointer { arena.append($0) } }
        #expect(arena.segments.count >= 3)
        for (node, bytes) in expected.enumerated() {
            bytes.withUnsafeBufferPointer { buffer in
                #expect(arena.encoding(of: node).sameBytes(as: buffer), "node \(node)")
            }
        }
        #expect(arena.storedBytes == 3_000 * 1_000 + (5 << 20))
    }

    @Test("An empty encoding is kept, first or right after one longer than a segment")
    func emptyEncodings() {
        var arena = EncodingArena()
        defer { arena.release() }
        let long = [UInt8](repeating: 9, count: 5 << 20)
        let encodings: [[UInt8]] = [[], long, [], [1, 2, 3]]
        for bytes in encodings { bytes.withUnsafeBufferPointer { arena.append($0) } }
        for (node, bytes) in encodings.enumerated() {
            bytes.withUnsafeBufferPointer { buffer in
                #expect(arena.encoding(of: node).sameBytes(as: buffer), "node \(node)")
            }
        }
    }
}
