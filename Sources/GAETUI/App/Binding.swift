/// One row of a binding table: the keys, what they do, and how help and the footer name them.
/// Dispatch, the footer and the help overlay all read the same table, so they cannot drift.
public struct Binding<Action: Sendable>: Sendable {
  public let keys: [Key]
  public let action: Action
  /// The line in help, after the keys.
  public let help: String
  /// The footer's short label, or nil to leave the binding to help. Footer labels are shown in
  /// table order, as many as fit.
  public let footer: String?
  /// How the footer names the keys when not by the first key alone ("↑↓" for a pair of rows).
  public let footerKeys: String?

  public init(_ keys: [Key], _ action: Action, help: String, footer: String? = nil, footerKeys: String? = nil) {
    self.keys = keys
    self.action = action
    self.help = help
    self.footer = footer
    self.footerKeys = footerKeys
  }

  /// The same binding for an enclosing action type: how a mode includes a shared table.
  public func map<Other>(_ transform: (Action) -> Other) -> Binding<Other> {
    Binding<Other>(keys, transform(action), help: help, footer: footer, footerKeys: footerKeys)
  }
}

extension Array {
  /// The action bound to `key` in a table, if any: the first row that names it.
  public func action<Action>(for key: Key) -> Action? where Element == Binding<Action> {
    first { $0.keys.contains(key) }?.action
  }
}

/// A binding with its action erased, for the help overlay and the footer.
public struct KeyHelp: Sendable, Equatable {
  public let keys: [Key]
  public let help: String
  public let footer: String?
  public let footerKeys: String?

  public init<Action>(_ binding: Binding<Action>) {
    keys = binding.keys
    help = binding.help
    footer = binding.footer
    footerKeys = binding.footerKeys
  }
}

/// A titled group of bindings in help: "Anywhere", "Walkthrough", "γ and λ".
public struct KeySection: Sendable, Equatable {
  public let title: String
  public let rows: [KeyHelp]

  public init<Action>(_ title: String, _ bindings: [Binding<Action>]) {
    self.title = title
    rows = bindings.map(KeyHelp.init)
  }
}
