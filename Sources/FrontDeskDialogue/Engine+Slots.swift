import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// What one message contributed to a flow's slots.
struct FillResult {
    /// One answer that did not fit its slot, with the phrase that explains why.
    struct Problem {
        var slot: Slot
        var key: String
        var values: [String: String] = [:]
    }
    var filled: [Slot] = []
    var problems: [Problem] = []
}

// Taking every slot a message carries (flat, fault and phone in one line fill three), and
// validating each: the unit exists, a phone is a phone, a start date is not past, numbers are sane.
extension Engine {
    func fill(_ flow: inout Flow, _ turn: Turn) -> FillResult {
        var result = FillResult()
        let order = slotOrder(flow) + flow.kind.slotOrder  // a few names: an array is searched faster than hashed
        let awaiting = flow.awaiting
        let confirming = awaiting == .confirm
        func set(_ slot: Slot, _ value: String) {
            if flow.slots[slot] != value { flow.slots[slot] = value }
            result.filled.append(slot)
        }
        func problem(_ slot: Slot, _ key: String, _ values: [String: String] = [:]) {
            result.problems.append(FillResult.Problem(slot: slot, key: key, values: values))
        }
        let entities = turn.entities
        // A bare "ok" / "confirm" / "no" answers no free-text slot.
        // Small talk ("thanks", "hello") answers no free-text slot either.
        let smallTalk = (turn.intent == .greeting || turn.intent == .thanks) && turn.classification.confidence >= 0.5
        let bareAct =
            turn.isBareAct || (turn.text.count <= 2 && (turn.isAffirm || turn.isDeny))
            || smallTalk

        let unitBefore = flow.slots[.unit]
        if order.contains(.unit) {
            if entities.unit == nil, flow.slots[.unit] == nil, let building = entities.building,
                let entrance = entities.entrance
            {
                // "6棟1單元的電梯…": the building and entrance are kept for a room given on its own later ("我住1101").
                flow.slots[.unitBlock] = String(building)
                flow.slots[.unitEntrance] = String(entrance)
            }
            let stated = entities.unit.map { unitCorrectedInPassing($0, turn, current: flow.slots[.unit]) ?? $0 }
            if let unit = stated ?? roomCorrection(flow, turn) ?? entranceAnswer(&flow, turn)
                ?? roomAnswer(flow, turn, awaiting: awaiting)
            {
                if flow.kind == .feeQuery || flow.kind == .progressQuery || unitExists(unit) {
                    set(.unit, unit)
                    flow.slots[.unitBlock] = nil
                    flow.slots[.unitRoom] = nil
                    flow.slots[.unitEntrance] = nil
                } else if flow.kind == .emergency {
                    set(.unit, unit)
                } else {
                    problem(.unit, "invalid.unit", ["unit": unit])
                }
            } else if let (block, room) = turn.entities.blockAndFlat.map({ ($0.block, $0.room) }),
                awaiting == .unit || flow.slots[.unit] == nil
            {
                if flow.kind == .emergency {
                    // "5座1001室" with one flat 1001 in block 5: that flat; otherwise the words are the place.
                    if let only = onlyUnit(block: block, room: room) { set(.unit, only) } else { set(.location, turn.text) }
                } else if let only = onlyUnit(block: block, room: room) {
                    // "3栋501": one entrance of block 3 has a flat 501, so that is the flat (the restatement shows it).
                    set(.unit, only)
                    flow.slots[.unitBlock] = nil
                    flow.slots[.unitRoom] = nil
                } else {
                    // Block and flat without the entrance: ask which entrance rather than guess (or say whether a flat exists).
                    flow.slots[.unitBlock] = block
                    flow.slots[.unitRoom] = room
                    problem(.unit, "ask.unit_entrance", ["block": block, "room": room])
                }
            } else if flow.kind != .emergency, awaiting == .unit, flow.slots[.unit] == nil,
                let building = entities.building, turn.textDigitRuns.count <= 2, !turn.has(.alsoMarkers)
            {
                // The flat in pieces, one per line ("5栋", then "1单元", then "1201"): each piece is kept and the rest
                // asked for, not counted as a wrong answer.
                flow.slots[.unitBlock] = String(building)
                flow.slots[.unitRoom] = nil
                if let entrance = entities.entrance {
                    flow.slots[.unitEntrance] = String(entrance)
                    problem(.unit, "ask.unit_room", ["block": String(building), "entrance": String(entrance)])
                } else {
                    flow.slots[.unitEntrance] = nil
                    problem(.unit, "ask.unit_rest", ["block": String(building)])
                }
            } else if flow.kind != .emergency, awaiting == .unit, flow.slots[.unit] == nil,
                let block = flow.slots[.unitBlock], flow.slots[.unitEntrance] == nil, flow.slots[.unitRoom] == nil,
                hasEntranceNumber(turn),
                turn.textDigitRuns.count == 1, let entrance = turn.textDigitRuns.first, entrance.count <= 2
            {
                flow.slots[.unitEntrance] = entrance
                problem(.unit, "ask.unit_room", ["block": block, "entrance": entrance])
            } else if flow.kind == .emergency, awaiting == .unit, turn.text.count >= 2 {
                // The answer must be a place the staff can go to: "we are going down the stairs" is not one. It is
                // asked once more; after that the record is made with the place to be confirmed by the staff's call.
                if answersPlace(turn) {
                    set(.location, turn.text)
                } else if flow.failures[.unit, default: 0] >= 1 {
                    set(.location, say("emergency.place_unknown", turn.language))
                } else {
                    problem(.unit, "emergency.not_a_place")
                }
            } else if flow.kind == .emergency, awaiting == nil || awaiting == .confirm, isPlace(turn) {
                set(.location, turn.text)
            }
        }
        if flow.kind == .repair || flow.kind == .complaint, flow.slots[.unit] == nil || awaiting == .unit,
            turn.has(.notMyHome)
        {
            flow.slots[.notResident] = "yes"
            result.filled.append(.notResident)
        }
        if order.contains(.phone) || flow.kind == .decorationPermit || flow.kind == .emergency {
            if let phone = entities.phone {
                set(.phone, phone)
            } else if awaiting == .phone, !turn.textDigitRuns.isEmpty {
                problem(.phone, "invalid.phone")
            }
        }
        let when = correctedWhen(turn)
        // "楼道灯坏了 晚上黑漆漆的" says when the fault shows, not when to come: a part of the day alone is a visit time
        // only when asked for, at the restatement, or with a word about the visit ("下午来", "I'm home in the evening").
        let faultTime = when.date == nil && awaiting != .time && !confirming && !turn.has(.visitWords)
        // "the pipe your guy fixed on Thursday is leaking again": a date with a past word and no word about the visit.
        let pastDate = when.date != nil && awaiting != .time && !confirming && turn.has(.pastWords) && !turn.has(.visitWords)
        if flow.kind == .repair, !pastDate, when.date != nil || (when.timeOfDay != nil && !faultTime) {
            set(.time, [when.date, when.timeOfDay].compactMap { $0 }.joined(separator: " "))
        } else if flow.kind == .repair, confirming || awaiting == .time, turn.has(.asap) {
            flow.slots[.time] = nil
            result.filled.append(.time)
        } else if flow.kind == .repair, awaiting == .time {
            problem(.time, "invalid.time")
        }
        // A permit's free-text fields stated in the resident's own words, whatever was asked ("我叫王丽，装修公司是美家装饰，
        // 12月1日开工", or the works told at the name prompt): each goes to its own slot, and the message is then no
        // answer to the awaited one.
        let stated = flow.kind == .decorationPermit ? statedPermitFields(turn, flow, confirming: confirming) : [:]
        for name in DialogueLexicon.prefixedSlots where order.contains(Slot(name)) {
            let slot = Slot(name)
            if let value = stated[name] {
                set(slot, value)
            } else if awaiting == slot, !stated.isEmpty {
                continue
            } else if awaiting == slot {
                let value = TextMatch.trimmed(stripPrefixes(turn.text, answerPrefixWords[name] ?? TextMatch.PrefixWords([])))
                let fits = value.count >= (slot == .name ? 1 : 2) && value.count <= (slot == .scope ? 120 : 60)
                // "just some renovation, the usual stuff": works that say only where or how much, not what, are asked again.
                let vague = slot == .scope && !namesWhatIsDone(turn) && !isStructural(turn)
                if fits, !bareAct, !vague, slot != .name || !hasDigits(value) {
                    set(slot, value)
                } else if !smallTalk {
                    problem(slot, "invalid." + name)
                }
            } else if let value = valueAfter(turn.text, turn.words.correctionPrefixes[name] ?? []) {
                set(slot, value)
            } else if slot == .name, !confirming, flow.slots[.name] == nil, let name = statedName(turn) {
                set(.name, name)
            }
        }
        // A date while another question is pending ("30 days" read as the 30th, for the duration) changes the start only when it
        // is the first one given or a correction says so.
        // At the restatement the one date a permit has is the start ("sorry, two changes: start date December 14").
        let takesDate = awaiting == .startDate || flow.slots[.startDate] == nil || turn.isCorrection || confirming
        if order.contains(.startDate), takesDate, awaiting != .durationDays || turn.isCorrection,
            let date = when.date
        {
            if date < turn.today {
                problem(.startDate, "invalid.start_date_past", ["date": date])
            } else if date == turn.today {
                problem(.startDate, "invalid.start_date_today", ["date": date])
            } else {
                set(.startDate, date)
            }
        }
        if order.contains(.durationDays) {
            let bare = awaiting == .durationDays ? EntityExtractor.firstInteger(turn.text) : nil
            if let days = entities.durationDays ?? bare {
                if (1...decorationRules.maxDurationDays).contains(days) {
                    set(.durationDays, String(days))
                } else {
                    problem(.durationDays, "invalid.duration_days", limits)
                }
            }
        }
        if order.contains(.workers) {
            // At the restatement a count named with the workers ("工人改做5個") corrects them.
            // "哦不对，是6个": a bare head count in a correction; the permit's other numbers carry their own units.
            let counted = confirming && turn.isCorrection && headCountAfterCorrection(turn)
            let named = confirming && (turn.has(.workerWords) || counted) && entities.phone == nil && entities.date == nil
            let bare = awaiting == .workers || named ? EntityExtractor.firstInteger(turn.text) : nil
            // "工人3个，哦不对，4个" / "5 workers - sorry I meant 7 workers": the number after the correction stands.
            let stated = entities.count ?? bare
            let corrected = stated != nil && turn.isCorrection ? numberAfterCorrection(turn) : nil
            if let count = corrected ?? stated {
                if (1...decorationRules.maxWorkers).contains(count) {
                    set(.workers, String(count))
                } else {
                    problem(.workers, "invalid.workers", limits)
                }
            }
        }
        if order.contains(.verify) {
            // "I'm in 10-2-601, phone ends 7856" / "3-2-501，5678": four digits beside the flat are its phone's tail.
            let room = (entities.unit ?? flow.slots[.unit]).flatMap { $0.split(separator: "-").last.map(String.init) }
            let besideUnit = entities.unit != nil && turn.textDigitRuns.contains { $0.count == 4 && $0 != room }
            // A room corrected at the verification ("係201室 唔係2010") carries no tail: the tail is asked again.
            let roomCorrected = awaiting == .verify && entities.unit == nil && flow.slots[.unit] != unitBefore
            if !roomCorrected {
                if awaiting == .verify || turn.has(.verifyMarkers) || besideUnit {
                    if let tail = EntityExtractor.phoneTail(turn.text, excluding: entities.unit == nil ? nil : room) {
                        set(.verify, tail)
                    } else if awaiting == .verify, entities.unit == nil {
                        // The flat given again (or another one) is an answer too: the tail is simply asked next.
                        problem(.verify, "invalid.verify")
                    }
                } else if let phone = entities.phone, phone.count >= 8, flow.slots[.verify] == nil {
                    // "我是1402的王芳 电话13968812345": the whole number told unasked carries its last four.
                    set(.verify, String(phone.suffix(4)))
                }
            }
        }
        if order.contains(.recordID), flow.verifyingFor == nil, let id = entities.recordID {
            set(.recordID, id)
        }
        if order.contains(.description) {
            let category = turn.classification.category(for: flow.kind.intent)
            // A correction of the matter itself, at the restatement or, naming a fault, at any later question
            // ("哦说错了，不是插座，是门锁"; "我记错了，是八零一" corrects the flat, not the matter).
            let correction =
                (confirming || (flow.slots[.description] != nil && category != nil)) && turn.isCorrection
                && result.filled.isEmpty && result.problems.isEmpty
            // The message that opens a flow often is the description ("someone keeps parking in
            // front of the garage, I want to complain") even when no category word is in it.
            let opening = awaiting == nil && flow.slots[.description] == nil
            let unfilled = flow.slots[.description] == nil && category != nil
            let onlyPlace = result.filled.contains(.notResident) && category == nil
            if correction, let old = flow.slots[.description], let swapped = swappedDescription(old, turn) {
                // "不是水管，是马桶": the word replaced in the description, not the sentence appended.
                set(.description, swapped)
                if let category = category ?? turn.classification.categories[flow.kind.rawValue] {
                    flow.slots[.category] = category
                }
            } else if awaiting == .description || unfilled || correction || opening, !bareAct, !onlyPlace {
                let description = cleanDescription(turn)
                let substantial =
                    opening && category == nil
                    ? isSubstantial(description, turn)
                    : description.count >= 2
                if substantial {
                    set(.description, description)
                    if flow.kind == .complaint, turn.has(.publicArea) { flow.slots[.publicArea] = "yes" }
                    var derived = category ?? flow.slots[.category] ?? defaultCategory(flow.kind.rawValue)
                    if flow.kind == .repair, let routed = repairRoute(turn) { derived = routed }
                    flow.slots[.category] = derived
                }
            }
        }
        return result
    }

