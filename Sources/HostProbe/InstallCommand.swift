/// Non-interactive install commands per package manager.
public enum InstallCommand {
    public static func install(_ packages: [String], with manager: PackageManager) -> HostCommand {
        switch manager {
        case .apt:
            HostCommand(environment: ["DEBIAN_FRONTEND": "noninteractive"], argv: ["apt-get", "install", "-y"] + packages)
        case .dnf:
            HostCommand(argv: ["dnf", "install", "-y"] + packages)
        case .zypper:
            HostCommand(argv: ["zypper", "--non-interactive", "install"] + packages)
        case .apk:
            HostCommand(argv: ["apk", "add"] + packages)
        }
    }
}
