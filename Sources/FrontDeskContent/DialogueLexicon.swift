import FrontDeskModel

/// The words the dialogue manager reads inside a flow (`intents/dialogue.json`): leaving, corrections,
/// verification forms, choices, public areas, structural works, satisfaction levels. Matched on the
/// normalized, lower-cased text of a message; nothing here is ever said to a resident.
public struct DialogueLexicon: Sendable {
    /// The named word lists of `words` (every one is required, so the dialogue never reads a missing list).
    public enum List: String, CaseIterable, Sendable {
        case affirm, deny, cancel, leave, skip, asap, nothing, works, today
        case cancelInside = "cancel_inside"
        case myRecords = "my_records"
        case choiceFirst = "choice_first"
        case choiceSecond = "choice_second"
        case publicArea = "public_area"
        case notMyHome = "not_my_home"
        case structural
        case structuralStrong = "structural_strong"
        case structuralNegators = "structural_negators"
        case requestWordsZh = "request_words_zh"
        case requestWordsEn = "request_words_en"
        case fillers
        case verifyMarkers = "verify_markers"
        case correctionMarkers = "correction_markers"
        case alsoMarkers = "also_markers"
        case roomWords = "room_words"
        case unitWordsEn = "unit_words_en"
        case unitCharacters = "unit_characters"
        /// "楼" in "1号楼2单元701": a character of the address only where a digit follows it (not "楼道").
        case unitCharactersInside = "unit_characters_inside"
        case blockMarkers = "block_markers"
        case entranceMarkers = "entrance_markers"
        case roomMarkers = "room_markers"
        case nameMarkers = "name_markers"
        case nameMarkersEn = "name_markers_en"
        case surnameMarkers = "surname_markers"
        case nameJoiners = "name_joiners"
        /// "装修公司是", "工班是", "the contractor is": the contractor's name follows, in any step of a permit.
        case contractorMarkers = "contractor_markers"
        case floorMarkers = "floor_markers"
        case zoneMarkers = "zone_markers"
        /// Places an estate has one of (the courtyard, the clubhouse, the main gate): specific enough on their own.
        case landmarks = "landmarks"
        case floorWords = "floor_words"
        case liftWords = "lift_words"
        case streetLightWords = "street_light_words"
        case questionMarkers = "question_markers"
        case danglingWordsEn = "dangling_words_en"
        case feeItemProperty = "fee_item_property"
        case feeItemWater = "fee_item_water"
        case feeItemParking = "fee_item_parking"
        case lastMonth = "last_month"
        case thisMonth = "this_month"
        case monthNamesZh = "month_names_zh"
        case monthNamesEn = "month_names_en"
        case monthSuffix = "month_suffix"
        case chooseTime = "choose_time"
        /// A smell, smoke or an alarm: what makes a hedged emergency an uncertain hazard worth one safety question.
        case hazardCues = "hazard_cues"
        /// A sign that leaves no doubt (明火, 浓烟, a hissing pipe, "I can see smoke").
        case hazardSigns = "hazard_signs"
        /// A sign looked for and not found ("没看到烟", "can't see any smoke").
        case noHazardSigns = "no_hazard_signs"
        /// Words that deny what follows them in a clause ("没有", "冇", "no", "without"): "no smoke or flames" names no sign.
        case signNegators = "sign_negators"
        case alarmWords = "alarm_words"
        /// Answers to "is there smoke, an open flame or a smell of gas?": yes ("有") and no ("没有", "冇").
        case hazardYes = "hazard_yes"
        case hazardNo = "hazard_no"
        /// "就这样吧", "that's all": at a restatement, go ahead as it stands (not a goodbye that drops it).
        case settle
        /// "继续", "carry on": the answer to "shall we continue?" anywhere in a short line.
        case resumeWords = "resume_words"
        /// Doubts that cover the whole message, in whichever clause ("不知道哪来的", "not sure if it's dangerous").
        case wholeHedges = "whole_hedges"
        /// The fault of a finished job is back ("又漏了", "the leak is back"): a return visit reopens the job.
        case faultBack = "fault_back"
        /// "前两天你们来修过", "your electrician came on Monday": the resident speaks of the office's earlier visit.
        case serviceVisited = "service_visited"
        /// Names the workers' count in a correction ("工人改做5個").
        case workerWords = "worker_words"
        /// Who the resident is rather than their name ("我是租客", "I'm the tenant"): never taken for the applicant's name.
        case roleWords = "role_words"
        /// Works words that name only a room or "renovating" ("翻新厨房", "redo the bathroom"): not a scope by themselves
        /// in an opening line; the works are asked for.
        case vagueWorks = "vague_works"
        /// Words that take an offer ("需要", "麻烦安排", "yes please"): with them an "ok, thanks" is a yes, without them it
        /// thanks for the advice.
        case acceptWords = "accept_words"
        /// "那我在家等着", "I'll wait for the plumber": the resident has what they asked for and will wait; at an offer to
        /// verify for the details, an "ok" with them is no yes.
        case waitingWords = "waiting_words"
        /// "多久能到", "接下来会怎么处理", "how long till someone gets here", "what happens now": right after a record was
        /// made, a question with them asks how that record goes on, not for something new.
        case nextQuestions = "next_questions"
        /// "我先接个电话，回头再找你们", "let me check with my husband first, bye for now": the resident leaves to come back
        /// later, however long the line.
        case deferWords = "defer_words"
        /// "下午来", "上门", "I'm home in the evening": a part of the day named with them is when to visit, not when the
        /// fault shows ("晚上黑漆漆的").
        case visitWords = "visit_words"
        /// "fixed on Thursday", "上周四修好的": a date told with them in a repair's first words is when the job was done, not when
        /// to come.
        case pastWords = "past_words"
        /// "我要申请", "I'd like to apply": a renovation question with them starts the application; without them, a question
        /// about the rules is answered and the application offered.
        case applyWords = "apply_words"
        /// "建议…", "it would be nice if…": after a return visit's rating, a remark with them adds to the feedback.
        case suggestionWords = "suggestion_words"
        /// After a return visit's rating, a reason that asks for more than feedback: a complaint named ("我要投诉"), a mess
        /// still there ("到现在都没人收"), damage done ("墙蹭得全是手印", "scratched the floor"). The rating is stored and the
        /// complaint is taken.
        case ratingComplaint = "rating_complaint"
        /// A person asked for by name ("转人工", "a real person"): with one, a phone given with "contact me" still asks for a
        /// person; without one, "你们联系我就行，138…" at the phone prompt is the phone.
        case personWords = "person_words"
        /// The resident's own home ("我家", "my bathroom"): an emergency told so is at the flat the conversation knows.
        case myHome = "my_home"
        /// The words before a phone number ("电话", "手机号", "my number is"): taken out of a description with the number.
        case phoneLabels = "phone_labels"
        /// What may follow a bare number that counts people ("是6个", "7 people"): at a permit's restatement, a
        /// correction of that form corrects the workers.
        case headCountTails = "head_count_tails"
        /// The middle of a question asked both ways ("好不好", "得唔得"): not a no.
        case eitherWayJoiners = "either_way_joiners"
        /// "不是X，是Y" / "not X, Y": the word before the wrong thing, paired by position with the word that may open
        /// the right one (`swap_affirmations`; " " when none).
        case swapNegations = "swap_negations"
        case swapAffirmations = "swap_affirmations"
        /// Words dropped from the front of the right thing or the wrong one ("the toilet", "it's the lock").
        case swapArticles = "swap_articles"
        /// Words of an English clause that only says where the resident lives, besides request and unit words.
        case addressFillers = "address_fillers"
        /// A place a block has one of (its lobby, its roof, its front door): with the block's number, a place to send someone.
        case blockPlaces = "block_places"

