import Yams

extension Node {
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    var kindDescription: String {
        switch self {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    var valueDescription: String {
        if case .scalar(let scalar) = self { return "'\(scalar.string)'" }
        return kindDescription
    }
}
