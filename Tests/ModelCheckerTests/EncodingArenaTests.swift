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
        var long = [UInt8](repeating: 7, count: EncodingArena.segmentBytes + 5)
        long[0] = 1
        long[long.count - 1] = 2
        expected.insert(long, at: 1_500)
        expected.append([])
        for bytes in expected { bytes.withUnsafeBufferPointer { arena.append($0) } }
        #expect(arena.segments.count >= 3)
        for (node, bytes) in expected.enumerated() {
            bytes.withUnsafeBufferPointer { buffer in
                #expect(arena.encoding(of: node).sameBytes(as: buffer), "node \(node)")
            }
        }
        #expect(arena.storedBytes == 3_000 * 1_000 + EncodingArena.segmentBytes + 5)
    }

    @Test("Encodings longer than the first segment but not than a full one get a segment that holds them")
    func midSizedEncodings() {
        var arena = EncodingArena()
        defer { arena.release() }
        let encodings: [[UInt8]] = [
            [UInt8](repeating: 1, count: 3 << 20), [7], [UInt8](repeating: 2, count: 6 << 20),
            [UInt8](repeating: 3, count: 1 << 20), [],
        ]
        for bytes in encodings { bytes.withUnsafeBufferPointer { arena.append($0) } }
        for (node, bytes) in encodings.enumerated() {
            bytes.withUnsafeBufferPointer { buffer in
                #expect(arena.encoding(of: node).sameBytes(as: buffer), "node \(node)")
            }
        }
        #expect(arena.spans.bytes == arena.spans.capacity * 4)
    }

    @Test("An empty encoding is kept, first or right after one longer than a segment")
    func emptyEncodings() {
        var arena = EncodingArena()
        defer { arena.release() }
        let long = [UInt8](repeating: 9, count: EncodingArena.segmentBytes + 1)
        let encodings: [[UInt8]] = [[], long, [], [1, 2, 3]]
        for bytes in encodings { bytes.withUnsafeBufferPointer { arena.append($0) } }
        for (node, bytes) in encodings.enumerated() {
            bytes.withUnsafeBufferPointer { buffer in
                #expect(arena.encoding(of: node).sameBytes(as: buffer), "node \(node)")
            }
        }
    }
}