    /// "不是水管，是马桶" / "不是水管是马桶漏" / "not the pipe, the toilet": the description with the wrong thing replaced
    /// by the right one; the right one alone when the wrong one is not in it. `nil` when the message is not of that form.
    func swappedDescription(_ description: String, _ turn: Turn) -> String? {
        let text = TextMatch.trimmed(turn.text)
        let lower = simplifiedShadow(text)  // "業主馮梓萱": Traditional text is searched with the Simplified markers
        let articles = turn.words[.swapArticles]
        for (not, but) in zip(turn.words[.swapNegations], turn.words[.swapAffirmations]) {
            guard let start = lower.range(of: not) else { continue }
            let rest = lower[start.upperBound...]
            let breaks: Set<Character> = ["，", ",", "、"]
            var wrongEnd = rest.firstIndex { breaks.contains($0) } ?? rest.endIndex
            // "不是水管是马桶": the affirming word ends the wrong thing too, where it is a word of its own.
            if !but.trimmingCharacters(in: .whitespaces).isEmpty, let again = rest.range(of: but), again.lowerBound < wrongEnd {
                wrongEnd = again.lowerBound
            }
            let wrong = TextMatch.trimmed(String(rest[..<wrongEnd]))
            var right = TextMatch.trimmed(String(rest[wrongEnd...]).trimmingCharacters(in: CharacterSet(charactersIn: "，,、 ")))
            if right.hasPrefix(but.trimmingCharacters(in: .whitespaces)) { right = String(right.dropFirst(but.trimmingCharacters(in: .whitespaces).count)) }
            // "it's the front door lock": every leading article goes.
            while let article = articles.first(where: { right.hasPrefix($0) }) { right = String(right.dropFirst(article.count)) }
            right = TextMatch.trimmed(right)
            let cleanWrong = articles.first { wrong.hasPrefix($0) }.map { String(wrong.dropFirst($0.count)) } ?? wrong
            guard (1...12).contains(cleanWrong.count), (1...40).contains(right.count) else { continue }
            if description.lowercased().contains(cleanWrong) {
                guard let range = description.range(of: cleanWrong, options: .caseInsensitive) else { continue }
                // "马桶漏水" for "水管" in "卫生间水管漏水": what follows the wrong word already is not repeated.
                let after = description[range.upperBound...]
                for k in stride(from: right.count - 1, to: 0, by: -1) where after.hasPrefix(right.suffix(k)) {
                    return description.replacingCharacters(in: range, with: right.dropLast(k))
                }
                // "门锁坏了" for "灯" in "厨房灯不亮": the right thing comes with its own fault, which replaces the old one
                // up to the end of that clause.
                let clauseEnd = after.firstIndex { Engine.isClauseBreak($0) } ?? description.endIndex
                let replaced = right.count > cleanWrong.count + 1 ? range.lowerBound..<clauseEnd : range
                return description.replacingCharacters(in: replaced, with: right)
            }
            return right
        }
        return nil
    }

