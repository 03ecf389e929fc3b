import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// A paginated list of the client, walked to the end.
struct PagedList: Sendable, CustomTestStringConvertible {
    let operationID: String
    let label: String
    /// Iterates every item; returns one unique key per item.
    let walk: @Sendable (CircleCIClient) async throws -> [String]
    /// The item count, found another way (another endpoint or a filter of another list).
    let expectedCount: @Sendable (CircleCIClient) async throws -> Int?

    init(
        _ operationID: String, _ label: String,
        expecting expectedCount: @escaping @Sendable (CircleCIClient) async throws -> Int? = { _ in nil },
        walk: @escaping @Sendable (CircleCIClient) async throws -> [String]
    ) {
        self.operationID = operationID
        self.label = label
        self.walk = walk
        self.expectedCount = expectedCount
    }

    var testDescription: String { "\(operationID): \(label)" }
}

@Suite("Pagination against the simulator")
struct LivePaginationTests {
    /// Every page is fetched once, follow-ups carry `page-token`, and the items
    /// add up to what another endpoint says.
    @Test(arguments: PagedList.all)
    func walkingEveryPageGetsEveryItemOnce(_ list: PagedList) async throws {
        try await withLiveSimulator { live in
            let expected = try await list.expectedCount(live.client)
            await live.log.reset()
            let keys = try await list.walk(live.client)
            let requests = await live.log.entries.filter { $0.operationID == list.operationID }
            #expect(!keys.isEmpty)
            #expect(Set(keys).count == keys.count, "an item came twice")
            if let expected { #expect(keys.count == expected) }
            #expect(requests.count == max(1, (keys.count + 19) / 20), "pages of 20, each fetched once")
            #expect(requests.first?.query.contains("page-token") == false)
            for request in requests.dropFirst() {
                #expect(request.query.contains("page-token="), "follow-up without page-token: \(request.query)")
            }
        }
    }

    @Test func takingThreePipelinesCostsOneRequestAndTwentyFiveCostTwo() async throws {
        try await withLiveSimulator { live in
            var three: [Int] = []
            for try await pipeline in live.client.pipelines(project: Landmarks.api) {
                three.append(pipeline.number)
                if three.count == 3 { break }
            }
            #expect(await live.log.count(operationID: "listPipelinesForProject") == 1)
            await live.log.reset()
            let twentyFive = try await live.client.pipelines(project: Landmarks.api).collect(limit: 25)
            #expect(twentyFive.count == 25 && Array(twentyFive.prefix(3).map(\.number)) == three)
            #expect(await live.log.count(operationID: "listPipelinesForProject") == 2)
        }
    }

    @Test func collectingFiftyNinePipelinesCostsThreeRequests() async throws {
        try await withLiveSimulator { live in
            let sequence = live.client.pipelines(project: Landmarks.api)
            #expect(await live.log.count == 0, "nothing is fetched before iteration")
            let all = try await sequence.collect()
            #expect(all.count == 59)
            let requests = await live.log.entries
            #expect(requests.map(\.operationID) == Array(repeating: "listPipelinesForProject", count: 3))
            #expect(requests.map(\.status) == [200, 200, 200])
        }
    }

    @Test func pagesExposeTheSimulatorsTokens() async throws {
        try await withLiveSimulator { live in
            var sizes: [Int] = []
            var tokens: [String?] = []
            for try await page in live.client.pipelines(project: Landmarks.api).pages {
                sizes.append(page.items.count)
                tokens.append(page.nextPageToken)
            }
            #expect(sizes == [20, 20, 19])
            #expect(tokens.last == .some(nil) && tokens.dropLast().allSatisfy { $0 != nil })
            let sent = await live.log.entries.dropFirst().map(\.query)
            #expect(sent == tokens.dropLast().compactMap { $0.map { "page-token=\($0)" } })
        }
    }
}
