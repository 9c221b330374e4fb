import Foundation

/// Number spellings shared by `gae-viz trace` and the screen, so both show the same digits.
public enum NumberFormat {
  /// `value` with exactly `digits` decimals, rounded as printf does: from the exact binary
  /// value, ties to even. Exact integer arithmetic in 128 bits covers every number a rollout
  /// is likely to hold; the rest goes to Foundation's `String(format:)`, which costs ten times
  /// as much (a million-row `trace` notices).
  public static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    guard (0...19).contains(digits), let scaled = scaledAndRounded(value.magnitude, digits: digits) else {
      return String(format: "%.*f", digits, value)
    }
    // Written right to left into a small buffer: the digits, the point, at least one integer
    // digit, the sign. 2^128 has 39 digits; with a point and a sign 48 bytes are plenty.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
      var rest = scaled
      var index = buffer.count
      func put(_ byte: UInt8) {
        index -= 1
        buffer[index] = byte
      }
      var written = 0
      while rest > 0 || written <= digits {
        if written == digits && digits > 0 { put(UInt8(ascii: ".")) }
        let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
        put(UInt8(ascii: "0") + UInt8(digit))
        rest = quotient
        written += 1
      }
      if value.sign == .minus { put(UInt8(ascii: "-")) }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[index...]), as: UTF8.self)
    }
  }

  /// round(magnitude · 10^digits), ties to even, exactly; nil when it does not fit in 128 bits.
  static func scaledAndRounded(_ magnitude: Double, digits: Int) -> UInt128? {
    // magnitude = significand · 2^exponent, the significand an integer below 2^53.
    let significand =
      UInt128(magnitude.significandBitPattern)
      | (magnitude.isNormal ? UInt128(1) << Double.significandBitCount : 0)
    let exponent = max(Int(magnitude.exponentBitPattern), 1) - 1075
    var power: UInt128 = 1
    for _ in 0..<digits { power *= 10 }
    let product = significand * power  // < 2^53 · 10^19 < 2^117
    if exponent >= 0 {
      guard exponent < 128, product.leadingZeroBitCount > exponent else { return nil }
      return product << exponent
    }
    let shift = -exponent
    // Half of 2^shift is then above any product: the result rounds to 0.
    guard shift < 128 else { return 0 }
    let quotient = product >> shift
    let remainder = product & ((UInt128(1) << shift) - 1)
    let half = UInt128(1) << (shift - 1)
    if remainder > half || (remainder == half && quotient & 1 == 1) { return quotient + 1 }
    return quotient
  }

  /// `value` with an explicit sign, so that a sign is readable without colour: "+0.310", "-0.612".
  public static func signed(_ value: Double, digits: Int) -> String {
    let text = fixed(value, digits: digits)
    return text.hasPrefix("-") ? text : "+" + text
  }

  /// The shortest text that reads back as the same Double.
  public static func roundTrip(_ value: Double) -> String { JSONText.number(value) }

  /// A parameter (γ, λ, γλ) without trailing zeros beyond two decimals: 0.99, 0.9405, 1.00.
  public static func parameter(_ value: Double) -> String {
    var text = fixed(value, digits: 6)
    while text.hasSuffix("0"), let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
      text.removeLast()
    }
    return text
  }
}
