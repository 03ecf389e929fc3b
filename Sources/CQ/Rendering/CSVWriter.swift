/// RFC 4180 comma-separated values, nested records flattened to dotted columns.
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
            output += columns.map { quote(cell(values[$0] ?? .null)) }.joined(separator: ",") + "\r\n"
        }
        return output
    }

    private static func cell(_ value: Value) -> String {
        switch value {
        case .null: ""
        case .timestamp(let date): Timestamp.format(date)
        case .duration(let duration): Value.jsonNumber(duration.seconds)
        case .list, .record: value.jsonText()
        default: value.plainText
        }
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
