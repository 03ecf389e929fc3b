/// What an expression or a stage produces: a value, or a lazy stream of values.
///
/// Stages accept either. A list value and a stream are both sequences of rows;
/// any other value is a single row.
public enum PipelineData: Sendable {
    /// A plain value.
    case value(Value)
    /// A lazy stream, typically an API list.
    case stream(ValueStream)

    /// The rows as a stream: a stream itself, a list's elements, or the single value.
    public var rows: ValueStream {
        switch self {
        case .stream(let stream): stream
        case .value(.list(let values)): ValueStream(values)
        case .value(let value): ValueStream([value])
        }
    }

    /// Whether this is a sequence of rows (a stream or a list) rather than one value.
    public var isSequence: Bool {
        switch self {
        case .stream, .value(.list): true
        case .value: false
        }
    }

    /// The data as a value, reading a stream to its end.
    public func collect() async throws -> Value {
        switch self {
        case .value(let value): value
        case .stream(let stream): .list(try await stream.collect())
        }
    }
}
