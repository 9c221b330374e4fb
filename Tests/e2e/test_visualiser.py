"""The visualiser as a user meets it, in a real terminal."""
import json
import os
import subprocess
import re
import signal
import time

from conftest import BINARY, trace


def advantages_on_screen(screen):
    """The A row of the timeline: {t: text} for every computed step shown."""
    lines = screen.split("\n")
    t_row = next(line for line in lines if line.strip().startswith("t │"))
    a_row = next(line for line in lines if line.strip().startswith("A │"))
    times = t_row.split("│", 1)[1]
    values = a_row.split("│", 1)[1]
    for mark in "┃┆‹◀▸◂":
        times = times.replace(mark, " ")
        values = values.replace(mark, " ")
    return dict(zip((int(t) for t in times.split()), values.split()))


def shown(value, digits=2):
    """As the screen spells a signed number: a value that prints as zero has no sign, minus is −."""
    text = f"{value:.{digits}f}"
    if set(text) <= set("-0."):
        return text.lstrip("-")
    return text.replace("-", "−") if text.startswith("-") else "+" + text


def test_opens_on_the_built_in_scenario_with_the_seeds_defaults(pane):
    p = pane()
    p.run_gaeviz()
    screen = p.wait_for(lambda s: "Goal, time limit" in s)
    assert "γ 0.99" in screen and "[λ 0.95]" in screen and "γλ 0.9405" in screen
    assert "? help" in screen and "q quit" in screen
    assert "Step  1 of 12 · t = 11" in screen
    p.keys("q")
    assert p.exit_status() == 0


def test_after_end_the_advantages_agree_with_trace_and_follow_gamma_and_lambda(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "Goal, time limit" in s)
    p.keys("End")
    screen = p.wait_for(lambda s: "step 12/12" in s)
    expected = {s["t"]: shown(s["advantage"]) for s in trace()["steps"]}
    assert advantages_on_screen(screen) == expected

    # λ up three times (0.98), then γ down twice (0.97): the numbers move at once.
    p.keys("Up", "Up", "Up", "Tab", "Down", "Down")
    screen = p.wait_for(lambda s: "[γ 0.97]" in s and "λ 0.98" in s)
    expected = {s["t"]: shown(s["advantage"]) for s in trace("--gamma", "0.97", "--lambda", "0.98")["steps"]}
    assert advantages_on_screen(screen) == expected
    assert "step 12/12" in screen  # the step is kept

    # 0 is TD (λ=0): A = δ; 1 is Monte Carlo.
    p.keys("0")
    screen = p.wait_for(lambda s: "[λ 0.00]" in s)
    expected = {s["t"]: shown(s["delta"]) for s in trace("--gamma", "0.97", "--lambda", "0")["steps"]}
    assert advantages_on_screen(screen) == expected
    p.keys("1")
    p.wait_for(lambda s: "[λ 1.00]" in s)
    p.keys("q")
    assert p.exit_status() == 0


