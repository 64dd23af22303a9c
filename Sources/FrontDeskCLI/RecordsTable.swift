import Foundation
import FrontDeskModel

/// The text-mode output of `frontdesk records`: aligned tables and a readable record.
enum RecordsTable {
    /// The widest description shown in `records list`, in columns (the rest is `records show`'s).
    static let descriptionColumns = 30

    /// `records list`: what a clerk works from — ID, status, priority, unit, phone (masked when
    /// `maskPhones`), category, team, assignee, created, due, and the description (shortened).
    static func list(_ records: [Record], maskPhones: Bool = false) -> String {
        guard !records.isEmpty else { return RecordsCommand.Message.noRecords + "\n" }
        let rows = records.map { r -> [String] in
            let phone = r.phone.map { maskPhones ? PhoneMask.mask($0) : $0 } ?? "-"
            return [
                r.id, r.status, r.priority ?? "-", r.unit ?? "-", phone, r.category ?? "-", r.team ?? "-",
                r.assignee ?? "-", shortTime(r.createdAt), r.dueAt.map(shortTime) ?? "-",
                shorten(oneLine(r.description ?? r.scope ?? "-"), to: descriptionColumns),
            ]
        }
        let header = [
            "ID", "STATUS", "PRIORITY", "UNIT", "PHONE", "CATEGORY", "TEAM", "ASSIGNED", "CREATED", "DUE",
            "DESCRIPTION",
        ]
        return table(header: header, rows: rows) + "\(records.count) record\(records.count == 1 ? "" : "s")\n"
    }

    /// `text` cut to at most `columns` display columns, ending in `…` when cut.
    static func shorten(_ text: String, to columns: Int) -> String {
        guard width(text) > columns else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = width(String(character))
            if used + w > columns - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// How long past due: hours under a day (`22h`), else whole days (`3d`).
    static func overdueText(seconds: TimeInterval) -> String {
        let hours = max(0, Int(seconds / 3600))
        return hours < 24 ? "\(hours)h" : "\(hours / 24)d"
    }

    /// `records overdue`: whom to call back, since when.
    static func overdue(_ records: [Record], now: Date) -> String {
        guard !records.isEmpty else { return RecordsCommand.Message.noneOverdue + "\n" }
        let rows = records.map { r -> [String] in
            let resolved = r.resolvedAt.flatMap { CivilTime.parse($0) }
            let late = resolved.map { now.timeIntervalSince(ReturnVisit.deadline(resolved: $0.date)) } ?? 0
            return [
                r.id, r.type.rawValue, r.unit ?? "-", r.phone ?? "-", shortTime(r.resolvedAt ?? ""),
                overdueText(seconds: late),
            ]
        }
        return table(header: ["ID", "TYPE", "UNIT", "PHONE", "RESOLVED", "OVERDUE"], rows: rows)
            + "\(records.count) return visit\(records.count == 1 ? "" : "s") overdue\n"
    }

    /// `records show`: every field, then the history.
    static func detail(_ record: Record) -> String {
        var text = "\(record.id)  \(record.type.rawValue)  \(record.status)\n"
        guard let fields = record.json.object else { return text }
        let shown = fields.members.filter { !["id", "type", "status", "history"].contains($0.key) }
        let width = shown.map(\.key.count).max() ?? 0
        for (key, value) in shown {
            let rendered = value.string ?? value.serialized
            text += "  " + key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + oneLine(rendered) + "\n"
        }
        text += "history:\n"
        let rows = record.history.map { entry in
            [
                entry.at, entry.status, entry.actor,
                (entry.tellResident ? RecordsCommand.Message.toResident : "") + oneLine(entry.note),
            ]
        }
        text += table(header: nil, rows: rows, indent: "  ")
        return text
    }

    /// `records update`: what changed.
    static func updated(_ record: Record) -> String {
        let last = record.history.last
        var text = "\(record.id) \(record.type.rawValue): \(record.status)"
        if let last { text += " (by \(last.actor) at \(last.at))" }
        if let note = last?.note, !note.isEmpty {
            text += " — " + (last?.tellResident == true ? RecordsCommand.Message.toResident : "") + oneLine(note)
        }
        if let assignee = record.assignee { text += " — " + RecordsCommand.Message.assignedTo(assignee) }
        if let satisfaction = record.satisfaction, record.revisitedAt == last?.at {
            text += " — " + RecordsCommand.Message.returnVisit(satisfaction)
        }
        return text + "\n"
    }

    /// `2026-11-22T10:03:00+08:00` → `2026-11-22 10:03`.
    static func shortTime(_ iso: String) -> String {
        let chars = Array(iso)
        guard chars.count >= 16 else { return iso.isEmpty ? "-" : iso }
        return String(chars[0..<10]) + " " + String(chars[11..<16])
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Display width: CJK and other wide characters take two columns.
    static func width(_ text: String) -> Int { DisplayWidth.of(text) }

    static func table(header: [String]?, rows: [[String]], indent: String = "") -> String {
        let all = (header.map { [$0] } ?? []) + rows
        guard let columns = all.first?.count else { return "" }
        let widths = (0..<columns).map { c in all.map { width($0[c]) }.max() ?? 0 }
        var text = ""
        for row in all {
            var line = indent
            for (c, cell) in row.enumerated() {
                line += cell
                if c < columns - 1 { line += String(repeating: " ", count: widths[c] - width(cell) + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }
}
