public import FrontDeskModel

/// One scripted dialogue (`transcripts/**/*.dialogue`): a header, optional set-up steps, and the
/// resident's lines, each followed by what the bot's reply to it must satisfy.
///
/// The format is documented in README.md (`## Scripted dialogues (QA)`); `DialogueParser` reads it.
public struct Dialogue: Sendable, Equatable {
    /// The file it came from, as given (used in every failure's `file:line`).
    public var path: String
    /// The `# title` line.
    public var title: String
    /// `@now`: the fixed clock the dialogue runs at (default `DialogueParser.defaultNow`).
    public var now: String
    /// `@estate`: an estate file to use instead of the suite's.
    public var estatePath: String?
    /// `@lang`: the language every bot reply must be in, unless a turn says otherwise.
    public var language: Language?
    /// What happens, in order.
    public var steps: [DialogueStep]

    /// A dialogue with no steps yet.
    public init(path: String, title: String = "", now: String = DialogueParser.defaultNow) {
        self.path = path
        self.title = title
        self.now = now
        self.steps = []
    }

    /// The resident turns, in order.
    public var turns: [ResidentTurn] {
        steps.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
    }
}

/// One step of a dialogue.
public enum DialogueStep: Sendable, Equatable {
    /// A session starts (implicitly at the top, or `@session`): its greeting must meet the checks.
    case session(line: Int, greeting: [Expectation])
    /// `@record TYPE key=value…`: a record that exists before the next turn (e.g. a resolved repair).
    case seed(SeedRecord)
    /// `@update ID|last key=value…`: an operator changes a record between turns.
    case update(OperatorUpdate)
    /// `@wait 6m`: the clock moves on (`s`, `m`, `h`, `d`).
    case wait(line: Int, seconds: Int)
    /// `> text`: the resident says something; the expectations apply to the bot's reply.
    case turn(ResidentTurn)
}

/// A resident line and the checks on the bot's reply to it.
public struct ResidentTurn: Sendable, Equatable {
    /// The line of the `>` in the file.
    public var line: Int
    /// What the resident types (everything after `> `).
    public var text: String
    /// Checks on the reply, in file order.
    public var expectations: [Expectation]

    /// A turn with no checks yet.
    public init(line: Int, text: String, expectations: [Expectation] = []) {
        self.line = line
        self.text = text
        self.expectations = expectations
    }
}

/// One check on a bot turn, with the line it was written on.
public struct Expectation: Sendable, Equatable {
    /// Its line in the dialogue file.
    public var line: Int
    /// What is checked.
    public var check: Check

    /// An expectation at `line`.
    public init(line: Int, check: Check) {
        self.line = line
        self.check = check
    }

    /// What a bot turn is checked for.
    public enum Check: Sendable, Equatable {
        /// `intent: repair` (`intent: none` for `null`).
        case intent(String?)
        /// `awaiting: phone` (`awaiting: none` for `null`).
        case awaiting(String?)
        /// `contains: 请提供` — the reply contains the text.
        case contains(String)
        /// `not-contains: 不行` — the reply does not contain the text.
        case notContains(String)
        /// `matches: REP-\d{8}-\d{4}` — a regular expression found somewhere in the reply.
        case matches(String)
        /// `reply: …` — the whole reply, exactly.
        case reply(String)
        /// `lang: en` — the language of the reply.
        case language(String)
        /// `slot: unit=3-2-501` — a slot of the turn output.
        case slot(String, String)
        /// `choices: repair complaint` — the intents offered by a "which did you mean" turn.
        case choices([String])
        /// `record: repair category=plumbing unit=3-2-501` — this turn created or touched a record
        /// of the type, whose stored fields have these values.
        case record(type: String, fields: [Field])
        /// `no-record` — no record was created on this turn.
        case noRecord
        /// `stored: REP-20261122-0001 satisfaction=满意` (or `stored: last …`) — after this turn the
        /// record in the store has these field values, whether or not the turn reported it.
        case stored(id: String, fields: [Field])
    }

    /// A `key=value` pair of a `record:` check, `@record` or `@update`.
    public struct Field: Sendable, Equatable {
        /// A field name of the record JSON (`unit`, `category`, `status`, `duration_days`, …).
        public var key: String
        /// The expected value, as text (numbers as digits).
        public var value: String

        /// A field.
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }
}

/// `@record repair unit=3-2-501 status=resolved …`: a record created before the next turn.
public struct SeedRecord: Sendable, Equatable {
    /// Its line in the dialogue file.
    public var line: Int
    /// The record type (`repair`, `complaint`, …).
    public var type: String
    /// Its fields; `status` other than the initial one is reached by an operator update.
    public var fields: [Expectation.Field]

    /// A seed.
    public init(line: Int, type: String, fields: [Expectation.Field]) {
        self.line = line
        self.type = type
        self.fields = fields
    }
}

/// `@update REP-20261122-0001 status=resolved note=修好了`: an operator step between turns.
public struct OperatorUpdate: Sendable, Equatable {
    /// Its line in the dialogue file.
    public var line: Int
    /// A record ID, or `last` for the record made most recently in this dialogue.
    public var recordID: String
    /// `status`, `note`, `satisfaction`.
    public var fields: [Expectation.Field]

    /// An update.
    public init(line: Int, recordID: String, fields: [Expectation.Field]) {
        self.line = line
        self.recordID = recordID
        self.fields = fields
    }
}
