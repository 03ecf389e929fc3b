import Foundation

extension CircleCIClient {
    /// A lazy list over `request`, sending each next-page token back as `page-token`.
    ///
    /// The request is built when iteration starts, so an invalid argument
    /// surfaces as a thrown ``CircleCIError`` from the first `next()`.
    func paginate<Element: Decodable & Sendable>(
        _ type: Element.Type, _ makeRequest: @escaping @Sendable () throws -> APIRequest
    ) -> Paginated<Element> {
        Paginated { [self] token in
            var request = try makeRequest()
            if let token {
                request.query.append(URLQueryItem(name: "page-token", value: token))
            }
            let page = try await fetch(Page<Element>.self, request)
            metrics.recordPage()
            return page
        }
    }
}
