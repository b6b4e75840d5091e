import Logging
import Reconciler
import ServiceLifecycle
import Synchronization
import Unattended
import UnixSignals

/// `apply`, run under swift-service-lifecycle's service group so SIGTERM and SIGINT are a graceful
/// shutdown: the running steps finish, no other starts, and the pass reports itself interrupted.
///
/// Without a backoff it is one pass. With one (`--watch`) passes follow one another, each reading the
/// manifests and the hosts afresh: a pass that does not converge doubles the wait (up to the cap), one
/// that converges resets it, and SIGHUP ends the wait so the next pass reads the manifests now.
struct ApplyService: Service, CustomStringConvertible {
    /// The last pass, for the exit status of a single run.
    final class LastPass: Sendable {
        let summary = Mutex<PassSummary?>(nil)
    }

    let pass: ApplyPass
    let backoff: Backoff?
    let last = LastPass()
    /// `--metrics-addr` and `--serve`: stopped after the watch loop, so a scrape still answers while the
    /// last pass finishes.
    var server: WatchServer?

    /// What service-lifecycle's logs call it: never the options, which may hold a git URL's credentials.
    var description: String { backoff == nil ? "apply" : "apply --watch" }

    func run() async throws {
        let shutdown = ShutdownRequest()
        let trigger = PassTrigger()
        await withGracefulShutdownHandler {
            guard let backoff else {
                let summary = await pass.run(number: 1, shutdown: shutdown)
                pass.report(summary, nextPassIn: nil, consecutiveFailures: nil)
                last.summary.withLock { $0 = summary }
                return
            }
            await watch(backoff: backoff, shutdown: shutdown, trigger: trigger)
        } onGracefulShutdown: {
            shutdown.request()
            trigger.fire()
        }
    }

    private func watch(backoff: Backoff, shutdown: ShutdownRequest, trigger: PassTrigger) async {
        await withTaskGroup(of: Void.self) { group in
            let hangups = await UnixSignalsSequence(trapping: .sighup)
            group.addTask {
                for await _ in hangups { trigger.fire() }
            }
            var failures = 0
            var number = 0
            // Cancelled when another service of the group fails (a --serve address that cannot be bound).
            while !shutdown.isRequested && !Task.isCancelled {
                number += 1
                let summary = await pass.run(number: number, shutdown: shutdown)
                if shutdown.isRequested {
                    pass.report(summary, nextPassIn: nil, consecutiveFailures: nil)
                    break
                }
                failures = summary.succeeded ? 0 : failures + 1
                let delay = backoff.nextDelay(afterFailures: failures)
                pass.report(summary, nextPassIn: delay, consecutiveFailures: failures)
                await trigger.wait(upTo: delay)
            }
            group.cancelAll()
        }
    }

    /// Runs the service until it is done; true when the (last) pass converged or a watch was stopped.
    func runInGroup() async throws -> Bool {
        // A group shuts its services down last one first.
        let services = [server.map { ServiceGroupConfiguration.ServiceConfiguration(
                            service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
                            failureTerminationBehavior: .cancelGroup, serviceName: $0.description) },
                        .init(service: self, successTerminationBehavior: .gracefullyShutdownGroup,
                              failureTerminationBehavior: .cancelGroup, serviceName: description)].compactMap { $0 }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "reconcile.apply")))
        try await group.run()
        guard backoff == nil else { return true }
        return last.summary.withLock { $0?.succeeded ?? false }
    }
}