    /// The message after its last correction marker ("哦明天下午我要上班，改成后天上午" → "后天上午"), or nil without one.
    func afterLastCorrection(_ turn: Turn) -> Substring? {
        var cut: String.Index?
        for marker in turn.words[.correctionMarkers] {
            guard let range = TextMatch.lastRange(of: marker, in: turn.lower[...]) else { continue }
            if cut.map({ range.upperBound > $0 }) ?? true { cut = range.upperBound }
        }
        return cut.map { turn.lower[$0...] }
    }

    /// What follows the last correction marker, and its entities read by the matcher's one entity extractor.
    func afterCorrection(_ turn: Turn) -> (text: String, entities: Entities)? {
        guard let rest = afterLastCorrection(turn), !rest.isEmpty else { return nil }
        let text = String(rest)
        return (text, matcher.entityExtractor.extract(from: text, now: turn.now, utcOffset: estate.utcOffset))
    }

    /// The head count after the last correction marker of the message ("…，哦不对，4个" → 4; "哦講錯 係12月14號 做25日
    /// 6個師傅" → 6, not the month), else its first whole number when it names no date or span, if any.
    func numberAfterCorrection(_ turn: Turn) -> Int? {
        guard let (rest, after) = afterCorrection(turn) else { return nil }
        if let count = after.count { return count }
        guard after.date == nil, after.durationDays == nil else { return nil }
        return EntityExtractor.firstInteger(rest)
    }

    /// The date and part of the day a correction names after its marker ("哦明天下午我要上班，改成后天上午": 后天上午, not the
    /// 明天下午 the message names first); the message's own otherwise.
    func correctedWhen(_ turn: Turn) -> (date: String?, timeOfDay: String?) {
        let entities = turn.entities
        guard turn.isCorrection, let (_, after) = afterCorrection(turn) else { return (entities.date, entities.timeOfDay) }
        guard after.date != nil || after.timeOfDay != nil else { return (entities.date, entities.timeOfDay) }
        return (after.date, after.timeOfDay)
    }

