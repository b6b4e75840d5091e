import ArgumentParser

/// `reconcile start VM…`
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start virtual machines reconcile manages.",
        discussion: """
            Examples:
              reconcile start web db -f manifests/
              reconcile start web --connect qemu+ssh://root@kvm1/system
            """)

    @Argument(help: "Virtual machine names.")
    var vms: [String]

    @OptionGroup var target: GuestTargetOptions

    func run() async throws {
        try await GuestTargetOptions.run {
            for (vm, control, hypervisor) in try await target.control(for: vms) {
                Terminal.error("reconcile: \(try await control.start(vm)) on \(hypervisor.uri)")
            }
        }
    }
}
