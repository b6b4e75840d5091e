extension Duration {
    /// Seconds as a plain number for a `{seconds}` placeholder ("7", "2.5", "0.05"): the catalog
    /// template carries the unit in the reader's language, which Swift's `Duration` description
    /// ("7.0 seconds") would leave in English.
    public var secondsText: String {
        let (seconds, attoseconds) = components
        if attoseconds == 0 { return String(seconds) }
        let thousandths = ((Double(seconds) + Double(attoseconds) / 1e18) * 1000).rounded()
        if thousandths.truncatingRemainder(dividingBy: 1000) == 0 { return String(Int64(thousandths / 1000)) }
        return "\(thousandths / 1000)"
    }
}