    /// Whether the message ends in a number and a head-count word after its last correction marker
    /// ("哦不对，是6个", "no, 7 people"), with nothing else but punctuation.
    func headCountAfterCorrection(_ turn: Turn) -> Bool {
        guard let after = afterLastCorrection(turn) else { return false }
        let rest = after.drop { !$0.isASCII || !$0.isNumber }
        guard let first = rest.first, first.isNumber, after.count - rest.count <= 4 else { return false }
        let tail = TextMatch.trimmed(String(rest.drop { $0.isASCII && $0.isNumber }))
            .trimmingCharacters(in: CharacterSet(charactersIn: "，,。.!！ "))
        return turn.words[.headCountTails].contains(tail)
    }

    /// The one flat of the estate with this block and room in any entrance, or `nil` when none or several match.
    func onlyUnit(block: String, room: String) -> String? {
        let matches = (1...Engine.maxEntrances).map { block + "-" + String($0) + "-" + room }.filter(unitExists)
        return matches.count == 1 ? matches[0] : nil
    }

    /// Entrances (单元) a block may have, searched when the resident names only block and flat.
    static let maxEntrances = 20

    /// The answer to "请问是5栋几单元？": the entrance number, joined to the block and flat already given.
    func entranceAnswer(_ flow: inout Flow, _ turn: Turn) -> String? {
        guard let block = flow.slots[.unitBlock], let room = flow.slots[.unitRoom] else { return nil }
        let runs = turn.textDigitRuns
        guard runs.count == 1, let entrance = runs.first, entrance.count <= 2 else { return nil }
        return block + "-" + entrance + "-" + room
    }

    /// A room alone ("我住1101", "1101, phone 138…") while the flat is asked, after the building and entrance were named
    /// earlier in the conversation ("6棟1單元的電梯有怪聲"): that entrance's flat.
    func roomAnswer(_ flow: Flow, _ turn: Turn, awaiting: Slot?) -> String? {
        guard awaiting == .unit, let block = flow.slots[.unitBlock], let entrance = flow.slots[.unitEntrance]
        else { return nil }
        let rooms = turn.textDigitRuns.filter { (3...4).contains($0.count) }
        guard rooms.count == 1, let room = rooms.first, turn.entities.building == nil else { return nil }
        return block + "-" + entrance + "-" + room
    }

    /// Whether an emergency's first message already says where it is precisely enough to send someone:
    /// a flat, or a public place with an entrance, a floor or a zone ("3栋2单元15楼走廊", "车库B区", "B2停车场").
    /// Whether a message names a place the on-duty staff can find without asking: a specific public place
    /// (`isSpecificPlace`), or a building by its number with its entrance or floor ("7號樓1單元12樓", "6座1單元部𨋢",
    /// "building 7 entrance 1"). "The lift in building 2" is not yet one: the building has several entrances and lifts.
    func isPlace(_ turn: Turn) -> Bool {
        if isSpecificPlace(turn) { return true }
        guard SlotText.hasBlockNumber(turn.lower, turn.words) else { return false }
        // A floor in words needs its own number beside the building's ("block 3, 8th floor"; not "between floors").
        let floorInWords = turn.has(.floorWords) && EntityExtractor.digitRuns(turn.lower).count >= 2
        return hasEntranceNumber(turn) || hasFloorNumber(turn) || floorInWords
    }

    /// Whether an answer to "where are you?" gives a place: one of `isPlace`, or a part of one that completes what the
    /// first message said ("2号楼" after "the lift", "entrance 1", "12楼"). Words about what the resident is doing
    /// ("we are going down the stairs") name no place, although "stairs" is a public area.
    func answersPlace(_ turn: Turn) -> Bool {
        isPlace(turn) || SlotText.hasBlockNumber(turn.lower, turn.words) || hasEntranceNumber(turn)
            || hasFloorNumber(turn)
    }

    /// "1单元", "entrance 2", "unit 3": an entrance marker with a number.
    func hasEntranceNumber(_ turn: Turn) -> Bool {
        turn.has(.entranceMarkers) && !EntityExtractor.digitRuns(turn.lower).isEmpty
    }

