import Foundation
import Spec
import Status
import Synchronization

/// The `reconcile status` page that `--serve` shows, as HTML and JSON. After each pass it is built
/// anew from the manifests that pass used, in the background so that probing the hosts never delays
/// the next pass; passes that end while it is being built collapse into one rebuild.
final class ServedStatus: Sendable {
    struct Page: Sendable {
        var html: String
        var json: String
    }

    private let collector: StatusCollector
    private let latest = Mutex<Page?>(nil)
    private let passes: AsyncStream<ManifestSet>
    private let passEnded: AsyncStream<ManifestSet>.Continuation

    init(collector: StatusCollector) {
        self.collector = collector
        (passes, passEnded) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// The page as of the last rebuild; nil until the first pass's status is ready.
    var page: Page? { latest.withLock { $0 } }

    /// Called when a pass ends, with the manifests it applied.
    func refresh(after manifests: ManifestSet) {
        passEnded.yield(manifests)
    }

    /// Rebuilds the page after each pass until the task is cancelled.
    func rebuildAfterPasses() async {
        for await manifests in passes {
            let report = await collector.collect(manifests)
            let page = Page(html: StatusHTMLRenderer().render(report), json: StatusJSONRenderer().render(report))
            latest.withLock { $0 = page }
        }
    }
}
