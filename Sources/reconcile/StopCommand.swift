import ArgumentParser
import Localization

/// `reconcile stop VM…`: the same graceful-then-forced stop as `state: stopped`.
struct StopCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "stop",
            abstract: Localizer.current.text("help.stop.abstract"),
            discussion: """
                A stopped guest stays declared: the next apply starts it again if its manifest says \
                state: running. Set state: stopped in the manifest to keep it off.

                Examples:
                  reconcile stop web -f manifests/
                  reconcile stop web --timeout 30 --connect qemu:///system
                """)
    }

    @Argument(help: "Virtual machine names.")
    var vms: [String]

    @OptionGroup var target: GuestTargetOptions
    @OptionGroup var stop: StopTimeoutOption

    func run() async throws {
        try await GuestTargetOptions.run {
            for (vm, control, hypervisor) in try await target.control(for: vms) {
                let result = try await control.stop(vm, timeout: .seconds(stop.timeout))
                Terminal.error(Localizer.current.text("cli.guest.done", ["result": result, "uri": hypervisor.uri]))
            }
        }
    }
}
