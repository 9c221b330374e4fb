/// A feature of the app: the walkthrough today; compare, weights, the lab tomorrow. A mode is
/// one folder holding its state (a type conforming to this protocol), its actions, its binding
/// table, its update and its views. `App` talks to the active mode only through this protocol,
/// so adding a mode adds no branch to `App`, the run loop or the screen.
public protocol Mode: Sendable {
  associatedtype Action: Equatable, Sendable

  /// The mode's name, for the header and help.
  static var title: String { get }

  /// The mode's state for a session just opened.
  init(session: Session)

  /// The state for a newly opened scenario, keeping what the person chose about the view (the
  /// animation speed, say).
  func adopting(_ session: Session) -> Self

  /// The key table; labels may depend on the state (play / pause).
  func bindings(session: Session, glyphs: Glyphs) -> [Binding<Action>]

  /// The only place the mode's state changes in answer to a key. `area` is the mode's part of
  /// the screen, for anything that must stay in view.
  mutating func update(_ action: Action, session: inout Session, area: Rect) -> [Effect]

  /// The subscription: how long until the next `tick`, or nil when nothing moves on its own.
  var tickInterval: Duration? { get }

  mutating func tick(session: inout Session, area: Rect) -> [Effect]

  /// The window changed size, or the session changed under the mode (γ, λ, a new file).
  mutating func fit(session: Session, area: Rect)

  func render(session: Session, glyphs: Glyphs, into canvas: inout Canvas, in area: Rect)

  /// The right end of the header's first line: progress, play state.
  func headerStatus(session: Session, glyphs: Glyphs) -> String

  /// Help's sections for this mode, and the legend of what its screen shows.
  func helpSections(session: Session, glyphs: Glyphs) -> [KeySection]
  func legend(glyphs: Glyphs) -> [(String, Style)]

  /// The width and height the mode's notes panel has in `area`, if it shows the notes.
  func notesPanel(in area: Rect) -> Size?

  /// A line typed at a prompt the mode asked for: nil when taken, else why not (a status line).
  mutating func answer(_ kind: PromptKind, _ text: String, session: Session, area: Rect) -> String?
}

extension Mode {
  public func helpSections(session: Session, glyphs: Glyphs) -> [KeySection] {
    [KeySection(Self.title, bindings(session: session, glyphs: glyphs))]
  }

  public func legend(glyphs: Glyphs) -> [(String, Style)] { [] }

  public func notesPanel(in area: Rect) -> Size? { nil }

  public mutating func answer(_ kind: PromptKind, _ text: String, session: Session, area: Rect) -> String? {
    "\(Self.title) takes no typed input"
  }

  /// A key through the mode's table: nil when the table does not bind it.
  mutating func handle(_ key: Key, session: inout Session, area: Rect) -> [Effect]? {
    guard let action = bindings(session: session, glyphs: .unicode).action(for: key) else { return nil }
    return update(action, session: &session, area: area)
  }

  /// The footer's entries, in table order.
  func footerHints(session: Session, glyphs: Glyphs) -> [KeyHelp] {
    bindings(session: session, glyphs: glyphs).map(KeyHelp.init).filter { $0.footer != nil }
  }

  /// The same state after a new scenario, as an existential (for `App`).
  func adoptingAny(_ session: Session) -> any Mode { adopting(session) }
}
