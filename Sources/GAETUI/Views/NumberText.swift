import Foundation
import GAECore

/// Numbers as the screen spells them: printf's digits (the same as `gae-viz trace`), except that
/// a value which rounds to zero at the digits shown is plain "0.00" — no sign, no bar, nothing
/// that claims a direction it does not have — minus is the set's minus sign, and infinities and
/// NaN are spelt out rather than trapping anything downstream.
struct NumberText: Sendable {
  let glyphs: Glyphs

  /// Whether `value` prints as zero with `digits` decimals.
  static func roundsToZero(_ value: Double, digits: Int) -> Bool {
    guard value.isFinite else { return false }
    return NumberFormat.fixed(value, digits: digits).utf8.allSatisfy { $0 == 0x30 || $0 == 0x2E || $0 == 0x2D }
  }

  /// The sign a reader sees: 0 when the value shows as zero (or is NaN).
  static func shownSign(_ value: Double, digits: Int) -> Int {
    if value.isNaN || roundsToZero(value, digits: digits) { return 0 }
    return value > 0 ? 1 : -1
  }

  func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return nonFinite(value, signed: false) }
    if Self.roundsToZero(value, digits: digits) { return NumberFormat.fixed(0, digits: digits) }
    let text = NumberFormat.fixed(value, digits: digits)
    return value < 0 ? glyphs.symbols.minus + text.dropFirst() : text
  }

  /// With an explicit sign, so the sign reads without colour: +0.310, −0.612, and 0.000.
  func signed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return nonFinite(value, signed: true) }
    let text = fixed(value, digits: digits)
    return Self.shownSign(value, digits: digits) > 0 ? "+" + text : text
  }

  /// A number as an operand after an operator: negative ones in parentheses.
  func operand(_ value: Double, digits: Int) -> String {
    let text = fixed(value, digits: digits)
    return text.hasPrefix(glyphs.symbols.minus) || text.hasPrefix("NaN") ? "(\(text))" : text
  }

  /// `fixed` or `signed` when it fits `width` columns, else the short form (+1e308), so a
  /// huge number never passes for a different one by being cut.
  func fitting(_ value: Double, digits: Int, width: Int, signed: Bool) -> String {
    let text = signed ? self.signed(value, digits: digits) : fixed(value, digits: digits)
    guard text.unicodeScalars.count > width, value.isFinite else { return text }
    let sign = value < 0 ? glyphs.symbols.minus : (signed ? "+" : "")
    return sign + compact(value)
  }

  /// A scale's end with its sign, in at most `width` columns: in the exponent form the
  /// mantissa loses its decimal before the sign is ever cut (−1.5e-4 → −2e-4).
  func compactSigned(_ value: Double, sign: String, width: Int) -> String {
    let text = sign + compact(value)
    guard TextWidth.columns(of: text) > width, value.isFinite, value != 0 else { return text }
    var exponent = Int(log10(abs(value)).rounded(.down))
    var mantissa = (abs(value) / pow(10, Double(exponent))).rounded()
    if mantissa >= 10 {
      mantissa = 1
      exponent += 1
    }
    return sign + "\(Int(mantissa))e\(exponent)"
  }

  /// A scale's end, short: 3 significant digits, no more than 6 columns (+0.314, +12.5, +1.2e9).
  func compact(_ value: Double) -> String {
    guard value.isFinite else { return nonFinite(value, signed: false) }
    let magnitude = abs(value)
    let text: String
    if magnitude >= 1e4 || (magnitude < 1e-3 && magnitude > 0) {
      var exponent = Int((magnitude.significand > 0 ? magnitude : 1).exponent) * 3 / 10
      while magnitude >= Self.power(exponent + 1) { exponent += 1 }
      while exponent > -400 && magnitude < Self.power(exponent) { exponent -= 1 }
      var mantissa = magnitude / Self.power(exponent)
      if NumberFormat.fixed(mantissa, digits: 1) == "10.0" {
        // 9.96e-4 rounds to 10.0e-4: say 1e-3.
        exponent += 1
        mantissa = 1
      }
      let rounded = NumberFormat.fixed(mantissa, digits: 1)
      text = (rounded.hasSuffix(".0") ? String(rounded.dropLast(2)) : rounded) + "e\(exponent)"
    } else {
      let digits = magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : (magnitude >= 1 ? 2 : 3))
      text = NumberFormat.fixed(magnitude, digits: digits)
    }
    return text
  }

  private static func power(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 {
      for _ in 0..<min(exponent, 400) { result *= 10 }
    } else {
      for _ in 0..<min(-exponent, 400) { result /= 10 }
    }
    return result
  }

  private func nonFinite(_ value: Double, signed: Bool) -> String {
    if value.isNaN { return "NaN" }
    if value > 0 { return (signed ? "+" : "") + glyphs.symbols.infinity }
    return glyphs.symbols.minus + glyphs.symbols.infinity
  }
}
