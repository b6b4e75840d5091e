import Foundation

/// Prometheus' text exposition format, read strictly enough to fail on anything a scraper would
/// refuse: `# HELP` and `# TYPE` lines, then `name{label="value",...} number` samples of a TYPEd family.
struct PrometheusExposition {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// Value by series, written `name{label="value",...}` as in the text.
    var samples: [String: Double] = [:]
    /// Type by family name.
    var types: [String: String] = [:]
    var helped: Set<String> = []

    init(_ text: String) throws {
        let sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"\\]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"\\]*")*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 3)
            if line.hasPrefix("# HELP ") {
                guard words.count == 4 else { throw Malformed(description: "bad HELP line: \(line)") }
                helped.insert(String(words[2]))
            } else if line.hasPrefix("# TYPE ") {
                guard words.count == 4, ["gauge", "counter", "histogram", "summary", "untyped"].contains(words[3]) else {
                    throw Malformed(description: "bad TYPE line: \(line)")
                }
                types[String(words[2])] = String(words[3])
            } else {
                guard let match = try sample.wholeMatch(in: String(line)), let value = Double(match.output.4) else {
                    throw Malformed(description: "not a sample: \(line)")
                }
                guard types[String(match.output.1)] != nil else { throw Malformed(description: "sample without TYPE: \(line)") }
                samples[String(match.output.1) + String(match.output.2 ?? "")] = value
            }
        }
    }
}
