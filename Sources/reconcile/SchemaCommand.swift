import ArgumentParser
import Localization
import Spec

struct SchemaCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "schema",
            abstract: Localizer.current.text("help.schema.abstract"),
            discussion: """
                Both come from the field catalog the validator is checked against, so they describe exactly \
                what `reconcile validate` accepts.

                  reconcile schema > reconcile.schema.json
                  reconcile schema --markdown > docs/manifests.md

                Editors using yaml-language-server check and complete manifests that start with \
                `# yaml-language-server: $schema=./reconcile.schema.json`.
                """)
    }

    @Flag(name: .long, help: "Print the Markdown reference (docs/manifests.md) instead of the JSON Schema.")
    var markdown = false

    func run() throws {
        Terminal.write(markdown ? FieldCatalog.markdown() : FieldCatalog.jsonSchema())
    }
}
