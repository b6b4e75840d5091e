import ArgumentParser
import LibvirtAdapter
import Localization

@main
struct Reconcile: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "reconcile",
            abstract: Localizer.current.text("help.reconcile.abstract"),
            discussion: """
                Describe hypervisors, networks, storage pools and virtual machines in YAML; `plan` shows \
                what would change, `apply` makes the hosts match. Safe to run again and again, by hand or on a timer.

                Start with: reconcile plan examples/ --connect test:///default
                """,
            version: ReconcileVersion.current,
            subcommands: [ValidateCommand.self, PlanCommand.self, ApplyCommand.self, DetectCommand.self, StatusCommand.self,
                          StartCommand.self, StopCommand.self, RestartCommand.self, IPCommand.self, SSHCommand.self, ConsoleCommand.self,
                          SnapshotCommand.self, SchemaCommand.self]
        )
    }

    static func main() async {
        LibvirtLibrary.loadInBackground()
        BrokenPipe.survive()
        await main(nil)
    }
}
