"""Terminal faults and abuse: resize storms, signals, thousands of random keys, unreadable files;
writes interrupted by signals and file-size limits, and the memory a long trace needs."""
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pytest

from conftest import BINARY


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_a_resize_storm_leaves_a_correct_screen(pane):
    reference = pane()
    reference.run_gaeviz()
    expected = reference.wait_for(lambda s: "step  1/12" in s)
    reference.keys("q")
    reference.close()

    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    rng = random.Random(7)
    sizes = [(1, 1), (300, 100), (2, 1), (59, 19), (60, 20), (40, 12)]
    sizes += [(rng.randint(1, 300), rng.randint(1, 100)) for _ in range(40)]
    for width, height in sizes:
        p.resize(width, height)
        time.sleep(0.01)
    assert p.program_pid() is not None, "gae-viz died in the storm"
    p.resize(80, 24)
    screen = p.wait_for(lambda s: s == expected, timeout=5)
    assert screen == expected
    p.keys("q")
    assert p.exit_status() == 0
    assert p.flags() == "0 1 0" and p.shell_is_sane()


@pytest.mark.parametrize("signal_number", [3, 11], ids=["SIGQUIT", "SIGSEGV (a crash)"])
def test_sigquit_and_crashes_give_the_terminal_back(pane, signal_number):
    # SIGQUIT quits cleanly; a segfault (or a Swift trap) runs our crash handler: endwin first,
    # then the default action.
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    os.kill(p.program_pid(), signal_number)
    assert p.exit_status() == 128 + signal_number
    assert p.flags() == "0 1 0" and p.shell_is_sane()


def test_thousands_of_random_keys_do_not_break_it(pane, scenario_folder):
    p = pane()
    p.run_gaeviz(scenario_folder)
    p.wait_for(lambda s: "[1/4]" in s)
    pid = p.program_pid()
    rng = random.Random(11)
    keys = ["Right", "Left", "Up", "Down", "PPage", "NPage", "Home", "End", "Tab", "BTab", "Space",
            "Escape", "Enter", "BSpace", "F1", "F5", "F12", "IC", "DC", "M-x", "C-a", "C-l",
            "0", "1", "r", "+", "-", "]", "[", "?", "x", "g", "G", "j", "k", "é", "γ", "日"]
    rss = []
    for batch in range(5):
        # One send-keys call a batch: tmux delivers them as fast as the program reads.
        chosen = [rng.choice(keys) for _ in range(400)]
        p.tmux("send-keys", "-t", "e2e", *chosen)
        time.sleep(0.3)
        assert p.program_pid() == pid, "gae-viz died"
        rss.append(rss_kib(pid))
    # Still responsive: a known key sequence does what it should.
    # Wait for the backlog to drain (each lone Esc costs the escape delay), then close whatever
    # overlay the keys left open (an unbound key closes help or the notes without acting; q
    # would only close them) and step off the broken file if that is where the keys left it.
    previous = None
    for _ in range(40):
        time.sleep(0.3)
        screen = p.screen()
        if screen != previous:
            previous = screen
            continue
        if "q or Esc closes" in screen:
            p.keys("x")
        elif "Could not open" in screen:
            p.keys("]")
        else:
            break
    p.keys("Home")
    p.wait_for(lambda s: "Ready" in s, timeout=5)
    p.keys("End")
    p.wait_for(lambda s: re.search(r"step +(\d+)/\1 ", s) is not None, timeout=5)
    # Memory flat: the last batches cost no more than a little over the first.
    assert rss[-1] - rss[1] < 4096, rss
    p.keys("q")
    assert p.exit_status() == 0
    assert p.flags() == "0 1 0"


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root to become nobody")
def test_an_unreadable_file_is_one_line_and_exit_1():
    # Root reads everything, so drop to nobody for this one.
    directory = tempfile.mkdtemp()
    try:
        os.chmod(directory, 0o755)
        path = os.path.join(directory, "secret.json")
        with open(path, "w") as f:
            f.write('{"rewards": [0], "values": [0, 0], "terminated": [0], "truncated": [0]}')
        os.chmod(path, 0o600)
        out = subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", BINARY, "trace", path],
                             capture_output=True, text=True)
    finally:
        shutil.rmtree(directory)
    assert out.returncode == 1
    assert out.stderr == f"gae-viz: {path}: permission denied\n"


