import Foundation

/// A parsed JSON document that keeps integers, doubles and booleans apart,
/// which `JSONSerialization` on Linux does not.
indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue], keys: [String])

    subscript(key: String) -> JSONValue? {
        if case let .object(members, _) = self { return members[key] }
        return nil
    }

    var string: String? { if case let .string(value) = self { value } else { nil } }
    var int: Int? { if case let .int(value) = self { value } else { nil } }
    var array: [JSONValue]? { if case let .array(value) = self { value } else { nil } }

    static func parse(_ data: Data) throws -> JSONValue {
        var reader = Reader(bytes: Array(data))
        let value = try reader.value()
        reader.skipSpace()
        guard reader.index == reader.bytes.count else { throw Reader.Failure(offset: reader.index) }
        return value
    }

    private struct Reader {
        struct Failure: Error { let offset: Int }
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [9, 10, 13, 32].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws -> JSONValue {
            skipSpace()
            guard index < bytes.count else { throw Failure(offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [String: JSONValue] = [:]
                var keys: [String] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, keys: keys) }
                while true {
                    skipSpace()
                    guard case let .string(key) = try value() else { throw Failure(offset: index) }
                    skipSpace()
                    guard bytes[index] == UInt8(ascii: ":") else { throw Failure(offset: index) }
                    index += 1
                    members[key] = try value()
                    keys.append(key)
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "}") else { throw Failure(offset: index) }
                    index += 1
                    return .object(members, keys: keys)
                }
            case UInt8(ascii: "["):
                index += 1
                var values: [JSONValue] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
                while true {
                    values.append(try value())
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "]") else { throw Failure(offset: index) }
                    index += 1
                    return .array(values)
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): index += 4; return .bool(true)
            case UInt8(ascii: "f"): index += 5; return .bool(false)
            case UInt8(ascii: "n"): index += 4; return .null
            default:
                let start = index
                while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                if let int = Int(text) { return .int(int) }
                guard let double = Double(text) else { throw Failure(offset: start) }
                return .double(double)
            }
        }

        mutating func string() throws -> String {
            index += 1
            var data: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { return String(decoding: data, as: UTF8.self) }
                if byte == UInt8(ascii: "\\") {
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "n"): data.append(10)
                    case UInt8(ascii: "t"): data.append(9)
                    case UInt8(ascii: "r"): data.append(13)
                    case UInt8(ascii: "b"): data.append(8)
                    case UInt8(ascii: "f"): data.append(12)
                    case UInt8(ascii: "u"):
                        let hex = String(decoding: bytes[index..<index + 4], as: UTF8.self)
                        index += 4
                        let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "?"
                        data += Array(String(Character(scalar)).utf8)
                    default: data.append(escape)
                    }
                } else {
                    data.append(byte)
                }
            }
            throw Failure(offset: index)
        }
    }
}
