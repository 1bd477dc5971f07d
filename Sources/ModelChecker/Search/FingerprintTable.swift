/// An open-addressing hash table from 64-bit fingerprints to 32-bit node indices.
///
/// Linear probing over a power-of-two number of slots, grown by doubling at 3/4 load. A slot holds
/// the fingerprint (0 marks an empty slot, so fingerprint 0 is stored as 1) and the node index.
/// Equal fingerprints are confirmed with a caller-supplied test, which lets the exact store compare
/// full states and the compact store accept the fingerprint alone.
///
/// A value type holding raw pointers (no dynamic exclusivity checks in the hot loop); its owner
/// calls ``deallocate()`` once.
///
/// - Complexity: expected O(1) per lookup and insertion; 12 bytes per slot.
@usableFromInline
struct FingerprintTable {
    @usableFromInline var keys: UnsafeMutablePointer<UInt64>
    @usableFromInline var values: UnsafeMutablePointer<UInt32>
    @usableFromInline var mask: Int
    @usableFromInline var count: Int

    @usableFromInline
    init(minimumCapacity: Int = 1 << 12) {
        var capacity = 16
        while capacity < minimumCapacity { capacity <<= 1 }
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
        count = 0
    }

    /// Releases the slot arrays (the table must not be used afterwards).
    @usableFromInline
    func deallocate() {
        keys.deallocate()
        values.deallocate()
    }

    /// The number of slots.
    @inlinable
    var capacity: Int { mask + 1 }

    /// Bytes held by the slot arrays.
    @inlinable
    var bytes: Int { capacity * (MemoryLayout<UInt64>.stride + MemoryLayout<UInt32>.stride) }

    @inlinable
    static func key(_ fingerprint: UInt64) -> UInt64 { fingerprint == 0 ? 1 : fingerprint }

    /// Looks `fingerprint` up. Returns the node index stored for it (when `isSame` accepts it) and
    /// the slot where it would be inserted otherwise.
    @inlinable
    func find(_ fingerprint: UInt64, isSame: (UInt32) -> Bool) -> (value: UInt32?, slot: Int) {
        let key = Self.key(fingerprint)
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = keys[slot]
            if stored == 0 { return (nil, slot) }
            if stored == key, isSame(values[slot]) { return (values[slot], slot) }
            slot = (slot &+ 1) & mask
        }
    }

    /// Stores `value` for `fingerprint` at `slot` (as returned by ``find(_:isSame:)`` just before).
    @inlinable
    mutating func insert(_ fingerprint: UInt64, value: UInt32, at slot: Int) {
        keys[slot] = Self.key(fingerprint)
        values[slot] = value
        count &+= 1
        if count &* 4 > capacity &* 3 { grow() }
    }

    @usableFromInline
    mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let oldCapacity = capacity
        let newCapacity = oldCapacity * 2
        keys = .allocate(capacity: newCapacity)
        keys.initialize(repeating: 0, count: newCapacity)
        values = .allocate(capacity: newCapacity)
        values.initialize(repeating: 0, count: newCapacity)
        mask = newCapacity - 1
        for index in 0..<oldCapacity where oldKeys[index] != 0 {
            var slot = Int(truncatingIfNeeded: oldKeys[index]) & mask
            while keys[slot] != 0 { slot = (slot &+ 1) & mask }
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
        oldKeys.deallocate()
        oldValues.deallocate()
    }
}
