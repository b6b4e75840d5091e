import ArgumentParser

struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "List a VM's snapshots, or revert it to one.",
        discussion: """
            Snapshots are declared in a VM's spec.snapshots and made by `apply`; these commands show \
            them and revert to one. The VM is found through the manifests (its hypervisor), or on the \
            host --connect names (qemu:///system by default).
            """,
        subcommands: [SnapshotListCommand.self, SnapshotRevertCommand.self])
}
