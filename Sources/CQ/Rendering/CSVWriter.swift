/// RFC 4180 comma-separated values, nested records flattened to dotted columns.
///
/// The dialect: UTF-8 without a byte-order mark; a header row; records end
/// with CRLF; a field is quoted when it contains a comma, a double quote, a
/// carriage return or a line feed, or starts or ends with a space or tab (so a
/// reader that trims unquoted fields keeps them), and a double quote inside a
/// quoted field is doubled. An empty string is written `""`, `null` as an
/// empty field (readers such as PostgreSQL's `COPY … CSV` tell them apart),
/// except when it is a record's only field: a blank line would lose the record.
/// Values are exact: every character of a string is kept (nothing escaped),
/// numbers keep every digit, timestamps are ISO 8601, durations seconds, lists
/// and records JSON.
enum CSVWriter {
    static func text(for rows: [Value]) -> String {
        guard !rows.isEmpty else { return "" }
        let flattened = rows.map { VerticalLayout.flatten($0) }
        var columns: [String] = []
        var seen = Set<String>()
        for pairs in flattened {
            for (key, _) in pairs where seen.insert(key).inserted { columns.append(key) }
        }
        var output = columns.map(quote).joined(separator: ",") + "\r\n"
        for pairs in flattened {
            let values = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            let record = columns.map { column in
                // `null` is an empty field, an empty string a quoted one (`""`).
                guard let value = values[column], !value.isNull else { return "" }
                return quote(cell(value))
            }.joined(separator: ",")
            // A blank line is no record to most readers: one empty field is quoted.
            output += (record.isEmpty ? "\"\"" : record) + "\r\n"
        }
        return output
    }

    private static func cell(_ value: Value) -> String {
        switch value {
        case .timestamp(let date): Timestamp.format(date)
        case .duration(let duration): Value.jsonNumber(duration.seconds)
        case .list, .record: value.jsonText()
        default: value.plainText
        }
    }

    /// `field` as RFC 4180 writes it. Scalars, not characters: `"\r\n"` is one
    /// `Character` in Swift, equal to neither `"\r"` nor `"\n"`.
    static func quote(_ field: String) -> String {
        let scalars = field.unicodeScalars
        let special = scalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        let isBlank: (Unicode.Scalar?) -> Bool = { $0 == " " || $0 == "\t" }
        let padded = isBlank(scalars.first) || isBlank(scalars.last)
        guard special || padded || field.isEmpty else { return field }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in scalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }
}
