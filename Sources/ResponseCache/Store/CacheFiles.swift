import Foundation

/// The cache's place on disk: a directory only its owner can enter, and a
/// database file (with its `-wal` and `-shm` companions) only its owner can read.
enum CacheFiles {
    /// The companions SQLite keeps beside a WAL-mode database.
    static let companionSuffixes = ["-wal", "-shm"]

    /// Every file of the database at `file`: itself, its WAL and shared memory.
    static func all(of file: URL) -> [URL] {
        [file] + companionSuffixes.map { URL(fileURLWithPath: file.path + $0) }
    }

    /// Makes the directory (0700) and the database file (0600) before SQLite
    /// opens it; SQLite gives the `-wal` and `-shm` files the database's mode.
    static func prepare(database file: URL) throws {
        let directory = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CacheFailure.unusableDirectory(directory, error)
        }
        guard chmod(directory.path, 0o700) == 0 else {
            throw CacheFailure.unusableDirectory(directory, POSIXError.current)
        }
        let descriptor = Foundation.open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw CacheFailure.unusableFile(file, POSIXError.current) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw CacheFailure.unusableFile(file, POSIXError.current) }
        for companion in all(of: file).dropFirst() where FileManager.default.fileExists(atPath: companion.path) {
            _ = chmod(companion.path, 0o600)
        }
    }

    /// The bytes the database's files take on disk.
    static func size(of file: URL) -> Int {
        all(of: file).reduce(0) { total, url in
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }

    /// Removes the database's files; a missing file is not an error.
    static func remove(database file: URL) throws {
        for url in all(of: file) where FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.removeItem(at: url)
        }
    }
}

extension POSIXError {
    /// The error `errno` names now.
    static var current: POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
