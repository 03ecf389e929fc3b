/// The remembered entries, oldest first: bounded, and without duplicates.
///
/// Re-entering an entry moves it to the newest position instead of storing it
/// twice (libedit's `H_SETUNIQUE` only drops consecutive duplicates).
struct HistoryList: Sendable, Hashable {
    /// How an ``add(_:)`` changed the list.
    enum Change: Sendable, Hashable {
        /// The entry is new and was appended (the oldest may have been dropped).
        case appended
        /// An older identical entry was removed and the entry appended.
        case moved
        /// The entry already was the newest one.
        case unchanged
    }

    /// The most entries kept; the oldest are dropped first.
    let capacity: Int
    private(set) var entries: [String] = []

    /// A list holding the newest `capacity` distinct entries of `entries`, each
    /// at the position of its latest occurrence.
    init(capacity: Int, entries: [String] = []) {
        self.capacity = max(1, capacity)
        var seen = Set<String>()
        var newestFirst: [String] = []
        for entry in entries.reversed() where seen.insert(entry).inserted {
            newestFirst.append(entry)
            if newestFirst.count == self.capacity { break }
        }
        self.entries = newestFirst.reversed()
    }

    /// Adds `entry` as the newest.
    @discardableResult
    mutating func add(_ entry: String) -> Change {
        if entries.last == entry { return .unchanged }
        if let older = entries.firstIndex(of: entry) {
            entries.remove(at: older)
            entries.append(entry)
            return .moved
        }
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        return .appended
    }
}
