import HostCommands

/// Reads a remote host's files with small shell commands through a `CommandTransport`.
public struct RemoteFileSource: HostFileSource {
    let transport: any CommandTransport

    public init(transport: any CommandTransport) {
        self.transport = transport
    }

    public func readFile(_ path: String) async -> String? {
        guard let output = await transport.probe(["cat", "--", path]), output.succeeded else { return nil }
        return output.standardOutput
    }

    public func exists(_ path: String) async -> Bool {
        await transport.probe(["sh", "-c", "test -e \"$1\" || test -L \"$1\"", "sh", path])?.succeeded == true
    }

    public func existing(among paths: [String]) async -> Set<String> {
        guard !paths.isEmpty else { return [] }
        let script = "for p do if test -e \"$p\" || test -L \"$p\"; then printf '%s\\n' \"$p\"; fi; done"
        guard let output = await transport.probe(["sh", "-c", script, "sh"] + paths), output.succeeded else { return [] }
        return Set(output.standardOutput.split(separator: "\n").map(String.init)).intersection(paths)
    }

    public func listDirectory(_ path: String) async -> [String] {
        guard let output = await transport.probe(["ls", "-1A", "--", path]), output.succeeded else { return [] }
        return output.standardOutput.split(separator: "\n").map(String.init).sorted()
    }
}
