import Foundation

/// The items of a paginated list, fetched page by page as iteration reaches them.
///
/// Nothing is requested until iteration starts, and the next page is requested
/// only when the items of the current one are used up, so taking the first 3
/// pipelines costs one request and taking 25 costs two (pages hold about 20).
/// Iteration ends at a page without `next_page_token`; a token the server
/// repeats also ends it, rather than looping.
///
/// ```swift
/// for try await job in client.jobs(workflowID: id) where job.status.isFailure {
///     print(job.name)
/// }
/// ```
public struct Paginated<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page for a token (`nil` for the first page).
    public typealias PageFetcher = @Sendable (_ pageToken: String?) async throws -> Page<Element>

    private let fetchPage: PageFetcher

    /// Creates a sequence over the pages `fetchPage` returns.
    public init(fetchPage: @escaping PageFetcher) {
        self.fetchPage = fetchPage
    }

    /// Creates an iterator; each iterator starts again from the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: PageIterator(fetchPage: fetchPage))
    }

    /// The pages themselves, for callers that want page boundaries or tokens.
    public var pages: Pages { Pages(fetchPage: fetchPage) }

    /// Collects at most `limit` items (all of them when `nil`), fetching only the pages needed.
    public func collect(limit: Int? = nil) async throws -> [Element] {
        var result: [Element] = []
        if let limit, limit <= 0 { return result }
        for try await element in self {
            result.append(element)
            if let limit, result.count >= limit { break }
        }
        return result
    }

    /// Iterates the items, fetching a page when the previous one is used up.
    public struct Iterator: AsyncIteratorProtocol {
        private var pages: PageIterator
        private var buffer: [Element] = []
        private var index = 0

        init(pages: PageIterator) {
            self.pages = pages
        }

        /// The next item, or `nil` after the last page.
        public mutating func next() async throws -> Element? {
            while index == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.items
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    /// The pages of a paginated list, each fetched when iteration reaches it.
    public struct Pages: AsyncSequence, Sendable {
        fileprivate let fetchPage: PageFetcher

        /// Creates an iterator from the first page.
        public func makeAsyncIterator() -> PageIterator {
            PageIterator(fetchPage: fetchPage)
        }
    }

    /// Fetches pages in order, following `next_page_token`.
    public struct PageIterator: AsyncIteratorProtocol {
        private let fetchPage: PageFetcher
        private var nextToken: String?
        private var seenTokens: Set<String> = []
        private var finished = false

        fileprivate init(fetchPage: @escaping PageFetcher) {
            self.fetchPage = fetchPage
        }

        /// The next page, or `nil` after the last one.
        public mutating func next() async throws -> Page<Element>? {
            guard !finished else { return nil }
            let page = try await fetchPage(nextToken)
            if let token = page.nextPageToken, seenTokens.insert(token).inserted {
                nextToken = token
            } else {
                finished = true
            }
            return page
        }
    }
}
