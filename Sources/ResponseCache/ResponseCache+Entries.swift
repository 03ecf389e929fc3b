import Foundation

extension ResponseCache {
    /// The fresh response under `key`, or `nil` when there is none or the cache is unusable.
    ///
    /// - Throws: `CancellationError` only, when the task was cancelled.
    func response(for key: CacheKey) async throws -> StoredResponse? {
        guard let database = await database() else { return nil }
        do {
            return try await database.response(for: key, now: options.now())
        } catch {
            try Task.checkCancellation()
            disable(error)
            return nil
        }
    }

    /// Keeps `response` under `key`, until evicted (`expiresAt` `nil`) or until `expiresAt`.
    /// A failure turns the cache off (warning once), but for a lock timeout
    /// now and then; the response is still the caller's.
    func store(
        _ response: StoredResponse, key: CacheKey, identity: CacheIdentity, operationID: String, expiresAt: Date?
    ) async {
        guard response.body.count <= options.sizeLimit, let database = await database() else { return }
        let entry = NewEntry(
            key: key, identity: identity, operationID: operationID, response: response, expiresAt: expiresAt)
        do {
            try await database.store(entry, now: options.now(), sizeLimit: options.sizeLimit)
            writeSucceeded()
        } catch {
            disable(error)
        }
    }

    /// Drops what a write by `identity` may have made stale (see ``CachingMiddleware``).
    func invalidate(identity: CacheIdentity) async {
        guard let database = await database() else { return }
        do {
            try await database.invalidate(identity: identity)
        } catch {
            disable(error)
        }
    }
}
