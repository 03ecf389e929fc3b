import Foundation
import GRDB

extension CacheDatabase {
    /// Counts entries by how long they are kept.
    func statistics(now: Date) async throws -> (entries: Int, bytes: Int, settled: Int, expiring: Int, expired: Int) {
        try await pool.read { db in
            let usage = try Self.usage(db)
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT total(expires_at IS NULL) AS settled, total(expires_at IS NOT NULL) AS expiring,
                           total(expires_at <= ?) AS expired
                    FROM response
                    """,
                arguments: [now.timeIntervalSince1970])
            let settled: Double = row?["settled"] ?? 0
            let expiring: Double = row?["expiring"] ?? 0
            let expired: Double = row?["expired"] ?? 0
            return (usage.entries, usage.bytes, Int(settled), Int(expiring), Int(expired))
        }
    }

    /// Deletes every entry of every identity, then gives the space back to the
    /// file system when no other process is reading.
    func removeAll() async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM response") }
        try? await pool.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}
