/// A serial console is always attached (it is how boot problems are seen); VNC graphics are optional.
public struct ConsoleSpec: Sendable, Hashable, Codable {
    public var vnc: Bool

    public init(vnc: Bool = false) {
        self.vnc = vnc
    }
}
