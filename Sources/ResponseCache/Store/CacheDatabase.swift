import Foundation
import GRDB

/// The SQLite database behind a ``ResponseCache``: one WAL-mode file that
/// several processes share, only its owner can read, and that waits a short
/// while, never long, for another process's write.
struct CacheDatabase: Sendable {
    /// The schema this code reads and writes (`PRAGMA user_version`).
    static let schemaVersion = 1

    let pool: DatabasePool

    /// Opens (creating when missing) the database at `file`, with its directory.
    ///
    /// Blocks on file system and SQLite calls: call it off the cooperative pool.
    ///
    /// - Throws: ``CacheFailure`` or GRDB's `DatabaseError` (a corrupt or
    ///   foreign file, a lock held too long).
    static func open(at file: URL, busyTimeout: Duration) throws -> CacheDatabase {
        try CacheFiles.prepare(database: file)
        // Opening meets locks SQLite reports at once rather than waiting for
        // (another process switching a new file to WAL, or the last one
        // closing it and cleaning up its WAL): try again a few times.
        var attempt = 1
        while true {
            do {
                return try openPool(at: file, busyTimeout: busyTimeout)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 4 {
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
                attempt += 1
            }
        }
    }

    private static func openPool(at file: URL, busyTimeout: Duration) throws -> CacheDatabase {
        var configuration = Configuration()
        configuration.label = "cq.ResponseCache"
        configuration.busyMode = .timeout(busyTimeout.timeInterval)
        configuration.maximumReaderCount = 4
        configuration.prepareDatabase { db in
            // A cache may lose its last writes on power loss but is never corrupted (WAL).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool = try DatabasePool(path: file.path, configuration: configuration)
        do {
            try pool.write { db in try Self.createSchema(db) }
        } catch {
            try? pool.close()
            throw error
        }
        return CacheDatabase(pool: pool)
    }

    /// Creates the tables once; `CREATE … IF NOT EXISTS` inside the write
    /// lock, so two processes opening a new file at once agree.
    private static func createSchema(_ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version == schemaVersion { return }
        guard version == 0 else { throw CacheFailure.unknownSchema(version) }
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS response (
                    key BLOB NOT NULL UNIQUE,
                    identity TEXT NOT NULL,
                    operation TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    content_type TEXT,
                    body BLOB NOT NULL,
                    size INTEGER NOT NULL,
                    stored_at REAL NOT NULL,
                    expires_at REAL,
                    used_at REAL NOT NULL
                );
                CREATE INDEX IF NOT EXISTS response_by_use ON response(used_at);
                CREATE INDEX IF NOT EXISTS response_by_identity ON response(identity, operation);
                CREATE TABLE IF NOT EXISTS usage (
                    id INTEGER PRIMARY KEY CHECK (id = 0),
                    entries INTEGER NOT NULL,
                    bytes INTEGER NOT NULL
                );
                INSERT OR IGNORE INTO usage (id, entries, bytes) VALUES (0, 0, 0);
                CREATE TRIGGER IF NOT EXISTS response_inserted AFTER INSERT ON response BEGIN
                    UPDATE usage SET entries = entries + 1, bytes = bytes + NEW.size;
                END;
                CREATE TRIGGER IF NOT EXISTS response_deleted AFTER DELETE ON response BEGIN
                    UPDATE usage SET entries = entries - 1, bytes = bytes - OLD.size;
                END;
                CREATE TRIGGER IF NOT EXISTS response_resized AFTER UPDATE OF size ON response BEGIN
                    UPDATE usage SET bytes = bytes - OLD.size + NEW.size;
                END;
                PRAGMA user_version = \(schemaVersion);
                """)
    }
}

extension Duration {
    /// The duration in seconds, as Foundation counts time.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