        /// The list's place in `allCases`, which dense tables (`DialogueLexicon.Table`) are indexed by: a case of an
        /// enum without payloads is stored as that number (one byte below 256 cases; `FastPathTests` checks both).
        @inline(__always) public var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

        /// Hashed by `ordinal`, not by the raw-value string (`RawRepresentable`'s default): the same equality, no string
        /// hashing per dictionary read.
        public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
    }

    /// One value per list, indexed by `List.ordinal`: a read is an array subscript, not a dictionary look-up.
    public struct Table<Value: Sendable>: Sendable {
        private var values: [Value]

        /// A table with `value(list)` for every list.
        public init(_ value: (List) -> Value) { values = List.allCases.map(value) }

        /// The value of `list`.
        @inline(__always) public subscript(_ list: List) -> Value {
            get { values[list.ordinal] }
            set { values[list.ordinal] = newValue }
        }
    }

    /// The slots whose free-text answers may start with a stated prefix ("我叫…", "施工单位是…").
    public static let prefixedSlots = ["name", "scope", "contractor"]
    /// The five levels of the return-visit scale, by their key in the file.
    public static let satisfactionLevels = [
        "very_dissatisfied", "very_satisfied", "dissatisfied", "neutral", "satisfied",
    ]

    /// The words of every list (empty for a list the lexicon was built without).
    let lists: Table<[String]>
    /// Prefixes an answer to a free-text slot may start with, by slot.
    public let answerPrefixes: [String: [String]]
    /// Field-change phrases at the confirmation ("姓名改成…"), by slot.
    public let correctionPrefixes: [String: [String]]
    /// Satisfaction words with their level key, longest word first (非常不满意 before 不满意 before 满意).
    public let satisfaction: [(word: String, level: String)]
    /// How a restatement of the resident's words avoids a forbidden word (SPEC 4.1), in file order.
    public let politeReplacements: [(word: String, replacement: String)]
    /// What the standalone English word "no" becomes in a restatement ("without").
    public let politeNo: String

