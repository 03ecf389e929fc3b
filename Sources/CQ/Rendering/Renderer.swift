/// Writes evaluation results in one of the ``OutputFormat``s.
///
/// JSON, NDJSON streams are written row by row as they arrive; table,
/// vertical and CSV output read all rows first to lay out columns.
public struct Renderer: Sendable {
    /// The output format.
    public var format: OutputFormat
    /// The terminal width tables must fit, or `nil` for no limit.
    public var width: Int?
    /// Whether ANSI styling may be used.
    public var colored: Bool
    /// Record schemas, for the default table columns of API records.
    public var registry: BuiltinRegistry

    /// Creates a renderer.
    public init(format: OutputFormat, width: Int? = nil, colored: Bool = false, registry: BuiltinRegistry = .init()) {
        self.format = format
        self.width = width
        self.colored = colored
        self.registry = registry
    }

    /// Writes `data` to `sink`, ending with a newline.
    public func render(_ data: PipelineData, to sink: some TextSink) async throws {
        switch (format, data) {
        case (.ndjson, _):
            for try await row in data.rows { await sink.write(row.jsonText() + "\n") }
        case (.json, .stream(let stream)):
            try await writeJSONArray(stream, to: sink)
        case (.json, .value(let value)):
            await sink.write(value.jsonText(pretty: true) + "\n")
        case (.csv, _):
            await sink.write(CSVWriter.text(for: try await rows(of: data)))
        case (.vertical, _):
            await sink.write(VerticalLayout(colored: colored).text(for: try await rows(of: data)))
        case (.table, .value(let value)) where !value.isListOrRecord:
            await sink.write(value.plainText + "\n")
        case (.table, .value(.record(let record))):
            await sink.write(TableLayout(width: width, colored: colored).keyValueText(for: record))
        case (.table, _):
            let rows = try await rows(of: data)
            await sink.write(TableLayout(width: width, colored: colored).text(for: rows, columns: columns(for: rows)))
        }
    }

    private func rows(of data: PipelineData) async throws -> [Value] {
        switch data {
        case .value(.list(let values)): values
        case .value(let value): [value]
        case .stream(let stream): try await stream.collect()
        }
    }

    private func writeJSONArray(_ stream: ValueStream, to sink: some TextSink) async throws {
        var first = true
        for try await row in stream {
            await sink.write((first ? "[\n  " : ",\n  ") + row.jsonText(pretty: true, indentLevel: 1))
            first = false
        }
        await sink.write(first ? "[]\n" : "\n]\n")
    }

    /// The columns of a table: a schema's table columns when every row is a
    /// record of that schema, otherwise every key in order of appearance.
    func columns(for rows: [Value]) -> [TableLayout.Column] {
        let records = rows.compactMap(\.recordValue)
        if let typeName = records.first?.typeName, records.count == rows.count,
            records.allSatisfy({ $0.typeName == typeName }),
            let schema = registry.schema(named: typeName), !schema.tableColumns.isEmpty
        {
            return schema.tableColumns.map { TableLayout.Column(spec: $0) }
        }
        var seen = Set<String>()
        var columns: [TableLayout.Column] = []
        for record in records {
            for key in record.keys where seen.insert(key).inserted { columns.append(.init(path: key, isPath: false)) }
        }
        if records.count < rows.count { columns.append(.init(path: "value", isPath: false, isWholeRow: true)) }
        return columns
    }
}

extension Value {
    var isListOrRecord: Bool { !isScalar }
}
