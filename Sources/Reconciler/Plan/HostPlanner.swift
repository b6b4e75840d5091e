import Localization
import Spec

/// Plans one hypervisor: compares what its manifests declare with what was observed on it and
/// collects the steps, one resource block at a time.
struct HostPlanner {
    let hypervisor: HypervisorSpec
    let manifests: ManifestSet
    let state: IndexedHostState
    let options: PlanOptions
    let facts: ProvisioningFacts
    let builder: DefinitionBuilder
    /// Earlier applies on any host that never finished (see `HostPlanner+Interrupted`).
    let interrupted: [InterruptedApply]
    /// Half-written volumes of those runs, left out of `state` so they are planned afresh.
    let discarded: [ObservedVolume]
    /// The deletion each re-created half-written volume must wait for, by its address.
    var cleanupSteps: [ResourceAddress: String] = [:]

    private(set) var steps: [Step] = []
    private(set) var resources: [ResourceChange] = []
    private(set) var conflicts: [Conflict] = []
    private(set) var notices: [LocalizedMessage] = []
    /// Running guests whose definition already waits for their next boot (restartPolicy: never).
    var pendingRestarts: [PendingRestart] = []
    private(set) var blockers: [PreflightBlocker] = []
    private var stepIDs: Set<String> = []

    init(hypervisor: HypervisorSpec, manifests: ManifestSet, state: HostState, options: PlanOptions,
         facts: ProvisioningFacts = ProvisioningFacts(), interrupted: [InterruptedApply] = []) {
        self.hypervisor = hypervisor
        self.manifests = manifests
        self.interrupted = interrupted
        let discarded = Self.halfWritten(interrupted, hypervisor: hypervisor.name, in: state)
        self.discarded = discarded
        var state = state
        state.volumes.removeAll { volume in discarded.contains { $0.pool == volume.pool && $0.name == volume.name } }
        self.state = IndexedHostState(state)
        self.options = options
        self.facts = facts
        self.builder = DefinitionBuilder(hypervisor: hypervisor, manifests: manifests, state: self.state, commit: options.commit)
    }

    var name: String { hypervisor.name }
    var networks: [NetworkSpec] { manifests.networks.filter { $0.hypervisor == name } }
    var pools: [StoragePoolSpec] { manifests.pools.filter { $0.hypervisor == name } }
    var virtualMachines: [VirtualMachineSpec] { manifests.virtualMachines.filter { $0.hypervisor == name } }

    mutating func plan() {
        planInterruptedCleanup()
        planNetworks()
        planPools()
        planVirtualMachines()
        planPrune()
        planLeftoverVolumes()
    }

    func address(_ kind: ResourceAddress.Kind, _ name: String) -> ResourceAddress {
        ResourceAddress(hypervisor: self.name, kind: kind, name: name)
    }

    /// Adds a step and returns its id, for the steps that depend on it.
    @discardableResult
    mutating func add(_ resource: ResourceAddress, _ action: Action, after dependencies: [String?] = [],
                      reason: LocalizedMessage) -> String {
        // A volume an interrupted run half-wrote is deleted before it is written again.
        let cleanup = action.kind == .deleteVolume ? nil : cleanupSteps[resource]
        let step = Step(resource: resource, action: action,
                        dependsOn: (dependencies + [cleanup]).compactMap { $0 }.filter { stepIDs.contains($0) },
                        reason: reason)
        steps.append(step)
        stepIDs.insert(step.id)
        return step.id
    }

    /// Records the resource block for every step added since `firstStep`, if any.
    mutating func record(_ resource: ResourceAddress, _ change: ChangeType, fields: [FieldChange],
                         sinceStep firstStep: Int, notes: [LocalizedMessage] = [], restartPending: Bool = false) {
        let added = steps[firstStep...].filter { $0.resource == resource }.map(\.id)
        guard !added.isEmpty else { return }
        // Deleted and created again in one plan: one `-/+` block, as Terraform shows a replacement.
        if change == .create, let index = resources.firstIndex(where: { $0.address == resource && $0.change == .delete }) {
            resources[index].change = .replace
            resources[index].fields = fields
            resources[index].stepIDs += added
            resources[index].notes += notes
            return
        }
        var block = ResourceChange(address: resource, change: change, fields: fields, stepIDs: added, notes: notes)
        if restartPending { block.restartPending = true }
        resources.append(block)
    }

    /// Adds the steps planned since `firstStep` to the resource's existing block.
    mutating func appendSteps(to resource: ResourceAddress, since firstStep: Int) {
        let added = steps[firstStep...].filter { $0.resource == resource }.map(\.id)
        guard let index = resources.lastIndex(where: { $0.address == resource }) else { return }
        resources[index].stepIDs += added
    }

    mutating func conflict(_ resource: ResourceAddress, _ message: LocalizedMessage, hint: LocalizedMessage,
                           cause: Conflict.Cause = .conflict) {
        conflicts.append(Conflict(address: resource, message: message, hint: hint, cause: cause))
    }

    mutating func notice(_ text: LocalizedMessage) {
        notices.append(text)
    }

    mutating func block(_ message: LocalizedMessage, hint: LocalizedMessage) {
        let blocker = PreflightBlocker(hypervisor: name, message: message, hint: hint)
        if !blockers.contains(blocker) { blockers.append(blocker) }
    }

    /// The id of `kind` on `resource` if this plan has such a step.
    func stepID(_ kind: StepKind, _ resource: ResourceAddress) -> String? {
        let id = Step.id(kind, resource)
        return stepIDs.contains(id) ? id : nil
    }

    static func ownershipReason(observed: Ownership?, desiredHash: String) -> LocalizedMessage {
        guard let observed else { return LocalizedMessage("plan.reason.adopting") }
        return observed.specHash == desiredHash ? LocalizedMessage("plan.reason.drift") : LocalizedMessage("plan.reason.manifestChanged")
    }
}
