#!/usr/bin/env python3
"""Figures only a real terminal gives: time from launch to the first frame, and CPU time while
paused and while playing. Runs gae-viz on a pseudo-terminal of 80x24.

    python3 terminal_figures.py path/to/gae-viz  ->  one JSON object on stdout
"""
import fcntl
import json
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def launch(binary, args=()):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "LC_ALL": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"})
        os.execv(binary, [binary, *args])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def read_until(fd, marker, timeout=10):
    seen = b""
    deadline = time.perf_counter() + timeout
    while marker not in seen:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(marker)
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def drain(fd):
    while select.select([fd], [], [], 0)[0]:
        try:
            os.read(fd, 65536)
        except OSError:
            return


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(pid, fd):
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)


def main():
    binary = sys.argv[1]
    launches = []
    for _ in range(7):
        start = time.perf_counter()
        pid, fd = launch(binary)
        read_until(fd, b"/12")  # "step  1/12": the first frame is on screen
        launches.append(time.perf_counter() - start)
        stop(pid, fd)

    pid, fd = launch(binary, [os.path.join(ROOT, "Scenarios/07-long-horizon.json")])
    read_until(fd, b"/300")
    samples = {}
    for name, keys in [("paused", b""), ("playing 2/s", b" "), ("playing 32/s", b"++++")]:
        if keys:
            os.write(fd, keys)
        drain(fd)
        before = cpu_seconds(pid)
        end = time.perf_counter() + 5
        while time.perf_counter() < end:
            select.select([fd], [], [], 0.2)
            drain(fd)
        samples[name] = (cpu_seconds(pid) - before) / 5
    stop(pid, fd)
    print(json.dumps({"first_frame_ms": statistics.median(launches) * 1000,
                      "cpu_percent": {k: v * 100 for k, v in samples.items()}}))


if __name__ == "__main__":
    main()
