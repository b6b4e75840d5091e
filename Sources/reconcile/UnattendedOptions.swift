import ArgumentParser
import Localization
import Unattended

/// Options for runs nobody watches: the watch loop, manifests from git, JSON events and metrics.
struct UnattendedOptions: ParsableArguments {
    @Flag(help: "Keep running: apply, wait --interval, apply again. SIGTERM or SIGINT stop after the running step; SIGHUP starts the next pass now.")
    var watch = false

    @Option(help: ArgumentHelp("Time between passes with --watch: 30s, 5m, 1h (failed passes back off, doubling up to 8x, at most 1h). Default: 5m.", valueName: "duration"))
    var interval: String?

    @Option(help: ArgumentHelp("Spread each wait by up to this much either way, so many hosts' timers drift apart. Default: 10%.", valueName: "percent"))
    var jitter: String?

    @Option(help: ArgumentHelp("Read the manifests from this git repository, fetched before every pass into the state directory; only fast-forwards are followed.", valueName: "url"))
    var git: String?

    @Option(help: ArgumentHelp("Branch or tag to follow with --git (default: the remote's default branch).", valueName: "branch"))
    var ref: String?

    @Option(help: ArgumentHelp("Directory of the manifests inside the --git repository (default: its top).", valueName: "dir"))
    var path: String?

    @Option(help: "Steps and passes on stderr: text, or json (one object per line).")
    var logFormat: LogFormat = .text

    @Option(help: ArgumentHelp("Write Prometheus metrics here after every pass (atomically, for node_exporter's textfile collector).", valueName: "file"))
    var metricsFile: String?

    @Option(help: ArgumentHelp("With --watch, serve Prometheus metrics at http://ADDRESS/metrics: HOST:PORT, [IPv6]:PORT, or a port alone for 127.0.0.1. Only loopback is implied: another interface only when its address is given.", valueName: "address"))
    var metricsAddr: String?

    @Option(help: ArgumentHelp("With --watch, serve the `reconcile status` page at http://ADDRESS/ (JSON at /status.json), rebuilt after each pass. Same address forms as --metrics-addr; may be the same address.", valueName: "address"))
    var serve: String?

    func validate() throws {
        _ = try backoff()
        _ = try metricsAddress()
        _ = try statusAddress()
        if !watch && (metricsAddr != nil || serve != nil) { throw ValidationError(Localizer.current.text("cli.watch.addressNeedsWatch")) }
        if !watch && (interval != nil || jitter != nil) { throw ValidationError(Localizer.current.text("cli.watch.intervalNeedsWatch")) }
        if git == nil && (ref != nil || path != nil) { throw ValidationError(Localizer.current.text("cli.watch.refNeedsGit")) }
    }

    func metricsAddress() throws -> ListenAddress? {
        try metricsAddr.map(ListenAddress.parse)
    }

    func statusAddress() throws -> ListenAddress? {
        try serve.map(ListenAddress.parse)
    }

    func backoff() throws -> Backoff {
        do {
            let text = self.interval ?? "5m"
            let interval = try IntervalText.duration(text)
            guard interval > .zero else { throw UnattendedError(LocalizedMessage("apply.zeroInterval", ["text": text])) }
            return Backoff(interval: interval, jitter: try IntervalText.fraction(jitter ?? "10%"))
        } catch let error as UnattendedError {
            throw ValidationError(error.text(.current))
        }
    }
}
