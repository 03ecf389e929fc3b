import CQ
import CircleCI
import Foundation
import OrderedCollections

/// Encodes `Encodable` models into cq ``Value``s, keeping the order in which
/// keys are encoded and turning `Date`s into timestamps.
///
/// The client's models encode with the API's field names, so a record made
/// by this encoder has the same keys as the JSON CircleCI sent.
struct ValueEncoder {
    /// Encodes `model`.
    func encode(_ model: some Encodable) throws -> Value {
        let root = Node()
        let encoder = NodeEncoder(node: root, codingPath: [])
        try encoder.encodeValue(model)
        return root.value
    }
}

/// A mutable tree the encoder writes into; nested containers keep references
/// to their parent's slots, as the `Encoder` protocol requires.
private final class Node {
    enum Content {
        case scalar(Value)
        case object(OrderedDictionary<String, Node>)
        case array([Node])
    }

    var content: Content = .scalar(.null)

    var value: Value {
        switch content {
        case .scalar(let value): value
        case .object(let fields): .record(Record(fields.mapValues(\.value)))
        case .array(let elements): .list(elements.map(\.value))
        }
    }

    func child(forKey key: String) -> Node {
        var fields: OrderedDictionary<String, Node> = [:]
        if case .object(let existing) = content { fields = existing }
        if let node = fields[key] { return node }
        let node = Node()
        fields[key] = node
        content = .object(fields)
        return node
    }

    func appendChild() -> Node {
        var elements: [Node] = []
        if case .array(let existing) = content { elements = existing }
        let node = Node()
        elements.append(node)
        content = .array(elements)
        return node
    }

    func makeObject() {
        if case .object = content { return }
        content = .object([:])
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }

    /// Encodes `value` into this encoder's node, with special cases for
    /// types whose own encoding would lose meaning (dates, URLs).
    func encodeValue(_ value: some Encodable) throws {
        switch value {
        case let date as Date: node.content = .scalar(.timestamp(date))
        case let url as URL: node.content = .scalar(.string(url.absoluteString))
        case let decimal as Decimal: node.content = .scalar(.double(NSDecimalNumber(decimal: decimal).doubleValue))
        case let object as [String: JSONValue]: try encodeSorted(object)
        case JSONValue.object(let object) as JSONValue: try encodeSorted(object)
        default: try value.encode(to: self)
        }
    }

    /// A free-form JSON object (pipeline parameters): its keys in sorted order,
    /// since the decoded dictionary kept none and a record's key order shows.
    private func encodeSorted(_ object: [String: JSONValue]) throws {
        node.makeObject()
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            try NodeEncoder(node: node.child(forKey: key), codingPath: codingPath).encodeValue(value)
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let elements) = node.content { return elements.count }
        return 0
    }

    mutating func encodeNil() throws { node.appendChild().content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try NodeEncoder(node: node.appendChild(), codingPath: codingPath).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendChild(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .scalar(.null) }
    mutating func encode(_ value: Bool) throws { node.content = .scalar(.bool(value)) }
    mutating func encode(_ value: String) throws { node.content = .scalar(.string(value)) }
    mutating func encode(_ value: Double) throws { node.content = .scalar(.double(value)) }
    mutating func encode(_ value: Float) throws { node.content = .scalar(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { node.content = .scalar(.int(value)) }
    mutating func encode(_ value: Int8) throws { node.content = .scalar(.int(Int(value))) }
    mutating func encode(_ value: Int16) throws { node.content = .scalar(.int(Int(value))) }
    mutating func encode(_ value: Int32) throws { node.content = .scalar(.int(Int(value))) }
    mutating func encode(_ value: Int64) throws { node.content = .scalar(.int(Int(value))) }
    mutating func encode(_ value: UInt) throws { node.content = .scalar(.int(Int(clamping: value))) }
    mutating func encode(_ value: UInt8) throws { node.content = .scalar(.int(Int(value))) }
    mutating func encode(_ value: UInt16) throws { node.content = .scalar(.int(Int(value))) }
    mutating func encode(_ value: UInt32) throws { node.content = .scalar(.int(Int(value))) }
    mutating func encode(_ value: UInt64) throws { node.content = .scalar(.int(Int(clamping: value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try NodeEncoder(node: node, codingPath: codingPath).encodeValue(value)
    }
}
