import FrontDeskContent
import FrontDeskModel

/// The polite reply to a line that never reaches the engine (bad bytes, control characters,
/// too long), in the resident's script, from the phrase book (`intents/phrases/server.json`).
enum InputRejection {
    /// The phrase key of each problem.
    static func key(_ line: InputLine) -> String {
        switch line {
        case .invalidUTF8: "input.invalid_encoding"
        case .controlCharacter: "input.control_characters"
        case .tooLong, .text: "input.too_long"
        }
    }

    /// The reply for a rejected line.
    static func reply(_ line: InputLine, catalog: Catalog, language: Language) -> String {
        catalog.phrases.render(key(line), language)
    }
}
