import FrontDeskMatching
import FrontDeskModel

/// What one message contributed to a flow's slots.
struct FillResult {
    /// One answer that did not fit its slot, with the phrase that explains why.
    struct Problem {
        var slot: String
        var key: String
        var values: [String: String] = [:]
    }
    var filled: [String] = []
    var problems: [Problem] = []
}

// Taking every slot a message carries ("3栋2单元501厨房漏水，电话13812345678" fills three), and
// validating each: the unit exists, a phone is a phone, a start date is not past, numbers are sane.
extension Engine {
    func fill(_ flow: inout Flow, _ turn: Turn) -> FillResult {
        var result = FillResult()
        let order = Set(slotOrder(flow) + flow.kind.slotOrder)
        let awaiting = flow.awaiting
        let confirming = awaiting == "confirm"
        func set(_ slot: String, _ value: String) {
            if flow.slots[slot] != value { flow.slots[slot] = value }
            result.filled.append(slot)
        }
        func problem(_ slot: String, _ key: String, _ values: [String: String] = [:]) {
            result.problems.append(FillResult.Problem(slot: slot, key: key, values: values))
        }
        let entities = turn.entities

        if order.contains("unit") {
            if let unit = entities.unit ?? (entities.date == nil ? SlotText.unit(turn.text) : nil)
                ?? roomCorrection(flow, turn)
            {
                if flow.kind == .feeQuery || flow.kind == .emergency || flow.kind == .progressQuery || unitExists(unit)
                {
                    set("unit", unit)
                } else {
                    problem("unit", "invalid.unit", ["unit": unit])
                }
            } else if awaiting == "unit", flow.kind == .emergency, turn.text.count >= 2 {
                set("location", turn.text)
            }
        }
        if order.contains("phone") {
            if let phone = entities.phone ?? SlotText.phone(turn.text) {
                set("phone", phone)
            } else if awaiting == "phone", !SlotText.digitRuns(turn.text).isEmpty {
                problem("phone", "invalid.phone")
            }
        }
        if flow.kind == .repair, entities.date != nil || entities.timeOfDay != nil {
            set("time", [entities.date, entities.timeOfDay].compactMap { $0 }.joined(separator: " "))
        } else if flow.kind == .repair, confirming, Lexicon.containsAny(turn.lower, Lexicon.asSoonAsPossible) {
            flow.slots["time"] = nil
            result.filled.append("time")
        }
        for slot in ["name", "scope", "contractor"] where order.contains(slot) {
            if awaiting == slot {
                let value = Lexicon.trimmed(stripPrefixes(turn.text, Engine.answerPrefixes[slot] ?? []))
                if value.count >= (slot == "name" ? 1 : 2), value.count <= 60, slot != "name" || !hasDigits(value) {
                    set(slot, value)
                } else {
                    problem(slot, "invalid." + slot)
                }
            } else if confirming, let value = valueAfter(turn.text, Engine.correctionPrefixes[slot] ?? []) {
                set(slot, value)
            } else if slot == "name", !confirming, flow.slots["name"] == nil, let name = statedName(turn.text) {
                set("name", name)
            }
        }
        if order.contains("start_date") {
            if let date = entities.date ?? SlotText.isoDate(turn.text) {
                if date < turn.today {
                    problem("start_date", "invalid.start_date_past", ["date": date])
                } else {
                    set("start_date", date)
                }
            }
        }
        if order.contains("duration_days") {
            let bare = awaiting == "duration_days" ? SlotText.firstInteger(turn.text) : nil
            if let days = entities.durationDays ?? bare {
                if (1...decorationRules.maxDurationDays).contains(days) {
                    set("duration_days", String(days))
                } else {
                    problem("duration_days", "invalid.duration_days", limits)
                }
            }
        }
        if order.contains("workers") {
            let bare = awaiting == "workers" ? SlotText.firstInteger(turn.text) : nil
            if let count = entities.count ?? bare {
                if (1...decorationRules.maxWorkers).contains(count) {
                    set("workers", String(count))
                } else {
                    problem("workers", "invalid.workers", limits)
                }
            }
        }
        if order.contains("verify") {
            let tailWords = ["尾号", "后四位", "后4位", "last 4", "last four", "ending"]
            if awaiting == "verify" || Lexicon.containsAny(turn.lower, tailWords) {
                if let tail = SlotText.phoneTail(turn.text) {
                    set("verify", tail)
                } else if awaiting == "verify" {
                    problem("verify", "invalid.verify")
                }
            }
        }
        if order.contains("record_id"), flow.verifyingFor == nil {
            if let id = entities.recordID ?? SlotText.recordID(turn.text) { set("record_id", id) }
        }
        if order.contains("description") {
            let category = turn.classification.categories[flow.kind.rawValue]
            let correction = confirming && turn.isCorrection && result.filled.isEmpty && result.problems.isEmpty
            // The message that opens a flow often is the description ("someone keeps parking in
            // front of the garage, I want to complain") even when no category word is in it.
            let opening = awaiting == nil && flow.slots["description"] == nil
            // A bare "yes" / "好的" / "no" answers nothing: it is never a description.
            let bareAct = turn.saysAffirmWord || turn.saysDenyWord
            if awaiting == "description" || category != nil || correction || opening, !bareAct {
                let description = cleanDescription(turn)
                let substantial =
                    opening && category == nil ? Engine.isSubstantial(description) : description.count >= 2
                if substantial {
                    set("description", description)
                    let publicArea = Lexicon.containsAny(turn.lower, Lexicon.publicArea)
                    flow.slots["public_area"] = publicArea && flow.kind == .complaint ? "yes" : nil
                    flow.slots["category"] = category ?? flow.slots["category"] ?? defaultCategory(flow.kind.rawValue)
                }
            }
        }
        return result
    }

