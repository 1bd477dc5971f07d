#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fixed team of threads that runs one body per worker and waits for all of them.
///
/// The calling thread is worker 0; `count - 1` POSIX threads wait for the next phase. Phases follow
/// each other within milliseconds, so a waiting thread first polls (up to ``spinNanoseconds``) and
/// only then sleeps on a condition variable: on a busy machine, waking a sleeping thread took about
/// half a millisecond per phase, which cost a third of the 2-worker run. The bodies write to
/// disjoint memory they are handed by index; nothing about the result depends on which thread ran
/// which body or in which order. (Dispatch's `concurrentPerform` was tried first: called from a
/// Swift-concurrency thread it often ran both iterations on the caller.) Call ``shutdown()`` once.
@usableFromInline
final class Workers: @unchecked Sendable {
    @usableFromInline let count: Int
    let mutex: UnsafeMutablePointer<pthread_mutex_t>
    let wake: UnsafeMutablePointer<pthread_cond_t>
    let finished: UnsafeMutablePointer<pthread_cond_t>
    var generation = 0
    var remaining = 0
    var stopping = false
    var job: ((Int) -> Void)?
    var threads: [pthread_t] = []
    /// ``claim(below:)``'s counter, behind its own mutex (claims come a few dozen times per phase).
    let claimMutex: UnsafeMutablePointer<pthread_mutex_t>
    var claimed = 0

    /// How long a waiting thread polls before it sleeps.
    static var spinNanoseconds: Int { 500_000 }

    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    /// With `mutex` held, returns once `ready()` holds: polls for a while, then sleeps on `condition`.
    func wait(on condition: UnsafeMutablePointer<pthread_cond_t>, until ready: () -> Bool) {
        var deadline = 0
        var polls = 0
        while !ready() {
            if polls & 63 == 0 {
                let time = Self.now()
                if deadline == 0 { deadline = time + Self.spinNanoseconds }
                if time >= deadline {
                    pthread_cond_wait(condition, mutex)
                    continue
                }
            }
            polls &+= 1
            pthread_mutex_unlock(mutex)
            sched_yield()  // stays runnable, but lets a thread that shares this CPU go first
            pthread_mutex_lock(mutex)
        }
    }

    /// A team of `count` workers (the caller plus `count - 1` threads; none below 2).
    @usableFromInline
    init(count: Int) {
        self.count = max(1, count)
        mutex = .allocate(capacity: 1)
        wake = .allocate(capacity: 1)
        finished = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        claimMutex = .allocate(capacity: 1)
        pthread_mutex_init(claimMutex, nil)
        pthread_cond_init(wake, nil)
        pthread_cond_init(finished, nil)
        for index in 1..<self.count {
            let context = Unmanaged.passRetained(WorkerContext(team: self, index: index)).toOpaque()
            var thread = pthread_t()
            if pthread_create(&thread, nil, { raw in
                guard let raw else { return nil }
                let context = Unmanaged<WorkerContext>.fromOpaque(raw).takeRetainedValue()
                context.team.loop(context.index)
                return nil
            }, context) == 0 {
                threads.append(thread)
            } else {
                Unmanaged<WorkerContext>.fromOpaque(context).release()
                break
            }
        }
    }

    /// Runs `body(0)` ... `body(count - 1)` and returns when all have finished. If a thread could not
    /// be started, the caller runs its share.
    @usableFromInline
    func run(_ body: (Int) -> Void) {
        guard !threads.isEmpty else {
            for index in 0..<count { body(index) }
            return
        }
        withoutActuallyEscaping(body) { body in
            pthread_mutex_lock(mutex)
            job = body
            remaining = threads.count
            generation += 1
            pthread_cond_broadcast(wake)
            pthread_mutex_unlock(mutex)
            body(0)
            for index in (threads.count + 1)..<max(count, threads.count + 1) { body(index) }
            pthread_mutex_lock(mutex)
            wait(on: finished) { remaining == 0 }
            job = nil
            pthread_mutex_unlock(mutex)
        }
    }

    /// Starts the items of the next phase over from 0 (call before ``run(_:)``).
    @usableFromInline
    func resetClaims() { claimed = 0 }

    /// The next unclaimed item of `count` (0, 1, 2, ... to whichever worker asks first), or nil when
    /// all are taken: items of uneven cost spread over the workers as they finish.
    @usableFromInline
    func claim(below count: Int) -> Int? {
        pthread_mutex_lock(claimMutex)
        defer { pthread_mutex_unlock(claimMutex) }
        guard claimed < count else { return nil }
        claimed += 1
        return claimed - 1
    }

    func loop(_ index: Int) {
        var seen = 0
        pthread_mutex_lock(mutex)
        while true {
            wait(on: wake) { generation != seen || stopping }
            if stopping { break }
            seen = generation
            let body = job
            pthread_mutex_unlock(mutex)
            body?(index)
            pthread_mutex_lock(mutex)
            remaining -= 1
            if remaining == 0 { pthread_cond_signal(finished) }
        }
        pthread_mutex_unlock(mutex)
    }

