/// Who spoke a transcript turn.
public enum Role: String, Sendable, Hashable {
    case resident
    case bot
    /// A person at the desk who holds the session (SPEC 8.3).
    case `operator`
}

/// One line of `var/transcripts/YYYY-MM-DD.jsonl` (SPEC 6).
public struct TranscriptEvent: Sendable, Equatable {
    /// ISO 8601 with the estate's offset.
    public var time: String
    /// The session ID (`s-…`).
    public var session: String
    /// 1, 2, 3, … within the session, over both roles.
    public var seq: Int
    /// `stdio`, `tcp` or `test`.
    public var channel: String
    /// `127.0.0.1:53122` for TCP, `stdin` for stdio.
    public var peer: String
    /// Who spoke: the resident or the bot.
    public var role: Role
    /// Phone numbers already masked.
    public var text: String
    /// The intent the matcher found (resident) or that handled the turn (bot); nil for a greeting line.
    public var intent: String?
    /// The matcher's confidence, 0…1 (resident turns).
    public var confidence: Double?
    /// `zh-Hans`, `zh-Hant` or `en`.
    public var language: String?
    /// The slot the bot waits for after this turn (bot turns).
    public var awaiting: String?
    /// The slots of the flow in progress, phones masked (bot turns).
    public var slots: JSONObject
    /// The record created, updated or looked up on this turn (bot turns).
    public var record: RecordReference?
    /// On a bot turn that asked "which did you mean": the intents offered.
    public var choices: [String] = []
    /// On an operator turn: the operator's name (from the token file).
    public var operatorName: String?
    /// A turn of a live hand-off (SPEC 8.3) that `replay --check` does not compare: on a resident
    /// turn `waiting` or `held` (the line went to the operators, not the bot); on a bot turn what
    /// the desk said on its own (`queued`, `timeout`, `released`, `closed`, `alert`).
    public var handoff: String?

    /// An event with every field given; optional ones default to absent.
    public init(
        time: String, session: String, seq: Int, channel: String, peer: String, role: Role, text: String,
        intent: String? = nil, confidence: Double? = nil, language: String? = nil, awaiting: String? = nil,
        slots: JSONObject = JSONObject(), record: RecordReference? = nil
    ) {
        self.time = time
        self.session = session
        self.seq = seq
        self.channel = channel
        self.peer = peer
        self.role = role
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.language = language
        self.awaiting = awaiting
        self.slots = slots
        self.record = record
    }

    /// The JSON-lines object: keys in a fixed order, `awaiting` on bot turns, `choices` when non-empty.
    public var json: JSON {
        var o = JSONObject()
        o.append("time", .string(time))
        o.append("session", .string(session))
        o.append("seq", .number(Double(seq)))
        o.append("channel", .string(channel))
        o.append("peer", .string(peer))
        o.append("role", .string(role.rawValue))
        o.append("text", .string(text))
        o.append("intent", .optional(intent))
        if let confidence { o.append("confidence", .number((confidence * 1000).rounded() / 1000)) }
        if let language { o.append("lang", .string(language)) }
        if role == .bot { o.append("awaiting", .optional(awaiting)) }
        o.append("slots", .object(slots))
        o.append("record", record?.json ?? .null)
        if !choices.isEmpty { o.append("choices", .array(choices.map(JSON.string))) }
        if let operatorName { o.append("operator", .string(operatorName)) }
        if let handoff { o.append("handoff", .string(handoff)) }
        return .object(o)
    }

    /// Reads an event; `nil` when a required field (time, session, seq, role, text) is missing.
    public init?(json: JSON) {
        guard let time = json["time"]?.string, let session = json["session"]?.string, let seq = json["seq"]?.int,
            let roleName = json["role"]?.string, let role = Role(rawValue: roleName), let text = json["text"]?.string
        else { return nil }
        self.init(
            time: time, session: session, seq: seq, channel: json["channel"]?.string ?? "",
            peer: json["peer"]?.string ?? "", role: role, text: text, intent: json["intent"]?.string,
            confidence: json["confidence"]?.number, language: json["lang"]?.string,
            awaiting: json["awaiting"]?.string, slots: json["slots"]?.object ?? JSONObject(),
            record: json["record"].flatMap(RecordReference.init(json:)))
        choices = json["choices"]?.array?.compactMap(\.string) ?? []
        operatorName = json["operator"]?.string
        handoff = json["handoff"]?.string
    }

    /// Whether the event belongs to a live hand-off: an operator's line, a resident line that went
    /// to the operators, or something the desk said on its own. The bot's own turns that carry a
    /// mark (`callback`: a person was asked for and none could come; `gave_up`: the resident
    /// stopped waiting) are ordinary turns.
    public var isHandoff: Bool {
        role == .operator || (handoff != nil && handoff != "callback" && handoff != "gave_up")
    }
}

/// Where transcript events go. Appending never blocks a turn for long and never throws:
/// the sink buffers, and reports its own write failures out of band.
public protocol TranscriptSink: Sendable {
    /// Queues one event.
    func append(_ event: TranscriptEvent)
    /// Writes out everything queued (and syncs it, for a file sink).
    func flush()
}

/// A sink that drops everything (transcripts off).
public struct NullTranscriptSink: TranscriptSink {
    /// A sink that keeps nothing.
    public init() {}
    /// Drops the event.
    public func append(_ event: TranscriptEvent) {}
    /// Does nothing.
    public func flush() {}
}
