/// How results are written.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// Aligned columns that fit the terminal; the default on a terminal.
    case table
    /// One JSON document: a list becomes an array, a record an object.
    case json
    /// One JSON value per line, written as rows arrive.
    case ndjson
    /// Comma-separated values with a header row.
    case csv
    /// One `field: value` block per record, for wide records.
    case vertical
    /// Text as it is, for pipes and files: each row (each element of a list)
    /// written as `string(row)` would, followed by a newline. Strings are
    /// verbatim, control characters included; records and lists are compact
    /// JSON, `null` is `null`. Streams rows as they arrive, like NDJSON.
    case raw
}

/// Where rendered output goes: the CLI passes standard output, tests a string.
public protocol TextSink: Sendable {
    /// Writes `text` as is.
    func write(_ text: String) async
}

/// A sink that keeps everything written, for tests and embedders.
public actor StringSink: TextSink {
    /// Everything written so far.
    public private(set) var text = ""

    /// Creates an empty sink.
    public init() {}

    public func write(_ text: String) async { self.text += text }
}
