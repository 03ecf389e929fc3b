import Foundation
import Synchronization

/// What one evaluation may do and how far it may go.
public struct EvaluationOptions: Sendable {
    /// Allow builtins that change CircleCI state. Off by default.
    public var allowWrites: Bool
    /// Allow builtins that read local files (`open`). Off by default: an
    /// embedder running query text it did not write decides; the `cq` CLI allows it.
    public var allowFiles: Bool
    /// The most steps an evaluation may take: expression steps, plus the work
    /// of builtins in proportion to the size of their arguments.
    public var maxSteps: Int
    /// The longest string a query may build, in UTF-8 bytes.
    public var maxStringBytes: Int
    /// The most elements a list (and fields a record) a query builds may have.
    public var maxListCount: Int
    /// The deepest user-function recursion allowed.
    public var maxDepth: Int
    /// Wall-clock limit for the whole evaluation.
    public var timeout: Duration?
    /// At most this many rows flow into stages that must read everything
    /// (`sort`, `group by`, `count`, `last`), so an unbounded API list cannot
    /// page forever.
    public var maxRowsPerStage: Int
    /// The most HTTP requests in flight at once for the whole query (the
    /// engine's limit), however its stages nest.
    public var concurrency: Int
    /// The most HTTP requests one run may make in all (retries included), or
    /// `nil` for no limit; the engine stops the run with an error past it.
    public var maxRequests: Int?
    /// Whether `open("-")` and `stdin()` may read the process's standard
    /// input (with ``allowFiles``). Not by default: an embedder decides; the
    /// `cq` CLI allows it unless the program itself came from standard input.
    public var standardInput: StandardInputAccess

    /// How many rows fan-outs (`jobs`, `tests`, …) and stages that make
    /// requests work on ahead of their consumer: twice ``concurrency``, so
    /// that rows finished early never leave requests waiting to be sent.
    public var readAhead: Int { 2 * max(1, concurrency) }

    /// Creates options; the defaults are safe for query text from anyone:
    /// read-only, no files, generous but finite limits (steps, sizes, rows,
    /// 2,000 requests). Add a ``timeout`` for a wall-clock limit.
    public init(
        allowWrites: Bool = false,
        allowFiles: Bool = false,
        maxSteps: Int = 50_000_000,
        maxStringBytes: Int = 64 << 20,
        maxListCount: Int = 10_000_000,
        maxDepth: Int = 200,
        timeout: Duration? = nil,
        maxRowsPerStage: Int = 100_000,
        concurrency: Int = 8,
        maxRequests: Int? = 2_000,
        standardInput: StandardInputAccess = .unavailable(reason: "this evaluation has no standard input to read")
    ) {
        self.allowWrites = allowWrites
        self.allowFiles = allowFiles
        self.maxSteps = maxSteps
        self.maxStringBytes = maxStringBytes
        self.maxListCount = maxListCount
        self.maxDepth = maxDepth
        self.timeout = timeout
        self.maxRowsPerStage = maxRowsPerStage
        self.concurrency = concurrency
        self.maxRequests = maxRequests
        self.standardInput = standardInput
    }
}

/// Whether an evaluation may read data from the process's standard input.
public enum StandardInputAccess: Sendable, Hashable {
    /// `open("-")` and `stdin()` read it (once).
    case readable
    /// They fail, saying `reason` (e.g. "the program itself was read from it").
    case unavailable(reason: String)
}

/// The shared state of one evaluation: clock, options, step counter, memo
/// and background tasks.
///
/// A value type whose shared parts (counter, memo, tasks) are thread-safe
/// references, so builtins running concurrently see one evaluation.
public struct EvaluationContext: Sendable {
    /// The instant `now()` returns, fixed for the whole evaluation.
    public let now: Date
    /// Permissions and limits.
    public let options: EvaluationOptions
    /// Everything the query can name.
    public let registry: BuiltinRegistry
    /// Results remembered during the evaluation (derived fields, repeated fetches).
    public let memo: Memo
    /// The unstructured tasks the evaluation started (read-ahead, memoised
    /// computations), to cancel and await when it ends.
    public let tasks: BackgroundTasks
    let meter: StepMeter

    /// Creates the context for one evaluation.
    public init(registry: BuiltinRegistry, options: EvaluationOptions = .init(), now: Date = Date()) {
        self.now = now
        self.options = options
        self.registry = registry
        self.tasks = BackgroundTasks()
        self.memo = Memo(tasks: tasks)
        self.meter = StepMeter(limit: options.maxSteps)
    }

    /// The number of expression steps taken so far.
    public var steps: Int { meter.count }
}

/// Counts evaluation steps against a limit: one atomic addition per charge,
/// so the rows of a stream can be evaluated without a lock per step.
final class StepMeter: Sendable {
    private let counter = Atomic(0)
    let limit: Int

    init(limit: Int) { self.limit = limit }

    var count: Int { counter.load(ordering: .relaxed) }

    /// Counts one step; `false` once the limit is passed.
    func step() -> Bool {
        charge(1)
    }

    /// Counts `units` steps of work at once; `false` once the limit is passed.
    func charge(_ units: Int) -> Bool {
        let (_, total) = counter.wrappingAdd(units, ordering: .relaxed)
        // Far below overflow: a total past the limit stays past it.
        return total >= 0 && total <= limit
    }
}
