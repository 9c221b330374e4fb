import GAECore

/// The whole interface as one value: the document (`Session`), the active feature (`Mode`) and
/// what sits around it (`Chrome`). Changed only by `handle`; drawn by `Screen.render`.
///
/// A key goes to the top overlay first, then to the keys every mode shares, then to the active
/// mode's table. System messages (ticks, resizes, effect results) go where they belong and never
/// clear a prompt or a status message, whatever is open.
public struct App: Sendable {
  public private(set) var session: Session
  public private(set) var mode: any Mode
  public private(set) var chrome = Chrome()
  /// The size drawn: the window's, capped (`Screen.drawn`).
  public private(set) var size = Size(width: 80, height: 24)
  /// The window's own size, as last reported.
  public private(set) var windowSize = Size(width: 80, height: 24)
  public private(set) var quitting = false
  /// The modes left for another, by their place in `ModeCatalog`: going back to one finds it as
  /// it was (the walkthrough at its step).
  private var parked: [Int: any Mode] = [:]

  public init(session: Session, mode: (any Mode)? = nil) {
    self.session = session
    self.mode = mode ?? Walkthrough(session: session)
    refit()
  }

  /// `handle` as a pure function, for tests.
  public static func update(_ app: App, _ msg: Msg) -> (App, [Effect]) {
    var app = app
    let effects = app.handle(msg)
    return (app, effects)
  }

  /// The subscription: the mode's tick interval, or none while a file's error is shown.
  public var tickInterval: Duration? { session.failure == nil ? mode.tickInterval : nil }

  /// The most steps `w` writes as a Markdown table.
  public static let largestSlideTrace = 100_000

  /// Where the mode draws: between the two header rows and the footer.
  public static func body(of size: Size) -> Rect {
    Rect(x: 0, y: 2, width: size.width, height: size.height - 3)
  }

  public var body: Rect { Self.body(of: size) }

  /// Shows a status message (the run loop's word about something that happened before the
  /// screen was up, say).
  public mutating func report(_ text: String, isError: Bool) {
    chrome.status = Chrome.Status(text: text, isError: isError)
  }

  public mutating func handle(_ msg: Msg) -> [Effect] {
    let effects: [Effect]
    switch msg {
    case .key(let key):
      effects = handleKey(key)
    case .tick:
      effects = session.failure == nil ? intercept(mode.tick(session: &session, area: body)) : []
    case .resize(let width, let height):
      windowSize = Size(width: width, height: height)
      size = Screen.drawn(windowSize)
      effects = []
    case .loaded(let scenario, let index):
      session.open(scenario, index: index)
      mode = mode.adoptingAny(session)
      parked = parked.mapValues { $0.adoptingAny(session) }
      // The notes overlay showed the previous file's notes: start them again from the top.
      if case .notes = chrome.top { chrome.replaceTop(.notes(scroll: 0)) }
      effects = []
    case .loadFailed(let path, let reason, let index):
      session.fail(path: path, reason: reason, index: index)
      if case .notes = chrome.top { chrome.pop() }
      effects = []
    case .traceWritten(let path):
      chrome.status = Chrome.Status(text: "Wrote \(path)", isError: false)
      effects = []
    case .traceWriteFailed(let write, let reason, let directory, let exists):
      if exists {
        chrome.push(
          .confirm(
            Chrome.Confirmation(
              message:
                "File exists: press w again to replace it, any other key keeps it \u{B7} \(write.path) in \(directory)",
              key: .character("w"), effect: .writeTrace(write.confirmed))))
      } else {
        // The reason first: at 80 columns a long path must not push it off the line.
        chrome.status = Chrome.Status(
          text: "Could not write: \(reason) \u{B7} \(write.path) in \(directory)", isError: true)
      }
      effects = []
    }
    refit()
    return effects
  }

  /// Whether the screen is too small to show anything but "enlarge me".
  public var isTooSmall: Bool { size.width < Screen.minimumWidth || size.height < Screen.minimumHeight }

  private mutating func handleKey(_ key: Key) -> [Effect] {
    // Nothing acts unseen: while the window is too small, only quitting works.
    if isTooSmall {
      if GlobalAction.bindings(session, active: mode).action(for: key) == .quit { quitting = true }
      return []
    }
    if let top = chrome.top {
      switch top {
      case .help(let scroll):
        handleReader(key, scroll: scroll) { .help(scroll: $0) }
        return []
      case .notes(let scroll):
        handleReader(key, scroll: scroll) { .notes(scroll: $0) }
        return []
      case .confirm(let confirmation):
        chrome.pop()
        if key == confirmation.key { return [confirmation.effect] }
        if key == .escape { return [] }
      // Any other key withdraws the offer and does what it always does.
      case .prompt(var prompt):
        handlePrompt(key, &prompt)
        return []
      }
    }
    chrome.status = nil
    if let action = GlobalAction.bindings(session, active: mode).action(for: key) {
      return perform(action)
    }
    guard session.failure == nil else { return [] }
    return intercept(mode.handle(key, session: &session, area: body) ?? [])
  }

