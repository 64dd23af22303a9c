import FrontDeskContent
import FrontDeskModel

/// The polite reply to a line that never reaches the engine (bad bytes, control characters,
/// too long), from the phrase book when it has one, else a fixed bilingual line.
enum InputRejection {
    /// Phrase keys tried in order, per problem.
    static let keys: [String: [String]] = [
        "invalidUTF8": ["input_invalid_encoding", "input.invalid_encoding", "input_invalid", "input.invalid"],
        "controlCharacter": ["input_control_characters", "input.control_characters", "input_invalid", "input.invalid"],
        "tooLong": ["input_too_long", "input.too_long", "input_invalid", "input.invalid"],
    ]

    /// Fixed lines when the phrase book has none.
    static let fallback: [String: String] = [
        "invalidUTF8":
            "抱歉，这条消息的文字编码无法识别，请用 UTF-8 重新输入。Sorry, this message is not valid UTF-8 text; please type it again.",
        "controlCharacter":
            "抱歉，这条消息含有无法显示的控制字符，请重新输入。Sorry, this message contains control characters; please type it again.",
        "tooLong":
            "抱歉，这条消息太长了，请分几条发送（每条不超过 8192 字节）。Sorry, this message is too long; please send it in parts of at most 8192 bytes.",
    ]

    /// The reply for a rejected line.
    static func reply(_ line: InputLine, catalog: Catalog, language: Language) -> String {
        let problem: String
        switch line {
        case .invalidUTF8: problem = "invalidUTF8"
        case .controlCharacter: problem = "controlCharacter"
        case .tooLong, .text: problem = "tooLong"
        }
        for key in keys[problem] ?? [] where catalog.phrases.contains(key) {
            return catalog.phrases.render(key, language, ["max": "8192"])
        }
        return fallback[problem] ?? ""
    }
}