def test_stepping_back_and_forth_and_playing(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    # The pass runs right to left: ← computes the next step, → steps back.
    p.keys("Left", "Left", "Left")
    screen = p.wait_for(lambda s: "step  4/12" in s)
    assert "t = 8 · ◆ truncated" in screen
    assert "carry resets" in screen
    p.keys("Right")
    p.wait_for(lambda s: "step  3/12" in s)
    p.keys("Home")
    p.wait_for(lambda s: "step  0/12" in s and "Ready" in s)
    for _ in range(5):
        p.keys("+")
    p.keys("Space")  # 64 steps a second: done in well under a second
    screen = p.wait_for(lambda s: "step 12/12" in s and "paused" in s, timeout=5)
    assert "Computation steps 12/12" in screen
    p.keys("q")
    assert p.exit_status() == 0


def test_help_lists_every_key_and_q_closes_it(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.keys("?")
    first = p.wait_for(lambda s: "Help" in s)
    p.keys("End")
    last = p.wait_for(lambda s: "On the screen" in s)
    screen = first + last
    for text in ["next step", "step back", "play / pause", "restart", "finish", "select γ or λ",
                 "by 0.01", "by 0.1", "TD error", "Monte-Carlo", "faster animation", "quit", "notes"]:
        assert text in screen, text
    # q and Esc close help; they do not quit.
    p.keys("q")
    p.wait_for(lambda s: "Help" not in s and "step  1/12" in s)
    p.keys("?")
    p.wait_for(lambda s: "Help" in s)
    p.keys("Escape")
    p.wait_for(lambda s: "Help" not in s)
    assert p.program_pid() is not None
    p.keys("q")
    assert p.exit_status() == 0


def test_the_notes_are_readable_to_the_last_word_at_80x24(pane, scenario_folder):
    p = pane()
    p.run_gaeviz(scenario_folder + "/01-first.json")
    screen = p.wait_for(lambda s: "Same name" in s)
    assert "i more notes" in screen
    assert "The last sentence" not in screen
    p.keys("i")
    p.wait_for(lambda s: "q or Esc closes" in s)
    p.keys("End")
    screen = p.wait_for(lambda s: "The last sentence of the first file." in s.replace("\n", " ") or
                        "first file." in s)
    p.keys("Escape")
    p.wait_for(lambda s: "q or Esc closes" not in s)
    p.keys("q")
    assert p.exit_status() == 0


def test_resizing_down_to_40x12_and_back_recovers(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.resize(40, 12)
    screen = p.wait_for(lambda s: "Enlarge" in s)
    assert "60×20" in screen and "40×12" in screen
    p.resize(80, 24)
    p.wait_for(lambda s: "step  1/12" in s and "Enlarge" not in s)
    p.resize(123, 37)
    screen = p.wait_for(lambda s: "horizon 1/(1−γλ)" in s)
    assert all(len(line) <= 123 for line in screen.split("\n"))
    p.keys("q")
    assert p.exit_status() == 0
    assert p.flags() == "0 1 0"
    assert p.shell_is_sane()


def test_quitting_by_q_ctrl_c_sigterm_and_sighup_gives_the_terminal_back(pane):
    for how, status in [("q", 0), ("C-c", 130), ("TERM", 143), ("HUP", 129)]:
        p = pane()
        p.run_gaeviz()
        p.wait_for(lambda s: "step  1/12" in s)
        assert p.flags().startswith("1")
        if how in ("q", "C-c"):
            p.keys(how)
        else:
            os.kill(p.program_pid(), getattr(signal, "SIG" + how))
        assert p.exit_status() == status, how
        assert p.flags() == "0 1 0", how
        assert p.shell_is_sane(), how
        p.close()


def test_ctrl_z_and_fg_redraw(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.keys("C-z")
    p.wait_for(lambda s: "Stopped" in s)
    assert p.flags() == "0 1 0"
    assert p.shell_is_sane()
    p.shell("fg")
    p.wait_for(lambda s: "step  1/12" in s and "Computation steps" in s)
    assert p.flags() == "1 0 1"  # keypad mode is back, so arrow keys work again
    p.keys("Left")
    p.wait_for(lambda s: "step  2/12" in s)
    p.keys("q")
    assert p.exit_status() == 0


def test_a_folder_can_be_browsed_and_a_broken_file_shows_its_own_error(pane, scenario_folder):
    p = pane()
    p.run_gaeviz(scenario_folder)
    p.wait_for(lambda s: "[1/4] 01-first.json" in s and "Same name" in s)
    p.keys("]")
    screen = p.wait_for(lambda s: "[2/4] 02-broken.json" in s)
    # Its own error, never the previous file's numbers.
    assert "Could not open this file" in screen and "rewards[1]" in screen
    assert "V(s)" not in screen and "Same name" not in screen
    p.keys("Left", "w")  # nothing to step through, nothing to write
    p.keys("]")
    screen = p.wait_for(lambda s: "[3/4] 03-second.json" in s and "Same name" in s)
    assert "◆" in screen
    p.keys("[", "[", "[")
    p.wait_for(lambda s: "[4/4] 04-third.json" in s and "Third" in s)
    p.keys("q")
    assert p.exit_status() == 0
    assert not any(name.endswith(".md") for name in os.listdir(scenario_folder))


def test_paused_costs_no_cpu(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    pid = p.program_pid()

    def cpu_ticks():
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    before = cpu_ticks()
    time.sleep(2)
    assert cpu_ticks() - before <= 1  # at most one clock tick (10 ms) in two seconds
    p.keys("q")
    assert p.exit_status() == 0


def test_without_utf8_it_falls_back_to_ascii(pane):
    p = pane(env={"LC_ALL": "C"})
    p.run_gaeviz()
    screen = p.wait_for(lambda s: "step  1/12" in s)
    assert "[lambda 0.95]" in screen and "gamma 0.99" in screen
    assert "─" not in screen and "γ" not in screen
    p.keys("q")
    assert p.exit_status() == 0


def test_bad_terminals_and_bad_files_get_one_line_before_the_screen(pane):
    p = pane()
    cases = [
        ("TERM=dumb", "", "cannot move the cursor"),
        ("TERM=no-such-terminal", "", "cannot use the terminal type 'no-such-terminal'"),
        ("env -u TERM", "", "TERM is not set"),
        ("", "/nonexistent.json", "/nonexistent.json: no such file"),
        ("", "Tests/e2e/conftest.py", "Tests/e2e/conftest.py: line 1, column 1: expected a scenario object"),
    ]
    for prefix, args, message in cases:
        p.shell("clear")
        p.shell(f"{prefix} {BINARY} {args}; echo EXIT=$?")
        screen = p.wait_for(lambda s: re.search(r"EXIT=\d", s) is not None)
        assert message in screen, screen
        assert re.findall(r"EXIT=(\d+)", screen)[-1] == "1"
        assert p.flags() == "0 1 0"
    for redirect in ["< /dev/null", "> /dev/null", "| cat"]:
        p.shell("clear")
        p.shell(f"{BINARY} {redirect}; echo EXIT=${{PIPESTATUS[0]}}")
        screen = p.wait_for(lambda s: re.search(r"EXIT=\d", s) is not None)
        assert "needs a terminal" in screen and "gae-viz trace" in screen, redirect
        assert re.findall(r"EXIT=(\d+)", screen)[-1] == "1", redirect
        assert p.flags() == "0 1 0"


def test_stopped_from_outside_then_fg_redraws_and_reads_keys_at_once(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    os.kill(p.program_pid(), signal.SIGSTOP)
    p.wait_for(lambda s: "Stopped" in s)
    p.shell("fg")
    p.wait_for(lambda s: "step  1/12" in s and "Computation steps" in s)
    p.keys("Left")  # read at once: not echoed, no Enter needed
    p.wait_for(lambda s: "step  2/12" in s, timeout=3)
    p.keys("q")
    assert p.exit_status() == 0
    assert p.flags() == "0 1 0" and p.shell_is_sane()


def test_an_invalid_utf8_byte_does_not_swallow_the_keys_after_it(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.tmux("send-keys", "-t", "e2e", "-H", "ff")  # never valid in UTF-8
    p.tmux("send-keys", "-t", "e2e", "-H", "e9")  # é from a Latin-1 terminal: a lead byte with no continuation
    p.keys("Left")
    p.wait_for(lambda s: "step  2/12" in s, timeout=3)
    p.keys("é", "γ", "日", "Left")
    p.wait_for(lambda s: "step  3/12" in s, timeout=3)
    p.keys("q")
    assert p.exit_status() == 0


def test_compare_shows_the_three_estimators_and_what_moved(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.keys("c")
    screen = p.wait_for(lambda s: "compare TD" in s)
    rows = {line.split("│")[0].strip(): line for line in screen.split("\n") if "│" in line}
    td = {s["t"]: shown(s["advantage"]) for s in json_trace("--estimator", "td")}
    mc = {s["t"]: shown(s["advantage"]) for s in json_trace("--estimator", "mc")}
    assert rows["TD"].split("│")[1].replace("┃", " ").replace("┆", " ").split() == [td[t] for t in range(12)]
    assert rows["MC"].split("│")[1].replace("┃", " ").replace("┆", " ").split() == [mc[t] for t in range(12)]
    assert "▶ GAE  λ = 0.95" in screen
    p.keys("Up")
    screen = p.wait_for(lambda s: "ΔGAE: what moved from γ 0.99, λ 0.95 to γ 0.99, λ 0.96" in s)
    p.keys("s")
    p.wait_for(lambda s: "Computation steps" in s)
    p.keys("q")
    assert p.exit_status() == 0


def json_trace(*args):
    return trace(*args)["steps"]


def test_weights_take_an_advantage_apart(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.keys("e", "Right", "Right", "Right", "Right", "Right")
    screen = p.wait_for(lambda s: "weights of A at t = 5" in s)
    explained = subprocess.run([BINARY, "explain", "--t", "5", "--format", "json"], capture_output=True, text=True,
                               check=True)
    a = json.loads(explained.stdout)["advantage"]
    text = f"{a:.5f}".replace("-", "−")
    assert f"= {text}: 4 terms" in screen
    assert f"= {text} = A₅" in screen
    p.keys("q")
    assert p.exit_status() == 0


def test_go_to_a_typed_step_and_jump_to_boundaries(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.keys("t")
    p.wait_for(lambda s: "Go to t (0–11):" in s)
    p.keys("1", "0", "BSpace", "9", "Enter")  # "19", after an edit: outside 0–11
    p.wait_for(lambda s: '"19" is not a time step: t runs from 0 to 11' in s)
    p.keys("t", "4", "Enter")
    p.wait_for(lambda s: "t = 4 · ■ terminated" in s)
    assert "[λ 0.95]" in p.screen()  # the digit went to the prompt, not to λ
    p.keys("B")
    p.wait_for(lambda s: "t = 8 · ◆ truncated" in s)
    p.keys("q")
    assert p.exit_status() == 0


def test_every_mode_is_a_key_away_and_keeps_its_place(pane):
    p = pane()
    p.run_gaeviz()
    p.wait_for(lambda s: "step  1/12" in s)
    p.keys("Left", "Left", "Left")
    p.wait_for(lambda s: "step  4/12" in s)
    for key, marker in [("c", "compare TD"), ("e", "weights of A"), ("v", "targets, minibatch 4"), ("s", "step  4/12")]:
        p.keys(key)
        p.wait_for(lambda s, marker=marker: marker in s)
    p.keys("v", "<", "<")
    p.wait_for(lambda s: "mb 1" in s and "NaN" in s)
    p.keys("q")
    assert p.exit_status() == 0
