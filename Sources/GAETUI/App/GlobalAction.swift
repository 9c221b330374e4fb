/// Keys that work in every mode: quitting, help, the notes, the folder, writing the trace.
public enum GlobalAction: Equatable, Sendable {
  case quit
  case help
  case notes
  case nextScenario
  case previousScenario
  case writeTrace
  /// Switch to `ModeCatalog.entries[index]`.
  case mode(Int)

  /// The table. Without a document (the current file did not open) only the keys that make
  /// sense remain: there are no notes to read and no trace to write.
  static func bindings(_ session: Session, active: any Mode) -> [Binding<GlobalAction>] {
    var table: [Binding<GlobalAction>] = []
    if session.failure == nil {
      // The other modes, with footer labels; the active one stays bound (and does nothing).
      for (index, entry) in ModeCatalog.entries.enumerated() {
        table.append(
          Binding([entry.key], .mode(index), help: entry.help, footer: entry.isActive(active) ? nil : entry.name))
      }
    }
    if session.failure == nil {
      table.append(Binding([.character("i")], .notes, help: "the scenario's notes, whole (scroll with the arrows)"))
    }
    if session.playlist.count > 1 {
      table.append(
        Binding(
          [.character("]"), .character(".")], .nextScenario, help: "next scenario in the folder",
          footer: "scenario", footerKeys: "[ ]"))
      table.append(Binding([.character("["), .character(",")], .previousScenario, help: "previous scenario"))
    } else {
      table.append(
        Binding([.character("]"), .character(".")], .nextScenario, help: "next scenario (when a folder is open)"))
      table.append(Binding([.character("["), .character(",")], .previousScenario, help: "previous scenario"))
    }
    if session.failure == nil {
      table.append(
        Binding([.character("w")], .writeTrace, help: "write this trace as a Markdown table (for slides)"))
    }
    table.append(Binding([.character("?")], .help, help: "this help (q or Esc closes it)", footer: "help"))
    table.append(Binding([.character("q"), .character("Q")], .quit, help: "quit (also Ctrl-C)", footer: "quit"))
    return table
  }
}
