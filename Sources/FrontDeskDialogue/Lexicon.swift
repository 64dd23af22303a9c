import FrontDeskModel

/// Small word lists the flows check on normalized, lower-cased text: a safety net under the
/// matcher's dialogue acts, and the words that decide public areas, structural works and the
/// satisfaction scale. They are understanding, not wording: nothing here is ever said.
enum Lexicon {
    static let affirm = [
        "对", "对的", "是", "是的", "确认", "确定", "没问题", "好", "好的", "可以", "行", "嗯", "没错", "提交", "继续",
        "要", "需要", "ok", "okay", "yes", "y", "yep", "yeah", "sure", "correct", "right", "confirm", "confirmed",
        "go ahead", "please do", "continue",
    ]
    static let deny = [
        "不对", "不是", "错了", "不正确", "有误", "不", "不要", "不需要", "不继续", "no", "nope", "wrong", "incorrect",
        "not right", "not correct",
    ]
    static let cancel = [
        "算了", "取消", "不用了", "不要了", "不办了", "先不用了", "算了吧", "cancel", "never mind", "nevermind",
        "forget it", "stop",
    ]
    /// Short cancel words that also count inside a short message ("那算了吧").
    static let cancelInside = ["算了", "取消", "不用了", "不办了"]

    static let publicArea = [
        "小区", "楼道", "车库", "电梯", "大堂", "门口", "公共", "花园", "广场", "停车场", "楼梯", "绿化",
        "lobby", "garage", "elevator", "lift", "public", "corridor", "hallway", "entrance", "parking lot", "staircase",
        "stairwell",
        "community", "estate",
    ]
    static let structural = [
        "拆承重墙", "承重墙", "剪力墙", "梁", "柱", "主体结构", "外立面", "承重牆", "剪力牆", "主體結構",
        "load-bearing", "load bearing", "loadbearing", "structural", "shear wall", "facade", "façade",
    ]
    /// Structural words specific enough to mean a renovation question on their own.
    static let structuralWorks = structural.filter { $0.count >= 3 }
    static let asSoonAsPossible = [
        "尽快", "越快越好", "马上", "随时", "都可以", "asap", "as soon as possible", "any time", "anytime",
    ]
    static let myRecords = ["我的", "我家", "我报", "我提交", "my "]

    /// Satisfaction answers, most specific first (非常不满意 before 不满意 before 满意).
    static let satisfaction: [(String, Satisfaction)] = [
        ("非常不满意", .veryDissatisfied), ("很不满意", .veryDissatisfied), ("very dissatisfied", .veryDissatisfied),
        ("very unsatisfied", .veryDissatisfied), ("not satisfied at all", .veryDissatisfied),
        ("非常满意", .verySatisfied), ("很满意", .verySatisfied), ("very satisfied", .verySatisfied),
        ("不满意", .dissatisfied), ("不太满意", .dissatisfied), ("dissatisfied", .dissatisfied),
        ("unsatisfied", .dissatisfied), ("not satisfied", .dissatisfied),
        ("一般", .neutral), ("还行", .neutral), ("neutral", .neutral), ("average", .neutral), ("so-so", .neutral),
        ("满意", .satisfied), ("satisfied", .satisfied),
    ]

    /// Whether `lower` is one of `words`, or begins with one followed by punctuation or a space.
    static func matches(_ lower: String, _ words: [String]) -> Bool {
        let text = trimmed(lower)
        if text.isEmpty { return false }
        for word in words {
            if text == word { return true }
            if text.hasPrefix(word) {
                let rest = text.dropFirst(word.count)
                if let next = rest.first, separators.contains(next) { return true }
            }
        }
        return false
    }

    /// Whether any of `words` occurs anywhere in `lower`.
    static func containsAny(_ lower: String, _ words: [String]) -> Bool {
        words.contains { lower.contains($0) }
    }

    static let separators: Set<Character> = [
        " ", ",", "，", "。", ".", "!", "！", "?", "？", "、", ";", "；", ":", "：", "~", "～",
    ]

    /// `text` without leading and trailing spaces and punctuation.
    static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, separators.contains(first) || first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, separators.contains(last) || last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
