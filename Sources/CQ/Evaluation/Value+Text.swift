extension Value {
    /// The value as plain text, for string interpolation and `string(x)`:
    /// strings without quotes, timestamps in ISO 8601, durations in compact form,
    /// lists and records as JSON.
    public var plainText: String {
        switch self {
        case .null: "null"
        case .bool(let bool): bool ? "true" : "false"
        case .int(let int): String(int)
        case .double(let double): Value.jsonNumber(double)
        case .string(let string): string
        case .timestamp(let date): Timestamp.format(date)
        case .duration(let duration): duration.humanReadable
        case .list, .record: jsonText()
        }
    }
}
