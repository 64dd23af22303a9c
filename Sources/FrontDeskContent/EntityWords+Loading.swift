import FrontDeskModel

extension CatalogLoader {
    static let entityKeys = [
        "version", "description", "triggers", "numerals", "relative_days", "parts_of_day", "words", "english_numbers",
        "english_words", "english_parts_of_day",
    ]

    /// Reads `entities.json`: every list is required; every mistake is reported with its key path.
    mutating func loadEntities() -> EntityWords {
        readFile("entities.json", allowed: Self.entityKeys, empty: .empty) { root, reader in
            Self.entities(root, &reader)
        }
    }

    static func entities(_ root: JSONObject, _ reader: inout ContentReader) -> EntityWords {
        let triggers = reader.string(root, "triggers", at: "") ?? ""
        var entities = EntityReader(reader: reader)
        defer { reader = entities.reader }

        var digits: [(character: String, value: Int)] = []
        var multipliers: [(character: String, value: Int)] = []
        if let value = entities.member(root, "numerals"),
            let numerals = entities.reader.object(value, at: "numerals", allowed: ["digits", "multipliers"])
        {
            digits = entities.characterTable(numerals, "numerals.digits") { (0...9).contains($0) ? nil : "0 to 9" }
            multipliers = entities.characterTable(numerals, "numerals.multipliers") {
                [10, 100, 1000, 10_000].contains($0) ? nil : "10, 100, 1000 or 10000"
            }
        }
        let relativeDays = entities.relativeDays(root)
        let partsOfDay = entities.partsOfDay(root)
        var lists: [EntityWords.List: [String]] = [:]
        if let value = entities.member(root, "words"),
            let object = entities.reader.object(value, at: "words", allowed: EntityWords.List.allCases.map(\.rawValue))
        {
            for list in EntityWords.List.allCases {
                let path = "words.\(list.rawValue)"
                guard let words = object[list.rawValue] else {
                    entities.reader.report(path, ContentMessages.missing)
                    continue
                }
                lists[list] = entities.reader.strings(words, at: path)
                for (index, word) in lists[list]!.enumerated() { entities.checkCharacters(word, at: "\(path)[\(index)]") }
                if lists[list]!.isEmpty { entities.reader.report(path, "expected at least one word") }
            }
        }
        let english = entities.englishWords(root)
        let result = EntityWords(
            triggers: triggers, digits: digits, multipliers: multipliers, relativeDays: relativeDays,
            partsOfDay: partsOfDay, lists: lists, englishNumbers: english.numbers, englishWords: english.words,
            englishSaid: english.said)
        entities.checkTriggers(result)
        return result
    }
}

/// The checks of `entities.json` beyond types: characters the extractor can read, one role per English
/// word, and a trigger character in every word that completes an entity.
private struct EntityReader {
    var reader: ContentReader

    mutating func member(_ object: JSONObject, _ key: String) -> JSON? {
        guard let value = object[key] else {
            reader.report(key, ContentMessages.missing)
            return nil
        }
        return value
    }

    /// Non-ASCII characters must lie in U+3000–U+9FFF, where the extractor keeps its tables.
    mutating func checkCharacters(_ word: String, at path: String) {
        for scalar in word.unicodeScalars where scalar.value >= 0x80 && !(0x3000..<0xA000).contains(scalar.value) {
            reader.report(path, "'\(scalar)' (U+\(String(scalar.value, radix: 16, uppercase: true))) is outside U+3000–U+9FFF")
        }
        if word.lowercased() != word { reader.report(path, "expected lower case: words are matched on normalized text") }
    }

    /// `{"十": 10, …}`: single characters with whole numbers that `problem` accepts (it names what is expected).
    mutating func characterTable(_ object: JSONObject, _ path: String, _ problem: (Int) -> String?) -> [(
        character: String, value: Int
    )] {
        let key = String(path.split(separator: ".").last!)
        guard let value = object[key] else {
            reader.report(path, ContentMessages.missing)
            return []
        }
        guard let table = value.object else {
            reader.report(path, ContentMessages.expected("an object", value))
            return []
        }
        var result: [(character: String, value: Int)] = []
        for (character, number) in table {
            let at = "\(path).\(character)"
            guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                (0x3000..<0xA000).contains(scalar.value)
            else {
                reader.report(at, "expected one character in U+3000–U+9FFF")
                continue
            }
            guard let n = number.int, Double(n) == number.number else {
                reader.report(at, ContentMessages.expected("a whole number", number))
                continue
            }
            if let expected = problem(n) {
                reader.report(at, "expected \(expected), got \(n)")
                continue
            }
            result.append((character, n))
        }
        return result
    }

    /// The objects of the array `key` (each with its key path), every element checked against `allowed`.
    mutating func objects(_ root: JSONObject, _ key: String, allowed: [String]) -> [(path: String, object: JSONObject)] {
        guard let value = member(root, key) else { return [] }
        guard let array = value.array else {
            reader.report(key, ContentMessages.expected("an array", value))
            return []
        }
        return array.enumerated().compactMap { index, element in
            let path = "\(key)[\(index)]"
            return reader.object(element, at: path, allowed: allowed).map { (path, $0) }
        }
    }

