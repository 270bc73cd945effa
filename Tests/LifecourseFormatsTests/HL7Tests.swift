import Testing
@testable import LifecourseFormats

@Suite struct HL7SegmentTests {
    @Test func escapesDelimitersInValues() {
        #expect(HL7Segment.escape("a|b^c&d~e\\f") == "a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f")
        #expect(HL7Segment.join(components: ["山田", "太郎", "", ""]) == "山田^太郎")
    }

    @Test func writesSegmentsWithoutTrailingEmptyFields() {
        var segment = HL7Segment("PV1")
        segment[1] = "0001"
        segment[2] = "O"
        segment[5] = ""
        #expect(segment.text == "PV1|0001|O")
    }

    @Test func writesTheSSMIX2Header() {
        let message = HL7Message(type: "ADT^A08^ADT_A01", controlID: "1", timestamp: "20240101120000",
                                 sendingApplication: "APP", sendingFacility: "FAC")
        #expect(message.text == "MSH|^~\\&|APP|FAC|GW|RCV|20240101120000||ADT^A08^ADT_A01|1|P|2.5||||||~ISO IR87||"
            + "ISO2022-1994|SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO\r")
    }
}
