import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C for `cq -e`, scripts and stdin programs: the query's task is
/// cancelled, so its in-flight requests stop, and cq ends with status 130.
/// (The REPL handles Ctrl-C itself: it cancels the query and keeps the session.)
enum Interruption {
    /// Runs `work`, cancelling it when SIGINT arrives.
    static func cancellingOnInterrupt<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await work() }
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { task.cancel() }
        source.resume()
        let result = await task.value
        source.cancel()
        signal(SIGINT, SIG_DFL)
        return result
    }
}
