import Testing
import Unattended

@Suite("Durations, percentages and backoff")
struct IntervalTextTests {
    @Test("30s, 5m, 1h and 500ms are durations")
    func durations() throws {
        #expect(try IntervalText.duration("30s") == .seconds(30))
        #expect(try IntervalText.duration("5m") == .seconds(300))
        #expect(try IntervalText.duration("1h") == .seconds(3_600))
        #expect(try IntervalText.duration("500ms") == .milliseconds(500))
    }

    @Test("anything else is a clear error", arguments: ["", "5", "5min", "1.5h", "-1s", "s", "1 h", "1d", "99999999999999999h"])
    func invalidDurations(_ text: String) {
        #expect {
            try IntervalText.duration(text)
        } throws: { error in
            "\(error)".contains("is not a duration: write a whole number and a unit, e.g. 30s, 5m, 1h")
        }
    }

    @Test("jitter is a percentage from 0% to 100%")
    func fractions() throws {
        #expect(try IntervalText.fraction("10%") == 0.1)
        #expect(try IntervalText.fraction("0%") == 0)
        for bad in ["150%", "-5%", "ten", "%"] {
            #expect(throws: UnattendedError.self) { try IntervalText.fraction(bad) }
        }
    }

    @Test("waits are shown in the largest units")
    func describe() {
        #expect(IntervalText.describe(.seconds(300)) == "5m")
        #expect(IntervalText.describe(.seconds(3_871)) == "1h4m31s")
        #expect(IntervalText.describe(.milliseconds(1_500)) == "1.5s")
        #expect(IntervalText.describe(.milliseconds(200)) == "200ms")
    }

    @Test("backoff doubles after each failure up to 8x the interval, and a success resets it")
    func backoff() {
        let backoff = Backoff(interval: .seconds(1), jitter: 0)
        #expect((0...5).map { backoff.delay(afterFailures: $0) } == [1, 2, 4, 8, 8, 8].map { Duration.seconds($0) })
        #expect(backoff.nextDelay(afterFailures: 0) == .seconds(1))
    }

    @Test("the cap is at most an hour, and never below the interval")
    func cap() {
        #expect(Backoff(interval: .seconds(1_800), jitter: 0).delay(afterFailures: 10) == .seconds(3_600))
        #expect(Backoff(interval: .seconds(7_200), jitter: 0).delay(afterFailures: 3) == .seconds(7_200))
    }

    @Test("jitter moves a wait by at most its fraction either way")
    func jitter() {
        let backoff = Backoff(interval: .seconds(100), jitter: 0.1)
        #expect(abs((backoff.jittered(.seconds(100), unit: 1) - .seconds(110)).secondsValue) < 1e-6)
        #expect(abs((backoff.jittered(.seconds(100), unit: -1) - .seconds(90)).secondsValue) < 1e-6)
        for _ in 0..<50 {
            let delay = backoff.nextDelay(afterFailures: 0)
            #expect(delay >= .seconds(90) && delay <= .seconds(110))
        }
    }
}