    /// Stops and joins the threads and releases the synchronisation objects.
    @usableFromInline
    func shutdown() {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_broadcast(wake)
        pthread_mutex_unlock(mutex)
        for thread in threads { pthread_join(thread, nil) }
        threads = []
        pthread_cond_destroy(wake)
        pthread_cond_destroy(finished)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        pthread_mutex_destroy(claimMutex)
        claimMutex.deallocate()
        wake.deallocate()
        finished.deallocate()
    }
}

/// What a worker thread is started with.
final class WorkerContext {
    let team: Workers
    let index: Int

    init(team: Workers, index: Int) {
        self.team = team
        self.index = index
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

/// A growable buffer of values that its reader moves out of (``drain(into:)``) rather than copies:
/// a copy of a state retains every array it holds, arrays that many states share, and workers that
/// retain the same object contend for its cache line. Its owner calls ``release()`` once.
///
/// An element may be dropped early (``punch(_:)``), while its memory is still in cache: its place
/// stays, uninitialized, and every later walk skips it.
@usableFromInline
struct MoveBuffer<Element> {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int
    /// The places dropped by ``punch(_:)``, ascending.
    @usableFromInline var holes: [Int] = []

    @usableFromInline
    init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    @inlinable
    subscript(index: Int) -> Element { base[index] }

    @inlinable
    mutating func append(_ element: consuming Element) {
        if count == capacity {
            let newBase = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity *= 2
        }
        (base + count).initialize(to: element)
        count &+= 1
    }

    /// Drops element `index`, which must be above every place dropped before, and leaves its place.
    @inlinable
    mutating func punch(_ index: Int) {
        precondition(index < count && (holes.last ?? -1) < index, "MoveBuffer: punch out of order")
        (base + index).deinitialize(count: 1)
        holes.append(index)
    }

    /// Drops the elements from `start` on.
    @inlinable
    mutating func removeSuffix(from start: Int) {
        guard start < count else { return }
        deinitialize(start..<count)
        while let last = holes.last, last >= start { holes.removeLast() }
        count = start
    }

    /// Deinitializes the elements of `range`, skipping the holes.
    @inlinable
    func deinitialize(_ range: Range<Int>) {
        var from = range.lowerBound
        for hole in holes where hole >= from && hole < range.upperBound {
            (base + from).deinitialize(count: hole - from)
            from = hole + 1
        }
        if from < range.upperBound { (base + from).deinitialize(count: range.upperBound - from) }
    }

    /// Moves element `i` to `destination(i)` where that gives an (uninitialized) place, drops it
    /// where it gives nil, and leaves the buffer empty. Holes are skipped (`destination` is not asked).
    @inlinable
    mutating func drain(into destination: (Int) -> UnsafeMutablePointer<Element>?) {
        var next = 0
        for index in 0..<count {
            if next < holes.count, holes[next] == index {
                next += 1
                continue
            }
            if let place = destination(index) {
                place.moveInitialize(from: base + index, count: 1)
            } else {
                (base + index).deinitialize(count: 1)
            }
        }
        holes.removeAll(keepingCapacity: true)
        count = 0
    }

    /// Shows each element (but holes) to `visit` in place, with its index, then drops them all and
    /// leaves the buffer empty.
    @inlinable
    mutating func drain(visiting visit: (Int, UnsafeMutablePointer<Element>) -> Void) {
        var next = 0
        for index in 0..<count {
            if next < holes.count, holes[next] == index {
                next += 1
                continue
            }
            visit(index, base + index)
            (base + index).deinitialize(count: 1)
        }
        holes.removeAll(keepingCapacity: true)
        count = 0
    }

    @inlinable
    var bytes: Int { capacity * MemoryLayout<Element>.stride + holes.capacity * 8 }

    @usableFromInline
    func release() {
        deinitialize(0..<count)
        base.deallocate()
    }
}

/// A growable buffer of states with a movable origin: element `i` holds the state of node
/// `origin + i`. Several threads may initialize distinct elements at once once ``reserve(_:)``
/// made room. The states of a level already expanded can be taken out early (``markDropped(before:)``
/// records it), so their memory serves the next level. Its owner calls ``release()`` once.
@usableFromInline
struct StateSlab<State> {
    @usableFromInline var base: UnsafeMutablePointer<State>
    @usableFromInline var capacity: Int
    /// Elements written so far (the first ``dropped`` of them are already deinitialized).
    @usableFromInline var count: Int
    /// Leading elements already deinitialized.
    @usableFromInline var dropped = 0
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
        (newBase + dropped).moveInitialize(from: base + dropped, count: count - dropped)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Drops every state and restarts at `origin`.
    @usableFromInline
    mutating func reset(origin: Int) {
        (base + dropped).deinitialize(count: count - dropped)
        count = 0
        dropped = 0
        self.origin = origin
    }

    /// Records that the states of the nodes before `node` were moved out or deinitialized elsewhere.
    @usableFromInline
    mutating func markDropped(before node: Int) {
        dropped = max(dropped, min(count, node - origin))
    }

    @usableFromInline
    func release() {
        (base + dropped).deinitialize(count: count - dropped)
        base.deallocate()
    }

    @inlinable
    var bytes: Int { capacity * MemoryLayout<State>.stride }
}
