import CircleCI
import Foundation
import GRDB

/// A cache of CircleCI API responses in one SQLite file, shared by every
/// client and process that opens the same directory.
///
/// ```swift
/// let metrics = RequestMetrics()
/// let cache = ResponseCache(directory: ResponseCache.defaultDirectory()) { warning in
///     print("warning: \(warning)")
/// }
/// let caching = CachingMiddleware(
///     cache: cache, identity: CacheIdentity(configuration: configuration), metrics: metrics)
/// let client = CircleCIClient(
///     configuration: configuration, transport: URLSessionTransport(), middlewares: [caching], metrics: metrics)
/// ```
///
/// The database is opened on first use, in WAL mode with a short busy
/// timeout, so several processes read and write it at once. It is never the
/// reason a request fails: when the file cannot be opened, is corrupt, or stays
/// locked, the cache calls `onWarning` once and lets every request through to
/// the network. A lock held past the busy timeout once or twice (another
/// process writing on a loaded machine) only skips that write. ``CachingMiddleware`` decides what is stored; this type keeps
/// it within ``Options/sizeLimit``, least recently used out first.
public actor ResponseCache {
    /// The SQLite file (its `-wal` and `-shm` companions sit beside it).
    public nonisolated let databaseURL: URL
    /// The limits and clock the cache was made with.
    public nonisolated let options: Options

    private let onWarning: @Sendable (String) -> Void
    private var state = State.closed
    private var warned = false
    /// Lock timeouts (SQLite's "database is locked") since the last write
    /// that worked: the first ``tolerableLockTimeouts`` are passed over.
    private var lockTimeoutsInARow = 0
    private static let tolerableLockTimeouts = 2

    private enum State {
        case closed
        case opening(Task<Result<CacheDatabase, any Error>, Never>)
        case open(CacheDatabase)
        case failed(any Error)
    }

    /// The name of the database file inside the cache directory.
    public static let databaseFileName = "responses.sqlite"

    /// Creates a cache in `directory`; nothing is touched on disk until first use.
    ///
    /// - Parameters:
    ///   - directory: where the database lives; made (mode 0700) when missing.
    ///   - options: size limit, busy timeout and clock.
    ///   - onWarning: called at most once, with a sentence saying why the cache
    ///     is not used and requests go to the network instead.
    public init(
        directory: URL, options: Options = Options(), onWarning: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.databaseURL = directory.appending(path: Self.databaseFileName, directoryHint: .notDirectory)
        self.options = options
        self.onWarning = onWarning
    }

    /// The directory the database file is in.
    public nonisolated var directory: URL { databaseURL.deletingLastPathComponent() }

    /// The database for a request, or `nil` once the cache is unusable (after warning once).
    func database() async -> CacheDatabase? {
        switch await opened() {
        case .success(let database): return database
        case .failure(let error):
            disable(error)
            return nil
        }
    }

    /// Turns the cache off for the rest of this instance's life after `error`,
    /// warning once; a cancelled task's error is not the cache's fault, and
    /// the first lock timeouts in a row only cost the write that met them.
    func disable(_ error: any Error) {
        if error is CancellationError || Task.isCancelled { return }
        if let database = error as? DatabaseError, database.resultCode == .SQLITE_BUSY,
            lockTimeoutsInARow < Self.tolerableLockTimeouts
        {
            lockTimeoutsInARow += 1
            if case .failed = state { state = .closed }  // open again next time
            return
        }
        state = .failed(error)
        guard !warned else { return }
        warned = true
        onWarning(
            "the response cache at \(databaseURL.path) is not used (\(Self.describe(error))); "
                + "answering from CircleCI. `cq cache clear` starts a new cache.")
    }

    /// The open database, opening it once on a thread outside the cooperative pool.
    func opened() async -> Result<CacheDatabase, any Error> {
        switch state {
        case .open(let database): return .success(database)
        case .failed(let error): return .failure(error)
        case .opening(let task): return await task.value
        case .closed:
            let file = databaseURL
            let busyTimeout = options.busyTimeout
            let task = Task<Result<CacheDatabase, any Error>, Never> {
                let result = await Self.open(file, busyTimeout: busyTimeout)
                switch result {
                case .success(let database): self.state = .open(database)
                case .failure(let error): self.state = .failed(error)
                }
                return result
            }
            state = .opening(task)
            return await task.value
        }
    }

    /// A write worked: the lock is not stuck.
    func writeSucceeded() {
        lockTimeoutsInARow = 0
    }

    /// Forgets the database so the next use opens the file afresh.
    func reset() {
        state = .closed
    }

    private static func open(_ file: URL, busyTimeout: Duration) async -> Result<CacheDatabase, any Error> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: Result { try CacheDatabase.open(at: file, busyTimeout: busyTimeout) })
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "\(error.resultCode)")"
        }
        return "\(error)"
    }
}
