import FrontDeskContent
import FrontDeskDialogue
import FrontDeskModel

/// The state of one dialogue while it runs: the current session, records made so far, failures.
struct DialogueRun {
    let dialogue: Dialogue
    let engine: Engine
    let store: any RecordStore
    let clock: ManualClock
    let transcripts: any TranscriptSink
    var conversation: Conversation?
    var sessions = 0
    var lastRecordID: String?
    var failures: [DialogueFailure] = []

    init(
        dialogue: Dialogue, engine: Engine, store: any RecordStore, clock: ManualClock, transcripts: any TranscriptSink
    ) {
        self.dialogue = dialogue
        self.engine = engine
        self.store = store
        self.clock = clock
        self.transcripts = transcripts
    }

    var nowISO: String { CivilTime(clock.now(), offset: engine.estate.utcOffset).iso8601 }

    mutating func perform() {
        for step in dialogue.steps {
            switch step {
            case .session(let line, let checks):
                sessions += 1
                var conversation = Conversation(
                    engine: engine, sessionID: "t-\(sessions)", channel: .test, peer: dialogue.path,
                    transcripts: transcripts)
                let greeting = conversation.greet()
                self.conversation = conversation
                checkGreeting(greeting, line: line, checks: checks)
            case .seed(let seed): applySeed(seed)
            case .update(let update): applyUpdate(update)
            case .wait(_, let seconds): clock.advance(by: Double(seconds))
            case .turn(let turn): perform(turn)
            }
        }
    }

    mutating func perform(_ turn: ResidentTurn) {
        guard var conversation else { return }
        let before = store.allRecords().count
        let output = conversation.handle(turn.text)
        self.conversation = conversation
        let all = store.allRecords()
        let created = Array(all.dropFirst(before))
        if let last = created.last { lastRecordID = last.id }
        let turnCheck = TurnCheck(output: output, created: created, store: store, lastRecordID: lastRecordID)
        let actual = turnCheck.describe()
        var checks = turn.expectations
        if let language = dialogue.language,
            !checks.contains(where: { if case .language = $0.check { true } else { false } })
        {
            checks.append(Expectation(line: turn.line, check: .language(language.rawValue)))
        }
        for expectation in checks {
            if let expected = turnCheck.unmet(expectation.check) {
                fail(expectation.line, expected, actual)
            }
        }
        for problem in TurnCheck.centralProblems(output.reply, forbidden: engine.catalog.phrases.forbidden) { fail(turn.line, problem, actual) }
    }

    mutating func checkGreeting(_ greeting: String, line: Int, checks: [Expectation]) {
        let actual = "greeting: \(greeting)"
        for expectation in checks {
            if let expected = TurnCheck.unmetText(expectation.check, greeting) {
                fail(expectation.line, "greeting " + expected, actual)
            }
        }
        for problem in TurnCheck.centralProblems(greeting, forbidden: engine.catalog.phrases.forbidden) { fail(line, "greeting " + problem, actual) }
    }

    mutating func applySeed(_ seed: SeedRecord) {
        guard let type = RecordType(rawValue: seed.type) else { return }
        let values = Dictionary(seed.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        var draft = Record(type: type, createdAt: values["created_at"] ?? nowISO)
        draft.unit = values["unit"]
        draft.name = values["name"]
        draft.phone = values["phone"]
        draft.category = values["category"]
        draft.description = values["description"]
        draft.time = values["time"]
        draft.team = values["team"]
        draft.priority = values["priority"]
        draft.dueAt = values["due_at"]
        draft.scope = values["scope"]
        draft.contractor = values["contractor"]
        draft.startDate = values["start_date"]
        draft.durationDays = values["duration_days"].flatMap { Int($0) }
        draft.workers = values["workers"].flatMap { Int($0) }
        draft.session = values["session"]
        draft.language = values["language"]
        let known: Set<String> = [
            "created_at", "unit", "name", "phone", "category", "description", "time", "team", "priority", "due_at",
            "scope",
            "contractor", "start_date", "duration_days", "workers", "session", "language", "status", "resolved_at",
        ]
        for field in seed.fields where !known.contains(field.key) {
            fail(seed.line, "a known record field", "unknown field '\(field.key)' in @record")
        }
        do {
            let record = try store.create(draft)
            lastRecordID = record.id
            if let status = values["status"], status != record.status {
                _ = try store.update(
                    RecordUpdate(id: record.id, at: values["resolved_at"] ?? nowISO, actor: "qa", status: status))
            }
        } catch {
            fail(seed.line, "the @record to be stored", error.description)
        }
    }

    mutating func applyUpdate(_ update: OperatorUpdate) {
        let id = update.recordID == "last" ? lastRecordID : update.recordID
        guard let id else {
            fail(update.line, "a record to update", "no record has been made yet ('last')")
            return
        }
        let values = Dictionary(update.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        do {
            _ = try store.update(
                RecordUpdate(
                    id: id, at: nowISO, actor: values["actor"] ?? "qa", status: values["status"],
                    note: values["note"] ?? "", satisfaction: values["satisfaction"], assignee: values["assign"],
                    tellResident: values["tell_resident"] == "true"))
        } catch {
            fail(update.line, "the @update to apply", error.description)
        }
    }

    mutating func fail(_ line: Int, _ expected: String, _ actual: String) {
        failures.append(DialogueFailure(path: dialogue.path, line: line, expected: expected, actual: actual))
    }
}
