import Dispatch

/// Runs one body per worker on Dispatch's thread pool and waits for all of them.
///
/// `DispatchQueue.concurrentPerform` is the only use of Dispatch in the checker. The bodies write to
/// disjoint memory they are handed by index; nothing about the result depends on which thread ran
/// which body or in which order.
@usableFromInline
enum Workers {
    /// Calls `body(0)` ... `body(count - 1)`, concurrently when `count > 1`.
    @inlinable
    static func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if count <= 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}

/// A growable buffer of plain values behind a raw pointer: no copy-on-write, no exclusivity checks,
/// and safe to read from several threads while nobody appends. Its owner calls ``release()`` once.
@usableFromInline
struct RawBuffer<Element: BitwiseCopyable> {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var count: Int
    @usableFromInline var capacity: Int

    @usableFromInline
    init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
        count = 0
    }

    @usableFromInline
    func release() { base.deallocate() }

    @inlinable
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    @inlinable
    mutating func append(_ element: Element) {
        if count == capacity { reserve(count + 1) }
        base[count] = element
        count &+= 1
    }

    /// Makes room for `minimum` elements (doubling).
    @usableFromInline
    mutating func reserve(_ minimum: Int) {
        guard minimum > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Sets the count to `newCount` (growing if needed) and every element to `value`.
    @inlinable
    mutating func reset(count newCount: Int, to value: Element) {
        reserve(newCount)
        base.update(repeating: value, count: newCount)
        count = newCount
    }

    @inlinable
    var bytes: Int { capacity * MemoryLayout<Element>.stride }
}

/// A growable buffer of states with a movable origin: element `i` holds the state of node
/// `origin + i`. Several threads may initialize distinct elements at once once ``reserve(_:)``
/// made room. Its owner calls ``release()`` once.
@usableFromInline
struct StateSlab<State> {
    @usableFromInline var base: UnsafeMutablePointer<State>
    @usableFromInline var capacity: Int
    /// Initialized elements.
    @usableFromInline var count: Int
    /// The node of element 0.
    @usableFromInline var origin: Int

    @usableFromInline
    init(origin: Int, capacity: Int = 64) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
        count = 0
        self.origin = origin
    }

    @inlinable
    subscript(node: Int) -> State { base[node - origin] }

    @usableFromInline
    mutating func reserve(_ minimum: Int) {
        guard minimum > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<State>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Drops every state and restarts at `origin`.
    @usableFromInline
    mutating func reset(origin: Int) {
        base.deinitialize(count: count)
        count = 0
        self.origin = origin
    }

    @usableFromInline
    func release() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inlinable
    var bytes: Int { capacity * MemoryLayout<State>.stride }
}
