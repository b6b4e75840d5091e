extension CatalogLocale {
    /// The catalog as it was embedded in the binary at build time: a moved or copied `reconcile`
    /// needs no resource bundle beside it.
    var catalogJSON: [UInt8] {
        switch self {
        case .arabic: PackageResources.ar_json
        case .german: PackageResources.de_json
        case .english: PackageResources.en_json
        case .spanish: PackageResources.es_json
        case .french: PackageResources.fr_json
        case .hindi: PackageResources.hi_json
        case .italian: PackageResources.it_json
        case .japanese: PackageResources.ja_json
        case .korean: PackageResources.ko_json
        case .dutch: PackageResources.nl_json
        case .portuguese: PackageResources.pt_json
        case .russian: PackageResources.ru_json
        case .simplifiedChinese: PackageResources.zh_CN_json
        case .traditionalChinese: PackageResources.zh_TW_json
        }
    }
}
