#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// Splits a byte stream into lines, reading a file in fixed-size chunks so that memory stays bounded by
/// the longest line (at most ``maxLineBytes``), whatever the file's size.
///
/// Lines end with `\n`; a `\r` before it is dropped; the last line may lack its newline. A UTF-8 byte
/// order mark at the very start is skipped.
final class LineSource {
    /// The longest line accepted; a longer one is an error (and is skipped, so reading can go on).
    static let maxLineBytes = 1 << 20
    /// How much is read from the file at a time.
    static let chunkBytes = 1 << 16

    enum Failure: Error {
        case lineTooLong
        case io(String)
    }

    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    /// The most bytes ever held at once: bounded by one chunk plus the longest line, whatever the file's size.
    private(set) var peakBufferedBytes = 0
    /// The bytes of one `fread`, reused.
    private var chunk: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var atEnd = false
    private var skippingLongLine = false
    private var first = true

    /// Reads `path`; nil when it cannot be opened.
    init?(path: String) {
        guard let file = fopen(path, "rb") else { return nil }
        self.file = file
        buffer.reserveCapacity(Self.chunkBytes * 2)
        chunk = [UInt8](repeating: 0, count: Self.chunkBytes)
    }

    /// Reads bytes already in memory.
    init(bytes: [UInt8]) {
        buffer = bytes
        atEnd = true
    }

    deinit {
        if let file { fclose(file) }
    }

    /// The next line without its terminator, or nil at the end.
    func nextLine() throws(Failure) -> [UInt8]? {
        while true {
            if let newline = findNewline() {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                scanned = start
                if skippingLongLine {
                    skippingLongLine = false
                    continue
                }
                if line.count > Self.maxLineBytes { throw .lineTooLong }
                return stripBOM(line)
            }
            if buffer.count - start > Self.maxLineBytes {
                // Drop what we have of the long line and skip the rest of it on the next call.
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
                let wasSkipping = skippingLongLine
                skippingLongLine = true
                if !wasSkipping { throw .lineTooLong }
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                scanned = start
                if skippingLongLine {
                    skippingLongLine = false
                    return nil
                }
                if line.count > Self.maxLineBytes { throw .lineTooLong }
                return stripBOM(line)
            }
            try fill()
        }
    }

    private func findNewline() -> Int? {
        let from = scanned
        let found: Int? = buffer.withUnsafeBufferPointer { all in
            guard from < all.count, let base = all.baseAddress else { return nil }
            guard let hit = memchr(base + from, Int32(UInt8(ascii: "\n")), all.count - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if found == nil { scanned = buffer.count }
        return found
    }

    private func fill() throws(Failure) {
        guard let file else {
            atEnd = true
            return
        }
        if start > 0 {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        let read = chunk.withUnsafeMutableBufferPointer { raw in
            fread(raw.baseAddress, 1, raw.count, file)
        }
        chunk.withUnsafeBufferPointer { raw in
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: raw[0..<read]))
        }
        peakBufferedBytes = max(peakBufferedBytes, buffer.count)
        if read < Self.chunkBytes {
            if ferror(file) != 0 { throw .io(String(cString: strerror(errno))) }
            atEnd = true
        }
    }

    private func stripBOM(_ line: [UInt8]) -> [UInt8] {
        defer { first = false }
        if first, line.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(line.dropFirst(3)) }
        return line
    }
}
