import CircleCI
import Foundation
import ResponseCache

extension Services {
    /// The response cache in front of a real host (or a `cq simulator`
    /// over HTTP), as `--no-cache`, `--refresh` and `--cache-ttl` ask.
    ///
    /// `--demo` never gets one: its organisation is generated in-process for
    /// the current time, so there is no request to save and nothing to keep.
    /// `--no-cache` still passes writes through the middleware, so a rerun
    /// drops the cached workflow lists it makes stale.
    static func cacheMiddlewares(
        _ options: CacheOptions, configuration: CircleCIConfiguration, metrics: RequestMetrics,
        environment: [String: String]
    ) -> [any ClientMiddleware] {
        let cache = ResponseCache(directory: ResponseCache.defaultDirectory(environment: environment)) { warning in
            Terminal.printError("cq: warning: \(warning)\n")
        }
        return [
            CachingMiddleware(
                cache: cache, identity: CacheIdentity(configuration: configuration), mode: options.mode,
                timeToLive: .seconds(options.cacheTtl), metrics: metrics)
        ]
    }
}