    /// A name stated in passing: "业主张伟" / "申请人：李娜" / "my name is Zhang Wei".
    func statedName(_ text: String) -> String? {
        let lower = text.lowercased()
        for marker in ["申请人", "业主", "我叫", "姓名", "my name is"] {
            guard let range = lower.range(of: marker) else { continue }
            var rest = Substring(text.dropFirst(lower.distance(from: lower.startIndex, to: range.upperBound)))
            while let first = rest.first, first == "：" || first == ":" || first == " " || first == "是" {
                rest = rest.dropFirst()
            }
            let value = String(rest.prefix { !Engine.clauseBreaks.contains($0) && $0 != "。" })
            let english = marker.hasPrefix("my")
            let fits = english ? (2...40).contains(value.count) : (2...4).contains(value.count)
            if fits, !hasDigits(value), value.first.map({ !$0.isWhitespace }) == true { return value }
        }
        return nil
    }

    /// "不对，是502室" / "no, room 502": the same building and entrance, another room.
    func roomCorrection(_ flow: Flow, _ turn: Turn) -> String? {
        guard let current = flow.slots["unit"] else { return nil }
        let runs = SlotText.digitRuns(turn.text)
        guard runs.count == 1, let room = runs.first, (3...4).contains(room.count),
            Lexicon.containsAny(turn.lower, ["室", "房", "room", "号", "flat", "apartment"])
        else { return nil }
        let parts = current.split(separator: "-")
        guard parts.count == 3 else { return nil }
        return parts[0] + "-" + parts[1] + "-" + room
    }

