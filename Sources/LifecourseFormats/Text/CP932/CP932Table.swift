import Foundation

/// The double-byte half of Windows code page 932, as a flat table indexed by lead and trail byte.
///
/// The data (``CP932Table/base64``) is generated from Foundation's converter by
/// `Scripts/generate-cp932-table.swift`; a test checks it against Foundation again.
enum CP932Table {
    static let trailCount = 0xFC - 0x40 + 1

    /// UTF-16 code units; 0 where the code is unassigned.
    static let units: [UInt16] = {
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            preconditionFailure("CP932Table+Data.swift is damaged; regenerate it with Scripts/generate-cp932-table.swift")
        }
        let bytes = [UInt8](data)
        var units = [UInt16](repeating: 0, count: bytes.count / 2)
        for index in units.indices {
            let low = UInt16(bytes[2 * index])
            let high = UInt16(bytes[2 * index + 1])
            units[index] = low | high << 8
        }
        return units
    }()

    /// Whether `byte` starts a double-byte character.
    @inline(__always)
    static func isLead(_ byte: UInt8) -> Bool {
        (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte)
    }

    /// The character for a lead and a trail byte, or nil when the pair is unassigned.
    @inline(__always)
    static func scalar(lead: UInt8, trail: UInt8, in units: [UInt16]) -> UInt16? {
        guard trail >= 0x40, trail <= 0xFC, trail != 0x7F else { return nil }
        let row = lead <= 0x9F ? Int(lead) - 0x81 : Int(lead) - 0xE0 + 31
        let unit = units[row * trailCount + Int(trail) - 0x40]
        return unit == 0 ? nil : unit
    }
}
