import Foundation

/// Why the cache could not be used; reported once, then requests go to the network.
enum CacheFailure: Error, CustomStringConvertible {
    /// The directory could not be made or restricted to its owner.
    case unusableDirectory(URL, any Error)
    /// The database file could not be made or restricted to its owner.
    case unusableFile(URL, any Error)
    /// The file has a schema this version of cq does not know.
    case unknownSchema(Int)

    var description: String {
        switch self {
        case .unusableDirectory(let url, let error):
            "cannot use the directory \(url.path): \(error.localizedDescription)"
        case .unusableFile(let url, let error): "cannot use the file \(url.path): \(error.localizedDescription)"
        case .unknownSchema(let version): "the database has schema version \(version), which this cq does not know"
        }
    }
}