    /// The description part of a message: clauses that are not the unit, the phone, or a bare request.
    func cleanDescription(_ turn: Turn) -> String {
        let english = turn.language == .en
        var clauses: [String] = []
        var current = ""
        for character in turn.text {
            if Engine.clauseBreaks.contains(character) {
                clauses.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        clauses.append(current)
        var kept: [String] = []
        for clause in clauses {
            var text = Lexicon.trimmed(stripPrefixes(clause, Engine.fillerPrefixes))
            if SlotText.digitRuns(text).contains(where: { $0.count >= 7 }) { continue }
            if turn.entities.unit != nil || SlotText.unit(text) != nil {
                text = SlotText.droppingLeadingUnit(text) ?? String(text.drop { Engine.unitCharacters.contains($0) })
                let lower = text.lowercased()
                if english, Lexicon.containsAny(lower, ["building", "room", "flat", "unit "]),
                    !SlotText.digitRuns(text).isEmpty, text.split(separator: " ").count <= 6
                {
                    continue
                }
            }
            text = Lexicon.trimmed(stripPrefixes(text, Engine.fillerPrefixes))
            if text.count >= 2 { kept.append(text) }
        }
        return kept.joined(separator: english ? ", " : "，")
    }

    /// `text` without any of the leading `prefixes` (case-insensitive), repeatedly.
    func stripPrefixes(_ text: String, _ prefixes: [String]) -> String {
        var rest = Lexicon.trimmed(text)
        var lower = rest.lowercased()  // of `rest`, renewed whenever `rest` changes
        var changed = true
        while changed {
            changed = false
            for prefix in prefixes where lower.hasPrefix(prefix) {
                rest = Lexicon.trimmed(String(rest.dropFirst(prefix.count)))
                lower = rest.lowercased()
                changed = true
            }
        }
        return rest
    }

    /// The value after a field-change phrase: "姓名改成李四" → "李四".
    func valueAfter(_ text: String, _ markers: [String]) -> String? {
        let lower = text.lowercased()
        for marker in markers {
            guard let range = lower.range(of: marker) else { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
            let value = Lexicon.trimmed(String(text.dropFirst(offset)))
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// Whether an opening message says what the problem is, beyond the request itself and the unit:
    /// 4 or more other Chinese characters, or 3 or more other English words.
    static func isSubstantial(_ description: String) -> Bool {
        let text = Lexicon.removing(requestWordsChinese, from: description.lowercased())
        let han = text.unicodeScalars.filter {
            $0.value >= 0x3400 && $0.value <= 0x9FFF && !unitCharacters.contains(Character($0))
        }.count
        let words = text.split { !$0.isLetter || $0.unicodeScalars.first!.value > 0x7F }
            .filter { !requestWordsEnglish.contains(String($0)) }.count
        return han >= 4 || words >= 3
    }

    static let requestWordsChinese = ["报修", "投诉", "维修", "我要", "我想", "需要", "申请", "一下", "麻烦", "帮忙", "帮我"]
    static let requestWordsEnglish: Set<String> = [
        "i", "need", "want", "would", "like", "to", "a", "an", "the", "repair", "repairs", "complain", "complaint",
        "about", "make", "report", "please", "in", "at", "my", "flat", "room", "unit", "building", "block",
        "apartment", "for", "help", "hi", "hello", "rm", "bldg",
    ]

    func hasDigits(_ text: String) -> Bool { text.unicodeScalars.contains { $0 >= "0" && $0 <= "9" } }

    static let clauseBreaks: Set<Character> = [",", "，", "。", ";", "；", "!", "！", "?", "？", "\n", "、"]
    static let unitCharacters: Set<Character> = Set(
        "0123456789-#栋棟单單元号號室座幢 一二三四五六七八九十零〇两兩")
    static let fillerPrefixes = [
        "您好", "你好", "请问", "麻烦", "我要报修", "我想报修", "我要投诉", "我想投诉", "报修", "投诉", "我家", "我们家",
        "不对", "不是", "是", "hi", "hello", "i want to report", "i'd like to report", "i want to complain about",
        "i'd like to complain about", "i want to complain", "i'd like to complain", "report", "no,", "actually",
    ]
    static let answerPrefixes: [String: [String]] = [
        "name": [
            "我叫", "我是", "姓名是", "姓名", "名字是", "申请人是", "申请人", "业主是", "业主", "my name is", "name is", "i'm",
            "i am",
        ],
        "scope": ["装修范围是", "装修内容是", "施工内容是", "范围是", "内容是", "scope is", "the scope is"],
        "contractor": ["施工单位是", "装修公司是", "施工队是", "contractor is", "the contractor is"],
    ]
    static let correctionPrefixes: [String: [String]] = [
        "name": ["姓名改成", "名字改成", "申请人改成", "姓名改为", "名字改为", "name to ", "name is "],
        "scope": ["范围改成", "内容改成", "装修内容改为", "范围改为", "scope to ", "scope is "],
        "contractor": ["施工单位改成", "装修公司改成", "施工单位改为", "装修公司改为", "contractor to ", "contractor is "],
    ]
}
