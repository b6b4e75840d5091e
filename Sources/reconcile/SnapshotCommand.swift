import ArgumentParser
import Localization

struct SnapshotCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "snapshot",
            abstract: Localizer.current.text("help.snapshot.abstract"),
            discussion: """
                Snapshots are declared in a VM's spec.snapshots and made by `apply`; these commands show \
                them and revert to one. The VM is found through the manifests (its hypervisor), or on the \
                host --connect names (qemu:///system by default).
                """,
            subcommands: [SnapshotListCommand.self, SnapshotRevertCommand.self])
    }
}
