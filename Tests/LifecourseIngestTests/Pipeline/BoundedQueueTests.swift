import Foundation
import Dispatch
import Synchronization
import Testing
@testable import LifecourseIngest

@Suite struct BoundedQueueTests {
    @Test func deliversInOrderAcrossThreads() {
        let queue = BoundedQueue<Int>(capacity: 3)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            for value in 0..<1_000 { queue.put(value) }
            done.signal()
        }
        let taken = (0..<1_000).map { _ in queue.take() }
        done.wait()
        #expect(taken == Array(0..<1_000))
    }

    @Test func aWriterWaitsWhileTheQueueIsFull() {
        let queue = BoundedQueue<Int>(capacity: 2)
        let put = Mutex(0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            for value in 0..<3 {
                queue.put(value)
                put.withLock { $0 += 1 }
            }
            done.signal()
        }
        // However busy the machine, the first two puts go through; the third waits for room, so the writer is
        // still not done a while after them.
        let deadline = ContinuousClock.now + .seconds(60)
        while put.withLock({ $0 }) < 2, ContinuousClock.now < deadline { usleep(1_000) }
        #expect(put.withLock { $0 } == 2)
        #expect(done.wait(timeout: .now() + .milliseconds(200)) == .timedOut, "the third put waits for room")
        #expect(put.withLock { $0 } == 2)
        #expect(queue.take() == 0)
        done.wait()
        #expect(put.withLock { $0 } == 3)
        let rest: [Int] = [queue.take(), queue.take()]
        #expect(rest == [1, 2])
    }
}