    /// "12楼", "8f": a number with a floor marker right after it ("7号楼" has none: its marker follows "号").
    func hasFloorNumber(_ turn: Turn) -> Bool {
        let scalars = Array(turn.lower.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar >= "0" && scalar <= "9" {
            if index + 1 < scalars.count, turn.words[.floorMarkers].contains(String(scalars[index + 1])) { return true }
        }
        return false
    }

    func isSpecificPlace(_ turn: Turn) -> Bool {
        if turn.has(.landmarks) { return true }
        // A block's lift or lobby ("2座部𨋢", "喺3座大堂", "the lobby of block 3"): one place to send someone (a block's
        // corridor or stairwell still needs the floor).
        if namesBlock(turn), turn.has(.blockPlaces) || turn.has(.liftWords) { return true }
        guard turn.has(.publicArea) else { return false }
        if turn.has(.entranceMarkers) { return true }
        let scalars = Array(turn.lower.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let isDigit = scalar >= "0" && scalar <= "9"
            // A basement level or a lettered zone: "b2", "zone b".
            if scalar == "b", index + 1 < scalars.count, scalars[index + 1] >= "0" && scalars[index + 1] <= "9" {
                return true
            }
            // A floor: "15" followed by a floor marker, "8f" (not the block of "building 2").
            if isDigit, index + 1 < scalars.count, turn.words[.floorMarkers].contains(String(scalars[index + 1])) {
                return true
            }
            if scalar >= "a" && scalar <= "z", index + 1 < scalars.count,
                turn.words[.zoneMarkers].contains(String(scalars[index + 1])),
                index == 0 || !(scalars[index - 1] >= "a" && scalars[index - 1] <= "z")
            {
                return true
            }
        }
        // A floor word with a number ("basement level 2", "地下2层"); alone ("地下车库", "stopped between floors") it says no
        // more than the public area: which garage or which lift is asked.
        return turn.has(.floorWords) && !EntityExtractor.digitRuns(turn.lower).isEmpty
    }

    /// Whether the message names a block by number: "2座", "3栋", "5号楼", "block 3", "building 2".
    func namesBlock(_ turn: Turn) -> Bool {
        let text = turn.lower
        for run in EntityExtractor.digitRuns(text) where run.count <= 2 {
            var start = text.startIndex
            while let range = TextMatch.range(of: run, in: text, from: start) {
                let after = text[range.upperBound...]
                let before = text[..<range.lowerBound]
                let digitAround =
                    after.first.map { $0.isASCII && $0.isNumber } == true
                    || before.last.map { $0.isASCII && $0.isNumber } == true
                if !digitAround, turn.words[.blockMarkers].contains(where: { after.hasPrefix($0) || before.hasSuffix($0) }) {
                    return true
                }
                start = range.upperBound
            }
        }
        return false
    }

    /// The repair category the dialogue lexicon decides over the matcher's guess: a lift fault goes to the
    /// lift team, a street light to public facilities.
    func repairRoute(_ turn: Turn) -> String? {
        let guessed = turn.classification.category(for: .repair)
        if turn.has(.liftWords),
            guessed == nil || guessed == "electrical" || guessed == "door_window" || guessed == "other"
        {
            return "elevator"
        }
        if turn.has(.streetLightWords) { return "public_facility" }
        return nil
    }

    /// The name of a resident the estate registers at `unit`, as the message writes it: as registered, or in Traditional
    /// characters ("4棟2單元902 鄭海燕", one character for one, searched in `shadow`, the text's Simplified shadow).
    func registeredName(_ turn: Turn, unit: String, shadow: String? = nil) -> String? {
        guard let names = estate.unit(unit)?.residents.map(\.name).filter({ $0.count >= 2 }), !names.isEmpty else {
            return nil
        }
        let text = turn.text
        if let name = names.first(where: { TextMatch.contains(text, $0) }) { return name }
        let lower = shadow ?? simplifiedShadow(text)
        guard let name = names.first(where: { TextMatch.contains(lower, $0) }), let range = TextMatch.range(of: name, in: lower)
        else { return nil }
        let start = lower.distance(from: lower.startIndex, to: range.lowerBound)
        return String(text.dropFirst(start).prefix(name.count))
    }

    /// A name stated in passing: "业主张伟" / "申请人：李娜" / "my name is Zhang Wei", or without a marker the name
    /// of a resident registered at `unit` ("装修申请 11栋1单元602 丁刚 …").
    func statedName(_ turn: Turn, unit: String? = nil) -> String? {
        let text = turn.text
        let lower = simplifiedShadow(text)  // "業主馮梓萱": Traditional text is searched with the Simplified markers
        if let unit, let name = registeredName(turn, unit: unit, shadow: lower) { return name }
        var copy = lower
        let plain = copy.withUTF8 { TextMatch.isPlain($0) }
        for marker in turn.words[.nameMarkers] {
            guard let value = clause(after: marker, text: text, lower: lower, lowerIsPlain: plain, turn),
                labels(marker, value)
            else { continue }
            let english = turn.words[.nameMarkersEn].contains(marker)
            let fits = english ? (2...40).contains(value.count) : (2...4).contains(value.count)
            // "我是业主" / "我是租客" names a role, not a person.
            let shadow = simplifiedShadow(value)
            let role = TextMatch.containsAny(shadow, turn.words[.nameMarkers]) || TextMatch.containsAny(shadow, turn.words[.roleWords])
            if fits, !role, !hasDigits(value), value.first.map({ !$0.isWhitespace }) == true { return value }
        }
        // "我姓赵，赵丽": the surname, then the full name in the next clause.
        for marker in turn.words[.surnameMarkers] {
            guard let range = TextMatch.range(of: marker, in: text), let surname = text[range.upperBound...].first else { continue }
            let next = Self.clauses(String(text[range.upperBound...])).dropFirst().first
            if let next, next.first == surname, (2...4).contains(next.count), !hasDigits(next) { return next }
        }
        return nil
    }

    /// Whether the message names works that say what is done, not only where or how much ("换瓷砖", not "卫生间翻新" or
    /// "just some renovation"): a works word is left once the vague ones are taken out.
    func namesWhatIsDone(_ turn: Turn) -> Bool {
        TextMatch.containsAny(turn.removing(.vagueWorks, from: turn.lower), turn.words[.works])
    }

    /// The permit fields a message states by itself: the applicant after a name marker ("我叫", "my name is"), the
    /// contractor after a contractor marker ("装修公司是", "the contractor is"), and — while the scope is still
    /// unknown — the works, told in clauses naming works ("卫生间重新做防水、贴瓷砖，不动墙").
    func statedPermitFields(_ turn: Turn, _ flow: Flow, confirming: Bool) -> [String: String] {
        var fields: [String: String] = [:]
        let nameValue = statedName(turn, unit: turn.classification.entities.unit ?? flow.slots[.unit])
        let contractorValue = statedValue(turn, after: turn.words[.contractorMarkers], length: 2...60)
        if let nameValue { fields["name"] = nameValue }
        if let contractorValue { fields["contractor"] = contractorValue }
        // Structural works told at any prompt are the scope, and are refused ("remove the load-bearing wall …" at the
        // contractor prompt, after "we want to renovate the kitchen").
        let structural = isStructural(turn)
        guard !confirming, flow.slots[.scope] == nil || flow.awaiting == .scope || structural, turn.has(.works)
        else { return fields }
        // Told unasked, the works must say what is done, not only where ("We want to renovate the kitchen" asks for them).
        if flow.awaiting != .scope, !structural, !namesWhatIsDone(turn) { return fields }
        if fields.isEmpty {
            // Only the works: the whole message is the scope, negated structural words and all; a long one keeps the
            // clauses that name works ("Hello, … a permit for 10-2-1402. It's just the bathroom: new tiles …").
            let whole = TextMatch.trimmed(stripPrefixes(turn.text, answerPrefixWords["scope"] ?? TextMatch.PrefixWords([])))
            let value = worksPieces(whole, turn)
            if (2...120).contains(value.count) {
                fields["scope"] = value
                return fields
            }
        }
        let markers = turn.words[.nameMarkers] + turn.words[.contractorMarkers]
        // A clause with a name or a contractor in it, written with spaces for commas, keeps its pieces without one
        // ("主要是換木地板跟重新油漆 施工廠商是好宅室內裝修", "业主曾婷婷 卫生间换马桶").
        let clauses = Self.clauses(turn.text).map { clause -> String in
            guard TextMatch.containsAny(simplifiedShadow(clause), markers) else { return worksPieces(clause, turn) }
            let kept = Self.spacedPieces(clause).filter { !TextMatch.containsAny(simplifiedShadow($0), markers) }
            return worksPieces(kept.joined(separator: " "), turn)
        }.filter { clause in
            let lower = simplifiedShadow(clause)  // "浴室換磁磚跟馬桶，不動結構": Traditional works and negators too
            return !clause.isEmpty
                && (TextMatch.containsAny(lower, turn.words[.works]) || TextMatch.containsAny(lower, turn.words[.structuralNegators]))
        }
        let scope = clauses.joined(separator: turn.language == .en ? ", " : "\u{FF0C}")
        if (2...120).contains(scope.count) { fields["scope"] = scope }
        return fields
    }

    /// The pieces of a clause written with spaces for commas that name works or what is left alone ("卫生间换防水重新贴砖
    /// 下个月3号开始 大概20天 4个人" is "卫生间换防水重新贴砖": the date, the days and the workers are their own slots); the
    /// clause as it is when no piece, or every piece, names works.
    func worksPieces(_ clause: String, _ turn: Turn) -> String {
        let pieces = Self.spacedPieces(clause)
        guard pieces.count > 1 else { return clause }
        let works = pieces.filter { piece in
            let lower = simplifiedShadow(piece)
            return TextMatch.containsAny(lower, turn.words[.works])
                || TextMatch.containsAny(lower, turn.words[.structuralNegators])
        }
        return works.isEmpty || works.count == pieces.count ? clause : works.joined(separator: " ")
    }

    /// A clause split at each space between two Han characters (chat's comma); English text stays whole.
    static func spacedPieces(_ clause: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        let characters = Array(clause)
        for (index, character) in characters.enumerated() {
            let between =
                character == " " && index > 0 && index + 1 < characters.count
                && Han.isIdeograph(characters[index - 1].unicodeScalars.first?.value ?? 0)
                && Han.isIdeograph(characters[index + 1].unicodeScalars.first?.value ?? 0)
            if between {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces.map { TextMatch.trimmed($0) }.filter { !$0.isEmpty }
    }

    /// The clauses of a message, split at commas and full stops (trimmed, empty ones dropped).
    static func clauses(_ text: String) -> [String] {
        text.split { Engine.isClauseBreak($0) }.flatMap { piece -> [String] in
            // English sentences too: "Unit 10-2-1502, owner Dong Jun. We're replacing the cabinets".
            var rest = piece
            var parts: [String] = []
            while case let head = beforeFullStop(rest), head.endIndex < rest.endIndex {
                parts.append(String(head))
                rest = rest[rest.index(after: head.endIndex)...]
            }
            parts.append(String(rest))
            return parts
        }.map { TextMatch.trimmed($0) }.filter { !$0.isEmpty }
    }

    /// The words after the first of `markers` up to the end of its clause, when their length fits and they hold no digits.
    func statedValue(_ turn: Turn, after markers: [String], length: ClosedRange<Int>) -> String? {
        let text = turn.text
        let lower = simplifiedShadow(text)  // "業主馮梓萱": Traditional text is searched with the Simplified markers
        var copy = lower
        let plain = copy.withUTF8 { TextMatch.isPlain($0) }
        for marker in markers {
            guard let clause = clause(after: marker, text: text, lower: lower, lowerIsPlain: plain, turn),
                labels(marker, clause)
            else { continue }
            let value = TextMatch.trimmed(clause)
            if length.contains(value.count), !hasDigits(value) { return value }
        }
        return nil
    }

    /// Whether `value` can follow `marker`: a bare label ending in a space ("name Xu Jun", "contractor Greenleaf
    /// Interiors") names a proper noun, so its value starts with a capital or a Chinese character and is at most four
    /// words ("the contractor says it's fine" is not a contractor's name).
    func labels(_ marker: String, _ value: String) -> Bool {
        guard marker.last == " " else { return true }
        let trimmed = TextMatch.trimmed(value)
        guard let first = trimmed.unicodeScalars.first else { return false }
        let capital = first.properties.isUppercase || Han.isIdeograph(first.value)
        return capital && trimmed.split(separator: " ").count <= 4
    }

    /// The rest of the clause after the first `marker` in `lower` (joiners such as "：" or "是" skipped), cut from the
    /// resident's own `text`; `nil` when the marker is not there.
    func clause(after marker: String, text: String, lower: String, lowerIsPlain: Bool? = nil, _ turn: Turn) -> String? {
        guard let range = TextMatch.range(of: marker, in: lower, textIsPlain: lowerIsPlain) else { return nil }
        var rest = Substring(text.dropFirst(lower.distance(from: lower.startIndex, to: range.upperBound)))
        while let first = rest.first, turn.words[.nameJoiners].contains(String(first)) { rest = rest.dropFirst() }
        var value = Self.beforeFullStop(rest.prefix { !Engine.isClauseBreak($0) })
        // Chinese chat writes a space for a comma: "施工的是诚信装修队 下周一开始 20天" ends the name at the space.
        if let first = value.unicodeScalars.first, Han.isIdeograph(first.value) {
            var previous: Character = " "
            for index in value.indices {
                let character = value[index]
                if character == " ", Han.isIdeograph(previous.unicodeScalars.first?.value ?? 0) {
                    let next = value[value.index(after: index)...].first
                    if let next, next.isNumber || Han.isIdeograph(next.unicodeScalars.first?.value ?? 0) {
                        value = value[..<index]
                        break
                    }
                }
                previous = character
            }
        }
        return String(value)
    }

    /// The text up to an English full stop that ends a sentence ("Dong Jun. We're replacing…"): a "." followed by a
    /// space or the end, after a letter or digit ("… for 10-2-1402. It's just the bathroom"; "3.5" and "No.5" stay whole).
    static func beforeFullStop(_ text: Substring) -> Substring {
        var i = text.startIndex
        while let dot = text[i...].firstIndex(of: ".") {
            let next = text.index(after: dot)
            let before = dot > text.startIndex ? text[text.index(before: dot)] : " "
            if before.isLetter || before.isNumber, next == text.endIndex || text[next] == " " { return text[..<dot] }
            i = next
        }
        return text
    }

    /// "4栋1单元501厨房下水道堵了 哦不对 不是501是502": a flat corrected in the message that names it. The flat named after
    /// the last correction marker, or the stated flat with the other room named there; nil when nothing after the marker
    /// changes the flat ("3-2-501，哦不对，是厨房不是卫生间").
    func unitCorrectedInPassing(_ unit: String, _ turn: Turn, current: String?) -> String? {
        guard turn.isCorrection, let (rest, after) = afterCorrection(turn) else { return nil }
        if let named = after.unit { return named == unit ? nil : named }
        guard let rooms = Self.roomNumbers(rest) else { return nil }
        // "房号是10栋1单元602不是502" with 10-1-502 on file: the room after the marker is the one already given, said
        // to be wrong; the flat named in full is the new one.
        if let current, current != unit, let room = current.split(separator: "-").last, rooms == [String(room)] {
            return nil
        }
        return Self.unit(unit, withOtherRoomOf: rooms)
    }

    /// The distinct room-sized numbers of `text` (three or four digits; a phone's seven or more are no room, and the same
    /// room said twice is one), when there are one or two of them.
    static func roomNumbers(_ text: String) -> [String]? { roomNumbers(runs: EntityExtractor.digitRuns(text)) }

    /// `roomNumbers` of the text whose digit runs (`EntityExtractor.digitRuns`) are `all`.
    static func roomNumbers(runs all: [String]) -> [String]? {
        var runs: [String] = []
        for run in all where run.count < 7 && !runs.contains(run) { runs.append(run) }
        guard (1...2).contains(runs.count), runs.allSatisfy({ (3...4).contains($0.count) }) else { return nil }
        return runs
    }

    /// `unit` (`B-U-R`) with its room replaced by the first of `rooms` that is not its own; nil when there is none.
    static func unit(_ unit: String, withOtherRoomOf rooms: [String]) -> String? {
        let parts = unit.split(separator: "-")
        guard parts.count == 3, let room = rooms.first(where: { $0 != parts[2] }) else { return nil }
        return parts[0] + "-" + parts[1] + "-" + room
    }

    /// "不对，是502室" / "no, room 502" / "不是501是502" / "哦不对，是1202": the same building and entrance,
    /// another room (the number that is not the current room).
    func roomCorrection(_ flow: Flow, _ turn: Turn) -> String? {
        guard let current = flow.slots[.unit] else { return nil }
        let parts = current.split(separator: "-")
        guard parts.count == 3 else { return nil }
        // A phone given in the same breath ("13812345678，哦说错了，是501不是801") is not a room.
        // The same room said twice ("不是501是502 我家是502") is one room.
        guard let runs = Self.roomNumbers(runs: turn.textDigitRuns) else { return nil }
        // "係1802唔係1801": the room given, denied beside the new one, is a correction without a correction word.
        let deniedRoom = turn.classification.contains(act: .deny) && runs.count == 2 && runs.contains(String(parts[2]))
        if flow.awaiting == .phone, !turn.isCorrection, !deniedRoom { return nil }
        guard turn.has(.roomWords) || turn.isCorrection || deniedRoom else { return nil }
        if flow.awaiting == .verify {
            // Four digits at the verification are the phone's tail ("不对，是5678"); a room is corrected there only
            // when named as one or against the room given ("打错咗 係201室 唔係2010").
            // "尾号6030" holds the room word 号: words about the tail make the number a tail.
            let namedRoom = turn.has(.roomWords) && !turn.has(.verifyMarkers)
            guard turn.isCorrection, namedRoom || runs.contains(String(parts[2])) else { return nil }
        }
        return Self.unit(current, withOtherRoomOf: runs)
    }

    /// The description part of a message: clauses that are not the unit, the phone, or a bare request.
    /// `text` without its phone numbers (every word holding a run of seven digits or more) and the phone label
    /// before each ("电话", "my number is").
    func withoutPhone(_ text: String, _ words: DialogueLexicon) -> String {
        let labels = words[.phoneLabels].sorted { $0.count > $1.count }
        var kept: [String] = []
        for part in text.split(separator: " ") {
            var piece = String(part)
            guard EntityExtractor.digitRuns(piece).contains(where: { $0.count >= 7 }) else {
                kept.append(piece)
                continue
            }
            piece = String(piece.prefix { !$0.isNumber && $0 != "+" })
            piece = TextMatch.trimmed(piece)
            // "電話": Traditional text is compared with the Simplified labels (one character for one), its shadow
            // made once per label taken off; the labels are longest first, so the first that ends it is the one.
            while true {
                let shadow = simplifiedShadow(piece).lowercased()
                guard let label = labels.first(where: { shadow.hasSuffix($0) }) else { break }
                piece = TextMatch.trimmed(String(piece.dropLast(label.count)))
            }
            if !piece.isEmpty { kept.append(piece) }
        }
        // A label left as the last word ("my number is 138…" split into words): it goes too.
        while let last = kept.last, labels.contains(simplifiedShadow(last).lowercased()) { kept.removeLast() }
        return TextMatch.trimmed(kept.joined(separator: " "))
    }

    func cleanDescription(_ turn: Turn) -> String {
        let english = turn.language == .en
        var clauses: [String] = []
        var whole = turn.text
        if whole.withUTF8({ TextMatch.isPlain($0) }) {
            // Plain text (`TextMatch.isPlain`): every character is one scalar, so the split is the same on scalars.
            clauses = turn.text.unicodeScalars.split(omittingEmptySubsequences: false) {
                Engine.clauseBreakScalars.contains($0.value)
            }.map { String($0) }
        } else {
            var current = ""
            for character in turn.text {
                if Engine.isClauseBreak(character) {
                    clauses.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            clauses.append(current)
        }
        var kept: [String] = []
        let fillers = fillerPrefixes
        let unitCharacters = unitCharacterSet
        let hasUnit = turn.entities.unit != nil || turn.entities.blockAndFlat != nil
        for clause in clauses {
            var text = TextMatch.trimmed(stripPrefixes(clause, fillers))
            // "5-1-902厨房下水道堵了 电话17655934711": the phone and its label go, the fault told beside it stays.
            if EntityExtractor.digitRuns(text).contains(where: { $0.count >= 7 }) {
                text = withoutPhone(text, turn.words)
                if text.count < 2 { continue }
            }
            // A phone written in groups ("my phone +86 150 7380 8100"): seven digits or more in all.
            if let phone = turn.entities.phone, EntityExtractor.digitRuns(text).joined().contains(phone) { continue }
            if hasUnit, text.first.map({ unitCharacters.contains($0) }) == true,
                EntityExtractor.digitRuns(text).count > 0 || turn.entities.unit != nil
            {
                text = String(text.drop { unitCharacters.contains($0) })
                // "1号楼2单元701": 楼 with the address going on after it goes too; "楼道" stays.
                while let first = text.first, unitInsideCharacterSet.contains(first),
                    let next = text.dropFirst().first, next != " ", unitCharacters.contains(next)
                {
                    text = String(text.dropFirst().drop { unitCharacters.contains($0) })
                }
            }
            if hasUnit, english { text = withoutEnglishUnit(text) }
            if english, isOnlyAddress(text, turn) { continue }  // "my flat is 1502" once the unit words are gone
            text = TextMatch.trimmed(stripPrefixes(text, fillers))
            if text.count >= 2 { kept.append(text) }
        }
        return kept.joined(separator: english ? ", " : "\u{FF0C}")
    }

    /// Whether an English clause says only where the resident lives: its words are digits, unit and request words
    /// ("my flat is 1502", "my is").
    func isOnlyAddress(_ text: String, _ turn: Turn) -> Bool {
        let known = addressWordSet  // request, unit and address-filler words
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return false }
        return words.allSatisfy { word in word.allSatisfy(\.isNumber) || known.contains(word) }
    }

    /// `text` lower-cased with each Traditional character replaced by its Simplified one (one character for
    /// one, so prefix lengths carry over to `text`).
    func simplifiedShadow(_ text: String) -> String {
        var copy = text
        if let shadow = copy.withUTF8({ simplifiedTable.plainShadow($0) }) { return shadow }
        let pairs = catalog.han.pairs
        var scalars = String.UnicodeScalarView()
        if copy.withUTF8({ TextMatch.isPlain($0) }) {
            // Plain text (`TextMatch.isPlain`): one scalar per character, and lower-casing changes only A–Z and Ａ–Ｚ.
            for scalar in text.unicodeScalars {
                var value = scalar.value
                if (0x41...0x5A).contains(value) || (0xFF21...0xFF3A).contains(value) { value += 0x20 }
                scalars.append(pairs[value].flatMap(Unicode.Scalar.init) ?? Unicode.Scalar(value)!)
            }
            return String(scalars)
        }
        for character in text.lowercased() {
            if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                let simplified = pairs[scalar.value].flatMap(Unicode.Scalar.init)
            {
                scalars.append(simplified)
            } else {
                scalars.append(contentsOf: character.unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// An English clause without its address words: "The toilet in flat 1101" → "The toilet",
    /// "block 5 keeps running" → "keeps running", "3-2-501" → "".
    func withoutEnglishUnit(_ text: String) -> String {
        let unitWords = unitWordEnSet
        var kept: [Substring] = []
        var skipNumber = false
        for word in text.split(separator: " ") {
            let lower = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
            let numeric = lower.first.map { $0.isNumber || $0 == "#" } ?? false
            if unitWords.contains(lower) {
                skipNumber = true
                continue
            }
            if numeric, skipNumber || !EntityExtractor.digitRuns(lower).isEmpty { continue }
            skipNumber = false
            kept.append(word)
        }
        let dangling = danglingWordEnSet
        while let last = kept.last, dangling.contains(last.lowercased()) { kept.removeLast() }
        return kept.joined(separator: " ")
    }

    /// `text` without any of the leading `prefixes` (case-insensitive, Traditional read as Simplified: the
    /// lexicon's words are Simplified), repeatedly.
    func stripPrefixes(_ text: String, _ prefixes: TextMatch.PrefixWords) -> String {
        var rest = TextMatch.trimmed(text)
        var lower = simplifiedShadow(rest)  // of `rest`, renewed whenever `rest` changes
        var lowerIsPlain = lower.utf8.withContiguousStorageIfAvailable { TextMatch.isPlain($0) }
        var changed = true
        while changed {
            changed = false
            for index in prefixes.words.indices where prefixes.hasPrefix(lower, index, textIsPlain: lowerIsPlain) {
                rest = TextMatch.trimmed(String(rest.dropFirst(prefixes.words[index].count)))
                lower = simplifiedShadow(rest)
                lowerIsPlain = lower.utf8.withContiguousStorageIfAvailable { TextMatch.isPlain($0) }
                changed = true
            }
        }
        return rest
    }

    /// The value after a field-change phrase: "姓名改成李四" → "李四".
    func valueAfter(_ text: String, _ markers: [String]) -> String? {
        let lower = text.lowercased()
        for marker in markers {
            guard let range = TextMatch.range(of: marker, in: lower) else { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
            let value = TextMatch.trimmed(String(text.dropFirst(offset)))
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// Whether an opening message says what the problem is, beyond the request itself and the unit:
    /// 4 or more other Chinese characters, or 3 or more other English words.
    func isSubstantial(_ description: String, _ turn: Turn) -> Bool {
        let text = turn.removing(.requestWordsZh, from: description.lowercased())
        let unitCharacters = unitCharacterSet
        let han = text.unicodeScalars.filter {
            Han.isIdeograph($0.value) && !unitCharacters.contains(Character($0))
        }.count
        let requestWords = requestWordEnSet
        let count = text.split { !$0.isLetter || $0.unicodeScalars.first!.value > 0x7F }
            .filter { !requestWords.contains(String($0)) }.count
        return han >= 4 || count >= 3
    }

    func hasDigits(_ text: String) -> Bool { text.unicodeScalars.contains { $0 >= "0" && $0 <= "9" } }

    /// Where a message splits into clauses: ASCII and full-width commas, stops, semicolons, marks, newlines.
    static let clauseBreaks: Set<Character> = [
        ",", "\u{FF0C}", "\u{3002}", ";", "\u{FF1B}", "!", "\u{FF01}", "?", "\u{FF1F}", "\n", "\u{3001}",
    ]

    /// `clauseBreaks.contains(character)` without hashing the character: a one-byte character or a plain wide one
    /// (`Han.isPlainWide`, which no other character is canonically equivalent to) is looked up by its scalar; any other
    /// (U+037E is the same character as ";") by the set.
    @inline(__always)
    static func isClauseBreak(_ character: Character) -> Bool {
        let utf8 = character.utf8
        var iterator = utf8.makeIterator()
        guard let lead = iterator.next() else { return false }
        if lead < 0x80, utf8.count == 1 {
            switch lead {
            case 0x2C, 0x3B, 0x21, 0x3F, 0x0A: return true  // , ; ! ? LF
            default: return false
            }
        }
        if lead >= 0xE0, lead < 0xF0, utf8.count == 3, let second = iterator.next(), let third = iterator.next() {
            let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
            if Han.isPlainWide(scalar) {
                switch scalar {
                case 0xFF0C, 0x3002, 0xFF1B, 0xFF01, 0xFF1F, 0x3001: return true
                default: return false
                }
            }
        }
        return clauseBreaks.contains(character)
    }

    /// The scalars of `clauseBreaks` (each of them one scalar), for splitting plain text.
    static let clauseBreakScalars: Set<UInt32> = Set(clauseBreaks.flatMap { $0.unicodeScalars.map(\.value) })
}
