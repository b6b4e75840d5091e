import Localization
import Spec

/// Plans the host below libvirt for a `state: ready` hypervisor: the packages, the daemon, the
/// users' groups, and the preflight checks. Adds only what the facts show missing, so a ready host
/// plans nothing.
struct HostBootstrapPlanner {
    /// Members of `libvirt` manage guests without root; members of `kvm` may open /dev/kvm.
    static let userGroups = ["libvirt", "kvm"]

    let hypervisor: HypervisorSpec
    let manifests: ManifestSet
    let observation: HostObservation

    private(set) var steps: [Step] = []
    private(set) var resources: [ResourceChange] = []
    private(set) var notices: [LocalizedMessage] = []
    private(set) var blockers: [PreflightBlocker] = []
    /// The step libvirt-level steps must wait for: the daemon start, or the install that precedes it.
    private(set) var libvirtReadyStep: String?

    init(hypervisor: HypervisorSpec, manifests: ManifestSet, observation: HostObservation) {
        self.hypervisor = hypervisor
        self.manifests = manifests
        self.observation = observation
    }

    var name: String { hypervisor.name }
    var facts: HostFacts { observation.facts }

    mutating func plan() {
        let install = planPackages()
        let start = planService(after: install)
        planGroups(after: install)
        libvirtReadyStep = start ?? install
        planLibvirtReachability(willStart: start != nil || install != nil)
        planPreflight()
    }

    func address(_ name: String) -> ResourceAddress {
        ResourceAddress(hypervisor: self.name, kind: .host, name: name)
    }

    @discardableResult
    mutating func add(_ resource: ResourceAddress, _ action: Action, after dependencies: [String?] = [],
                      reason: LocalizedMessage) -> String {
        let step = Step(resource: resource, action: action, dependsOn: dependencies.compactMap { $0 }, reason: reason)
        steps.append(step)
        return step.id
    }

    mutating func record(_ resource: ResourceAddress, _ change: ChangeType, fields: [FieldChange], sinceStep first: Int,
                         notes: [LocalizedMessage] = []) {
        let added = steps[first...].filter { $0.resource == resource }.map(\.id)
        guard !added.isEmpty else { return }
        resources.append(ResourceChange(address: resource, change: change, fields: fields, stepIDs: added, notes: notes))
    }

    mutating func notice(_ text: LocalizedMessage) {
        notices.append(text)
    }

    mutating func block(_ message: LocalizedMessage, hint: LocalizedMessage) {
        blockers.append(PreflightBlocker(hypervisor: name, message: message, hint: hint))
    }

    private mutating func planPackages() -> String? {
        guard facts.neededPackages != nil else {
            block(LocalizedMessage("plan.blocker.noPackageSet", ["distribution": "\(facts.distribution)", "name": name]),
                  hint: LocalizedMessage("plan.blocker.noPackageSetHint"))
            return nil
        }
        guard !facts.missingPackages.isEmpty else { return nil }
        guard facts.packageManager != nil else {
            block(LocalizedMessage("plan.blocker.noPackageManager", [
                      "packages": facts.missingPackages.joined(separator: ", "), "name": name, "distribution": "\(facts.distribution)",
                  ]),
                  hint: LocalizedMessage("plan.blocker.noPackageManagerHint"))
            return nil
        }
        let resource = address("packages")
        let first = steps.count
        let step = add(resource, .installPackages(facts.missingPackages),
                       reason: LocalizedMessage("plan.reason.notInstalled", ["packages": facts.missingPackages.joined(separator: ", ")]))
        record(resource, .create, fields: [FieldChange(field: "install", before: nil,
                                                        after: facts.missingPackages.joined(separator: ", "))],
               sinceStep: first)
        return step
    }

    private mutating func planService(after install: String?) -> String? {
        let service = facts.libvirtService
        let resource = address(service)
        let first = steps.count
        var fields: [FieldChange] = []
        var enable: String?
        if facts.serviceManager == .none {
            notice(LocalizedMessage("plan.notice.noInitSystem", ["name": name, "target": "\(observationTarget)", "service": service]))
        } else if !facts.serviceEnabled {
            enable = add(resource, .enableService(service), after: [install],
                         reason: LocalizedMessage("plan.reason.serviceNotEnabled", ["service": service, "manager": facts.serviceManager.rawValue]))
            fields.append(FieldChange(field: "enabled", before: false, after: true))
        }
        var start: String?
        if !facts.serviceRunning {
            let reason = facts.serviceManager == .none
                ? LocalizedMessage("plan.reason.serviceStartedDirectly", ["service": service])
                : LocalizedMessage("plan.reason.serviceNotRunning", ["service": service])
            start = add(resource, .startService(service), after: [install, enable], reason: reason)
            fields.append(FieldChange(field: "running", before: false, after: true))
        }
        record(resource, .update, fields: fields, sinceStep: first)
        return start
    }

    private mutating func planGroups(after install: String?) {
        for user in facts.missingUsers {
            block(LocalizedMessage("plan.blocker.noSuchUser", ["user": user, "name": name]),
                  hint: LocalizedMessage("plan.blocker.noSuchUserHint", ["user": user]))
        }
        for user in hypervisor.users {
            guard let groups = facts.userGroups[user] else { continue }
            for group in Self.userGroups where !groups.contains(group) {
                let resource = address("group/\(group)/\(user)")
                let first = steps.count
                // The libvirt group comes with the packages.
                add(resource, .addUserToGroup(user: user, group: group), after: [install],
                    reason: LocalizedMessage("plan.reason.notInGroup", ["user": user, "group": group]))
                record(resource, .update, fields: [FieldChange(field: "member", before: false, after: true)],
                       sinceStep: first)
            }
        }
    }

    private var observationTarget: String { hypervisor.ssh.map { "over SSH \($0)" } ?? "this machine" }
}
