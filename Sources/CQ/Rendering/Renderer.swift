/// Writes evaluation results in one of the ``OutputFormat``s.
///
/// NDJSON and raw output stream: each row is written as it arrives (in
/// batches of the rows that arrive within a few milliseconds, see
/// ``LineBatcher``); JSON, table, vertical and CSV output read all rows
/// first to lay out columns.
///
/// `table` and `vertical` are for people: they escape control characters
/// (``TerminalText``), measure columns with ``DisplayWidth`` and round doubles
/// (``Value/roundedNumberText(_:)``). JSON, NDJSON, CSV and raw are exact.
public struct Renderer: Sendable {
    /// The output format.
    public var format: OutputFormat
    /// The terminal width tables must fit, or `nil` for no limit.
    public var width: Int?
    /// Whether ANSI styling may be used.
    public var colored: Bool
    /// Record schemas, for the default table columns of API records.
    public var registry: BuiltinRegistry
    /// The most rows a format that lays out all rows at once (table,
    /// vertical, CSV) reads; streaming formats have no limit.
    public var maxRows: Int

    /// Creates a renderer.
    public init(
        format: OutputFormat, width: Int? = nil, colored: Bool = false, registry: BuiltinRegistry = .init(),
        maxRows: Int = EvaluationOptions().maxRowsPerStage
    ) {
        self.format = format
        self.width = width
        self.colored = colored
        self.registry = registry
        self.maxRows = maxRows
    }

    /// Writes `data` to `sink`, ending with a newline.
    ///
    /// NDJSON and raw output write each row as it arrives; the other formats
    /// read every row first, so what they write is complete (JSON is a valid
    /// document or nothing).
    ///
    /// - Returns: how many rows were written (1 for a single value).
    /// - Throws: ``OutputInterrupted`` when reading `data` fails, saying how
    ///   many rows were written before.
    @discardableResult
    public func render(_ data: PipelineData, to sink: some TextSink) async throws -> Int {
        var written = 0
        do {
            return try await render(data, to: sink, counting: &written)
        } catch let error as RuntimeError where error.diagnostic.id == "row-limit" {
            throw error
        } catch {
            throw OutputInterrupted(underlying: error, rowsWritten: written, format: format)
        }
    }

    private func render(_ data: PipelineData, to sink: some TextSink, counting written: inout Int) async throws -> Int {
        switch (format, data) {
        case (.ndjson, _), (.raw, _):
            let lines = LineBatcher(sink: sink)
            var line: [UInt8] = []
            do {
                for try await row in data.rows {
                    line.removeAll(keepingCapacity: true)
                    if format == .ndjson {
                        row.appendJSON(to: &line)
                    } else {
                        line.append(contentsOf: row.plainText.utf8)
                    }
                    line.append(UInt8(ascii: "\n"))
                    await lines.append(line)
                    written += 1
                }
            } catch {
                // The rows before the error are written all the same.
                await lines.finish()
                throw error
            }
            await lines.finish()
            return written
        case (.json, .stream):
            let rows = try await rows(of: data)
            await sink.write(Value.list(rows).jsonText(pretty: true) + "\n")
            return rows.count
        case (.json, .value(let value)):
            await sink.write(value.jsonText(pretty: true) + "\n")
            return value.listValue?.count ?? 1
        case (.csv, _):
            let rows = try await rows(of: data)
            await sink.write(CSVWriter.text(for: rows))
            return rows.count
        case (.vertical, _):
            let rows = try await rows(of: data)
            await sink.write(VerticalLayout(colored: colored).text(for: rows))
            return rows.count
        case (.table, .value(let value)) where !value.isListOrRecord:
            await sink.write(Self.scalarText(value))
            return 1
        case (.table, .value(.record(let record))):
            await sink.write(TableLayout(width: width, colored: colored).keyValueText(for: record))
            return 1
        case (.table, _):
            let rows = try await rows(of: data)
            await sink.write(TableLayout(width: width, colored: colored).text(for: rows, columns: columns(for: rows)))
            return rows.count
        }
    }

    /// A single value in a table: a string's lines, each escaped; a double
    /// rounded; anything else as `string(value)` shows it.
    static func scalarText(_ value: Value) -> String {
        switch value {
        case .string(let string): TerminalText.escapedLines(string).map { $0 + "\n" }.joined()
        case .double(let double): Value.roundedNumberText(double) + "\n"
        default: value.plainText + "\n"
        }
    }

    private func rows(of data: PipelineData) async throws -> [Value] {
        switch data {
        case .value(.list(let values)): return values
        case .value(let value): return [value]
        case .stream(let stream):
            var values: [Value] = []
            for try await value in stream {
                values.append(value)
                if values.count > maxRows {
                    throw RuntimeError(
                        .limit, id: "row-limit", message: "more than \(maxRows) rows to lay out as \(format.rawValue)",
                        range: .at(0), notes: ["use --format ndjson to stream them, or narrow the query, e.g. with `| take 500`"])
                }
            }
            return values
        }
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
