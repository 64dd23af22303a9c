import FrontDeskModel
import Testing

/// `TurnOutput.writeJSON` (the server's reply, written without a `JSON` tree) is byte for byte `json.serialized`.
@Suite struct TurnOutputJSONTests {
    static let outputs: [TurnOutput] = {
        var plain = TurnOutput(session: "s-1", reply: "您好，请问有什么可以帮您？", intent: nil)
        plain.confidence = 0
        var full = TurnOutput(
            session: "s-00ff", reply: "引号\"反斜杠\\ tab\t \u{2028} 😀", intent: .repair, confidence: 0.876543,
            awaiting: .confirm, slots: JSONObject([("unit", .string("3-2-501")), ("n", .number(2.5))]),
            record: RecordReference(id: "REP-20261122-0001", type: "repair", status: "open"), language: .en)
        full.choices = [.repair, .complaint]
        var one = TurnOutput(session: "s-2", reply: "", intent: .fallback, confidence: 1, language: .zhHant)
        one.choices = [Intent("fee")]
        return [plain, full, one]
    }()

    @Test(arguments: 0..<3)
    func writesTheSerializedBytes(index: Int) {
        let output = Self.outputs[index]
        var bytes: [UInt8] = [0x41]  // appends after what is there
        output.writeJSON(to: &bytes)
        #expect(bytes == [0x41] + Array(output.json.serialized.utf8))
    }
}

/// `Intent` and `Slot` are written as their names: the SPEC 2.1 line of a typed output is the one of the strings.
@Suite struct VocabularyJSONTests {
    @Test func typedNamesWriteTheirRawValues() {
        var output = TurnOutput(
            session: "s-1", reply: "好的", intent: .feeQuery, confidence: 0.5, awaiting: .recordID, language: .zhHans)
        output.choices = [.repair, Intent("complaint")]
        #expect(
            output.json.serialized
                == #"{"session":"s-1","reply":"好的","intent":"fee_query","confidence":0.5,"awaiting":"record_id","slots":{},"record":null,"lang":"zh-Hans","choices":["repair","complaint"]}"#
        )
        #expect(Intent.feeQuery.rawValue == "fee_query" && Slot.durationDays.rawValue == "duration_days")
        #expect([Slot.unit: "3-2-501", .phone: "138"].byName == ["unit": "3-2-501", "phone": "138"])
    }
}
