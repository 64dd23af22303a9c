import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel
import Testing

@Suite struct NormalizerTests {
    let normalizer = Support.matcher.normalizer

    @Test(arguments: [
        ("ＡＢＣ１２３", "abc123"),
        ("Hello WORLD", "hello world"),
        ("３栋２单元５０１", "3栋2单元501"),
        ("你好，请问？", "你好,请问?"),
        ("㎡①", "m21"),
        ("ﾊﾟ", "パ"),
    ])
    func widthCaseAndCompatibilityForms(input: String, expected: String) {
        #expect(normalizer.normalize(input).text == expected)
    }

    @Test(arguments: [
        ("廚房漏水", "厨房漏水"),
        ("冷氣", "冷气"),
        ("管理處", "管理处"),
        ("電梯", "电梯"),
        ("報修", "报修"),
        ("樓上", "楼上"),
    ])
    func traditionalToSimplified(input: String, expected: String) {
        let (text, language) = normalizer.normalize(input)
        #expect(text == expected)
        #expect(language == .zhHant)
    }

    @Test(arguments: [
        ("热水器打不着火😭 10栋", "热水器打不着火😭 10栋", Language.zhHans),
        ("多谢多谢🙏", "多谢多谢🙏", .zhHans),
        ("thanks 🙏 a lot", "thanks 🙏 a lot", .en),
        ("我家的AC一直滴水", "我家的ac一直滴水", .zhHans),
        ("好嘅，拜拜", "好嘅,拜拜", .zhHant),
    ])
    func emojiAndMixedScriptsKeepTheirCharacters(input: String, expected: String, language: Language) {
        let result = normalizer.normalize(input)
        #expect(result.text == expected)
        #expect(result.language == language)
    }

    @Test func traditionalAndSimplifiedMessagesClassifyTheSame() {
        for (traditional, simplified) in [("廚房漏水", "厨房漏水"), ("冷氣壞了", "冷气坏了"), ("電梯壞了", "电梯坏了")] {
            let a = Support.classify(traditional)
            let b = Support.classify(simplified)
            #expect(a.intent == b.intent)
            #expect(a.normalized == b.normalized)
            #expect(a.intent == "repair")
        }
    }
}
