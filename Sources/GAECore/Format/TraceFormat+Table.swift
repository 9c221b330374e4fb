extension TraceFormat {
  static let tableHeader = ["step", "t", "reward", "V(s_t)", "V(s_{t+1})", "delta", "carry", "A", "return", "boundary"]

  /// Aligned columns. The widths must be known before the first row is written, so a first
  /// pass finds them without spelling a single row (see `WidestFixed`); the second pass writes.
  static func table<Failure: Error>(
    _ trace: GAETrace, name: String, digits: Int, into chunk: inout ByteChunk, _ sink: ByteSink<Failure>
  ) throws(Failure) {
    let widths = tableWidths(trace, digits: digits)
    chunk.append(TerminalText.escaped(name) + "  " + parameters(trace) + "\n")
    tableLine(tableHeader, widths: widths, into: &chunk)
    for step in trace.steps {
      tableLine(cells(step, digits: digits), widths: widths, into: &chunk)
      try chunk.flushIfFull(to: sink)
    }
  }

  /// The width of each column: its header's, or its widest cell's. Every cell is ASCII, so
  /// bytes are characters. The last column is left-aligned and nothing follows it, so its width
  /// is never used.
  static func tableWidths(_ trace: GAETrace, digits: Int) -> [Int] {
    var widths = tableHeader.map(\.utf8.count)
    // Step numbers run up to T, time steps up to T − 1.
    widths[0] = max(widths[0], String(trace.count).utf8.count)
    widths[1] = max(widths[1], String(trace.count - 1).utf8.count)
    var columns = [WidestFixed](repeating: WidestFixed(), count: 7)
    let rollout = trace.rollout
    // The same expressions `GAETrace.record(at:)` evaluates, so the same numbers.
    for t in 0..<trace.count {
      columns[0].add(rollout.rewards[t])
      columns[1].add(rollout.values[t])
      columns[2].add(trace.nextValue(at: t))
      columns[3].add(trace.delta(at: t))
      columns[4].add(trace.carry(at: t))
      columns[5].add(trace.advantage[t])
      columns[6].add(trace.advantage[t] + rollout.values[t])
    }
    for (index, column) in columns.enumerated() {
      widths[index + 2] = max(widths[index + 2], column.width(digits: digits))
    }
    return widths
  }

  /// One line: numbers right-aligned, the boundary word left-aligned; spaces are written only
  /// before a cell, so a line never ends in them.
  static func tableLine(_ cells: [String], widths: [Int], into chunk: inout ByteChunk) {
    var spaces = 0
    for (index, cell) in cells.enumerated() {
      let last = index == cells.count - 1
      if !last { spaces += widths[index] - cell.utf8.count }
      if !cell.isEmpty {
        chunk.appendSpaces(spaces)
        chunk.append(cell)
        spaces = 0
      }
      if !last { spaces += 2 }
    }
    chunk.append(byte: UInt8(ascii: "\n"))
  }

  /// The widest spelling `NumberFormat.fixed` gives any number of a column, found by spelling
  /// only a handful. A fixed-point spelling never gets shorter as the magnitude grows (rounding
  /// to a fixed number of decimals is monotone, and so is the count of integer digits), so the
  /// widest is that of the largest value with a plus sign, of the largest magnitude with a
  /// minus sign (−0 included: it prints "-0.0…"), or of inf, -inf or nan.
  struct WidestFixed {
    private var largestPositive: Double?
    private var largestNegativeMagnitude: Double?
    private var nonFinite = 0

    mutating func add(_ value: Double) {
      if !value.isFinite {
        nonFinite = max(nonFinite, NumberFormat.fixed(value, digits: 0).utf8.count)
      } else if value.sign == .minus {
        largestNegativeMagnitude = max(largestNegativeMagnitude ?? 0, -value)
      } else {
        largestPositive = max(largestPositive ?? 0, value)
      }
    }

    func width(digits: Int) -> Int {
      var width = nonFinite
      if let largestPositive { width = max(width, NumberFormat.fixed(largestPositive, digits: digits).utf8.count) }
      if let largestNegativeMagnitude {
        width = max(width, NumberFormat.fixed(-largestNegativeMagnitude, digits: digits).utf8.count)
      }
      return width
    }
  }
}
