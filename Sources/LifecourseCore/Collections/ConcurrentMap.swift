import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// The elements transformed on several threads (by default one per processor), in their order: the array is cut into a few chunks per thread,
    /// each transformed in one go. For work that is costly per element and touches nothing shared (opening sealed
    /// fields, normalizing names); small arrays are transformed on the calling thread. The first error thrown is
    /// rethrown once every chunk has ended.
    public func concurrentMap<Result: Sendable>(
        threads: Int? = nil, minimumPerChunk: Int = 256,
        _ transform: @Sendable (Element) throws -> Result
    ) throws -> [Result] {
        let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let chunkCount = Swift.min(Swift.max(1, threads) * 4, Swift.max(1, count / Swift.max(1, minimumPerChunk)))
        guard chunkCount > 1 else { return try map(transform) }
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let results = Mutex([[Result]?](repeating: nil, count: chunkCount))
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            // With fewer elements than chunks × size, the last chunks start past the end (20 in 8 chunks of 3).
            let range = Swift.min(count, chunk * chunkSize)..<Swift.min(count, (chunk + 1) * chunkSize)
            guard !range.isEmpty else { return results.withLock { $0[chunk] = [] } }
            do {
                let mapped = try self[range].map(transform)
                results.withLock { $0[chunk] = mapped }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { chunks in chunks.flatMap { $0 ?? [] } }
    }
}
