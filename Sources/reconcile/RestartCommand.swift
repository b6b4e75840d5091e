import ArgumentParser
import Localization

/// `reconcile restart VM…`: stop (graceful, then forced) and start.
struct RestartCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "restart",
            abstract: Localizer.current.text("help.restart.abstract"),
            discussion: """
                A full stop and start, not a reboot inside the guest: changes waiting for the next boot \
                (a new machine type, a guest-agent channel) take effect.

                Example:
                  reconcile restart web -f manifests/
                """)
    }

    @Argument(help: "Virtual machine names.")
    var vms: [String]

    @OptionGroup var target: GuestTargetOptions
    @OptionGroup var stop: StopTimeoutOption

    func run() async throws {
        try await GuestTargetOptions.run {
            for (vm, control, hypervisor) in try await target.control(for: vms) {
                let result = try await control.restart(vm, timeout: .seconds(stop.timeout))
                Terminal.error(Localizer.current.text("cli.guest.done", ["result": result, "uri": hypervisor.uri]))
            }
        }
    }
}
