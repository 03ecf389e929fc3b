import Foundation
import GRDB

extension CacheDatabase {
    /// How stale a last-use time may get before a hit rewrites it: recency is
    /// kept to the minute, so a warm run reads without writing.
    static let touchInterval: TimeInterval = 60

    /// The fresh response stored under `key`, if any; a stale one is not returned.
    func response(for key: CacheKey, now: Date) async throws -> StoredResponse? {
        let found = try await pool.read { db -> (StoredResponse, expiresAt: Double?, usedAt: Double)? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT status, content_type, body, expires_at, used_at FROM response WHERE key = ?",
                    arguments: [key.digest])
            else { return nil }
            let response = StoredResponse(status: row["status"], contentType: row["content_type"], body: row["body"])
            return (response, row["expires_at"], row["used_at"])
        }
        guard let (response, expiresAt, usedAt) = found else { return nil }
        if let expiresAt, expiresAt <= now.timeIntervalSince1970 { return nil }
        if now.timeIntervalSince1970 - usedAt >= Self.touchInterval {
            try await pool.write { db in
                try db.execute(
                    sql: "UPDATE response SET used_at = ? WHERE key = ?",
                    arguments: [now.timeIntervalSince1970, key.digest])
            }
        }
        return response
    }

    /// Writes `entry` (replacing what the key held), then evicts down to
    /// nine tenths of `sizeLimit` when the cache grew past it: expired
    /// entries first, then the least recently used.
    func store(_ entry: NewEntry, now: Date, sizeLimit: Int) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO response (key, identity, operation, status, content_type, body, size, stored_at, expires_at, used_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET
                        identity = excluded.identity, operation = excluded.operation, status = excluded.status,
                        content_type = excluded.content_type, body = excluded.body, size = excluded.size,
                        stored_at = excluded.stored_at, expires_at = excluded.expires_at, used_at = excluded.used_at
                    """,
                arguments: [
                    entry.key.digest, entry.identity.fingerprint, entry.operationID, entry.response.status,
                    entry.response.contentType, entry.response.body, entry.response.body.count,
                    now.timeIntervalSince1970,
                    entry.expiresAt?.timeIntervalSince1970, now.timeIntervalSince1970,
                ])
            if try Self.usage(db).bytes > sizeLimit {
                try Self.evict(db, downTo: sizeLimit / 10 * 9, now: now)
            }
        }
    }

    /// Drops what a write by `identity` can make stale: every entry with a
    /// time to live, and every list of a pipeline's workflows (a rerun adds one).
    func invalidate(identity: CacheIdentity) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    DELETE FROM response
                    WHERE identity = ? AND (expires_at IS NOT NULL OR operation = 'listWorkflowsByPipelineId')
                    """,
                arguments: [identity.fingerprint])
        }
    }

    /// Entries and body bytes, kept up to date by triggers.
    static func usage(_ db: Database) throws -> (entries: Int, bytes: Int) {
        let row = try Row.fetchOne(db, sql: "SELECT entries, bytes FROM usage WHERE id = 0")
        return (row?["entries"] ?? 0, row?["bytes"] ?? 0)
    }

    private static func evict(_ db: Database, downTo target: Int, now: Date) throws {
        try db.execute(sql: "DELETE FROM response WHERE expires_at <= ?", arguments: [now.timeIntervalSince1970])
        var excess = try usage(db).bytes - target
        guard excess > 0 else { return }
        var victims: [Data] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT key, size FROM response ORDER BY used_at, rowid")
        while excess > 0, let row = try cursor.next() {
            victims.append(row["key"])
            excess -= row["size"] as Int
        }
        for key in victims {
            try db.execute(sql: "DELETE FROM response WHERE key = ?", arguments: [key])
        }
    }
}
