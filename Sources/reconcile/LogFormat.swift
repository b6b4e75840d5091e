import ArgumentParser

/// How apply reports steps and passes on stderr: lines for people, or one JSON object per event.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
