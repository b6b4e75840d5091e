import Localization
import Testing

@Suite struct LocaleResolutionTests {
    @Test(arguments: [
        (["LANG": "de_DE.UTF-8"], CatalogLocale.german),
        (["LC_ALL": "ja_JP.UTF-8", "LANG": "de_DE.UTF-8"], .japanese),
        (["LC_MESSAGES": "fr_FR", "LANG": "de_DE.UTF-8"], .french),
        (["LC_ALL": "", "LC_MESSAGES": "ko_KR.UTF-8"], .korean),
        (["LANG": "zh_TW.Big5"], .traditionalChinese),
        (["LANG": "zh_HK.UTF-8"], .traditionalChinese),
        (["LANG": "zh_CN.UTF-8"], .simplifiedChinese),
        (["LANG": "zh_SG"], .simplifiedChinese),
        (["LANG": "pt_BR.UTF-8"], .portuguese),
        (["LANG": "ar_EG.UTF-8"], .arabic),
        (["LANG": "sr_RS@latin"], .english),
        (["LANG": "C.UTF-8"], .english),
        (["LANG": "POSIX"], .english),
        ([:], .english),
    ] as [([String: String], CatalogLocale)])
    func resolves(_ environment: [String: String], _ expected: CatalogLocale) {
        #expect(CatalogLocale.resolve(environment: environment) == expected)
    }

    @Test func onlyArabicRunsRightToLeft() {
        #expect(CatalogLocale.allCases.filter(\.isRightToLeft) == [.arabic])
    }
}
