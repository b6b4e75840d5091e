import Localization
import Testing

@Suite struct MessageTemplateTests {
    @Test func fillsNamedPlaceholdersInAnyOrder() {
        let template = MessageTemplate("{delete} zu löschen, {create} zu erstellen")
        #expect(template.placeholders == ["delete", "create"])
        #expect(template.filled(with: ["create": "2", "delete": "1"]) == "1 zu löschen, 2 zu erstellen")
    }

    @Test func argumentsAreNotRescanned() {
        let text = MessageTemplate("VM {name}").filled(with: ["name": "{name}{other}"])
        #expect(text == "VM {name}{other}")
    }

    @Test func missingArgumentStaysVisible() {
        #expect(MessageTemplate("{a} and {b}").filled(with: ["a": "1"]) == "1 and {b}")
    }

    @Test func unknownKeyFallsBackToTheKey() {
        #expect(Localizer(locale: .german).text("no.such.key") == "no.such.key")
    }

    @Test func englishIsTheSameForEveryLocaleOfAMessage() {
        let message = LocalizedMessage("no.such.key", ["x": "1"])
        #expect(message.english == message.text(Localizer(locale: .japanese)))
    }
}
