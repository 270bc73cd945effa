import ArgumentParser
import Foundation

/// When to show progress on standard error.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    /// On a terminal, as one line rewritten in place.
    case auto
    /// Always, one line per update (for logs and supervising programs).
    case always
    case never
}

/// A progress line, updated at most ten times a second.
final class ProgressLine {
    private let mode: ProgressMode
    private let onTerminal: Bool
    private var lastUpdate = Date.distantPast
    private var shown = false

    init(mode: ProgressMode) {
        self.mode = mode
        onTerminal = Console.standardErrorIsTerminal
    }

    private var enabled: Bool { mode == .always || (mode == .auto && onTerminal) }

    func update(_ text: @autoclosure () -> String, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastUpdate) >= 0.1 else { return }
        lastUpdate = now
        if mode == .auto {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text())".utf8))
            shown = true
        } else {
            FileHandle.standardError.write(Data("\(text())\n".utf8))
        }
    }

    /// Ends an in-place line so that the next output starts on a new line.
    func finish() {
        if shown {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            shown = false
        }
    }
}
