/// What the bot does with one resident line: the `chat --json` / `serve --json` object (SPEC 2.1).
public struct TurnOutput: Sendable, Equatable {
    /// The session the turn belongs to (`s-` and 16 hex digits, or `s-1`, `s-2`, … with `--now`).
    public var session: String
    /// One line: never contains a raw newline.
    public var reply: String
    /// The intent that handled this turn, or `nil`.
    public var intent: Intent?
    /// How sure the classifier was of `intent`, 0…1 (written rounded to two decimals).
    public var confidence: Double
    /// The slot the bot now waits for (`unit`, `phone`, … , `confirm`), or `nil`.
    public var awaiting: Slot?
    /// The slots of the flow in progress (or of the record just made).
    public var slots: JSONObject
    /// The record created, updated or looked up on this turn.
    public var record: RecordReference?
    /// The language the reply is in.
    public var language: Language
    /// When the bot asks which of two or more intents was meant: those intents, best first.
    /// Empty otherwise. Such a turn has `intent == "fallback"`.
    public var choices: [Intent] = []

    /// A turn's output; `choices` starts empty.
    public init(
        session: String, reply: String, intent: Intent?, confidence: Double = 0, awaiting: Slot? = nil,
        slots: JSONObject = JSONObject(), record: RecordReference? = nil, language: Language = .zhHans
    ) {
        self.session = session
        self.reply = reply
        self.intent = intent
        self.confidence = confidence
        self.awaiting = awaiting
        self.slots = slots
        self.record = record
        self.language = language
    }

    /// The SPEC 2.1 object.
    public var json: JSON {
        .object(
            JSONObject([
                ("session", .string(session)),
                ("reply", .string(reply)),
                ("intent", .optional(intent?.rawValue)),
                ("confidence", .number((confidence * 100).rounded() / 100)),
                ("awaiting", .optional(awaiting?.rawValue)),
                ("slots", .object(slots)),
                ("record", record?.json ?? .null),
                ("lang", .string(language.rawValue)),
                ("choices", .array(choices.map { JSON.string($0.rawValue) })),
            ]))
    }

    /// Appends the bytes of `json.serialized` to `out` without building the `JSON` tree (the server writes each
    /// reply straight into its connection's output).
    public func writeJSON(to out: inout [UInt8]) {
        @inline(__always) func key(_ text: StaticString, _ out: inout [UInt8]) {
            out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        @inline(__always) func optional(_ value: String?, _ out: inout [UInt8]) {
            if let value { JSON.writeString(value, to: &out) } else { key("null", &out) }
        }
        key("{\"session\":", &out)
        JSON.writeString(session, to: &out)
        key(",\"reply\":", &out)
        JSON.writeString(reply, to: &out)
        key(",\"intent\":", &out)
        optional(intent?.rawValue, &out)
        key(",\"confidence\":", &out)
        JSON.writeNumber((confidence * 100).rounded() / 100, to: &out)
        key(",\"awaiting\":", &out)
        optional(awaiting?.rawValue, &out)
        key(",\"slots\":", &out)
        JSON.object(slots).write(to: &out)
        key(",\"record\":", &out)
        if let record { record.json.write(to: &out) } else { key("null", &out) }
        key(",\"lang\":", &out)
        JSON.writeString(language.rawValue, to: &out)
        key(",\"choices\":[", &out)
        for (i, choice) in choices.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSON.writeString(choice.rawValue, to: &out)
        }
        key("]}", &out)
    }
}
