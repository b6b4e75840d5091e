import ArgumentParser
import Foundation
import HostSystemAdapter
import Localization
import Reconciler
import Spec
import Status

/// `reconcile status`: what each host can run and how its guests compare with the manifests.
struct StatusCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "status",
            abstract: Localizer.current.text("help.status.abstract"),
            discussion: """
                Per Hypervisor: a card for KVM/QEMU, LXD and VirtualBox (available, installed, enabled, running, \
                initialized, and the next action), then a table of its guests: type, distribution, state, IP, \
                agent, drift (in sync, drifted, not created, not declared, conflict), autostart and uptime. \
                Changes nothing.

                Without a PATH, every domain on the host is listed as not declared (guests reconcile did not \
                create are marked unmanaged). Uptime shows — : libvirt's API reports no start time for a domain.

                Exit status: 0 when every host's guests were read, 1 when a host's libvirt did not answer (the \
                other hosts are still shown).

                Examples:
                  reconcile status --connect test:///default
                  reconcile status manifests/
                  reconcile status manifests/ --output html > status.html
                """)
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: "Manifest files or directories (optional).")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Use this libvirt URI for every Hypervisor (default without manifests: \(HypervisorSpec.defaultURI)).",
        valueName: "uri"))
    var connect: String?

    @Option(name: .long, help: "Output format: text, json, or html (one self-contained page).")
    var output: Format = .text

    @Flag(name: .long, help: "Log what reconcile does in detail, on stderr.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp(
        "ssh_config file for Hypervisors with spec.ssh (passed to ssh -F).", valueName: "file"))
    var sshConfig: String?

    @OptionGroup var provisioning: ProvisioningOptions

    func run() async throws {
        LogSetup.configure(verbose: verbose)
        let manifests = paths.isEmpty
            ? try ManifestLoading.implicit(connect: connect)
            : try ManifestLoading.load(paths, connect: connect)
        let engine = HostWiring.engine(sshConfig: sshConfig, provisioning: provisioning)
        let detector = StatusHostDetector(connector: ProbedHostSystemConnector(sshConfig: sshConfig,
                                                                               stateDirectory: provisioning.stateDirectory))
        let report = await StatusCollector(engine: engine, detector: detector).collect(manifests)
        switch output {
        case .text: Terminal.write(StatusTextRenderer(style: Terminal.style()).render(report))
        case .json: Terminal.write(StatusJSONRenderer().render(report))
        case .html: Terminal.write(StatusHTMLRenderer().render(report))
        }
        if report.hosts.contains(where: { $0.error != nil }) { throw ExitCode.failure }
    }
}
