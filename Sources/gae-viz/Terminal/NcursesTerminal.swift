import CNcurses
import GAETUI
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one place that touches ncurses: start-up, teardown, copying a Canvas to the screen,
/// reading keys with a timeout, resize and signals. No screen logic lives here.
final class NcursesTerminal: Terminal {
  enum StartError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String?)
    case cannotAddressCursor(String)

    var description: String {
      switch self {
      case .notATerminal:
        return "the visualiser needs a terminal on stdin and stdout; for numbers in a pipe or file, use `gae-viz trace`"
      case .unknownTerminal(let term):
        return term.map { "cannot use the terminal type '\($0)' (TERM); try TERM=xterm-256color" }
          ?? "TERM is not set; set it to your terminal's type (e.g. TERM=xterm-256color)"
      case .cannotAddressCursor(let term):
        return
          "the terminal type '\(term)' (TERM) cannot move the cursor, so it cannot show the visualiser; use `gae-viz trace`"
      }
    }
  }

  /// Whether the locale is UTF-8: if not, the screen is drawn with `Glyphs.ascii`.
  let unicode: Bool
  var glyphs: Glyphs { unicode ? .unicode : .ascii }
  var now: ContinuousClock.Instant { .now }
  private let colors: Bool
  private let screen: OpaquePointer
  private var pairs: [Int: Int16] = [:]
  private var closed = false

  init() throws {
    // A non-terminal stdin makes get_wch return at once: a busy loop. Refuse before anything.
    guard isatty(0) == 1, isatty(1) == 1 else { throw StartError.notATerminal }
    // LC_CTYPE only: the wide-character API needs it; numbers keep the C locale's decimal point.
    setlocale(LC_CTYPE, "")
    unicode = gv_codeset_is_utf8() != 0
    let term = getenv("TERM").map { String(cString: $0) }
    guard let term, !term.isEmpty else { throw StartError.unknownTerminal(nil) }
    // The real window decides the size, not LINES or COLUMNS left in the environment by a
    // shell; but a window larger than the screen draws is given to ncurses capped, so it does
    // not allocate gigabytes for cells nobody sees.
    unsetenv("LINES")
    unsetenv("COLUMNS")
    if let window = Self.windowSize(), window != Screen.drawn(window) {
      let drawn = Screen.drawn(window)
      setenv("LINES", String(drawn.height), 1)
      setenv("COLUMNS", String(drawn.width), 1)
    }
    // Our handlers go in before newterm, so ncurses keeps them instead of installing its own
    // (which would exit without our cleanup, or resize to any size the window reports).
    Signals.install()
    // newterm, not initscr: initscr calls exit(1) on an unknown TERM; newterm returns NULL.
    guard let output = fdopen(1, "w"), let input = fdopen(0, "r"), let screen = newterm(nil, output, input) else {
      Signals.restore()
      throw StartError.unknownTerminal(term)
    }
    self.screen = screen
    set_term(screen)
    guard gv_has_cursor_addressing() != 0 else {
      endwin()
      delscreen(screen)
      Signals.restore()
      throw StartError.cannotAddressCursor(term)
    }
    Signals.screenIsActive.store(true, ordering: .sequentiallyConsistent)
    cbreak()
    noecho()
    nonl()
    gv_disable_flow_control(0)
    // Saved as the program's mode, so it comes back after Ctrl-Z and SIGCONT too.
    def_prog_mode()
    keypad(gv_stdscr(), true)
    curs_set(0)
    set_escdelay(25)
    let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
    if !noColor && has_colors() {
      start_color()
      use_default_colors()
      colors = true
    } else {
      colors = false
    }
  }

  deinit { close() }

  /// Gives the terminal back: normal screen, cursor, echo. Safe to call twice.
  func close() {
    guard !closed else { return }
    closed = true
    Signals.screenIsActive.store(false, ordering: .sequentiallyConsistent)
    endwin()
    delscreen(screen)
    Signals.restore()
  }

  /// Ctrl-Z: give the terminal back, stop as the shell expects, and on `fg` take the screen again
  /// with keypad mode and the cursor set as before, redrawn in full. (ncurses' own SIGTSTP
  /// handler redraws but leaves keypad mode off, so arrow keys stop working after `fg`.)
  func suspend() {
    Signals.screenIsActive.store(false, ordering: .sequentiallyConsistent)
    endwin()
    Signals.stopProcess()
    Signals.screenIsActive.store(true, ordering: .sequentiallyConsistent)
    keypad(gv_stdscr(), true)
    curs_set(0)
    clearok(gv_curscr(), true)
  }

  /// The window's size, uncapped (the app caps what it draws and says so).
  var size: Size {
    lastWindowSize ?? Size(width: Int(getmaxx(gv_stdscr())), height: Int(getmaxy(gv_stdscr())))
  }
  private var lastWindowSize: Size? = NcursesTerminal.windowSize()

  /// Copies the canvas to the screen; ncurses sends only what changed.
  func draw(_ canvas: Canvas) {
    let window = gv_stdscr()
    let (width, height) = (size.width, size.height)
    var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
    var cell = cchar_t()
    for y in 0..<min(height, canvas.height) {
      for x in 0..<min(width, canvas.width) {
        let source = canvas[x, y]
        if source.isContinuation { continue }
        let scalars = source.character.unicodeScalars
        let first = scalars.first ?? " "
        // Without a UTF-8 locale only ASCII can be drawn; anything else (a name from a file)
        // becomes '?' rather than garbage.
        let drawable = unicode || first.isASCII
        characters[0] = wchar_t(drawable ? first.value : 0x3F)
        var count = 1
        if unicode {
          // Combining marks ride on their base. The other scalars of a cluster (a flag's second
          // letter, the rest of a ZWJ sequence, a variation selector) cannot share one ncurses
          // cell: they are dropped rather than drawn loose in the next cell.
          for scalar in scalars.dropFirst() where count < Int(CCHARW_MAX) - 1 {
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark || category == .spacingMark {
              characters[count] = wchar_t(scalar.value)
              count += 1
            }
          }
        }
        characters[count] = 0
        let attributes = attributes(source.style)
        let pair = pair(for: source.style)
        setcchar(&cell, characters, attributes, pair, nil)
        // The bottom-right cell returns ERR (the cursor cannot advance) but is drawn.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
        // A two-column cell drawn one column wide (a '?' in ASCII, a base the terminal counts as
        // narrow): its second column is blanked, so nothing stale from an earlier frame shows.
        let wide = x + 1 < min(width, canvas.width) && canvas[x + 1, y].isContinuation
        if wide && (!drawable || source.leadingScalarColumns == 1) {
          characters[0] = 0x20
          characters[1] = 0
          setcchar(&cell, characters, attributes, pair, nil)
          _ = mvwadd_wch(window, Int32(y), Int32(x + 1), &cell)
        }
      }
    }
    wnoutrefresh(window)
    doupdate()
  }

  /// The next event, waiting at most `timeout` (for ever if nil). A signal that arrived while
  /// the program was busy (loading, writing) is reported before the read blocks, so it is never
  /// left waiting for the next key.
  func nextEvent(timeout: Duration?) -> TerminalEvent {
    if let signal = pendingSignal() { return signal }
    let milliseconds = timeout.map { Self.milliseconds($0) } ?? -1
    let key = readKey(timeout: milliseconds)
    if let signal = pendingSignal() { return signal }
    // The terminal is gone (no SIGHUP came, or it was not ours): end as on a hang-up rather
    // than read nothing, at once, for ever.
    if key == nil, gv_input_is_gone(0) != 0 { return .signal(SIGHUP) }
    guard let key else { return .timeout }
    return key
  }

  private func pendingSignal() -> TerminalEvent? {
    let signal = Signals.pending.load(ordering: .relaxed)
    if signal != 0 { return .signal(signal) }
    if Signals.suspendRequested.load(ordering: .relaxed) { return .suspend }
    if Signals.continued.exchange(false, ordering: .relaxed) {
      resume()
      return .resize
    }
    if Signals.resized.exchange(false, ordering: .relaxed) {
      if let window = Self.windowSize() {
        let drawn = Screen.drawn(window)
        resizeterm(Int32(drawn.height), Int32(drawn.width))
        lastWindowSize = window
      }
      return .resize
    }
    return nil
  }

  /// The window as the kernel reports it, uncapped.
  static func windowSize() -> Size? {
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard gv_window_size(1, &rows, &columns) == 0, rows > 0, columns > 0 else { return nil }
    return Size(width: Int(columns), height: Int(rows))
  }

  /// Continued after a stop we did not ask for (SIGSTOP from outside, then `fg`): the shell has
  /// put the tty back in canonical mode with echo. Take it again and redraw everything.
  private func resume() {
    reset_prog_mode()
    keypad(gv_stdscr(), true)
    curs_set(0)
    clearok(gv_curscr(), true)
  }

  /// A timeout in whole milliseconds, rounded up so a tick is never read as early.
  static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    let total = Int(clamping: seconds) &* 1000 + Int(attoseconds / 1_000_000_000_000_000) + 1
    return max(0, min(total, Int(Int32.max)))
  }

  /// The next key or resize, waiting at most `milliseconds` (for ever if negative); nil on
  /// timeout, on a signal, or for input that means nothing.
  ///
  /// Bytes are read one at a time (`wgetch`) and UTF-8 is decoded here rather than by
  /// `wget_wch`: given an invalid byte (a Latin-1 terminal, a broken paste), `wget_wch` keeps
  /// collecting and swallows the keys that follow. Here a bad sequence is dropped and the byte
  /// that broke it is read again as the start of the next key.
  private func readKey(timeout milliseconds: Int) -> TerminalEvent? {
    let window = gv_stdscr()
    wtimeout(window, Int32(clamping: milliseconds))
    let code = wgetch(window)
    guard code != ERR else { return nil }
    if code >= 0o401 {
      switch code {
      case KEY_UP: return .key(.up)
      case KEY_DOWN: return .key(.down)
      case KEY_LEFT: return .key(.left)
      case KEY_RIGHT: return .key(.right)
      case KEY_HOME: return .key(.home)
      case KEY_END: return .key(.end)
      case KEY_PPAGE: return .key(.pageUp)
      case KEY_NPAGE: return .key(.pageDown)
      case KEY_BTAB: return .key(.backTab)
      case KEY_BACKSPACE: return .key(.backspace)
      case KEY_ENTER: return .key(.enter)
      case gv_key_resize(): return .resize
      default: return nil
      }
    }
    switch code {
    case 9: return .key(.tab)
    case 10, 13: return .key(.enter)
    case 27: return readAfterEscape().map { .key($0) }
    case 8, 127: return .key(.backspace)
    default:
      return decodeUTF8(leading: UInt8(truncatingIfNeeded: code)).map { .key(.character($0)) }
    }
  }

  /// The character a UTF-8 sequence starting with `leading` spells, reading its continuation
  /// bytes without waiting (they arrive together); nil for an invalid sequence, whose offending
  /// byte is pushed back to be read as the next key.
  private func decodeUTF8(leading: UInt8) -> Character? {
    let needed: Int
    switch leading {
    case 0x00..<0x80: return Character(Unicode.Scalar(leading))
    case 0xC2...0xDF: needed = 1
    case 0xE0...0xEF: needed = 2
    case 0xF0...0xF4: needed = 3
    default: return nil  // a continuation byte or an invalid lead: dropped
    }
    let window = gv_stdscr()
    wtimeout(window, 0)
    var bytes = [leading]
    for _ in 0..<needed {
      let next = wgetch(window)
      guard next != ERR else { return nil }
      guard (0x80...0xBF).contains(next) else {
        ungetch(next)
        return nil
      }
      bytes.append(UInt8(next))
    }
    // Overlong forms and surrogates come out as U+FFFD: refuse them too.
    let text = String(decoding: bytes, as: UTF8.self)
    guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first, scalar != "\u{FFFD}" else {
      return nil
    }
    return Character(scalar)
  }

  /// Esc alone is a key; Esc followed at once by more bytes is a sequence ncurses did not know
  /// (a function key, Alt+key, a mouse report, a terminal's answer): swallow it whole rather
  /// than let its bytes act as keys of their own. CSI and SS3 end at a final byte in @…~; OSC,
  /// DCS, APC, PM and SOS strings end at BEL or ESC \.
  private func readAfterEscape() -> Key? {
    let window = gv_stdscr()
    wtimeout(window, 0)
    let code = wgetch(window)
    guard code != ERR else { return .escape }
    switch code {
    case 0x5B, 0x4F:  // '[' or 'O'
      for _ in 0..<4096 {
        let next = wgetch(window)
        guard next != ERR else { return nil }
        if (0x40...0x7E).contains(next) { return nil }
      }
    case 0x5D, 0x50, 0x5F, 0x5E, 0x58:  // ']' OSC, 'P' DCS, '_' APC, '^' PM, 'X' SOS
      var previous: Int32 = 0
      for _ in 0..<65536 {
        let next = wgetch(window)
        guard next != ERR else { return nil }
        if next == 0x07 || (previous == 0x1B && next == 0x5C) { return nil }
        previous = next
      }
    default:
      break  // Alt + a key: dropped with its key
    }
    return nil
  }

  private func attributes(_ style: Style) -> attr_t {
    var attributes = gv_a_normal()
    if style.bold { attributes |= gv_a_bold() }
    if style.reverse { attributes |= gv_a_reverse() }
    if style.dim { attributes |= gv_a_dim() }
    if style.underline { attributes |= gv_a_underline() }
    // Without colour, a coloured background (the current step, the selection) becomes reverse
    // video so it still stands out.
    if !colors && style.background != nil { attributes |= gv_a_reverse() }
    return attributes
  }

  private func pair(for style: Style) -> Int16 {
    guard colors, style.foreground != nil || style.background != nil else { return 0 }
    let key = (style.foreground?.rawValue ?? -1) * 16 + (style.background?.rawValue ?? -1) + 17
    if let pair = pairs[key] { return pair }
    let number = Int16(pairs.count + 1)
    guard Int32(number) < gv_color_pairs() else { return 0 }
    init_pair(number, Int16(style.foreground?.rawValue ?? -1), Int16(style.background?.rawValue ?? -1))
    pairs[key] = number
    return number
  }
}

