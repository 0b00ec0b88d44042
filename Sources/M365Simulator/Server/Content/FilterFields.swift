import BreakwaterModel

/// The scalar properties of a Graph object that `$filter` may test, by path
/// (`status/errorCode`).
struct FilterFields: Sendable {
    private let values: [String: JSONValue]

    init(_ object: JSONValue, paths: [String]) {
        var values: [String: JSONValue] = [:]
        for path in paths {
            var value: JSONValue? = object
            for component in path.split(separator: "/") {
                value = value?[String(component)]
            }
            if let value { values[path] = value }
        }
        self.values = values
    }

    init(_ values: [String: JSONValue]) {
        self.values = values
    }

    subscript(path: String) -> JSONValue? {
        values[path]
    }
}
