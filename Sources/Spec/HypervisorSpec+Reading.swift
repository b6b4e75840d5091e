import HostCommands
import Localization

extension HypervisorSpec {
    static func read(_ spec: FieldReader, metadata: ResourceMetadata) -> HypervisorSpec {
        let uri = spec.string("uri") ?? HypervisorSpec.defaultURI
        if let problem = LibvirtURI.problem(uri) { spec.error("uri", problem) }
        let domainType = spec.choice("domainType", default: DomainType.auto) ?? .auto
        let state = spec.choice("state", default: DesiredState.observed) ?? .observed
        let ssh = spec.string("ssh")
        if let ssh, let problem = SSHTargetRules.problem(ssh) {
            spec.error("ssh", DiagnosticText(LocalizedMessage("spec.invalidSSHTarget", ["value": ssh]), nested: ["problem": problem]))
        }
        let users = spec.stringItems("users")
        for user in users {
            if let problem = Naming.userNameProblem(user.value) { spec.itemError(user, problem) }
        }
        var packages: [String]?
        if let node = spec.node("packages") {
            if node.string == "auto" {
                packages = nil
            } else {
                let items = spec.stringItems("packages")
                for item in items {
                    if let problem = Naming.packageNameProblem(item.value) { spec.itemError(item, problem) }
                }
                packages = items.map(\.value)
            }
        }
        spec.rejectUnknownKeys()
        return HypervisorSpec(metadata: metadata, uri: uri, domainType: domainType, state: state, ssh: ssh,
                              users: users.map(\.value), packages: packages)
    }
}
