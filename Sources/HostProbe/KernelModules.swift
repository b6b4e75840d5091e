/// Loaded kernel modules, from /proc/modules plus /sys/module (which also
/// lists built-in modules and exists in containers without /proc/modules).
public struct KernelModules: Sendable, Equatable {
    public var loaded: Set<String>

    public init(loaded: Set<String>) {
        self.loaded = loaded
    }

    public static func parseProcModules(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    /// Checks the given names; /sys/module is too large to list remotely for nothing.
    public static func detect(names: [String], files: any HostFileSource) async -> KernelModules {
        let fromProc = parseProcModules(await files.readFile("/proc/modules") ?? "")
        var loaded = fromProc.intersection(names)
        for name in names where !loaded.contains(name) {
            if await files.exists("/sys/module/\(name)") { loaded.insert(name) }
        }
        return KernelModules(loaded: loaded)
    }

    public func contains(_ name: String) -> Bool { loaded.contains(name) }
}
