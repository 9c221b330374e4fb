#ifndef GAEVIZ_CNCURSES_SHIM_H
#define GAEVIZ_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags, and without them the wide-character API
// (get_wch, mvadd_wch, setcchar, cchar_t) is not declared. Ask for it explicitly.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <poll.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 rejects C mutable globals; read them through functions.
static inline WINDOW *gv_stdscr(void) { return stdscr; }
static inline WINDOW *gv_curscr(void) { return curscr; }
static inline int gv_lines(void) { return LINES; }
static inline int gv_cols(void) { return COLS; }
static inline int gv_colors(void) { return COLORS; }
static inline int gv_color_pairs(void) { return COLOR_PAIRS; }

// Attribute macros are not imported.
static inline attr_t gv_a_normal(void) { return A_NORMAL; }
static inline attr_t gv_a_bold(void) { return A_BOLD; }
static inline attr_t gv_a_reverse(void) { return A_REVERSE; }
static inline attr_t gv_a_underline(void) { return A_UNDERLINE; }
static inline attr_t gv_a_dim(void) { return A_DIM; }

// Keys whose macros are function-like or not imported.
static inline int gv_key_resize(void) { return KEY_RESIZE; }

// The terminal's cursor-addressing capability: TERM=dumb passes newterm yet cannot draw a screen.
static inline int gv_has_cursor_addressing(void) {
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1;
}

// sigaction without SA_RESTART, so a blocking read returns on SIGTERM instead of waiting for a key.
static inline int gv_set_signal_handler(int sig, void (*handler)(int), struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  return sigaction(sig, &action, previous);
}

static inline int gv_restore_signal_handler(int sig, const struct sigaction *previous) {
  return sigaction(sig, previous, NULL);
}

// The window's size as the kernel knows it (ioctl is variadic, which Swift cannot call).
static inline int gv_window_size(int fd, int *rows, int *columns) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
  *rows = size.ws_row;
  *columns = size.ws_col;
  return 0;
}

// Ctrl-S / Ctrl-Q flow control off: otherwise Ctrl-S freezes every write to the terminal and
// the program with it (a quitting signal then waits in a blocked write).
static inline void gv_disable_flow_control(int fd) {
  struct termios modes;
  if (tcgetattr(fd, &modes) != 0) return;
  modes.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
  tcsetattr(fd, TCSANOW, &modes);
}

// Whether the terminal behind `fd` has gone (its window closed, its tmux server killed): a read
// then fails at once for ever, and a program that takes that for "no key yet" spins.
static inline int gv_input_is_gone(int fd) {
  struct pollfd entry = {fd, POLLIN, 0};
  if (poll(&entry, 1, 0) < 0) return 0;
  return (entry.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static inline int gv_codeset_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
