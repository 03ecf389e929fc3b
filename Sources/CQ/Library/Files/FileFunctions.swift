import Foundation
internal import JSONCore

/// `open(path)` and `stdin()`: JSON data from a local file, a pipe or
/// standard input, read as it is consumed.
///
/// A top-level array is read element by element and NDJSON line by line, on
/// a thread of its own with bounded read-ahead: `count`, `where`, `take` and
/// NDJSON output never hold the whole input, and `open(f) | take 1` stops
/// reading after the first row. A single object or scalar is one value.
enum FileFunctions {
    static let all: [Builtin] = [
        Builtin(
            "open", kind: .source,
            parameters: [
                Parameter("path", .string, summary: "a .json or .ndjson file, or \"-\" for standard input"),
                format,
            ],
            summary: "Reads JSON or NDJSON data from a local file, or standard input (\"-\"), as rows.",
            details: """
                Rows stream as they are read: a JSON array element by element, NDJSON (also .jsonl) line by \
                line, or JSON values one after another (such as jq's output); a file holding one object or \
                scalar is that one value. `open(f) | where … | count` never holds the whole file. Save data \
                with `cq -e '…' --format ndjson > runs.ndjson`; read another tool's output with \
                `… | cq -e 'open("-") | …'` (then the program comes from -e or a file, not standard input). \
                Errors in the data say where: `runs.ndjson:3:14: not valid JSON: …`.
                """,
            examples: [
                "open(\"jobs.ndjson\") | where status == \"failed\" | count",
                "open(\"-\") | group by name with n: count(), p50: median(duration)",
            ],
            result: .fixed(.any), effect: .readsFiles,
            implementation: .function { invocation in
                let path = try invocation.requiredString("path")
                let input: DataInput =
                    path == "-" ? .standardInput : .file(path: (path as NSString).expandingTildeInPath)
                return try await read(input, layout: try layout(invocation, path: path), invocation: invocation)
            }),
        Builtin(
            "stdin", kind: .source, parameters: [format],
            summary: "Reads JSON or NDJSON data from standard input, as rows: the same as open(\"-\").",
            details: "For `gh api … | cq -e 'stdin() | …'`. Standard input can be read once.",
            examples: ["stdin() | where status == \"failed\" | count"],
            result: .fixed(.any), effect: .readsFiles,
            implementation: .function { invocation in
                try await read(.standardInput, layout: try layout(invocation, path: "-"), invocation: invocation)
            }),
    ]

    private static let format = Parameter(
        "format", .string, required: false, labelled: true,
        summary: "\"json\", \"ndjson\" or \"auto\" (default: ndjson for .ndjson and .jsonl files, else auto)")

    /// How to read the input: as asked, by extension, or found from the data.
    private static func layout(_ invocation: Invocation, path: String) throws -> JSONLayout {
        if let format = try invocation.string("format") {
            guard let layout = JSONLayout(rawValue: format.lowercased()) else {
                throw BuiltinError(
                    "`format` of \(invocation.name) must be \"json\", \"ndjson\" or \"auto\", not \"\(format)\"",
                    notes: ["\"ndjson\" reads one JSON value per line, as it arrives"])
            }
            return layout
        }
        let lowercased = path.lowercased()
        return lowercased.hasSuffix(".ndjson") || lowercased.hasSuffix(".jsonl") ? .lines : .automatic
    }

    private static func read(_ input: DataInput, layout: JSONLayout, invocation: Invocation) async throws
        -> PipelineData
    {
        if case .standardInput = input, case .unavailable(let reason) = invocation.context.options.standardInput {
            throw BuiltinError(
                "\(invocation.name) cannot read data from standard input: \(reason)", kind: .permission,
                notes: ["pass the data as a file instead: open(\"data.json\")"])
        }
        if layout == .lines {
            // Nothing to find out first: read when (and each time) the rows are.
            return .stream(RowReader.stream(input, layout: layout, started: nil))
        }
        let channel = try RowReader.start(input, layout: layout)
        switch try await channel.awaitStart() {
        case .single(let value):
            return .value(value)
        case .rows:
            return .stream(RowReader.stream(input, layout: layout, started: channel))
        }
    }
}
