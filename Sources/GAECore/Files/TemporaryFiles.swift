import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files being written, so that a signal that ends the program (Ctrl-C, `kill`,
/// a hang-up, a file-size limit) removes them instead of leaving hundreds of megabytes of
/// `.name.gaeviz-…` behind; the file being replaced is never touched.
///
/// A signal handler may run between any two instructions, so it may only do async-signal-safe
/// things: it reads paths from storage allocated once and never freed, guarded by atomics,
/// unlinks them, restores the default action and raises the signal again, so the program still
/// dies of it (exit status 128 + n). A path is armed *before* its file is created and disarmed
/// only after the file is renamed away, so there is no moment when the file exists unarmed;
/// unlinking a name that does not exist (yet, or any more) is harmless.
///
/// The handler is installed once, for each signal whose action is still the default: a signal
/// the parent ignored (`nohup`) stays ignored, and a program that handles a signal itself (the
/// visualiser) keeps its handler, and with it the say over what happens.
enum TemporaryFiles {
  /// Writes in progress at once; a further one is written unprotected (it never happens in
  /// gae-viz, which writes one file at a time).
  static let capacity = 16
  static let pathCapacity = 4096

  static let signals: [Int32] = [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ]

  /// Slot states: free, being filled in, armed.
  private static let free = 0
  private static let filling = 1
  private static let armed = 2

  nonisolated(unsafe) private static let states: UnsafeMutablePointer<Atomic<Int>> = {
    let states = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: capacity)
    for slot in 0..<capacity { (states + slot).initialize(to: Atomic(free)) }
    return states
  }()

  nonisolated(unsafe) private static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathCapacity)

  private static let installed: Void = {
    for signal in signals { installIfDefault(signal) }
  }()

  /// Arms `path` for removal on a signal; returns the slot to `disarm`, or nil if it could not
  /// be armed (no free slot, or a path too long to hold).
  static func arm(_ path: String) -> Int? {
    // The bytes the file was created with (a name that is not UTF-8 included).
    let bytes = PathBytes.bytes(of: path).map { CChar(bitPattern: $0) } + [0]
    guard bytes.count <= pathCapacity else { return nil }
    _ = installed
    for slot in 0..<capacity
    where states[slot].compareExchange(expected: free, desired: filling, ordering: .acquiring).exchanged {
      bytes.withUnsafeBufferPointer { source in
        (paths + slot * pathCapacity).update(from: source.baseAddress!, count: source.count)
      }
      states[slot].store(armed, ordering: .releasing)
      return slot
    }
    return nil
  }

  static func disarm(_ slot: Int?) {
    guard let slot else { return }
    states[slot].store(free, ordering: .releasing)
  }

  /// Whether `path` is armed now (for tests).
  static func isArmed(_ path: String) -> Bool {
    (0..<capacity).contains { slot in
      states[slot].load(ordering: .acquiring) == armed && String(cString: paths + slot * pathCapacity) == path
    }
  }

  /// The handler's work: async-signal-safe calls only.
  fileprivate static func removeArmed() {
    for slot in 0..<capacity where states[slot].load(ordering: .acquiring) == armed {
      unlink(paths + slot * pathCapacity)
    }
  }

  private static func installIfDefault(_ signal: Int32) {
    var current = sigaction()
    guard sigaction(signal, nil, &current) == 0 else { return }
    var action = sigaction()
    #if canImport(Darwin)
      guard current.__sigaction_u.__sa_handler == nil else { return }
      action.__sigaction_u.__sa_handler = removeTemporaryFilesAndDie
    #else
      guard current.__sigaction_handler.sa_handler == nil else { return }
      action.__sigaction_handler.sa_handler = removeTemporaryFilesAndDie
    #endif
    // Other signals wait while one is handled; the default action follows on return.
    sigfillset(&action.sa_mask)
    action.sa_flags = 0
    _ = sigaction(signal, &action, nil)
  }
}

private func removeTemporaryFilesAndDie(_ number: Int32) {
  TemporaryFiles.removeArmed()
  // The signal is blocked while its handler runs: raised again with the default action, it is
  // delivered, and ends the program, as soon as the handler returns.
  signal(number, SIG_DFL)
  raise(number)
}
