import Foundation
import LifecourseCore
import LifecourseTesting
@testable import LifecourseFormats

/// Reads claims bytes in one go or drip-fed, collecting the events.
func claimsEvents(_ bytes: [UInt8], chunkSize: Int? = nil, file: String = "TEST.UKE") -> [ClaimsEvent] {
    var decoder = ClaimsFileDecoder(fileName: file)
    var events = [ClaimsEvent]()
    for chunk in DripFeed.chunks(bytes, size: chunkSize ?? max(bytes.count, 1)) {
        events += decoder.decode(chunk)
    }
    return events + decoder.finish()
}

/// Claims text (UTF-8 in the test, CP932 on disk) as CRLF-terminated CP932 bytes.
func claimsFile(_ lines: [String]) -> [UInt8] {
    Array(lines.joined(separator: "\r\n").appending("\r\n").data(using: .shiftJIS)!)
}

extension [ClaimsEvent] {
    var claims: [Claim] { compactMap { if case .claim(let claim) = $0 { claim } else { nil } } }
    var quarantined: [QuarantinedClaim] { compactMap { if case .quarantined(let claim) = $0 { claim } else { nil } } }
    var warnings: [SourceError] { compactMap { if case .warning(let error) = $0 { error } else { nil } } }
    var unknownRecords: [UnknownRecord] { compactMap { if case .unknownRecord(let record) = $0 { record } else { nil } } }
}

let minimalHeader = "IR,1,13,1,1234567,,テスト医院,202110,00,0312345678"
let minimalClaim = [
    "RE,1,1112,202110,山田　太郎,1,19800101,,,,,,,00001,,,,,,,,,,,,,,,,,,,,,,,ヤマダ　タロウ,",
    "HO,06130017,１２３,４５６,1,100,,,,,,,,,",
    "SY,8833421,20211001,1,,,01,",
    "SI,11,1,111000110,,100,1,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
]
