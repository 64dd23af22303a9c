import Foundation
import FrontDeskJournal
public import FrontDeskModel

/// Turns one recorded transcript session into a scripted dialogue (`replay --to-dialogue`).
///
/// The dialogue starts at the session's first recorded time and moves the clock with `@wait`
/// as the recording did; each bot turn expects the recorded intent, awaiting and language, and
/// either the record type with `contains:` of the record ID's `TYPE-YYYYMMDD-` prefix, or
/// `no-record`. A masked phone in a resident line is written with stand-in digits and a comment.
public enum DialogueExporter {
    /// The dialogue text for `session` in `paths`.
    ///
    /// - Throws: `DialogueSuiteError` when the session is not in the files; `JournalError` when a
    ///   file cannot be read.
    public static func dialogue(paths: [String], session: String) throws -> String {
        var events: [TranscriptEvent] = []
        var finished = false
        try TranscriptReader.forEachEvent(paths: paths) { event in
            guard event.session == session, !finished else { return }
            // The first run of the session only: a sequence that restarts is another run reusing the ID.
            if let last = events.last, event.seq <= last.seq {
                finished = true
                return
            }
            events.append(event)
        }
        guard let first = events.first else {
            throw DialogueSuiteError("no session '\(session)' in \(paths.joined(separator: ", "))")
        }
        return dialogue(events: events, first: first)
    }

    /// The dialogue text for the events of one session (in order).
    public static func dialogue(events: [TranscriptEvent], first: TranscriptEvent) -> String {
        var out = "# Recorded session \(first.session) (\(first.channel) \(first.peer), \(first.time.prefix(10)))\n"
        out += "@now \(first.time)\n"
        var lastTime = CivilTime.parse(first.time)
        var sawResident = false
        var afterResident = false
        for event in events where !event.isHandoff {  // a person's part is not replayable
            switch event.role {
            case .resident:
                out += "\n"
                if let time = CivilTime.parse(event.time), let last = lastTime {
                    let gap = Int(time.date.timeIntervalSince(last.date))
                    if gap > 0 { out += "@wait \(gap)s\n" }
                    lastTime = time
                }
                let (text, masked) = ReplayChecker.standIn(for: event.text)
                if masked { out += "# the phone number was masked in the transcript; replayed with stand-in digits\n" }
                out += "> \(text)\n"
                sawResident = true
                afterResident = true
            case .operator:
                continue
            case .bot:
                if !sawResident, !afterResident {
                    out += "greeting: \(event.text)\n"
                    continue
                }
                guard afterResident else { continue }
                afterResident = false
                out += "intent: \(event.intent ?? "none")\n"
                out += "awaiting: \(event.awaiting ?? "none")\n"
                if let language = event.language { out += "lang: \(language)\n" }
                if let record = event.record {
                    out += "record: \(record.type)\n"
                    let parts = record.id.split(separator: "-")
                    let prefix = parts.count >= 2 ? "\(parts[0])-\(parts[1])-" : record.id
                    out += "contains: \(prefix)\n"
                } else {
                    out += "no-record\n"
                }
            }
        }
        return out
    }
}
