"""A second Python process that works through batches of texts while the build goes on.

It is the same interpreter, run isolated (`-I`: nothing of the folder it runs in or of the
environment is imported), importing from where this process did when it loaded this module.
It reads the import paths, then one batch per line (JSON), and answers each batch on one line:
the texts it made, in order, and the processor time it has taken so far. A thread writes the
batches and another reads the answers, so that this process never waits for it.
"""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator

from . import cores

# Where this process imported from when it loaded this module (a folder a plugin or hook puts on
# the path later could hold modules of the same names as the standard library's, which this
# process had loaded already). Only text entries: Python's imports skip others.
IMPORT_PATHS = [entry for entry in sys.path if isinstance(entry, str)]
_BOOTSTRAP = (
    "import importlib, json, sys; sys.path[:] = json.loads(sys.stdin.buffer.readline().decode('utf-8', 'surrogatepass')); "
    "importlib.import_module(sys.argv[1]).serve()"
)
Answer = tuple[list[str], float]  # what one batch made, and the second process's processor time so far


def has_room() -> bool:
    """Whether a second process could work beside this one: a core for each, and its end no harm to this one.

    With SIGPIPE's default action restored (by a program that embeds the build), writing to a
    second process that has ended would end this one without a word.
    """
    pipe_signal = getattr(signal, "SIGPIPE", None)
    return cores.usable_cores() >= 2 and (pipe_signal is None or signal.getsignal(pipe_signal) != signal.SIG_DFL)


def _line(value: object) -> bytes:
    """One line of JSON, any text in it written code unit for code unit (two halves of a surrogate pair stay two)."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"


def _read_line(line: bytes) -> object:
    return json.loads(line.decode("utf-8", "surrogatepass"))


def _start(module: str) -> subprocess.Popen:
    """`module.serve()` run by the same Python (OSError if there is none to run)."""
    if not sys.executable or getattr(sys, "frozen", False):  # (a frozen program's executable is the program itself)
        raise OSError("no Python program to run")
    bytecode = ["-B"] if sys.dont_write_bytecode else []
    if sys.pycache_prefix:
        bytecode += ["-X", f"pycache_prefix={sys.pycache_prefix}"]
    command = [sys.executable, "-I", *bytecode, "-c", _BOOTSTRAP, module]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


class SecondProcess:
    """`module.serve()` in a second process, given these batches in order (OSError if it cannot start)."""

    def __init__(self, module: str, batches: list[list[str]]) -> None:
        self.process = _start(module)
        self._back: queue.SimpleQueue[Answer | None] = queue.SimpleQueue()  # None: its output ended
        threading.Thread(target=self._send, args=(batches,), daemon=True).start()
        threading.Thread(target=self._receive, daemon=True).start()

    def _send(self, batches: list[list[str]]) -> None:
        try:
            with self.process.stdin as stream:
                stream.write(_line(IMPORT_PATHS))
                for batch in batches:
                    stream.write(_line(batch))
        except OSError:  # the process ended: its output ends too
            pass

    def _receive(self) -> None:
        try:
            with self.process.stdout as stream:
                for line in stream:
                    made, seconds = _read_line(line)
                    if not isinstance(made, list) or not all(isinstance(text, str) for text in made) or not isinstance(seconds, float):
                        break  # not what was asked: what came back before is kept
                    self._back.put((made, seconds))
        except Exception:  # noqa: BLE001 (its output broken off or unreadable: what came back is kept)
            pass
        self._back.put(None)

    def answers(self) -> Iterator[Answer | None]:
        """The answers back so far, in order, without waiting; None once its output has ended."""
        while True:
            try:
                answer = self._back.get_nowait()
            except queue.Empty:
                return
            yield answer
            if answer is None:
                return

    def stop(self) -> None:
        """End the process (if it still runs) and wait for it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def serve(work: Callable[[list[str]], list[str]]) -> None:
    """(In the second process) answer each batch read from standard input with `work(batch)`."""
    for line in sys.stdin.buffer:
        made = work(_read_line(line))
        sys.stdout.buffer.write(_line([made, time.process_time()]))
        sys.stdout.buffer.flush()
