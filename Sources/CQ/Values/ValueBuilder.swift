#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
internal import JSONCore
import OrderedCollections

/// Builds ``Value``s straight from JSON bytes (a ``JSONBuilder`` for
/// `JSONReader`), fast for the shape of saved data: many records with the
/// same keys.
///
/// - Keys are interned: the same key bytes give the same `String`, decoded once.
/// - Records reuse the key storage of the last few shapes seen (their keys in
///   order), so a record of a known shape costs one allocation for its values.
/// - Members and elements are gathered on one reusable stack, not in an
///   array per object.
///
/// Strings are never turned into timestamps: JSON does not say which are dates.
struct ValueBuilder: JSONBuilder {
    struct ObjectState {
        let keyBase: Int
        let valueBase: Int
    }

    struct ArrayState {
        let valueBase: Int
    }

    private var keys: [String] = []
    private var values: [Value] = []
    private var keyCache = KeyCache()
    private var shapes = ShapeCache()

    func null() -> Value { .null }
    func bool(_ value: Bool) -> Value { .bool(value) }
    func integer(_ value: Int) -> Value { .int(value) }
    func double(_ value: Double) -> Value { .double(value) }
    func string(_ value: String) -> Value { .string(value) }

    mutating func key(utf8 bytes: UnsafeRawBufferPointer) -> String { keyCache.string(for: bytes) }
    func key(_ decoded: String) -> String { decoded }

    func beginObject() -> ObjectState { ObjectState(keyBase: keys.count, valueBase: values.count) }

    mutating func member(_ key: String, _ value: Value, to object: inout ObjectState) {
        keys.append(key)
        values.append(value)
    }

    mutating func endObject(_ object: ObjectState) -> Value {
        let record = shapes.record(keys: keys[object.keyBase...], values: values[object.valueBase...])
        keys.removeSubrange(object.keyBase...)
        values.removeSubrange(object.valueBase...)
        return .record(record)
    }

    func beginArray() -> ArrayState { ArrayState(valueBase: values.count) }

    mutating func element(_ value: Value, to array: inout ArrayState) { values.append(value) }

    mutating func endArray(_ array: ArrayState) -> Value {
        let elements = Array(values[array.valueBase...])
        values.removeSubrange(array.valueBase...)
        return .list(elements)
    }

    mutating func reset() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }
}

/// Strings for key bytes, decoded once: a small direct-mapped cache.
private struct KeyCache {
    private static let size = 512
    private var strings: [String] = []

    mutating func string(for bytes: UnsafeRawBufferPointer) -> String {
        guard bytes.count <= 64 else { return String(decoding: bytes, as: UTF8.self) }
        if strings.isEmpty { strings = Array(repeating: "", count: Self.size) }
        let slot = Int(Self.hash(bytes) % UInt32(Self.size))
        let cached = strings[slot]
        let matches =
            cached.utf8.withContiguousStorageIfAvailable { stored in
                guard stored.count == bytes.count else { return false }
                guard let storedBase = stored.baseAddress, let base = bytes.baseAddress else { return true }
                return memcmp(storedBase, base, bytes.count) == 0
            } ?? false
        if matches { return cached }
        let string = String(decoding: bytes, as: UTF8.self)
        strings[slot] = string
        return string
    }

    /// FNV-1a.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}

/// The last few record shapes (keys in order), each with a record whose
/// keys new records of that shape share.
private struct ShapeCache {
    private static let size = 8
    private var shapes: [OrderedDictionary<String, Value>] = []

    mutating func record(keys: ArraySlice<String>, values: ArraySlice<Value>) -> Record {
        for index in shapes.indices where shapes[index].keys.elementsEqual(keys) {
            var fields = shapes[index]
            if index > 0 { shapes.swapAt(index, index - 1) }
            fields.values.withUnsafeMutableBufferPointer { buffer in
                for (offset, value) in values.enumerated() { buffer[offset] = value }
            }
            return Record(fields)
        }
        var fields = OrderedDictionary<String, Value>(minimumCapacity: keys.count)
        for (key, value) in zip(keys, values) { fields[key] = value }
        if fields.count == keys.count {
            // No duplicate keys: a shape worth remembering (its values are
            // replaced on use, so it keeps nothing alive for long).
            var template = fields
            template.values.withUnsafeMutableBufferPointer { buffer in
                for offset in buffer.indices { buffer[offset] = .null }
            }
            if shapes.count == Self.size { shapes.removeLast() }
            shapes.append(template)
        }
        return Record(fields)
    }
}
