import Foundation

extension DecodingError {
    /// A one-line account of what failed to decode and where, without echoing the data.
    var summary: String {
        switch self {
        case .typeMismatch(let type, let context):
            return "\(Self.path(context)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(Self.path(context)): expected \(type), found null"
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : " in \(Self.path(context))"
            return "missing field `\(key.stringValue)`\(parent)"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "the body is not valid JSON (truncated or malformed)"
            }
            return "\(Self.path(context)): \(context.debugDescription)"
        @unknown default:
            return "the body does not match the expected shape"
        }
    }

    private static func path(_ context: Context) -> String {
        guard !context.codingPath.isEmpty else { return "the body" }
        var text = ""
        for key in context.codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return "field `\(text)`"
    }
}
