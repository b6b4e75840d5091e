import Testing
@testable import Provisioning

@Suite("Download progress rendering")
struct DownloadProgressTests {
    @Test("a known total renders a bar, percentage and sizes")
    func bar() {
        let progress = DownloadProgress(bytesDone: 512 * 1024, totalBytes: 2 * 1024 * 1024)
        #expect(progress.fraction == 0.25)
        #expect(progress.formatted(barWidth: 8) == "[##......]  25%  0.5 MiB / 2.0 MiB")
    }

    @Test("an unknown total renders only the bytes done")
    func unknownTotal() {
        let progress = DownloadProgress(bytesDone: 3 * 1024 * 1024, totalBytes: nil)
        #expect(progress.fraction == nil)
        #expect(progress.formatted() == "3.0 MiB")
    }

    @Test("the throttle emits the first update, then one per interval, and always the last")
    func throttle() {
        var throttle = ProgressThrottle(interval: .seconds(5))
        let start = ContinuousClock.now
        let total: Int64 = 100
        let emit1 = throttle.shouldEmit(DownloadProgress(bytesDone: 1, totalBytes: total), now: start)
        #expect(emit1)
        let emit2 = throttle.shouldEmit(DownloadProgress(bytesDone: 2, totalBytes: total), now: start + .seconds(1))
        #expect(!emit2)
        let emit3 = throttle.shouldEmit(DownloadProgress(bytesDone: 50, totalBytes: total), now: start + .seconds(6))
        #expect(emit3)
        let emit4 = throttle.shouldEmit(DownloadProgress(bytesDone: 60, totalBytes: total), now: start + .seconds(7))
        #expect(!emit4)
        let emit5 = throttle.shouldEmit(DownloadProgress(bytesDone: 100, totalBytes: total), now: start + .seconds(8))
        #expect(emit5)
    }
}
