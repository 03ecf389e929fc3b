import Foundation

/// A route's path with named parameters, e.g.
/// `/project/{project-slug}/pipeline/{pipeline-number}`.
///
/// `{project-slug}` spans three path parts and `{org-slug}` two, whether the
/// slashes arrive raw (`gh/acme/api`) or percent-encoded (`gh%2Facme%2Fapi`).
/// Every other parameter is one percent-decoded segment.
struct PathPattern: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case slug(name: String, parts: Int)
    }

    let segments: [Segment]

    init(_ template: String) {
        segments = template.split(separator: "/").map { piece in
            guard piece.hasPrefix("{"), piece.hasSuffix("}") else { return .literal(String(piece)) }
            let name = String(piece.dropFirst().dropLast())
            switch name {
            case "project-slug": return .slug(name: name, parts: 3)
            case "org-slug": return .slug(name: name, parts: 2)
            default: return .parameter(name)
            }
        }
    }

    /// The decoded parameters when `path` (percent-encoded) matches.
    func match(_ path: String) -> [String: String]? {
        let raw = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var parameters: [String: String] = [:]
        return match(segments[...], raw[...], &parameters) ? parameters : nil
    }

    private func match(_ pattern: ArraySlice<Segment>, _ raw: ArraySlice<String>,
                       _ parameters: inout [String: String]) -> Bool {
        guard let head = pattern.first else { return raw.isEmpty }
        switch head {
        case let .literal(text):
            guard raw.first == text else { return false }
            return match(pattern.dropFirst(), raw.dropFirst(), &parameters)
        case let .parameter(name):
            guard let first = raw.first, let value = first.removingPercentEncoding, !value.isEmpty else { return false }
            parameters[name] = value
            if match(pattern.dropFirst(), raw.dropFirst(), &parameters) { return true }
            parameters[name] = nil
            return false
        case let .slug(name, parts):
            var decoded: [String] = []
            var consumed = 0
            for piece in raw {
                guard let value = piece.removingPercentEncoding else { return false }
                decoded += value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                consumed += 1
                if decoded.count >= parts { break }
            }
            guard decoded.count == parts, decoded.allSatisfy({ !$0.isEmpty }) else { return false }
            parameters[name] = decoded.joined(separator: "/")
            if match(pattern.dropFirst(), raw.dropFirst(consumed), &parameters) { return true }
            parameters[name] = nil
            return false
        }
    }
}
