@testable import Localization

extension CatalogLocale {
    var catalogBytesForTests: [UInt8] { catalogJSON }
}
