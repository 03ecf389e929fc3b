import Foundation

extension Value {
    /// The value as one table cell or `vertical` value, safe on a terminal:
    /// no quotes on strings, control characters escaped (``TerminalText``),
    /// compact timestamps and durations, doubles rounded
    /// (``roundedNumberText(_:)``), empty for `null`, a short summary for lists
    /// and records.
    public var cellText: String {
        switch self {
        case .null: return ""
        case .string(let string): return TerminalText.escaped(string)
        case .timestamp(let date): return Timestamp.formatCompact(date)
        case .double(let double): return Value.roundedNumberText(double)
        case .list(let elements):
            if elements.isEmpty { return "[]" }
            if elements.count <= 5, elements.allSatisfy({ $0.isScalar }) {
                return elements.map(\.cellText).joined(separator: ", ")
            }
            return "[\(elements.count) items]"
        case .record(let record):
            if record.fields.isEmpty { return "{}" }
            let inner = record.fields.prefix(3).map {
                "\(TerminalText.escaped($0.key)): \($0.value.isScalar ? $0.value.cellText : "…")"
            }
            return "{" + inner.joined(separator: ", ") + (record.fields.count > 3 ? ", …}" : "}")
        default:
            return plainText
        }
    }

    /// A double as tables and `vertical` show it: at most three decimals
    /// (`0.789473684211` → `0.789`, `889.3499999999999` → `889.35`), but three
    /// significant digits for numbers under 0.1 (`0.000123456` → `0.000123`),
    /// trailing zeros dropped, whole numbers without a point. JSON, NDJSON,
    /// CSV and `raw` keep every digit.
    public static func roundedNumberText(_ double: Double) -> String {
        guard double.isFinite else { return jsonNumber(double) }
        if double == double.rounded(), abs(double) < 1e15 { return jsonNumber(double) }
        let magnitude = abs(double)
        if magnitude >= 1e15 || magnitude < 1e-9 { return String(format: "%.3g", double) }
        let decimals = magnitude < 0.1 ? 2 - Int(log10(magnitude).rounded(.down)) : 3
        var text = String(format: "%.\(decimals)f", double)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Not a list or record.
    public var isScalar: Bool {
        switch self {
        case .list, .record: false
        default: true
        }
    }

    /// Numbers and durations align right in tables.
    var alignsRight: Bool {
        switch self {
        case .int, .double, .duration: true
        default: false
        }
    }
}
