import Foundation
import Testing
@testable import LifecourseFormats

@Suite struct CP932TableTests {
    /// The committed table must be exactly what Foundation's CP932 converter gives, code by code
    /// (regenerate with Scripts/generate-cp932-table.swift if this fails after a toolchain change).
    @Test func matchesFoundationForEveryDoubleByteCode() {
        let units = CP932Table.units
        var mismatches = [String]()
        for lead in Array(UInt8(0x81)...0x9F) + Array(UInt8(0xE0)...0xEF) + Array(UInt8(0xFA)...0xFC) {
            for trail in UInt8(0x40)...0xFC where trail != 0x7F {
                let reference = String(data: Data([lead, trail]), encoding: .shiftJIS)
                    .flatMap { $0.unicodeScalars.count == 1 ? UInt16($0.unicodeScalars.first!.value) : nil }
                let ours = CP932Table.scalar(lead: lead, trail: trail, in: units)
                if reference != ours {
                    mismatches.append(String(format: "%02X%02X", lead, trail))
                }
            }
        }
        #expect(mismatches.isEmpty, "codes differing from Foundation: \(mismatches.prefix(20))")
    }

    @Test func holdsEveryCharacterOfWindowsCodePage932() {
        #expect(CP932Table.units.filter { $0 != 0 }.count == 7724 + 1880)
    }
}
