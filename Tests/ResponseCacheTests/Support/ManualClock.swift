import Foundation
import Synchronization

/// A clock the tests move by hand, so time to live is tested without waiting.
final class ManualClock: Sendable {
    private let instant: Mutex<Date>

    init(_ start: Date) {
        instant = Mutex(start)
    }

    /// The current instant.
    var now: Date { instant.withLock { $0 } }

    /// Moves the clock forward.
    func advance(seconds: TimeInterval) {
        instant.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// The clock as ``ResponseCache/Options/now`` takes it.
    var reading: @Sendable () -> Date { { self.now } }
}

/// Collects the warnings a cache reports.
final class WarningLog: Sendable {
    private let messages = Mutex<[String]>([])

    var all: [String] { messages.withLock { $0 } }

    var callback: @Sendable (String) -> Void { { message in self.messages.withLock { $0.append(message) } } }
}
