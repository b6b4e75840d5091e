/// A sentence saying what went wrong with an unattended run's option, git source or metrics file.
public struct UnattendedError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
