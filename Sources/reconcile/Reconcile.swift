import ArgumentParser

@main
struct Reconcile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Declarative manager for KVM/libvirt hosts.",
        subcommands: [DetectCommand.self]
    )
}
