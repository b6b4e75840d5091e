import HostProbe

extension HypervisorCard {
    /// The three cards `reconcile detect` would show for the machine, in its order.
    public static func cards(from report: DetectionReport) -> [HypervisorCard] {
        let kvm = report.hypervisors.kvm
        let lxd = report.hypervisors.lxd
        let virtualbox = report.hypervisors.virtualbox
        return [
            HypervisorCard(title: "KVM/QEMU", ladder: [kvm.available, kvm.installed, kvm.enabled, kvm.running, kvm.initialized],
                           blockers: kvm.blockers),
            HypervisorCard(title: "LXD", ladder: [lxd.available, lxd.installed, lxd.enabled, lxd.running, lxd.initialized],
                           blockers: lxd.blockers),
            HypervisorCard(title: "VirtualBox",
                           ladder: [virtualbox.available, virtualbox.installed, virtualbox.enabled, virtualbox.running,
                                    virtualbox.initialized],
                           blockers: virtualbox.blockers),
        ]
    }

    /// The rungs in ladder order; the next action climbs the first one not reached.
    static let rungNames: [LadderRung] = [.available, .installed, .enabled, .running, .initialized]

    init(title: String, ladder: [Bool], blockers: [Blocker]) {
        let rungs = zip(Self.rungNames, ladder).map { Rung(name: $0.0.rawValue, reached: $0.1) }
        let firstMissing = rungs.firstIndex { !$0.reached }
        let next: NextAction? = switch firstMissing.map({ Self.rungNames[$0] }) {
        case nil: .create
        case .available?: nil
        case .installed?: .install
        case .enabled?: .enable
        case .running?: .start
        case .initialized?, .deviceAccess?: .initialize
        }
        self.init(title: title, rungs: rungs, next: next, detail: blockers.first.map { "\($0.problem); next: \($0.next)" })
        blockerProblem = blockers.first?.problemMessage
        blockerNext = blockers.first?.nextMessage
    }
}
