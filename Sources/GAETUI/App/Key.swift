/// A key press, as the terminal reports it: no ncurses codes past the terminal file.
public enum Key: Hashable, Sendable {
  case character(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown
  case tab, backTab, escape, enter, backspace
}
