import RTMMachines

/// One permutation of a scenario's clients, ready to rename states: client `i` of the image plays
/// the part client `source[i]` played (``Symmetry``'s convention).
///
/// Everything a state names a client by is renamed consistently: its index (links, timers,
/// `SystemAction`s), its connection (`ConnectionID(i)` is client `i`'s link), its user ID (the
/// scenario's name for it) and the whole-word occurrences of that name in free text (message
/// texts such as `"alice:1>bob"`, the checker's observation notes). A client's call budget moves
/// with it: `entries[i][e]` is the entry of client `source[i]` whose renamed call is client `i`'s
/// entry `e`.
///
/// ```swift
/// // Swap alice and bob of [alice, bob, carol]:
/// let swap = ClientPermutation(source: [1, 0, 2], names: ["alice", "bob", "carol"], entries: nil)
/// swap.user("alice")           // "bob"
/// swap.text("alice:1>carol")   // "bob:1>carol"
/// ```
///
/// A class, immutable: the checker hands permutations around for every state it fingerprints, and a
/// struct's copy retained each of its six tables (a class's copy retains one object).
final class ClientPermutation: Sendable {
    /// `source[i]`: whose part client `i` plays.
    let source: [Int]
    /// `target[j]`: the client that plays client `j`'s former part (the inverse of `source`).
    let target: [Int]
    /// The scenario's client names (user IDs), by index.
    let names: [String]
    /// Per client `i`, per budget entry `e` of client `i`: the entry of client `source[i]` it continues.
    let entries: [[Int]]
    /// The names that move, longest first, as UTF-8, with their new names (for free text).
    let moving: [(from: [UInt8], to: String)]
    /// The names' in-place representations when every name is a small ASCII string (see
    /// ``user(_:)``), else nil.
    let smallNames: [SmallASCII]?
    /// Every invitation key's serial number becomes 0 (``SymmetryPlan/dropsSerials``): the image is
    /// then a representative of the class under renumbered serials too, even for the identity.
    let dropsSerials: Bool
    /// Settled invitations (`SettledInvitations.swift`) show as canceled at both ends
    /// (``SymmetryPlan/forgetsSettled``): the image then stands for every way they could have ended.
    let forgetsSettled: Bool

    /// `entries` nil: every client keeps its budget entries by position (for permutations under which
    /// the budgets are not symmetric, which a sound declaration never produces).
    init(source: [Int], names: [String], entries: [[Int]]?, dropsSerials: Bool = false, forgetsSettled: Bool = false) {
        self.dropsSerials = dropsSerials
        self.forgetsSettled = forgetsSettled
        self.source = source
        self.names = names
        var target = Array(source.indices)
        for (i, j) in source.enumerated() where target.indices.contains(j) { target[j] = i }
        self.target = target
        self.entries = entries ?? []
        moving = source.indices.filter { source[$0] != $0 }
            .map { i in (from: Array(names[source[i]].utf8), to: names[i]) }
            .sorted { $0.from.count > $1.from.count }
        let small = names.compactMap(SmallASCII.init)
        smallNames = small.count == names.count ? small : nil
    }

    /// Whether an image differs from the state in more than its order: clients move, serials drop, or
    /// settled invitations show as canceled.
    var renames: Bool { !moving.isEmpty || dropsSerials || forgetsSettled }

    /// This permutation as a pure renaming, keeping serial numbers and outcomes: it maps states onto states.
    var renamingOnly: ClientPermutation {
        guard dropsSerials || forgetsSettled else { return self }
        return ClientPermutation(
            source: source, target: target, names: names, entries: entries, moving: moving, smallNames: smallNames)
    }

    /// A pure renaming with every table given (``renamingOnly``).
    private init(
        source: [Int], target: [Int], names: [String], entries: [[Int]], moving: [(from: [UInt8], to: String)],
        smallNames: [SmallASCII]?
    ) {
        self.source = source
        self.target = target
        self.names = names
        self.entries = entries
        self.moving = moving
        self.smallNames = smallNames
        dropsSerials = false
        forgetsSettled = false
    }

