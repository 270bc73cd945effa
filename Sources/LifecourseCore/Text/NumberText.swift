extension Double {
    /// The number as files and screens write it: a whole number without a decimal point (`3`, not `3.0`), a
    /// fraction as Swift prints it (`6.5`); beyond ±10^15, where a double no longer holds every whole number, as
    /// Swift prints it too.
    public var plainText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
