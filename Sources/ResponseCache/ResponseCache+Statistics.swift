import Foundation
import GRDB

extension ResponseCache {
    /// What the cache holds, for `cq cache stats`.
    public struct Statistics: Sendable, Hashable {
        /// The database file.
        public var path: URL
        /// Stored responses, of every identity.
        public var entries = 0
        /// Bytes of stored response bodies (what ``Options/sizeLimit`` bounds).
        public var bytes = 0
        /// Entries that can never change, kept until evicted.
        public var settled = 0
        /// Entries with a time to live, fresh or not.
        public var expiring = 0
        /// Expiring entries past their time: re-fetched when next asked for.
        public var expired = 0
        /// Bytes the database's files take on disk (database, WAL, shared memory).
        public var fileBytes = 0
        /// The size limit the cache evicts down to.
        public var sizeLimit = 0

        /// Creates statistics for the file at `path`.
        public init(path: URL) {
            self.path = path
        }
    }

    /// Counts the entries; a cache never used yet has none (and no file is made).
    ///
    /// - Throws: the reason the database cannot be read.
    public func stats() async throws -> Statistics {
        var statistics = Statistics(path: databaseURL)
        statistics.sizeLimit = options.sizeLimit
        guard FileManager.default.fileExists(atPath: databaseURL.path) else { return statistics }
        let counts = try await opened().get().statistics(now: options.now())
        statistics.entries = counts.entries
        statistics.bytes = counts.bytes
        statistics.settled = counts.settled
        statistics.expiring = counts.expiring
        statistics.expired = counts.expired
        statistics.fileBytes = CacheFiles.size(of: databaseURL)
        return statistics
    }

    /// Removes every entry of every identity. A file that is not a usable cache
    /// (corrupt, or from an unknown version) is deleted instead.
    ///
    /// - Throws: the reason the database could be neither emptied nor deleted.
    public func clear() async throws {
        guard FileManager.default.fileExists(atPath: databaseURL.path) else { return }
        switch await opened() {
        case .success(let database):
            try await database.removeAll()
        case .failure(let error) where Self.isUnreadable(error):
            try CacheFiles.remove(database: databaseURL)
            reset()
        case .failure(let error):
            throw error
        }
    }

    private static func isUnreadable(_ error: any Error) -> Bool {
        if case CacheFailure.unknownSchema = error { return true }
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode)
    }
}