/// Signal handling for the terminal: quitting signals set a flag the run loop checks (the read
/// returns on them, since they are installed without SA_RESTART); crashes give the terminal back
/// before the default action runs, so a bug never leaves a workshop with a broken shell.
enum Signals {
  /// The last quitting signal received, or 0.
  static let pending = Atomic<Int32>(0)
  /// Ctrl-Z was pressed: the run loop suspends at its next wake-up.
  static let suspendRequested = Atomic<Bool>(false)
  /// SIGCONT arrived: the terminal's modes may have been reset while the process was stopped.
  static let continued = Atomic<Bool>(false)
  /// SIGWINCH arrived: the window changed size.
  static let resized = Atomic<Bool>(false)
  static let screenIsActive = Atomic<Bool>(false)

  /// Every signal whose default action ends the process without a core dump: each gives the
  /// terminal back first (a stray `kill -USR1` or a `ulimit -t` must not leave a broken shell).
  static let quitting: [Int32] = [
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
  ]
  static let crashing: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

  /// The actions in place before ours, by signal number, restored on exit and before re-raising
  /// a crash (so the Swift runtime's backtracer still reports it). Written before the handlers
  /// are installed, read only afterwards.
  nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
    let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    pointer.initialize(repeating: sigaction(), count: 65)
    return pointer
  }()

  static func install() {
    pending.store(0, ordering: .sequentiallyConsistent)
    installSuspendHandler(savingPrevious: true)
    gv_set_signal_handler(SIGCONT, { _ in Signals.continued.store(true, ordering: .relaxed) }, previous + Int(SIGCONT))
    gv_set_signal_handler(SIGWINCH, { _ in Signals.resized.store(true, ordering: .relaxed) }, previous + Int(SIGWINCH))
    for signal in quitting {
      gv_set_signal_handler(
        signal, { received in Signals.pending.store(received, ordering: .relaxed) }, previous + Int(signal))
    }
    for signal in crashing {
      gv_set_signal_handler(
        signal,
        { received in
          if Signals.screenIsActive.exchange(false, ordering: .relaxed) { endwin() }
          gv_restore_signal_handler(received, Signals.previous + Int(received))
          raise(received)
        }, previous + Int(signal))
    }
  }

  static func restore() {
    for signal in quitting + crashing + [SIGTSTP, SIGCONT, SIGWINCH] {
      gv_restore_signal_handler(signal, previous + Int(signal))
    }
  }

  private static func installSuspendHandler(savingPrevious: Bool) {
    gv_set_signal_handler(
      SIGTSTP, { _ in Signals.suspendRequested.store(true, ordering: .relaxed) },
      savingPrevious ? previous + Int(SIGTSTP) : nil)
  }

  /// Stops the process with the default SIGTSTP action; returns once it is continued.
  static func stopProcess() {
    suspendRequested.store(false, ordering: .sequentiallyConsistent)
    signal(SIGTSTP, SIG_DFL)
    raise(SIGTSTP)
    installSuspendHandler(savingPrevious: false)
  }
}
