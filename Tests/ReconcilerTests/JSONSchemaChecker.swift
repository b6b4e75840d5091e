import Foundation

/// Checks a YAML value (as Yams loads it) against the subset of JSON Schema that `reconcile schema`
/// emits. A keyword outside that subset is reported as a problem, so the schema cannot grow a rule
/// this checker silently skips.
enum JSONSchemaChecker {
    static let annotations: Set<String> = ["$schema", "title", "description"]

    static func problems(_ value: Any, against schema: [String: Any], at path: String = "") -> [String] {
        var problems: [String] = []
        let here = path.isEmpty ? "(document)" : path
        for (keyword, rule) in schema where !annotations.contains(keyword) {
            switch keyword {
            case "type":
                if let name = rule as? String, !matches(value, type: name) { problems.append("\(here): expected \(name)") }
            case "const":
                if !equal(value, rule) { problems.append("\(here): expected \(rule)") }
            case "enum":
                if !((rule as? [Any]) ?? []).contains(where: { equal(value, $0) }) { problems.append("\(here): not one of \(rule)") }
            case "properties":
                guard let object = value as? [String: Any], let properties = rule as? [String: [String: Any]] else { continue }
                for (key, property) in properties {
                    if let field = object[key] { problems += Self.problems(field, against: property, at: join(path, key)) }
                }
            case "required":
                guard let object = value as? [String: Any] else { continue }
                for key in (rule as? [String]) ?? [] where object[key] == nil { problems.append("\(join(path, key)): required") }
            case "additionalProperties":
                guard let object = value as? [String: Any] else { continue }
                let known = Set(((schema["properties"] as? [String: Any]) ?? [:]).keys)
                for (key, field) in object where !known.contains(key) {
                    if let itemSchema = rule as? [String: Any] {
                        problems += Self.problems(field, against: itemSchema, at: join(path, key))
                    } else if (rule as? NSNumber)?.boolValue == false {
                        problems.append("\(join(path, key)): not allowed")
                    }
                }
            case "items":
                guard let items = value as? [Any], let itemSchema = rule as? [String: Any] else { continue }
                for (index, item) in items.enumerated() { problems += Self.problems(item, against: itemSchema, at: "\(here)[\(index)]") }
            case "oneOf":
                let branches = (rule as? [[String: Any]]) ?? []
                let results = branches.map { Self.problems(value, against: $0, at: path) }
                let passing = results.filter(\.isEmpty).count
                if passing != 1 {
                    problems.append("\(here): matches \(passing) of \(branches.count) alternatives"
                                    + (passing == 0 ? " (closest: \(results.min { $0.count < $1.count } ?? []))" : ""))
                }
            default:
                problems.append("\(here): the checker does not know the keyword \(keyword)")
            }
        }
        return problems
    }

    /// Yams' mappings have `AnyHashable` keys; the checker reads string-keyed ones, as JSON has.
    static func plain(_ value: Any) -> Any {
        switch value {
        case let mapping as [AnyHashable: Any]:
            Dictionary(mapping.map { ("\($0.key.base)", plain($0.value)) }, uniquingKeysWith: { $1 })
        case let list as [Any]: list.map(plain)
        default: value
        }
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "string": value is String
        case "integer": value is Int
        case "boolean": value is Bool
        case "object": value is [String: Any]
        case "array": value is [Any]
        default: false
        }
    }

    static func equal(_ value: Any, _ expected: Any) -> Bool {
        switch (value, expected) {
        case (let a as String, let b as String): a == b
        case (let a as Int, let b as Int): a == b
        case (let a as Bool, let b as Bool): a == b
        default: false
        }
    }
}
