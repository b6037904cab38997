"""Real ``estate-advisor`` processes for the store's tests, waited for without assuming the machine's speed.

A wait fails when the process has sat idle for ``STUCK`` seconds (no thread running, ready to run or in a disk
read or write) without doing what was expected: on a loaded machine a process waits for a CPU and is slow, not
stuck, so it is waited for; one blocked on a lock, a pipe or its input is stuck, and the test says so. Where
``/proc`` is missing (not Linux), every poll counts as idle and a wait is bounded by time alone.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from contextlib import suppress
from pathlib import Path

STUCK = 20.0
"""Seconds of idleness after which a process that has not printed the line or ended is stuck."""
POLL = 0.1


def busy(pid: int) -> bool:
    """Whether a thread of the process is running, ready to run, or in a disk read or write (``/proc``)."""
    states = []
    with suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with suppress(OSError):
                states.append((task / "stat").read_text().rsplit(")", 1)[1].split()[0])
    return any(state in ("R", "D") for state in states)


def idle_after_poll(pid: int, idle: float) -> float:
    """Idle time so far after one more poll: back to zero whenever the process is busy."""
    return 0.0 if busy(pid) else idle + POLL


def run_command(args: list[str], text_in: str = "") -> subprocess.CompletedProcess[str]:
    """Run a command to its end with ``text_in`` on its standard input, and what it printed."""
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sent: str | None = text_in
    idle = 0.0
    while idle < STUCK:
        try:
            out, err = proc.communicate(sent, timeout=POLL)
        except subprocess.TimeoutExpired:
            sent = None  # taken already: a retry only goes on reading
            idle = idle_after_poll(proc.pid, idle)
            continue
        return subprocess.CompletedProcess(args, proc.returncode, out, err)
    proc.kill()
    out, err = proc.communicate()
    raise AssertionError(f"{args[-3:]} sat idle for {STUCK:g}s without ending; it printed {(out + err)[-300:]!r}")


class PlainProcess:
    """``estate-advisor --plain`` on pipes, with its output read line by line in the background."""

    def __init__(self, data_dir: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "advisor", "--plain", "--data-dir", str(data_dir), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.seen: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def wait_for(self, prefix: str) -> str:
        """The next line starting with ``prefix``; fails with what was seen if the process ends first, or sits
        idle for ``STUCK`` seconds without printing it."""
        idle = 0.0
        while idle < STUCK:
            try:
                line = self._lines.get(timeout=POLL)
            except queue.Empty:
                idle = idle_after_poll(self.proc.pid, idle)
                continue
            if line is None:
                raise AssertionError(f"the process ended before {prefix!r}; last lines {self.seen[-4:]}")
            self.seen.append(line)
            if line.startswith(prefix):
                return line
            idle = 0.0
        raise AssertionError(f"no line starting {prefix!r}, idle for {STUCK:g}s; last lines {self.seen[-4:]}")

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def answer(self, text: str) -> None:
        """Give an answer and wait until it is reported as accepted (and so committed)."""
        self.send(text)
        self.wait_for("Noted: ")

    def exit_status(self) -> int:
        """How the process ended, once it has; fails if it sits idle for ``STUCK`` seconds without ending."""
        idle = 0.0
        while idle < STUCK:
            try:
                return self.proc.wait(timeout=POLL)
            except subprocess.TimeoutExpired:
                idle = idle_after_poll(self.proc.pid, idle)
        raise AssertionError(f"the process sat idle for {STUCK:g}s without ending; last lines {self.seen[-4:]}")

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.exit_status() == -signal.SIGKILL
        self.close()

    def finish(self) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        code = self.exit_status()
        self.close()
        return code

    def close(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None and not stream.closed:
                stream.close()