    /// A lexicon from its parts (the loader and tests).
    public init(
        lists: [List: [String]], answerPrefixes: [String: [String]] = [:],
        correctionPrefixes: [String: [String]] = [:], satisfaction: [String: [String]] = [:],
        politeReplacements: [(word: String, replacement: String)] = [], politeNo: String = ""
    ) {
        self.lists = Table { lists[$0] ?? [] }
        self.politeReplacements = politeReplacements
        self.politeNo = politeNo
        self.answerPrefixes = answerPrefixes
        self.correctionPrefixes = correctionPrefixes
        var pairs: [(word: String, level: String)] = []
        for level in Self.satisfactionLevels { for word in satisfaction[level] ?? [] { pairs.append((word, level)) } }
        self.satisfaction = pairs.enumerated().sorted {
            $0.element.word.count != $1.element.word.count
                ? $0.element.word.count > $1.element.word.count : $0.offset < $1.offset
        }.map(\.element)
    }

    /// The words of `list` (empty when the lexicon was built without it).
    @inline(__always) public subscript(_ list: List) -> [String] { lists[list] }
}

extension CatalogLoader {
    static let dialogueKeys = [
        "version", "description", "words", "answer_prefixes", "correction_prefixes", "satisfaction", "polite_echo",
    ]

    /// Reads `dialogue.json`; every list named by `DialogueLexicon.List` is required.
    mutating func loadDialogue() -> DialogueLexicon {
        readFile("dialogue.json", allowed: Self.dialogueKeys, empty: DialogueLexicon(lists: [:])) { root, reader in
            Self.dialogue(root, &reader)
        }
    }

    static func dialogue(_ root: JSONObject, _ reader: inout ContentReader) -> DialogueLexicon {
        var lists: [DialogueLexicon.List: [String]] = [:]
        let names = DialogueLexicon.List.allCases.map(\.rawValue)
        if let value = root["words"], let object = reader.object(value, at: "words", allowed: names) {
            for list in DialogueLexicon.List.allCases {
                guard let words = object[list.rawValue] else {
                    reader.report("words.\(list.rawValue)", ContentMessages.missing)
                    continue
                }
                lists[list] = reader.strings(words, at: "words.\(list.rawValue)")
            }
        } else if root["words"] == nil {
            reader.report("words", ContentMessages.missing)
        }
        if let negations = lists[.swapNegations], let affirmations = lists[.swapAffirmations],
            negations.count != affirmations.count
        {
            reader.report(
                "words.\(DialogueLexicon.List.swapAffirmations.rawValue)",
                "expected one word for each of swap_negations (\(negations.count)), got \(affirmations.count)")
        }
        func table(_ key: String, allowed: [String]) -> [String: [String]] {
            guard let value = root[key], let object = reader.object(value, at: key, allowed: allowed) else {
                return [:]
            }
            var result: [String: [String]] = [:]
            for name in allowed {
                guard let words = object[name] else {
                    reader.report("\(key).\(name)", ContentMessages.missing)
                    continue
                }
                result[name] = reader.strings(words, at: "\(key).\(name)")
            }
            return result
        }
        let answers = table("answer_prefixes", allowed: DialogueLexicon.prefixedSlots)
        let corrections = table("correction_prefixes", allowed: DialogueLexicon.prefixedSlots)
        let satisfaction = table("satisfaction", allowed: DialogueLexicon.satisfactionLevels)
        var replacements: [(word: String, replacement: String)] = []
        var politeNo = ""
        if let value = root["polite_echo"],
            let object = reader.object(value, at: "polite_echo", allowed: ["replace", "word_no"])
        {
            if let table = object["replace"], table.object == nil {
                reader.report("polite_echo.replace", ContentMessages.expected("an object", table))
            }
            if let pairs = object["replace"]?.object {
                for (word, replacement) in pairs {
                    guard let text = replacement.string, !text.isEmpty, !word.isEmpty else {
                        reader.report("polite_echo.replace.\(word)", ContentMessages.expected("a string", replacement))
                        continue
                    }
                    replacements.append((word, text))
                }
            }
            politeNo = reader.string(object, "word_no", at: "polite_echo") ?? ""
        } else if root["polite_echo"] == nil {
            reader.report("polite_echo", ContentMessages.missing)
        }
        return DialogueLexicon(
            lists: lists, answerPrefixes: answers, correctionPrefixes: corrections, satisfaction: satisfaction,
            politeReplacements: replacements, politeNo: politeNo)
    }
}
