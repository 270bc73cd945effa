public import LifecourseCore

/// How a claims system writes dates: western (`YYYYMMDD`, `YYYYMM`) as current systems do, or as era codes
/// (`GYYMMDD`, `GYYMM`) as older ones still do.
public enum ClaimsDateStyle: Sendable, Hashable {
    case western
    case era

    /// A date in this style.
    public func text(_ value: CalendarDate) -> String {
        guard self == .era, let era = JapaneseDate(value) else { return value.compact }
        return eraText(era) + (era.day ?? 1).zeroPadded(to: 2)
    }

    /// A month in this style.
    public func text(_ value: YearMonth) -> String {
        guard self == .era, let era = JapaneseDate(value) else { return value.compact }
        return eraText(era)
    }

    private func eraText(_ era: JapaneseDate) -> String {
        "\(era.era.rawValue)\(era.eraYear.zeroPadded(to: 2))\(era.month.zeroPadded(to: 2))"
    }
}
