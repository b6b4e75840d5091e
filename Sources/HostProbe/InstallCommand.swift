/// Non-interactive install commands per package manager.
public enum InstallCommand {
    /// `--` ends the options, so no package name is ever read as one. dnf 5 (Fedora 41 and later)
    /// rejects `--` until 5.4.3 ("Unknown argument"), so dnf gets none and relies on
    /// `PackageManager.validate`, which every caller runs first and which refuses names starting with '-'.
    public static func install(_ packages: [String], with manager: PackageManager) -> HostCommand {
        switch manager {
        case .apt:
            HostCommand(environment: ["DEBIAN_FRONTEND": "noninteractive"], argv: ["apt-get", "install", "-y", "--"] + packages)
        case .dnf:
            HostCommand(argv: ["dnf", "install", "-y"] + packages)
        case .zypper:
            HostCommand(argv: ["zypper", "--non-interactive", "install", "--"] + packages)
        case .apk:
            HostCommand(argv: ["apk", "add", "--"] + packages)
        }
    }
}
