"""Drives the real gae-viz binary in tmux: keys in with send-keys, the screen out with capture-pane.

Each test gets its own tmux server (its own socket), an interactive bash in a pane of the size
it asks for, and a UTF-8 locale unless it asks otherwise. GAEVIZ_BIN names the binary
(default .build/debug/gae-viz).
"""
import os
import re
import shutil
import subprocess
import time
import uuid

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.abspath(os.environ.get("GAEVIZ_BIN", os.path.join(ROOT, ".build/debug/gae-viz")))


class Pane:
    def __init__(self, width=80, height=24, env=None):
        self.socket = f"gaeviz-{uuid.uuid4().hex[:8]}"
        # Inside tmux the terminal is tmux's own type: its key sequences are what ncurses must expect.
        environment = {"LC_ALL": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "enable=no"}
        environment.update(env or {})
        exports = " ".join(f"{k}={v}" if v is not None else "" for k, v in environment.items())
        unsets = " ".join(k for k, v in environment.items() if v is None)
        self.tmux("-u", "new-session", "-d", "-s", "e2e", "-x", str(width), "-y", str(height),
                  "env", "-i", f"PATH={os.environ['PATH']}", f"HOME={os.environ.get('HOME', '/tmp')}",
                  "bash", "--norc", "--noprofile")
        self.shell(f"export PS1='$ ' {exports}; " + (f"unset {unsets}; " if unsets else "") + f"cd {ROOT}; clear")
        self.wait_for(lambda screen: screen.strip() == "$")

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check)

    def shell(self, command):
        self.tmux("send-keys", "-t", "e2e", "-l", command)
        self.tmux("send-keys", "-t", "e2e", "Enter")

    def keys(self, *keys, pause=0.05):
        for key in keys:
            self.tmux("send-keys", "-t", "e2e", key)
            time.sleep(pause)

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "e2e").stdout

    def lines(self):
        return self.screen().split("\n")

    def wait_for(self, predicate, timeout=10.0):
        deadline = time.time() + timeout
        while True:
            screen = self.screen()
            if predicate(screen):
                return screen
            if time.time() > deadline:
                raise AssertionError(f"timed out; the screen was:\n{screen}")
            time.sleep(0.05)

    def flags(self):
        """alternate screen, cursor visible, keypad mode: '0 1 0' once the terminal is given back."""
        return self.tmux("display", "-p", "-t", "e2e", "#{alternate_on} #{cursor_flag} #{keypad_flag}").stdout.strip()

    def program_pid(self):
        shell = self.tmux("display", "-p", "-t", "e2e", "#{pane_pid}").stdout.strip()
        out = subprocess.run(["ps", "-o", "pid=,comm=", "--ppid", shell], capture_output=True, text=True).stdout
        for line in out.split("\n"):
            if "gae-viz" in line:
                return int(line.split()[0])
        return None

    def run_gaeviz(self, args=""):
        # Not `gae-viz; echo $?`: bash drops the rest of a list when its command dies of SIGINT.
        self.shell(f"{BINARY} {args}")

    def exit_status(self):
        """Waits for gae-viz to end, then asks the shell for its exit status."""
        deadline = time.time() + 10
        while self.program_pid() is not None:
            if time.time() > deadline:
                raise AssertionError(f"gae-viz did not exit; the screen was:\n{self.screen()}")
            time.sleep(0.05)
        self.shell("echo EXIT=$?")
        screen = self.wait_for(lambda s: re.search(r"EXIT=\d+", s) is not None)
        return int(re.findall(r"EXIT=(\d+)", screen)[-1])

    def shell_is_sane(self):
        """The shell answers, and the tty is back in canonical mode with echo."""
        self.shell("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | tr '\\n' ,; echo STTY")
        screen = self.wait_for(lambda s: "STTY" in s.split("echo STTY")[-1] if "echo STTY" in s else False)
        tail = screen.split("echo STTY")[-1]
        return "icanon" in tail and "-icanon" not in tail and "echo," in tail and "-echo" not in tail

    def resize(self, width, height):
        self.tmux("resize-window", "-t", "e2e", "-x", str(width), "-y", str(height))

    def close(self):
        self.tmux("kill-server", check=False)


@pytest.fixture
def pane():
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed (.ci/run installs it)")
    created = []

    def make(width=80, height=24, env=None):
        p = Pane(width, height, env)
        created.append(p)
        return p

    yield make
    for p in created:
        p.close()


def trace(*args):
    import json
    out = subprocess.run([BINARY, "trace", "--format", "json", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def write_scenario(path, name, rewards, values, terminated=None, truncated=None, description="", **extra):
    import json
    count = len(rewards)
    document = {
        "name": name, "description": description, "rewards": rewards, "values": values,
        "terminated": terminated or [False] * count, "truncated": truncated or [False] * count,
    }
    document.update(extra)
    with open(path, "w") as f:
        json.dump(document, f)
    return path


@pytest.fixture
def scenario_folder(tmp_path):
    """A folder of scenarios written by the test itself: two good files with the same name, a
    broken one between them, and a third good one — what a teacher's folder may hold."""
    folder = tmp_path / "lesson"
    folder.mkdir()
    write_scenario(folder / "01-first.json", "Same name", [0, 1], [0.5, 0.5, 0.2], terminated=[False, True],
                   description="The first file. " + "It has long notes. " * 20 + "The last sentence of the first file.")
    (folder / "02-broken.json").write_text('{"name": "broken", "rewards": [0, "x"]}')
    write_scenario(folder / "03-second.json", "Same name", [1, 0, -1], [0, 0, 0, 0], truncated=[False, True, False],
                   description="The second file.")
    write_scenario(folder / "04-third.json", "Third", [0.25], [0, 0], description="The third file.")
    return str(folder)
