/// A JSON value whose objects keep their keys in order.
///
/// Our own type (no `JSONSerialization`) so that every reader can report a mistake with its
/// line, column and key path, and so that writing a journal line or a transcript event is one
/// pass over a byte buffer.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object(JSONObject)

    /// The member `key` of an object, or `nil` for a missing key or a value that is not an object.
    public subscript(key: String) -> JSON? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The string, or `nil` when this is not a string.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, or `nil` when this is not a number.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as an integer, or `nil` when this is not a whole number.
    public var int: Int? {
        if case .number(let value) = self, value.rounded() == value, abs(value) < 9.0e15 { return Int(value) }
        return nil
    }

    /// The Boolean, or `nil` when this is not a Boolean.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, or `nil` when this is not an array.
    public var array: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, or `nil` when this is not an object.
    public var object: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// A short name of the value's kind for diagnostics ("a string", "an object", …).
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a Boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// The members of a JSON object, in the order they were written or added.
public struct JSONObject: Sendable, Equatable, Sequence {
    /// The key-value pairs, in order; a key may repeat.
    public private(set) var members: [(key: String, value: JSON)]

    /// An empty object.
    public init() { members = [] }

    /// An object with these members, in this order.
    public init(_ members: [(String, JSON)]) {
        self.members = members.map { (key: $0.0, value: $0.1) }
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// The number of members.
    public var count: Int { members.count }

    /// The value of `key` (the last one written, if a key repeats); setting `nil` removes it.
    public subscript(key: String) -> JSON? {
        get {
            for member in members.reversed() where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key: key, value: newValue))
            }
        }
    }

    /// Appends a member without looking for an earlier one with the same key (the fast path for writers).
    public mutating func append(_ key: String, _ value: JSON) {
        members.append((key: key, value: value))
    }

    /// Iterates the members in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSON)]> {
        members.makeIterator()
    }

    /// Equal when the members are equal in the same order (`{"a":1,"b":2}` is not `{"b":2,"a":1}`).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A number.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A number.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A Boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array.
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    /// An object with the members in the order written.
    public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(JSONObject(elements)) }
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSON {
    /// `.string(value)` or `.null` when `value` is nil.
    public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }

    /// `.number(value)` or `.null` when `value` is nil.
    public static func optional(_ value: Int?) -> JSON { value.map { .number(Double($0)) } ?? .null }
}
