/// Reading the result failed while it was being written: the rows already
/// written stay written, and the error says how many there were.
public struct OutputInterrupted: Error, Sendable {
    /// Why reading stopped (a ``RuntimeError``, a cancellation, …).
    public let underlying: any Error
    /// The rows written before it.
    public let rowsWritten: Int
    /// The output format, which decides what a partial result looks like.
    public let format: OutputFormat

    /// One line for the user: what was written, and what to do to keep more.
    public var note: String {
        switch format {
        case .ndjson, .raw:
            rowsWritten == 1 ? "1 row was written before the error" : "\(rowsWritten) rows were written before the error"
        case .json:
            "no JSON was written: it would have been incomplete; --format ndjson writes rows as they arrive"
        case .table, .csv, .vertical:
            "nothing was written: \(format.rawValue) output needs every row; --format ndjson writes rows as they arrive"
        }
    }
}
