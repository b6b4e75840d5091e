import Reconciler
import ServiceLifecycle
import Unattended
import UnixSignals

/// `apply --watch`: passes one after another, each reading the manifests and the hosts afresh.
/// A pass that does not converge doubles the wait (up to the cap), one that converges resets it.
/// Graceful shutdown (SIGTERM, SIGINT through the service group) lets the running steps finish and
/// starts no other; SIGHUP ends the wait so the next pass reads the manifests now.
struct WatchService: Service {
    let pass: ApplyPass
    let backoff: Backoff

    func run() async throws {
        let shutdown = ShutdownRequest()
        let trigger = PassTrigger()
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                let hangups = await UnixSignalsSequence(trapping: .sighup)
                group.addTask {
                    for await _ in hangups { trigger.fire() }
                }
                var failures = 0
                var number = 0
                while !shutdown.isRequested {
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
        } onGracefulShutdown: {
            shutdown.request()
            trigger.fire()
        }
    }
}
