import Localization
import Testing

/// Durations reach messages as a plain number; each catalog writes the unit in its own language,
/// where Swift's `Duration` description would have put "7.0 seconds" into every one.
@Suite struct DurationSecondsTextTests {
    @Test func plainNumbers() {
        #expect(Duration.seconds(7).secondsText == "7")
        #expect(Duration.seconds(120).secondsText == "120")
        #expect(Duration.milliseconds(2500).secondsText == "2.5")
        #expect(Duration.milliseconds(50).secondsText == "0.05")
        #expect(Duration.milliseconds(7000).secondsText == "7")
        #expect(Duration.nanoseconds(1_999_999_999).secondsText == "2")
    }

    static let durationKeys = ["adapter.noAnswer", "adapter.process.timeout", "adapter.process.sshTimeout",
                               "engine.detail.forcedOff", "provisioning.sshNotReachable", "provisioning.sshNoAnswerWithin"]

    @Test("a timeout reads as a number with the locale's unit, never Swift's English description",
          arguments: CatalogLocale.allCases)
    func timeoutInEveryLocale(_ locale: CatalogLocale) {
        let localizer = Localizer(locale: locale)
        let arguments = ["seconds": Duration.milliseconds(2500).secondsText, "service": "libvirtd",
                         "command": "sleep 30", "host": "kvm1", "attempts": "4"]
        for key in Self.durationKeys {
            let text = localizer.text(key, arguments)
            #expect(text.contains("2.5"), "\(locale.rawValue) \(key): \(text)")
            #expect(!text.contains("{seconds}") && !text.contains("seconds"), "\(locale.rawValue) \(key): \(text)")
            if locale != .english {
                #expect(text != Localizer.english.text(key, arguments), "\(locale.rawValue) \(key) is English: \(text)")
            }
        }
        #expect(Localizer.english.text("adapter.process.timeout", arguments) == "sleep 30: no exit within 2.5 s")
        let units: [CatalogLocale: String] = [.german: "2.5 s", .japanese: "2.5 秒", .korean: "2.5초", .russian: "2.5 с",
                                              .arabic: "2.5 ث", .simplifiedChinese: "2.5 秒", .traditionalChinese: "2.5 秒"]
        if let unit = units[locale] {
            #expect(localizer.text("adapter.process.timeout", arguments).contains(unit), "\(locale.rawValue)")
        }
    }
}
