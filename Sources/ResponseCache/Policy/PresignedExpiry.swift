import CircleCI
import Foundation

/// When the presigned output URLs in a v1.1 job stop working, read from their
/// signed query: S3's `X-Amz-Date` + `X-Amz-Expires`, or an `Expires` timestamp.
enum PresignedExpiry {
    /// The steps of a v1.1 job, as the client's own models decode them.
    private struct Steps: Decodable {
        var steps: [JobStep]?
    }

    /// How long before its URLs expire a body stops being served, so a query
    /// that reads the steps still has time to fetch their output.
    static let margin: TimeInterval = 300

    /// The earliest moment any output URL in the v1.1 job `body` expires, less
    /// ``margin``; `nil` when no URL says when it expires.
    static func earliest(inJob body: Data) -> Date? {
        guard let steps = try? CircleCIJSON.makeDecoder().decode(Steps.self, from: body).steps else { return nil }
        return steps.flatMap(\.actions).compactMap { $0.outputURL.flatMap(expiry(of:)) }.min()
            .map { $0.addingTimeInterval(-margin) }
    }

    /// When one presigned URL expires, if its query says.
    static func expiry(of url: String) -> Date? {
        guard let items = URLComponents(string: url)?.queryItems else { return nil }
        func value(_ name: String) -> String? {
            items.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        if let signed = value("X-Amz-Date").flatMap(amazonDate),
            let seconds = value("X-Amz-Expires").flatMap(Double.init)
        {
            return signed.addingTimeInterval(seconds)
        }
        return value("Expires").flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
    }

    /// `20261120T120000Z`.
    private static func amazonDate(_ text: String) -> Date? {
        guard text.count == 16 else { return nil }
        let iso =
            "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.dropFirst(6).prefix(2))T"
            + "\(text.dropFirst(9).prefix(2)):\(text.dropFirst(11).prefix(2)):\(text.dropFirst(13).prefix(2))Z"
        return CircleCIJSON.parseDate(iso)
    }
}
