import Foundation

/// CircleCI-style cursor pagination: pages of 20, an opaque
/// `next_page_token`, sent back as `page-token`, `null` on the last page.
///
/// A token names the list it belongs to, the last item it returned and the
/// number of the page it asks for, so items added at the top while a client
/// pages don't shift later pages, and faults can target page N.
enum Pagination {
    static let pageSize = 20

    /// The page of `items` after `token` (or the first page).
    ///
    /// - Parameters:
    ///   - list: identifies the list and its filters; a token from another list is rejected.
    ///   - key: a stable unique key per item.
    static func page<Item>(_ items: [Item], list: String, token: String?,
                           key: (Item) -> String) throws(APIError) -> (items: [Item], next: String?) {
        var start = 0
        var number = 1
        if let token, !token.isEmpty {
            guard let cursor = decode(token), cursor.list == fingerprint(list) else {
                throw .badRequest("Invalid page-token.")
            }
            guard let index = items.firstIndex(where: { key($0) == cursor.after }) else {
                throw .notFound("Page")
            }
            start = index + 1
            number = cursor.page
        }
        let end = min(items.count, start + pageSize)
        let page = Array(items[min(start, end)..<end])
        let next = end < items.count ? page.last.map { encode(list: list, after: key($0), page: number + 1) } : nil
        return (page, next)
    }

    /// `{items, next_page_token}` for one page.
    static func response<Item>(_ items: [Item], list: String, context: RequestContext,
                               key: (Item) -> String, render: (Item) -> JSON) throws(APIError) -> SimulatorResponse {
        let page = try page(items, list: list, token: context.queryValue("page-token"), key: key)
        return .json(.object([("items", .array(page.items.map(render))), ("next_page_token", .string(page.next))]))
    }

    /// The number of the page a request asks for: 1 without a `page-token`,
    /// otherwise the number its token carries (1 for a token that is not one).
    static func requestedPage(_ query: [QueryItem]) -> Int {
        guard let token = query.first(where: { $0.name == "page-token" })?.value, !token.isEmpty,
              let cursor = decode(token) else { return 1 }
        return cursor.page
    }

    private static func fingerprint(_ list: String) -> String {
        String(StableHash.fnv1a(list), radix: 16).leftPadded(to: 16)
    }

    private static func encode(list: String, after key: String, page: Int) -> String {
        let text = "2|\(fingerprint(list))|\(page)|\(key)"
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ token: String) -> (list: String, page: Int, after: String)? {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "2", let page = Int(parts[2]), page > 1 else { return nil }
        return (parts[1], page, parts[3])
    }
}
