/// The whole rollout on one line: |A| per stretch of steps as a bar of eighths (▁…█), steps the
/// pass has not reached as a pending mark, and the stretch the timeline shows in reverse video —
/// where you are in a rollout of hundreds to millions of steps.
struct Overview {
  let glyphs: Glyphs

  /// One cell per bin of `count` steps: its glyph and whether the timeline shows it.
  func cells(
    advantages: [Double], computedFrom: Int, window: ClosedRange<Int>, width: Int
  ) -> [(glyph: Character, shown: Bool)] {
    let count = advantages.count
    guard width > 0, count > 0 else { return [] }
    let bins = min(width, count)
    var largest = 0.0
    for t in computedFrom..<count where advantages[t].isFinite { largest = max(largest, abs(advantages[t])) }
    let levels: [Character] =
      glyphs.symbols.subscripts ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : ["_", "_", ":", ":", "=", "=", "#", "#"]
    return (0..<bins).map { bin in
      let start = bin * count / bins
      let end = max((bin + 1) * count / bins, start + 1)
      let shown = start <= window.upperBound && end - 1 >= window.lowerBound
      guard end > computedFrom else { return (Character(glyphs.marks.pending), shown) }
      var size = 0.0
      for t in max(start, computedFrom)..<end where advantages[t].isFinite { size = max(size, abs(advantages[t])) }
      let level = largest > 0 ? min(Int(size / largest * 7.999), 7) : 0
      return (levels[level], shown)
    }
  }
}
