import Foundation

/// Reads local files below a root directory: with root `/srv/fixture`,
/// `/etc/os-release` is read from `/srv/fixture/etc/os-release`.
public struct RootedFileSource: HostFileSource {
    public let root: String

    public init(root: String = "/") {
        self.root = root
    }

    /// The local path that stands for `path` on the probed host.
    public func localPath(_ path: String) -> String {
        if root == "/" || root.isEmpty { return path }
        let trimmedRoot = root.hasSuffix("/") ? String(root.dropLast()) : root
        return trimmedRoot + (path.hasPrefix("/") ? path : "/" + path)
    }

    public func readFile(_ path: String) async -> String? {
        guard let data = FileManager.default.contents(atPath: localPath(path)) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public func exists(_ path: String) async -> Bool {
        // attributesOfItem uses lstat, so dangling symlinks count as present.
        (try? FileManager.default.attributesOfItem(atPath: localPath(path))) != nil
    }

    public func listDirectory(_ path: String) async -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: localPath(path))) ?? []
        return entries.sorted()
    }
}