def test_a_huge_window_is_drawn_capped_and_says_so(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    pid = p.program_pid()
    p.resize(2000, 1000)
    screen = p.wait_for(lambda s: "window 2000×1000: drawing 500×300" in s, timeout=10)
    assert rss_kib(pid) < 400 * 1024
    p.resize(80, 24)
    p.wait_for(lambda s: "step  1/12" in s and "drawing" not in s)
    p.keys("q")
    assert p.exit_status() == 0
    assert p.flags() == "0 1 0"


def test_exported_lines_and_columns_do_not_override_the_window(pane):
    p = pane(env={"LINES": "10", "COLUMNS": "30"})
    p.run_gaeviz()
    screen = p.wait_for(lambda s: "step  1/12" in s)
    assert "Enlarge" not in screen and "? help" in screen
    p.keys("q")
    assert p.exit_status() == 0


def test_starting_in_a_huge_window_is_not_a_bad_terminal(pane):
    p = pane(width=10000, height=5000)
    p.run_gaeviz()
    p.wait_for(lambda s: "window 10000×5000: drawing 500×300" in s, timeout=20)
    p.keys("q")
    assert p.exit_status() == 0


def test_ctrl_s_does_not_freeze_it(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.keys("C-s", "Left")
    p.wait_for(lambda s: "step  2/12" in s, timeout=3)
    os.kill(p.program_pid(), signal.SIGTERM)
    assert p.exit_status() == 143
    assert p.flags() == "0 1 0" and p.shell_is_sane()


def test_terminal_answers_and_long_sequences_are_not_read_as_keys(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    # An OSC colour reply, as a terminal sends it when asked: "]11;rgb:0000/0000/0000" then BEL.
    p.tmux("send-keys", "-t", "e2e", "-H", "1b", "5d", *[format(ord(c), "x") for c in "11;rgb:1010/0000/0000"], "07")
    # A CSI sequence of 40 parameter bytes, final byte 'A'.
    p.tmux("send-keys", "-t", "e2e", "-H", "1b", "5b", *(["30"] * 40), "41")
    p.keys("Left")
    screen = p.wait_for(lambda s: "step  2/12" in s, timeout=3)
    assert "[λ 0.95]" in screen and "γ 0.99" in screen
    p.keys("q")
    assert p.exit_status() == 0


def test_wide_and_ascii_only_names_leave_no_stale_cells(pane, tmp_path):
    from conftest import write_scenario
    folder = tmp_path / "wide"
    folder.mkdir()
    write_scenario(folder / "01.json", "日本語のシナリオ 🇫🇷 ❤️ here", [0], [0, 0])
    write_scenario(folder / "02.json", "plain", [0], [0, 0])
    for env in [{}, {"LC_ALL": "C"}]:
        p = pane(env=env)
        p.run_gaeviz(str(folder))
        p.wait_for(lambda s: "[1/2]" in s)
        p.keys("]")
        screen = p.wait_for(lambda s: "[2/2]" in s)
        header = screen.split("\n")[0]
        assert "plain" in header and "here" not in header and "?" not in header, header
        p.keys("q")
        assert p.exit_status() == 0
        p.close()


def test_a_signal_during_a_load_is_acted_on_when_it_ends_without_a_key(pane, tmp_path):
    from conftest import write_scenario
    folder = tmp_path / "big"
    folder.mkdir()
    write_scenario(folder / "01.json", "small", [0], [0, 0])
    count = 300_000
    write_scenario(folder / "02.json", "big", [0.5] * count, [0.25] * (count + 1))
    p = pane()
    p.run_gaeviz(str(folder))
    p.wait_for(lambda s: "[1/2]" in s)
    pid = p.program_pid()
    p.keys("]")
    time.sleep(0.05)
    os.kill(pid, signal.SIGTERM)
    assert p.exit_status() == 143  # exit_status waits at most 10 s, and no key is sent
    assert p.flags() == "0 1 0" and p.shell_is_sane()


def write_scenario(path, steps, seed=5):
    rng = random.Random(seed)
    with open(path, "w") as f:
        json.dump({"name": "long", "rewards": [round(rng.uniform(-1, 1), 6) for _ in range(steps)],
                   "values": [round(rng.uniform(-2, 2), 6) for _ in range(steps + 1)],
                   "terminated": [int(rng.random() < 0.005) for _ in range(steps)],
                   "truncated": [int(rng.random() < 0.005) for _ in range(steps)]}, f)


@pytest.fixture(scope="module")
def scenarios():
    """A 10^6-step and a 10^5-step scenario, made once for the module, removed after it."""
    directory = tempfile.mkdtemp(prefix="gaeviz-e2e-")
    made = {}
    for steps in (1_000_000, 100_000):
        made[steps] = os.path.join(directory, f"long-{steps}.json")
        write_scenario(made[steps], steps)
    yield made
    shutil.rmtree(directory)


@pytest.fixture
def folder():
    directory = tempfile.mkdtemp(prefix="gaeviz-e2e-")
    yield directory
    shutil.rmtree(directory)


def temporaries(directory):
    return [name for name in os.listdir(directory) if ".gaeviz-" in name]


OLD = "the old contents, which must survive whole\n"


def interrupt_mid_write(command, folder, target, number, **popen):
    """Runs `command` over an existing `target` and, while its temporary file is being written,
    sends signal `number`. To be sure the signal lands mid-write, the program is frozen
    (SIGSTOP) as soon as the temporary file appears, the file is checked to be still there, and
    only then is the signal sent and the program let go (it handles the signal first thing)."""
    for _ in range(5):
        with open(target, "w") as f:
            f.write(OLD)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **popen)
        deadline = time.time() + 120
        while process.poll() is None and time.time() < deadline:
            if temporaries(folder):
                process.send_signal(signal.SIGSTOP)
                if temporaries(folder):
                    process.send_signal(number)
                    process.send_signal(signal.SIGCONT)
                    process.communicate(timeout=60)
                    return process.returncode
                process.send_signal(signal.SIGCONT)
        process.communicate(timeout=60)
    raise AssertionError("the temporary file was never seen mid-write")


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["SIGINT", "SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("command", ["trace", "convert"])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(scenarios, folder, command, number):
    # The temporary file used to stay behind (hundreds of MB for a long trace).
    target = os.path.join(folder, "out.csv")
    if command == "trace":
        arguments = [BINARY, "trace", scenarios[100_000], "--format", "csv", "-o", target, "--force"]
    else:
        arguments = [BINARY, "convert", scenarios[100_000], target, "--force"]
    status = interrupt_mid_write(arguments, folder, target, number)
    assert status == -number, "gae-viz should die of the signal, as a program interrupted does"
    assert os.listdir(folder) == ["out.csv"]
    with open(target) as f:
        assert f.read() == OLD


def test_a_file_size_limit_leaves_the_old_file_and_no_temporary(scenarios, folder):
    # When the output outgrows `ulimit -f`, the write fails with "file too large": one line, exit 1.
    target = os.path.join(folder, "out.json")
    with open(target, "w") as f:
        f.write(OLD)

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    out = subprocess.run([BINARY, "trace", scenarios[100_000], "--format", "json", "-o", target, "--force"],
                         capture_output=True, preexec_fn=limit)
    assert out.returncode == 1 and b"too large" in out.stderr, out.stderr
    assert os.listdir(folder) == ["out.json"]
    with open(target) as f:
        assert f.read() == OLD


def test_an_ignored_signal_stays_ignored(scenarios, folder):
    # `nohup` and friends: a signal the parent ignores does not stop the write, which completes.
    target = os.path.join(folder, "out.csv")
    status = interrupt_mid_write([BINARY, "trace", scenarios[100_000], "--format", "csv", "-o", target, "--force"],
                                 folder, target, signal.SIGHUP,
                                 preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    assert status == 0
    assert os.listdir(folder) == ["out.csv"]
    with open(target) as f:
        assert f.readline() == "step,t,reward,value,next_value,terminated,truncated,delta,carry,advantage,return\n"


# Run from a small fresh Python: a process's peak memory (ru_maxrss) includes what the process it
# was forked from had mapped before exec, so forked straight from pytest, holding the scenarios,
# every run would measure pytest.
MEASURE = """
import os, sys
out = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0), (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=out)
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def peak_kib(arguments):
    """The peak resident memory of one run in KiB, from the kernel's own account (wait4)."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *arguments], capture_output=True, text=True, check=True)
    status, peak = map(int, out.stdout.split())
    assert status == 0, arguments
    return peak


@pytest.mark.parametrize("format", ["table", "csv", "json", "markdown"])
def test_trace_streams_its_output(scenarios, folder, format):
    # trace needs what `check` needs (the scenario read, the pass computed) and next to nothing
    # for its output, which it writes as it goes: it used to build the whole text in memory
    # (a 10^6-step JSON trace peaked near 575 MiB).
    path = scenarios[100_000]
    floor = peak_kib([BINARY, "check", path])
    for extra in ([], ["-o", os.path.join(folder, "out")]):
        peak = peak_kib([BINARY, "trace", path, "--format", format, "--force", *extra])
        assert peak - floor < 8 * 1024, (format, extra, peak, floor)


def test_a_million_step_trace_needs_under_150_mib(scenarios):
    # One format is enough here (the debug build is slow); the test above shows the others
    # need no more than it. A release build measures about 68 MiB for each.
    assert peak_kib([BINARY, "trace", scenarios[1_000_000], "--format", "csv"]) < 150 * 1024


def test_a_file_name_that_is_not_utf8_can_be_opened_listed_and_written(tmp_path, pane):
    folder = tmp_path / "latin1"
    folder.mkdir()
    name = os.fsencode(str(folder)) + b"/caf\xe9.json"
    with open(name, "wb") as f:
        f.write(b'{"name": "caf", "rewards": [1], "values": [0, 0], "terminated": [0], "truncated": [0]}')
    binary = os.fsencode(BINARY)
    out = subprocess.run([binary, b"trace", name, b"--format", b"csv"], capture_output=True)
    assert out.returncode == 0 and out.stdout.startswith(b"step,t,"), out.stderr
    out = subprocess.run([binary, b"check", os.fsencode(str(folder))], capture_output=True)
    assert out.returncode == 0 and b"caf\\xE9.json: ok" in out.stdout, out
    target = os.fsencode(str(folder)) + b"/out\xff.csv"
    out = subprocess.run([binary, b"trace", name, b"--format", b"csv", b"-o", target], capture_output=True)
    assert out.returncode == 0 and os.path.exists(target), out.stderr
    missing = subprocess.run([binary, b"trace", os.fsencode(str(folder)) + b"/no\xe9.json"], capture_output=True)
    assert missing.returncode == 1 and missing.stderr.endswith(b"no\\xE9.json: no such file\n"), missing.stderr
    # The visualiser opens it from a folder, and names it readably.
    p = pane()
    p.run_gaeviz(str(folder))
    p.wait_for(lambda s: "caf\\xE9.json" in s and "caf" in s)
    p.keys("q")
    assert p.exit_status() == 0


def test_every_quitting_signal_gives_the_terminal_back(pane):
    for name in ["USR1", "USR2", "ALRM", "XCPU"]:
        p = pane()
        p.run_gaeviz()
        p.wait_for(lambda s: "step  1/12" in s)
        number = getattr(signal, "SIG" + name)
        os.kill(p.program_pid(), number)
        assert p.exit_status() == 128 + number, name
        assert p.flags() == "0 1 0" and p.shell_is_sane(), name
        p.close()


def test_w_never_writes_onto_a_fifo_or_the_terminal_and_a_size_limit_is_a_message(pane, tmp_path):
    name = "goal-time-limit-and-a-rollout-cut-short-trace-g0.99-l0.95.md"
    p = pane()
    p.shell(f"cd {tmp_path}")
    os.mkfifo(tmp_path / name)
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.keys("w")
    p.wait_for(lambda s: "is a device or a FIFO" in s, timeout=5)
    p.keys("Left")
    p.wait_for(lambda s: "step  2/12" in s)  # still answering
    p.keys("q")
    assert p.exit_status() == 0
    os.remove(tmp_path / name)
    os.symlink("/dev/tty", tmp_path / name)
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.keys("w")
    p.wait_for(lambda s: "is a device or a FIFO" in s, timeout=5)
    assert "| step |" not in p.screen()
    p.keys("q")
    assert p.exit_status() == 0
    os.remove(tmp_path / name)
    p.shell(f"(ulimit -f 1; {BINARY})")
    p.wait_for(lambda s: "step  1/12" in s)
    p.keys("w")
    p.wait_for(lambda s: "Could not write: file too large" in s, timeout=5)
    p.keys("q")
    p.wait_for(lambda s: s.rstrip().endswith("$"))
    assert p.flags() == "0 1 0"


def test_a_terminal_that_goes_away_ends_the_program_instead_of_spinning(pane):
    # With SIGHUP ignored (nohup, a trap), nothing tells the program its window closed: it must
    # notice the dead terminal itself, not read nothing at once, for ever, at full CPU.
    p = pane()
    p.shell("trap '' HUP")
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    pid = p.program_pid()
    p.tmux("kill-server", check=False)
    deadline = time.time() + 5
    while time.time() < deadline and os.path.exists(f"/proc/{pid}"):
        with open(f"/proc/{pid}/stat") as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                break
        time.sleep(0.1)
    alive = os.path.exists(f"/proc/{pid}") and open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
    if alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "gae-viz kept running after its terminal went away"
