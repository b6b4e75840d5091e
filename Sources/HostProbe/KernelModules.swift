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
        let inSys = await files.existing(among: names.map { "/sys/module/\($0)" })
        let fromSys = names.filter { inSys.contains("/sys/module/\($0)") }
        return KernelModules(loaded: fromProc.intersection(names).union(fromSys))
    }

    public func contains(_ name: String) -> Bool { loaded.contains(name) }
}
