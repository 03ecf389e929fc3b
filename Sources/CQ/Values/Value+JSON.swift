import Foundation

extension Value {
    /// The value as JSON text.
    ///
    /// Timestamps become ISO 8601 strings, durations a number of seconds,
    /// records objects with their keys in order; non-finite floats become `null`.
    ///
    /// - Parameter indentLevel: for pretty output nested in other output, the
    ///   number of two-space indents of the lines after the first.
    public func jsonText(pretty: Bool = false, indentLevel: Int = 0) -> String {
        var output = ""
        writeJSON(to: &output, pretty: pretty, indent: indentLevel)
        return output
    }

    private func writeJSON(to output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null:
            output += "null"
        case .bool(let bool):
            output += bool ? "true" : "false"
        case .int(let int):
            output += String(int)
        case .double(let double):
            output += double.isFinite ? Self.jsonNumber(double) : "null"
        case .string(let string):
            Self.writeJSONString(string, to: &output)
        case .timestamp(let date):
            Self.writeJSONString(Timestamp.format(date), to: &output)
        case .duration(let duration):
            output += Self.jsonNumber(duration.seconds)
        case .list(let list):
            writeContainer(list, open: "[", close: "]", to: &output, pretty: pretty, indent: indent) {
                element, output, indent in element.writeJSON(to: &output, pretty: pretty, indent: indent)
            }
        case .record(let record):
            let entries = Array(record.fields)
            writeContainer(entries, open: "{", close: "}", to: &output, pretty: pretty, indent: indent) {
                entry, output, indent in
                Self.writeJSONString(entry.key, to: &output)
                output += pretty ? ": " : ":"
                entry.value.writeJSON(to: &output, pretty: pretty, indent: indent)
            }
        }
    }

    private func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, to output: inout String,
        pretty: Bool, indent: Int, writeElement: (Element, inout String, Int) -> Void
    ) {
        guard !elements.isEmpty else {
            output += open + close
            return
        }
        output += open
        for (index, element) in elements.enumerated() {
            if index > 0 { output += "," }
            if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
            writeElement(element, &output, indent + 1)
        }
        if pretty { output += "\n" + String(repeating: "  ", count: indent) }
        output += close
    }

    static func jsonNumber(_ double: Double) -> String {
        if double == double.rounded(), abs(double) < 1e15 { return String(Int(double)) }
        return String(double)
    }

    static func writeJSONString(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where TerminalText.isEscaped(scalar):
                // Controls must be escaped; DEL, C1 and bidirectional controls
                // may be, and are, so JSON on a terminal cannot drive it.
                output += "\\u" + String(format: "%04x", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
