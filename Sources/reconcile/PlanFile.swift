import ArgumentParser
import Foundation
import Localization
import Reconciler

/// Reads and writes saved plans.
enum PlanFile {
    static func save(_ plan: SavedPlan, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            try encoder.encode(plan).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Terminal.error("error: " + Localizer.current.text("plan.file.cannotWrite", ["file": path, "detail": error.localizedDescription]))
            throw ExitCode.failure
        }
    }

    static func load(_ path: String) throws -> SavedPlan {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            let plan = try decoder.decode(SavedPlan.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            guard plan.formatVersion == SavedPlan.currentFormat else {
                Terminal.error("error: " + Localizer.current.text("plan.file.wrongFormat", [
                    "file": path, "format": String(plan.formatVersion), "supported": String(SavedPlan.currentFormat),
                ]))
                throw ExitCode.failure
            }
            return plan
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.error("error: " + Localizer.current.text("plan.file.cannotRead", ["file": path, "detail": error.localizedDescription]))
            throw ExitCode.failure
        }
    }
}
