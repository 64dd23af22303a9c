import FrontDeskQA
import Testing

@Suite("Forbidden words")
struct EtiquetteTests {
    @Test(arguments: [
        ("这个不行", ["不行"]),
        ("我们不知道", ["不知道"]),
        ("不可以在晚上施工", ["不可以"]),
        ("I don't know when.", ["i don't know"]),
        ("We can't do that.", ["can't"]),
        ("No, that is wrong.", ["no"]),
        ("There is no record.", ["no"]),
        ("NO", ["no"]),
    ])
    func flagged(reply: String, words: [String]) {
        #expect(Etiquette.violations(in: reply) == words)
    }

    @Test(arguments: [
        "您好，这里是翠湖花园物业客服中心，请问有什么可以帮您？",
        "I know. Nothing is missing; we will notify you.",
        "Your order is REP-20261122-0001. Please note the number.",
        "Room No. 501 is registered.",
        "We can do that for you.",
    ])
    func polite(reply: String) {
        #expect(Etiquette.violations(in: reply).isEmpty)
    }
}
