import Foundation

/// One page of a list: `{"items": […], "next_page_token": "…"}`.
public struct Page<Element: Sendable>: Sendable {
    /// The items of this page.
    public var items: [Element]
    /// The token for the next page, or `nil` on the last one.
    public var nextPageToken: String?

    /// Creates a page.
    public init(items: [Element], nextPageToken: String?) {
        self.items = items
        self.nextPageToken = nextPageToken
    }
}

extension Page: Decodable where Element: Decodable {
    enum CodingKeys: String, CodingKey {
        case items
        case nextPageToken = "next_page_token"
    }

    /// Decodes a page; a missing `items` is an empty page, and an empty token means the last page.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items = try container.decodeIfPresent([Element].self, forKey: .items) ?? []
        let token = try container.decodeIfPresent(String.self, forKey: .nextPageToken)
        nextPageToken = token?.isEmpty == false ? token : nil
    }
}
