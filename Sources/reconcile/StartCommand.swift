import ArgumentParser
import Localization

/// `reconcile start VM…`
struct StartCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "start",
            abstract: Localizer.current.text("help.start.abstract"),
            discussion: """
                Examples:
                  reconcile start web db -f manifests/
                  reconcile start web --connect qemu+ssh://root@kvm1/system
                """)
    }

    @Argument(help: "Virtual machine names.")
    var vms: [String]

    @OptionGroup var target: GuestTargetOptions

    func run() async throws {
        try await GuestTargetOptions.run {
            for (vm, control, hypervisor) in try await target.control(for: vms) {
                let result = try await control.start(vm)
                Terminal.error(Localizer.current.text("cli.guest.done", ["result": result, "uri": hypervisor.uri]))
            }
        }
    }
}