    /// The serial number an invitation key has in the image.
    @inline(__always)
    func serial(_ serial: Int) -> Int { dropsSerials ? 0 : serial }

    /// The new index of client `j`.
    @inline(__always)
    func client(_ j: Int) -> Int { target.indices.contains(j) ? target[j] : j }

    @inline(__always)
    func conn(_ conn: ConnectionID) -> ConnectionID {
        target.indices.contains(conn.raw) ? ConnectionID(target[conn.raw]) : conn
    }

    /// The new name of a user ID (anything that is not a client's name stays).
    ///
    /// Renaming runs for every name in every image the checker fingerprints. When the names and
    /// `name` are small ASCII strings, equal strings are equal in their two in-place words, so the
    /// lookup compares words, not strings (`==` on two different strings calls into the standard
    /// library to compare their contents).
    @inline(__always)
    func user(_ name: String) -> String {
        index(ofUser: name).map { names[target[$0]] } ?? name
    }

    /// The index of the client whose name is `user`, or nil (compared as ``user(_:)`` compares).
    @inline(__always)
    func index(ofUser user: String) -> Int? {
        if let smallNames, let word = SmallASCII(user) { return smallNames.firstIndex(of: word) }
        return names.firstIndex(of: user)
    }

    func key(_ key: InvitationKey) -> InvitationKey {
        InvitationKey(caller: user(key.caller), callee: user(key.callee), serial: serial(key.serial))
    }

    /// `text` with every whole-word occurrence of a moving client's name replaced by its new name. A
    /// word boundary is the start or end of the text or a byte that cannot continue an identifier
    /// (anything but an ASCII letter, a digit, `_`, or a byte of a non-ASCII character).
    func text(_ text: String) -> String {
        if text.isEmpty || moving.isEmpty { return text }
        var copy = text
        return copy.withUTF8 { bytes in
            var out: [UInt8] = []
            var position = 0
            var copied = 0
            while position < bytes.count {
                if position == 0 || !Self.continuesWord(bytes[position - 1]),
                    let name = moving.first(where: { Self.matches($0.from, in: bytes, at: position) })
                {
                    if out.isEmpty { out.reserveCapacity(bytes.count + 8) }
                    out.append(contentsOf: bytes[copied..<position])
                    out.append(contentsOf: name.to.utf8)
                    position += name.from.count
                    copied = position
                    continue
                }
                position += 1
            }
            guard copied > 0 else { return text }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    @inline(__always)
    static func continuesWord(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
            || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F
    }

    @inline(__always)
    static func matches(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let end = position + name.count
        guard !name.isEmpty, end <= bytes.count else { return false }
        for offset in name.indices where bytes[position + offset] != name[offset] { return false }
        return end == bytes.count || !continuesWord(bytes[end])
    }
}

/// A small ASCII string's two in-place words: Swift keeps a string of at most 15 UTF-8 bytes inside
/// the `String` value itself (bytes zero-padded, then a flags-and-count byte), so two such strings
/// are equal exactly when their words are. ASCII only: for other text `==` compares by canonical
/// equivalence, which two different byte sequences can share.
struct SmallASCII: Equatable {
    let low: UInt64
    let high: UInt64

    /// Nil unless `string` is stored as a small ASCII string.
    @inline(__always)
    init?(_ string: String) {
        #if _endian(little) && (arch(x86_64) || arch(arm64))
            let raw = unsafeBitCast(string, to: (UInt64, UInt64).self)
            // The top byte of the second word: bit 61 small, bit 62 (of a small string) ASCII.
            guard raw.1 & 0x6000_0000_0000_0000 == 0x6000_0000_0000_0000 else { return nil }
            (low, high) = raw
        #else
            return nil
        #endif
    }
}
