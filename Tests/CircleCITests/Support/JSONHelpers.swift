import CircleCI
import Foundation

/// Decodes a fixture with the client's decoder.
func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try CircleCIJSON.makeDecoder().decode(type, from: Data(json.utf8))
}

/// The top-level object of a JSON text.
func jsonObject(_ data: Data) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
}

/// The keys of a model's encoding, in the client's JSON form.
func encodedKeys(_ value: some Encodable) throws -> Set<String> {
    Set(try jsonObject(try CircleCIJSON.makeEncoder().encode(value)).keys)
}

/// The keys of a fixture.
func fixtureKeys(_ json: String) throws -> Set<String> {
    Set(try jsonObject(Data(json.utf8)).keys)
}

/// Encodes then decodes a model.
func roundTrip<T: Codable>(_ value: T) throws -> T {
    try CircleCIJSON.makeDecoder().decode(T.self, from: CircleCIJSON.makeEncoder().encode(value))
}
