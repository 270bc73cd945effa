import Dispatch
import Synchronization

/// A first-in first-out queue between two threads that holds at most `capacity` elements: `put` waits while it
/// is full, `take` while it is empty. It bounds the memory of a reader that runs ahead of a writer.
final class BoundedQueue<Element: Sendable>: Sendable {
    private let elements = Mutex<[Element]>([])
    private let free: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        precondition(capacity > 0, "a queue holds at least one element")
        free = DispatchSemaphore(value: capacity)
    }

    func put(_ element: Element) {
        free.wait()
        elements.withLock { $0.append(element) }
        filled.signal()
    }

    func take() -> Element {
        filled.wait()
        let element = elements.withLock { $0.removeFirst() }
        free.signal()
        return element
    }
}