    mutating func relativeDays(_ root: JSONObject) -> [EntityWords.RelativeDay] {
        var result: [EntityWords.RelativeDay] = []
        for (path, object) in objects(root, "relative_days", allowed: ["word", "days", "time"]) {
            guard let word = reader.string(object, "word", at: path), let days = reader.number(object, "days", at: path)
            else { continue }
            guard days == days.rounded(), (0...30).contains(days) else {
                reader.report("\(path).days", "expected a whole number from 0 to 30, got \(days)")
                continue
            }
            checkCharacters(word, at: "\(path).word")
            result.append(.init(word: word, days: Int(days), time: reader.string(object, "time", at: path, required: false)))
        }
        return result
    }

    mutating func partsOfDay(_ root: JSONObject) -> [EntityWords.PartOfDay] {
        var result: [EntityWords.PartOfDay] = []
        for (path, object) in objects(root, "parts_of_day", allowed: ["word", "said", "shift", "after"]) {
            guard let word = reader.string(object, "word", at: path), let shift = reader.string(object, "shift", at: path)
            else { continue }
            guard EntityWords.shifts.contains(shift) else {
                reader.report("\(path).shift", ContentMessages.unknownValue(shift, allowed: EntityWords.shifts))
                continue
            }
            checkCharacters(word, at: "\(path).word")
            let after = object["after"].map { reader.strings($0, at: "\(path).after") } ?? []
            for (n, a) in after.enumerated() where a.unicodeScalars.count != 1 {
                reader.report("\(path).after[\(n)]", "expected one character")
            }
            let said = reader.string(object, "said", at: path, required: false) ?? word
            result.append(.init(word: word, said: said, shift: shift, after: after))
        }
        return result
    }

    mutating func englishWords(_ root: JSONObject) -> (
        numbers: [(word: String, value: Int)], words: [(role: String, spellings: [String])], said: [String: String]
    ) {
        var seen: [String: String] = [:]
        func spelling(_ word: String, _ path: String, owner: String) -> Bool {
            guard !word.isEmpty, word.utf8.allSatisfy({ (0x61...0x7A).contains($0) }),
                word.utf8.count <= EntityWords.longestEnglishWord
            else {
                reader.report(path, "expected 1 to \(EntityWords.longestEnglishWord) letters a–z, got '\(word)'")
                return false
            }
            if let other = seen[word] {
                reader.report(path, "'\(word)' is also \(other)")
                return false
            }
            seen[word] = owner
            return true
        }
        var numbers: [(word: String, value: Int)] = []
        if let value = member(root, "english_numbers") {
            if let table = value.object {
                for (word, number) in table {
                    let path = "english_numbers.\(word)"
                    guard let n = number.int, n >= 0, Double(n) == number.number else {
                        reader.report(path, ContentMessages.expected("a whole number from 0", number))
                        continue
                    }
                    if spelling(word, path, owner: "the number \(n)") { numbers.append((word, n)) }
                }
            } else {
                reader.report("english_numbers", ContentMessages.expected("an object", value))
            }
        }
        var words: [(role: String, spellings: [String])] = []
        if let value = member(root, "english_words"),
            let table = reader.object(value, at: "english_words", allowed: EntityWords.englishRoles)
        {
            for role in EntityWords.englishRoles {
                guard let list = table[role] else {
                    reader.report("english_words.\(role)", ContentMessages.missing)
                    continue
                }
                let spellings = reader.strings(list, at: "english_words.\(role)").enumerated().filter {
                    spelling($0.element, "english_words.\(role)[\($0.offset)]", owner: "english_words.\(role)")
                }.map(\.element)
                words.append((role, spellings))
            }
        }
        var said: [String: String] = [:]
        if let value = member(root, "english_parts_of_day"),
            let table = reader.object(value, at: "english_parts_of_day", allowed: EntityWords.englishPartsOfDay)
        {
            for role in EntityWords.englishPartsOfDay {
                said[role] = reader.string(table, role, at: "english_parts_of_day")
            }
        }
        return (numbers, words, said)
    }

    /// Every word that completes an entity holds a trigger character (or an ASCII letter, digit, `#` or `/`,
    /// which the pre-scan reads too).
    mutating func checkTriggers(_ words: EntityWords) {
        let triggers = Set(words.triggers.unicodeScalars)
        func check(_ word: String, _ path: String) {
            let hit = word.unicodeScalars.contains { scalar in
                triggers.contains(scalar) || (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
                    || scalar == "#" || scalar == "/"
            }
            if !hit {
                reader.report(path, "'\(word)' holds no character of 'triggers'; add one of its characters there")
            }
        }
        for (index, day) in words.relativeDays.enumerated() { check(day.word, "relative_days[\(index)].word") }
        for (index, part) in words.partsOfDay.enumerated() { check(part.word, "parts_of_day[\(index)].word") }
        for list in EntityWords.List.allCases where list.completesAnEntity {
            for (index, word) in words[list].enumerated() { check(word, "words.\(list.rawValue)[\(index)]") }
        }
        for scalar in words.triggers.unicodeScalars where !(0x3000..<0xA000).contains(scalar.value) {
            reader.report("triggers", "'\(scalar)' is outside U+3000–U+9FFF")
        }
    }
}
