import Foundation
internal import JSONCore

extension Value {
    /// The value as JSON text.
    ///
    /// Timestamps become ISO 8601 strings, durations a number of seconds,
    /// records objects with their keys in order; non-finite floats become
    /// `null`. Strings escape what JSON requires and the characters that could
    /// drive a terminal (DEL, C1 and bidirectional controls, …), as `\uXXXX`.
    ///
    /// - Parameter indentLevel: for pretty output nested in other output, the
    ///   number of two-space indents of the lines after the first.
    public func jsonText(pretty: Bool = false, indentLevel: Int = 0) -> String {
        var writer = JSONWriter()
        writeJSON(to: &writer, pretty: pretty, indent: indentLevel)
        return writer.text
    }

    /// Appends the value's JSON text, compact, to `bytes` (NDJSON output
    /// gathers many rows in one buffer).
    public func appendJSON(to bytes: inout [UInt8]) {
        var writer = JSONWriter(reservingCapacity: 0)
        swap(&writer.bytes, &bytes)
        writeJSON(to: &writer, pretty: false, indent: 0)
        swap(&writer.bytes, &bytes)
    }

    func writeJSON(to writer: inout JSONWriter, pretty: Bool, indent: Int) {
        switch self {
        case .null: writer.null()
        case .bool(let bool): writer.bool(bool)
        case .int(let int): writer.integer(int)
        case .double(let double): writer.double(double)
        case .string(let string): writer.string(string)
        case .timestamp(let date): writer.string(Timestamp.format(date))
        case .duration(let duration): writer.double(duration.seconds)
        case .list(let list):
            guard !list.isEmpty else { return writer.write("[]") }
            writer.write("[")
            for (index, element) in list.enumerated() {
                if index > 0 { writer.write(",") }
                if pretty { writer.newline(indent: indent + 1) }
                element.writeJSON(to: &writer, pretty: pretty, indent: indent + 1)
            }
            if pretty { writer.newline(indent: indent) }
            writer.write("]")
        case .record(let record):
            guard !record.fields.isEmpty else { return writer.write("{}") }
            writer.write("{")
            var first = true
            for (key, value) in record.fields {
                if !first { writer.write(",") }
                first = false
                if pretty { writer.newline(indent: indent + 1) }
                writer.string(key)
                writer.write(pretty ? ": " : ":")
                value.writeJSON(to: &writer, pretty: pretty, indent: indent + 1)
            }
            if pretty { writer.newline(indent: indent) }
            writer.write("}")
        }
    }

    /// A double as JSON writes it: integral ones below 10^15 without a
    /// fraction, others in their shortest exact form.
    static func jsonNumber(_ double: Double) -> String {
        guard double.isFinite else { return String(double) }
        var writer = JSONWriter(reservingCapacity: 24)
        writer.double(double)
        return writer.text
    }
}
