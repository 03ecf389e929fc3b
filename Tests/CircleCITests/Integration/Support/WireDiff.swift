import CircleCI
import Foundation

/// Compares the JSON the simulator sent with the JSON the client's model
/// writes back after decoding it.
///
/// A key the server sent that the model drops means the client misreads or
/// ignores a field; a key the model writes that the server never sent means
/// the server omits a field the client expects. Either is a disagreement about
/// the API to settle from the OpenAPI document.
enum WireDiff {
    /// One disagreement, at a path such as `items[3].vcs.commit.subject`.
    struct Difference: Hashable, CustomStringConvertible {
        enum Kind: String {
            case dropped = "sent but not decoded"
            case invented = "decoded but never sent"
            case changed = "decoded to another value"
        }

        let path: String
        let kind: Kind
        let detail: String

        var description: String { "\(path): \(kind.rawValue)\(detail.isEmpty ? "" : " (\(detail))")" }
    }

    /// The differences between `sent` and `model` re-encoded by the client.
    static func differences(sent: Data, model: some Encodable) throws -> [Difference] {
        let encoded = try CircleCIJSON.makeEncoder().encode(model)
        return compare(
            try JSONSerialization.jsonObject(with: sent, options: .fragmentsAllowed),
            try JSONSerialization.jsonObject(with: encoded, options: .fragmentsAllowed), path: "")
    }

    /// Differences between two JSON trees.
    static func compare(_ sent: Any, _ written: Any, path: String) -> [Difference] {
        switch (sent, written) {
        case let (sent as [String: Any], written as [String: Any]):
            var result: [Difference] = []
            for key in Set(sent.keys).union(written.keys).sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                switch (sent[key], written[key]) {
                case let (left?, right?):
                    result += compare(left, right, path: child)
                case (let left?, nil):
                    // A null the model leaves out says the same thing.
                    if !(left is NSNull) { result.append(Difference(path: child, kind: .dropped, detail: "")) }
                case (nil, let right?):
                    result.append(Difference(path: child, kind: .invented, detail: "\(right)"))
                case (nil, nil):
                    break
                }
            }
            return result
        case let (sent as [Any], written as [Any]):
            guard sent.count == written.count else {
                return [Difference(path: path, kind: .changed, detail: "\(sent.count) items became \(written.count)")]
            }
            return zip(sent, written).enumerated().flatMap { index, pair in
                compare(pair.0, pair.1, path: "\(path)[\(index)]")
            }
        default:
            return sameScalar(sent, written)
                ? [] : [Difference(path: path, kind: .changed, detail: "\(sent) became \(written)")]
        }
    }

    /// Equal scalars, treating equal instants in different ISO 8601 spellings as equal.
    private static func sameScalar(_ sent: Any, _ written: Any) -> Bool {
        switch (sent, written) {
        case (is NSNull, is NSNull):
            return true
        case let (left as String, right as String):
            if left == right { return true }
            guard let leftDate = CircleCIJSON.parseDate(left), let rightDate = CircleCIJSON.parseDate(right) else {
                return false
            }
            return abs(leftDate.timeIntervalSince(rightDate)) < 0.0005
        case let (left as NSNumber, right as NSNumber):
            return left == right
        default:
            return false
        }
    }
}
