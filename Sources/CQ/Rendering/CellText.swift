import Foundation

extension Value {
    /// The value as one table or CSV cell: no quotes on strings, compact
    /// timestamps and durations, numbers to 12 significant digits, empty for `null`, a short summary for
    /// lists and records, newlines shown as `⏎`.
    public var cellText: String {
        switch self {
        case .null: return ""
        case .string(let string): return string.replacingOccurrences(of: "\n", with: "⏎")
        case .timestamp(let date): return Timestamp.formatCompact(date)
        case .double(let double):
            // 12 significant digits: binary noise such as 889.3499999999999 shows as 889.35.
            guard double.isFinite, let rounded = Double(String(format: "%.12g", double)) else { return plainText }
            return Value.jsonNumber(rounded)
        case .list(let elements):
            if elements.isEmpty { return "[]" }
            if elements.count <= 5, elements.allSatisfy({ $0.isScalar }) {
                return elements.map(\.cellText).joined(separator: ", ")
            }
            return "[\(elements.count) items]"
        case .record(let record):
            if record.fields.isEmpty { return "{}" }
            let inner = record.fields.prefix(3).map { "\($0.key): \($0.value.isScalar ? $0.value.cellText : "…")" }
            return "{" + inner.joined(separator: ", ") + (record.fields.count > 3 ? ", …}" : "}")
        default:
            return plainText
        }
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
