import Foundation
public import FrontDeskModel

/// One month of live hand-offs (SPEC 8.3): how often residents asked for a person and how it ended.
public struct HandoffMonth: Sendable, Equatable {
    /// `YYYY-MM`.
    public var month: String
    /// Requests for a person (queued, or turned straight into a callback).
    public var asked = 0
    /// Taken by an operator while the resident waited.
    public var takenLive = 0
    /// Turned into the callback flow: nobody on duty, outside office hours, or the wait ran out.
    public var callbacks = 0
    /// The resident stopped waiting (cancelled or left).
    public var gaveUp = 0
    /// Seconds from the request to the operator's take, for the sessions taken live.
    public var waits: [Int] = []

    /// A month with nothing counted yet.
    public init(month: String) { self.month = month }

    /// The median wait, in seconds (`nil` without a live take).
    public var waitP50: Int? { Self.percentile(waits, 0.5) }
    /// The 90th-percentile wait, in seconds.
    public var waitP90: Int? { Self.percentile(waits, 0.9) }

    /// Nearest-rank percentile.
    static func percentile(_ values: [Int], _ p: Double) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}

/// The hand-off figures of a period, read from the transcripts' hand-off marks.
public struct HandoffFigures: Sendable, Equatable {
    /// The months of the period that had a hand-off, oldest first.
    public var months: [HandoffMonth] = []

    /// An empty set of figures.
    public init() {}

    /// Reads `directory/transcripts/*.jsonl` for the period. Only lines carrying a hand-off mark
    /// are parsed (a byte search finds them), so this costs little next to the monthly report.
    ///
    /// - Throws: `ReportError` when a transcript file cannot be read.
    public static func read(dataDirectory: String, period: ReportPeriod) throws(ReportError) -> HandoffFigures {
        let folder = (dataDirectory as NSString).appendingPathComponent("transcripts")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".jsonl")
        }.sorted()
        var fold = HandoffFold(period: period)
        let mark = Array(#""handoff":""#.utf8)
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReportError("cannot read \(path)")
            }
            for line in data.split(separator: 0x0A) where line.count > mark.count {
                guard line.firstRange(of: mark) != nil, let json = try? JSON.parse(line),
                    let event = TranscriptEvent(json: json)
                else { continue }
                fold.add(event)
            }
        }
        return fold.figures
    }

    /// `{"months":[{"month","asked","taken_live","callbacks","gave_up","wait_p50","wait_p90"}]}`.
    public var json: JSON {
        .object(
            JSONObject([
                (
                    "months",
                    .array(
                        months.map { m in
                            .object(
                                JSONObject([
                                    ("month", .string(m.month)), ("asked", .number(Double(m.asked))),
                                    ("taken_live", .number(Double(m.takenLive))),
                                    ("callbacks", .number(Double(m.callbacks))), ("gave_up", .number(Double(m.gaveUp))),
                                    ("wait_p50", .optional(m.waitP50)), ("wait_p90", .optional(m.waitP90)),
                                ]))
                        })
                )
            ]))
    }
}

/// Folds hand-off events in file order: a request opens a wait, a take / timeout / cancel closes it.
struct HandoffFold {
    let period: ReportPeriod
    private var waiting: [String: Int] = [:]
    private var months: [String: HandoffMonth] = [:]

    init(period: ReportPeriod) { self.period = period }

    mutating func add(_ event: TranscriptEvent) {
        guard let mark = event.handoff, let time = Timestamp.seconds(event.time, defaultOffset: period.offset),
            period.contains(time)
        else { return }
        let month = String(
            CivilTime(Date(timeIntervalSince1970: Double(time)), offset: period.offset).isoDate.prefix(7))
        var figures = months[month] ?? HandoffMonth(month: month)
        defer { months[month] = figures }
        switch (event.role, mark) {
        case (.bot, "queued"):
            figures.asked += 1
            waiting[event.session] = time
        case (.bot, "callback"):
            figures.asked += 1
            figures.callbacks += 1
        case (.bot, "taken"):
            guard let since = waiting.removeValue(forKey: event.session) else { return }
            figures.takenLive += 1
            figures.waits.append(max(0, time - since))
        case (.bot, "timeout"):
            guard waiting.removeValue(forKey: event.session) != nil else { return }
            figures.callbacks += 1
        case (.bot, "gave_up"), (.resident, "left"):
            guard waiting.removeValue(forKey: event.session) != nil else { return }
            figures.gaveUp += 1
        default:
            break
        }
    }

    var figures: HandoffFigures {
        var result = HandoffFigures()
        result.months = months.values.filter { $0.asked > 0 || $0.gaveUp > 0 }.sorted { $0.month < $1.month }
        return result
    }
}

extension ReportLabels.Phrase {
    /// Heading of the hand-off figures.
    public static let handoffTitle = Self("handoff_title")
    /// Column: the month.
    public static let handoffMonth = Self("handoff_month")
    /// Column: requests for a person.
    public static let handoffAsked = Self("handoff_asked")
    /// Column: taken live.
    public static let handoffTaken = Self("handoff_taken")
    /// Column: turned into callbacks.
    public static let handoffCallbacks = Self("handoff_callbacks")
    /// Column: gave up waiting.
    public static let handoffGaveUp = Self("handoff_gave_up")
    /// Column: median wait.
    public static let handoffWaitP50 = Self("handoff_wait_p50")
    /// Column: 90th-percentile wait.
    public static let handoffWaitP90 = Self("handoff_wait_p90")
    /// Shown when the period had no hand-off.
    public static let handoffNone = Self("handoff_none")
}

/// The hand-off section of the text report.
public struct HandoffText: Sendable {
    let labels: ReportLabels

    /// A renderer writing in `labels`' language.
    public init(labels: ReportLabels) { self.labels = labels }

    /// The section: a heading and a table, one row per month.
    public func render(_ figures: HandoffFigures) -> String {
        var out = "\n" + labels.text(.handoffTitle) + "\n"
        guard !figures.months.isEmpty else { return out + "  " + labels.text(.handoffNone) + "\n" }
        let header: [ReportLabels.Phrase] = [
            .handoffMonth, .handoffAsked, .handoffTaken, .handoffCallbacks, .handoffGaveUp, .handoffWaitP50,
            .handoffWaitP90,
        ]
        var rows = [header.map { labels.text($0) }]
        for m in figures.months {
            rows.append([
                m.month, String(m.asked), String(m.takenLive), String(m.callbacks), String(m.gaveUp),
                m.waitP50.map { "\($0) s" } ?? "-", m.waitP90.map { "\($0) s" } ?? "-",
            ])
        }
        let widths = (0..<header.count).map { column in rows.map { Self.width($0[column]) }.max() ?? 0 }
        for row in rows {
            var line = " "
            for (column, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[column] - Self.width(cell))
                line += " " + (column == 0 ? cell + pad : pad + cell)
            }
            out += line + "\n"
        }
        return out
    }

    /// Display columns: CJK characters take two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}
