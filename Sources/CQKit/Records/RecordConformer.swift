import CQ
import OrderedCollections

/// Shapes encoded models into records that follow their schema: fields in
/// the document's order, absent optional fields present as `null`, date
/// strings turned into timestamps, numbers of seconds in `duration` fields
/// turned into durations, and the schema's name as the record type.
enum RecordConformer {
    /// `value` conformed to `schema`; extra keys the schema does not list are kept at the end.
    static func conform(_ value: Value, to schema: RecordSchema, typeName: String? = nil) -> Value {
        guard case .record(let record) = value else { return value }
        var fields = OrderedDictionary<String, Value>()
        for field in schema.fields where !field.isDerived {
            fields[field.name] = conform(record[field.name] ?? .null, to: field.type)
        }
        for (key, inner) in record.fields where fields[key] == nil && schema.field(key)?.isDerived != true {
            fields[key] = inner
        }
        return .record(Record(fields, typeName: typeName))
    }

    private static func conform(_ value: Value, to type: ValueType) -> Value {
        switch (type.unwrapped, value) {
        case (.timestamp, .string(let text)):
            return Timestamp.parse(text).map(Value.timestamp) ?? value
        case (.duration, .int(let seconds)):
            return .duration(.seconds(seconds))
        case (.duration, .double(let seconds)):
            return .duration(.seconds(fromDouble: seconds))
        case (.record(let schema), .record) where !schema.fields.isEmpty:
            return conform(value, to: schema)
        case (.list(let element), .list(let elements)):
            return .list(elements.map { conform($0, to: element) })
        default:
            return value
        }
    }
}
