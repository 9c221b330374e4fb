import Foundation

/// Number spellings shared by `gae-viz trace` and the screen, so both show the same digits.
public enum NumberFormat {
  /// `value` with exactly `digits` decimals, rounded as printf does.
  public static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    return String(format: "%.*f", digits, value)
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
