import ArgumentParser
import Localization

/// `--timeout` of stop and restart: the wait after the ACPI shutdown request before forcing the guest off.
struct StopTimeoutOption: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds to wait for the guest to power off after the ACPI shutdown request before forcing it off.",
                               valueName: "seconds"))
    var timeout = 120

    func validate() throws {
        if timeout < 0 { throw ValidationError(Localizer.current.text("cli.optionNegative", ["option": "--timeout"])) }
    }
}
