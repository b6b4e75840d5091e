/// A fixture tree that cannot be used for probing.
public enum FixtureError: Error, CustomStringConvertible {
    case missingState(String)
    case invalidState(String, String)

    public var description: String {
        switch self {
        case .missingState(let path): "fixture state file not found: \(path)"
        case .invalidState(let path, let reason): "fixture state file \(path) is not valid: \(reason)"
        }
    }
}
