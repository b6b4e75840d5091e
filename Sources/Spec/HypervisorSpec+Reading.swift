import HostCommands

extension HypervisorSpec {
    static func read(_ spec: FieldReader, metadata: ResourceMetadata) -> HypervisorSpec {
        let uri = spec.string("uri") ?? HypervisorSpec.defaultURI
        if !uri.contains(":") { spec.error("uri", "'\(uri)' is not a libvirt URI (for example qemu:///system or qemu+ssh://user@host/system)") }
        let domainType = spec.choice("domainType", default: DomainType.auto) ?? .auto
        let state = spec.choice("state", default: DesiredState.observed) ?? .observed
        let ssh = spec.string("ssh")
        if let ssh, !SSHTarget.isValid(ssh) {
            spec.error("ssh", "'\(ssh)' is not an SSH target (expected user@host or user@host:port)")
        }
        let users = spec.stringList("users")
        var packages: [String]?
        if let node = spec.node("packages") {
            if node.string == "auto" {
                packages = nil
            } else {
                packages = spec.stringList("packages")
            }
        }
        spec.rejectUnknownKeys()
        return HypervisorSpec(metadata: metadata, uri: uri, domainType: domainType, state: state, ssh: ssh,
                              users: users, packages: packages)
    }
}
