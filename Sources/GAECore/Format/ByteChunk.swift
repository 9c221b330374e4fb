/// Where streamed output goes: called with each chunk of bytes in order. A sink that fails
/// throws, and the writer stops at once.
public typealias ByteSink<Failure: Error> = (UnsafeRawBufferPointer) throws(Failure) -> Void

/// Bytes gathered into chunks of a fixed size before they go to a sink, so a million rows cost a
/// few thousand writes and the memory of one chunk, not of the whole output.
struct ByteChunk {
  private(set) var bytes: [UInt8]
  let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    bytes = []
    bytes.reserveCapacity(capacity + 1024)
  }

  var isFull: Bool { bytes.count >= capacity }

  mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func append(byte: UInt8) { bytes.append(byte) }

  mutating func appendSpaces(_ count: Int) {
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
  }

  /// Hands what has gathered to `sink` when a chunk is full.
  mutating func flushIfFull<Failure: Error>(to sink: ByteSink<Failure>) throws(Failure) {
    if isFull { try flush(to: sink) }
  }

  /// Hands whatever has gathered to `sink`, then starts the next chunk in the same storage.
  mutating func flush<Failure: Error>(to sink: ByteSink<Failure>) throws(Failure) {
    guard !bytes.isEmpty else { return }
    // Array's withUnsafeBytes only rethrows untyped errors: carry the sink's out by hand.
    var failure: Failure?
    bytes.withUnsafeBytes { buffer in
      do throws(Failure) { try sink(buffer) } catch { failure = error }
    }
    if let failure { throw failure }
    bytes.removeAll(keepingCapacity: true)
  }
}
