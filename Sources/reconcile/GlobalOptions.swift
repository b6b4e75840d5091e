import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Options every subcommand that talks to hosts shares.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Use this libvirt URI for every Hypervisor, whatever the manifests say.",
        discussion: "For example test:///default, libvirt's built-in test driver, which needs no daemon.",
        valueName: "uri"))
    var connect: String?

    @Option(name: .long, help: "Output format: text for people, json for programs.")
    var output: OutputFormat = .text

    @Flag(name: .long, help: "Log each connection, what was observed (counts and timings), the plan's size and every command run, on stderr. Secrets are never logged.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp(
        "ssh_config file for qemu+ssh URIs and for Hypervisors with spec.ssh (passed to ssh -F).", valueName: "file"))
    var sshConfig: String?
}
