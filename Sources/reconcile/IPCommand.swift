import ArgumentParser
import HostCommands
import Localization
import Spec

/// `reconcile ip VM`: the guest's current address, without waiting.
struct IPCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ip",
            abstract: Localizer.current.text("help.ip.abstract"),
            discussion: """
                Reads the same sources as apply's wait-for-ip (DHCP leases, the QEMU guest agent, ARP) \
                once, without waiting. The first line is the newest lease; with --all, every address \
                with its source and MAC, one per line.

                Example:
                  ssh admin@$(reconcile ip web -f manifests/)
                """)
    }

    @Argument(help: "Virtual machine name.")
    var vm: String

    @OptionGroup var target: GuestTargetOptions

    @Flag(help: "Every address found, with its source and MAC.")
    var all = false

    func run() async throws {
        try await GuestTargetOptions.run {
            guard case let (vm, control, hypervisor)? = try await target.control(for: [vm]).first else {
                return
            }
            let addresses = try await control.addresses(vm)
            if all {
                Terminal.write(addresses.map { TerminalText.escape("\($0.address) \($0.source.rawValue) \($0.mac)") }.joined(separator: "\n") + "\n")
            } else if let first = addresses.first {
                Terminal.write(TerminalText.escape(first.address) + "\n")
            }
            Terminal.error(Localizer.current.text("cli.ip.read", ["vm": vm, "uri": hypervisor.uri, "count": "\(addresses.count)"]))
        }
    }
}
