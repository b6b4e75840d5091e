import HostCommands

/// Answers "is package X installed, which version?" with the host's own
/// package database: dpkg and apk databases are files we parse, rpm's is a
/// binary database so it is asked through `rpm -q`.
public struct InstalledPackages: Sendable {
    enum Source: Sendable {
        case table([String: String])
        case rpm(any CommandTransport)
        case unknown
    }

    let source: Source

    init(source: Source) {
        self.source = source
    }

    public static func load(for manager: PackageManager?, system: HostAccess) async -> InstalledPackages {
        switch manager {
        case .apt:
            let text = await system.files.readFile("/var/lib/dpkg/status") ?? ""
            return InstalledPackages(source: .table(DpkgStatusParser.installedPackages(in: text)))
        case .apk:
            let text = await system.files.readFile("/lib/apk/db/installed") ?? ""
            return InstalledPackages(source: .table(ApkDatabaseParser.installedPackages(in: text)))
        case .dnf, .zypper:
            return InstalledPackages(source: .rpm(system.commands))
        case nil:
            return InstalledPackages(source: .unknown)
        }
    }

    /// The installed version of `name`, or nil when it is not installed.
    public func version(of name: String) async -> String? {
        switch source {
        case .table(let table):
            return table[name]
        case .rpm(let transport):
            guard let output = await transport.probe(["rpm", "-q", "--queryformat", "%{VERSION}-%{RELEASE}", name]),
                  output.succeeded else { return nil }
            let version = output.standardOutput.trimmingWhitespace
            return version.isEmpty ? nil : version
        case .unknown:
            return nil
        }
    }

    /// The first of `names` that is installed, with its version.
    public func firstInstalled(_ names: [String]) async -> (name: String, version: String)? {
        for name in names {
            if let version = await version(of: name) { return (name, version) }
        }
        return nil
    }
}