  /// Effects the app carries out itself: a mode's question opens a prompt.
  private mutating func intercept(_ effects: [Effect]) -> [Effect] {
    effects.filter { effect in
      switch effect {
      case .ask(let question, let kind):
        chrome.push(.prompt(Chrome.Prompt(question: question, text: "", kind: kind)))
        return false
      case .say(let text):
        chrome.status = Chrome.Status(text: text, isError: false)
        return false
      default:
        return true
      }
    }
  }

  /// A prompt takes every key: digits and a minus sign type (other keys do nothing), Backspace deletes, Enter gives the
  /// text to the mode, Esc withdraws the question.
  private mutating func handlePrompt(_ key: Key, _ prompt: inout Chrome.Prompt) {
    switch key {
    case .escape:
      chrome.pop()
    case .enter:
      chrome.pop()
      if let problem = mode.answer(prompt.kind, prompt.text, session: session, area: body) {
        chrome.status = Chrome.Status(text: problem, isError: true)
      }
    case .backspace:
      if !prompt.text.isEmpty { prompt.text.removeLast() }
      chrome.replaceTop(.prompt(prompt))
    // A time step is digits (and a sign): nothing else types.
    case .character(let character)
    where prompt.text.count < 12 && (character.isASCII && (character.isNumber || character == "-")):
      prompt.text.append(character)
      chrome.replaceTop(.prompt(prompt))
    default:
      break
    }
  }

  /// Help and the notes: the arrows scroll; q, Esc, the overlay's own key and any other key
  /// close it without acting, so a stray key never does something unseen (and q never quits
  /// from inside help).
  private mutating func handleReader(_ key: Key, scroll: Int, overlay: (Int) -> Chrome.Overlay) {
    let page = max(body.height - 4, 1)
    switch key {
    case .up, .character("k"): chrome.replaceTop(overlay(max(scroll - 1, 0)))
    case .down, .character("j"): chrome.replaceTop(overlay(scroll + 1))
    case .pageUp: chrome.replaceTop(overlay(max(scroll - page, 0)))
    case .pageDown, .character(" "): chrome.replaceTop(overlay(scroll + page))
    case .home, .character("g"): chrome.replaceTop(overlay(0))
    case .end, .character("G"): chrome.replaceTop(overlay(Int.max / 2))
    default: chrome.pop()
    }
  }

  private mutating func perform(_ action: GlobalAction) -> [Effect] {
    switch action {
    case .quit:
      quitting = true
    case .help:
      chrome.push(.help(scroll: 0))
    case .notes:
      chrome.push(.notes(scroll: 0))
    case .nextScenario, .previousScenario:
      let playlist = session.playlist
      guard playlist.count > 1 else {
        chrome.status = Chrome.Status(
          text: playlist.isEmpty
            ? "Open a folder (gae-viz Scenarios/) to browse scenarios" : "This folder has one scenario",
          isError: false)
        return []
      }
      let step = action == .nextScenario ? 1 : -1
      let index = (session.playlistIndex + step + playlist.count) % playlist.count
      return [.load(path: playlist[index], index: index)]
    case .mode(let index):
      let entry = ModeCatalog.entries[index]
      guard !entry.isActive(mode) else { return [] }
      if let current = ModeCatalog.entries.firstIndex(where: { $0.isActive(mode) }) { parked[current] = mode }
      mode = parked.removeValue(forKey: index) ?? entry.make(session)
    case .writeTrace:
      chrome.withdrawConfirmations()
      guard session.stepCount <= Self.largestSlideTrace else {
        // Writing it would hold the screen for seconds and fill hundreds of megabytes for a
        // table no slide can show; the command line streams it instead.
        chrome.status = Chrome.Status(
          text: "\(session.stepCount) rows are too many for a slide (w writes up to \(Self.largestSlideTrace)): "
            + "gae-viz trace FILE --format markdown --output OUT streams them",
          isError: true)
        return []
      }
      return [
        .writeTrace(
          TraceWrite(
            path: session.traceFileName, trace: session.trace, name: session.scenario.name, format: .markdown,
            digits: 4, overwrite: false))
      ]
    }
    return []
  }

  /// After every message: the mode keeps what must be visible in view, the notes are wrapped
  /// for the widths on screen, and the overlays' scroll positions stay within their text.
  private mutating func refit() {
    mode.fit(session: session, area: body)
    if let panel = mode.notesPanel(in: body) { session.prepareNotes(width: panel.width) }
    if let top = chrome.top {
      switch top {
      case .help(let scroll):
        let lines = HelpOverlay(app: self, glyphs: .unicode).lines.count
        chrome.replaceTop(.help(scroll: min(scroll, max(lines - HelpOverlay.rows(in: body), 0))))
      case .notes(let scroll):
        let width = NotesOverlay.textWidth(in: body)
        session.prepareNotes(width: width)
        let lines = session.notesLines(width: width).count
        chrome.replaceTop(.notes(scroll: min(scroll, max(lines - NotesOverlay.rows(in: body), 0))))
      case .confirm, .prompt:
        break
      }
    }
  }
}
