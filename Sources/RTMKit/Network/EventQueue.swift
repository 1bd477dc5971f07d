/// What a queued entry is about; the payload stays in the network's tables, so an entry whose
/// message was dropped or whose timer was cancelled is stale and skipped when popped.
enum QueuedItem: Hashable, Sendable {
    case delivery(MessageID)
    case timer(TimerID)
    /// Bring the link back up, unless it went down again since (a newer epoch).
    case linkRestore(LinkID, epoch: UInt64)
}

/// A binary min-heap ordered by (time, sequence number): the single queue of everything that
/// will happen on a ``SimulatedNetwork``. Equal times keep insertion order, so a later timer
/// never fires before an earlier one and two messages due at the same moment stay in send order.
struct EventQueue {
    struct Entry: Hashable, Sendable {
        var timeMs: UInt64
        var sequence: UInt64
        var item: QueuedItem

        func precedes(_ other: Entry) -> Bool {
            (timeMs, sequence) < (other.timeMs, other.sequence)
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var first: Entry? { heap.first }

    /// - Complexity: O(log n).
    mutating func push(_ item: QueuedItem, atMs timeMs: UInt64) {
        heap.append(Entry(timeMs: timeMs, sequence: nextSequence, item: item))
        nextSequence += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// - Complexity: O(log n).
    mutating func popFirst() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
