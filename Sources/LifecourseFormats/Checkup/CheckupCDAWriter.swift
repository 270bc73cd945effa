import LifecourseCore

/// Writes a ``CheckupDocument`` as the CDA R2 XML (UTF-8) of the 特定健診情報ファイル: the header with the
/// examinee's card identifiers, the centre and the exam date, and one 検査・問診結果セクション (01010) with an
/// observation per item.
public enum CheckupCDAWriter {
    public static func xml(_ document: CheckupDocument) -> String {
        let examinee = document.examinee
        let centre = organization(document.centre)
        var ids = [id(CheckupOID.insurer, examinee.insurerNumber), id(CheckupOID.symbol, examinee.symbol),
                   id(CheckupOID.number, examinee.number)]
        if let branch = examinee.branch { ids.append(id(CheckupOID.branch, branch)) }
        var address = ""
        if examinee.postalCode != nil || examinee.address != nil {
            address = "      <addr>" + (examinee.postalCode.map { "<postalCode>\(XMLText.escaped($0))</postalCode>" } ?? "")
                + XMLText.escaped(examinee.address ?? "") + "</addr>\n"
        }
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="urn:hl7-org:v3 ../XSD/hc08_V08.xsd">
              <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
              <id nullFlavor="NI"/>
              <code code="\(document.reportKind)" codeSystem="\(CheckupOID.reportKind)"/>
              <effectiveTime value="\(document.createdOn.compact)"/>
              <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>
              <recordTarget>
                <patientRole>
            \(ids.map { "      " + $0 }.joined(separator: "\n"))
            \(address)      <patient>
                    <name>\(XMLText.escaped(examinee.kanaName))</name>
                    <administrativeGenderCode code="\(examinee.sex.claimsCode)" codeSystem="\(CheckupOID.sex)"/>
                    <birthTime value="\(examinee.birthDate.compact)"/>
                  </patient>
                </patientRole>
              </recordTarget>
              <author>
                <time value="\(document.createdOn.compact)"/>
                <assignedAuthor>
                  <id nullFlavor="NI"/>
            \(centre)
                </assignedAuthor>
              </author>
              <custodian>
                <assignedCustodian>
                  <representedCustodianOrganization>
                    <id nullFlavor="NI"/>
                  </representedCustodianOrganization>
                </assignedCustodian>
              </custodian>
              <documentationOf>
                <serviceEvent>
                  <code code="\(document.program)" codeSystem="\(CheckupOID.program)"/>
                  <effectiveTime value="\(document.examDate.compact)"/>
                  <performer typeCode="PRF">
                    <assignedEntity>
                      <id nullFlavor="NI"/>
            \(centre)
                    </assignedEntity>
                  </performer>
                </serviceEvent>
              </documentationOf>
              <component>
                <structuredBody>
                  <component>
                    <section>
                      <code code="01010" codeSystem="\(CheckupOID.section)" displayName="検査・問診結果セクション"/>
                      <title>検査・問診結果セクション</title>
                      <text/>

            """
        for observation in document.observations {
            xml += "          <entry>\n            <observation classCode=\"OBS\" moodCode=\"EVN\">\n"
            xml += "              <code code=\"\(observation.itemCode)\" codeSystem=\"\(CheckupOID.item)\" "
                + "displayName=\"\(XMLText.escaped(observation.name))\"/>\n"
            xml += "              " + value(observation.value) + "\n"
            xml += "            </observation>\n          </entry>\n"
        }
        xml += """
                    </section>
                  </component>
                </structuredBody>
              </component>
            </ClinicalDocument>

            """
        return xml
    }

    private static func id(_ root: String, _ extensionText: String) -> String {
        "<id root=\"\(root)\" extension=\"\(XMLText.escaped(extensionText))\"/>"
    }

    private static func organization(_ centre: CheckupDocument.Centre) -> String {
        """
                  <representedOrganization>
                    \(id(CheckupOID.centre, centre.code))
                    <name>\(XMLText.escaped(centre.name))</name>
                  </representedOrganization>
        """
    }

    private static func value(_ value: CheckupDocument.Value) -> String {
        switch value {
        case .quantity(let number, let unit):
            "<value xsi:type=\"PQ\" value=\"\(number)\" unit=\"\(XMLText.escaped(unit))\"/>"
        case .code(let code, let system, let display):
            "<value xsi:type=\"CD\" code=\"\(XMLText.escaped(code))\""
                + (system.map { " codeSystem=\"\($0)\"" } ?? "") + " displayName=\"\(XMLText.escaped(display))\"/>"
        case .text(let text):
            "<value xsi:type=\"ST\">\(XMLText.escaped(text))</value>"
        }
    }
}
