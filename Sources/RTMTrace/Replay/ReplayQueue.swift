/// A first-in first-out queue over an array with a moving head: O(1) amortized push and pop, no
/// reallocation in steady state.
struct ReplayQueue<Element> {
    private var items: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }
    var first: Element? { isEmpty ? nil : items[head] }
    /// The elements not yet taken, oldest first.
    var pending: ArraySlice<Element> { items[head...] }

    mutating func append(_ element: Element) {
        items.append(element)
    }

    /// Removes the element `offset` places after the head.
    @discardableResult
    mutating func remove(at offset: Int) -> Element {
        offset == 0 ? removeFirst()! : items.remove(at: head + offset)
    }

    /// Removes the newest element.
    @discardableResult
    mutating func removeLast() -> Element? {
        isEmpty ? nil : items.removeLast()
    }

    @discardableResult
    mutating func removeFirst() -> Element? {
        guard !isEmpty else { return nil }
        let element = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 4_096 && head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return element
    }
}
